"""The clinician appendix's reasons: every distinct decision once, with its rule, source and where its data applied."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from plangen.document.plan import Plan, Reason

# Words of data shown per decision (at least one use). A decision taken every session (the exercises
# picked, their steps) would otherwise fill pages with near-repeats; plan.json keeps every one.
MAX_CHARS = 420


@dataclass(frozen=True)
class ReasonGroup:
    """One decision the planner made, possibly many times: its rule, words and source, and the data it used."""

    rule: str
    text: str
    source: str
    configurable: bool
    uses: tuple[tuple[str, str], ...]  # (where, the runner's data there): each distinct data once, in plan order
    more: int = 0  # distinct data left out (beyond MAX_CHARS)
    more_where: str = ""  # where those applied: "Weeks 3–10"


def reason_groups(plan: Plan) -> list[ReasonGroup]:
    """Every reason of the plan, its baseline, goal, event, weeks and sessions, grouped by decision."""
    found: dict[tuple[str, str, str, bool], dict[str, list[str]]] = {}
    for where, reason in _all_reasons(plan):
        places = found.setdefault((reason.rule, reason.text, reason.source, reason.configurable), {})
        wheres = places.setdefault(_without_place(reason.data, where), [])
        if where not in wheres:
            wheres.append(where)
    return [_group(key, places) for key, places in found.items()]


def _group(key: tuple[str, str, str, bool], places: dict[str, list[str]]) -> ReasonGroup:
    rule, text, source, configurable = key
    uses = [(_places(wheres), data) for data, wheres in places.items()]
    shown = _shown(uses)
    rest = [where for wheres in list(places.values())[shown:] for where in wheres]
    return ReasonGroup(rule, text, source, configurable, tuple(uses[:shown]), len(uses) - shown,
                       _places(list(dict.fromkeys(sorted(rest, key=_order)))) if rest else "")


def _shown(uses: Sequence[tuple[str, str]]) -> int:
    """How many uses fit in MAX_CHARS (always the first)."""
    total = 0
    for count, (where, data) in enumerate(uses):
        total += len(where) + len(data)
        if count and total > MAX_CHARS:
            return count
    return len(uses)


def _all_reasons(plan: Plan) -> Iterator[tuple[str, Reason]]:
    yield from (("Plan", r) for r in plan.reasons)
    yield from (("Starting point", r) for r in plan.baseline.reasons)
    yield from (("Goal", r) for r in (plan.goal.reasons if plan.goal else ()))
    yield from (("Event", r) for r in (plan.event.reasons if plan.event else ()))
    for week in plan.weeks:
        where = f"Week {week.number}"
        yield from ((where, r) for r in week.reasons)
        yield from ((where, r) for day in week.days for s in day.sessions for r in s.reasons)


def _without_place(data: str, where: str) -> str:
    """'week 3: cards up to level 1; ...' says its week twice once the week is named beside it."""
    prefix = where.lower() + ": "
    return data[len(prefix):] if data.lower().startswith(prefix) else data


def _places(wheres: Sequence[str]) -> str:
    """'Weeks 1–4, 6, Event': weeks in a row fold into a span."""
    return ", ".join(_spans(wheres))


def _spans(wheres: Iterable[str]) -> Iterator[str]:
    run: list[int] = []
    for where in wheres:
        number = _week(where)
        if number is not None and run and number == run[-1] + 1:
            run.append(number)
            continue
        if run:
            yield _span(run)
            run = []
        if number is None:
            yield where
        else:
            run = [number]
    if run:
        yield _span(run)


def _span(run: list[int]) -> str:
    return f"Week {run[0]}" if len(run) == 1 else f"Weeks {run[0]}–{run[-1]}"


def _week(where: str) -> int | None:
    number = where.removeprefix("Week ")
    return int(number) if where.startswith("Week ") and number.isdigit() else None


def _order(where: str) -> tuple[int, str]:
    number = _week(where)
    return (number if number is not None else -1, where)
