"""The clinician appendix's reasons: every distinct decision once, with its rule, source and where its data applied."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from plangen.document.plan import Plan, Reason


@dataclass(frozen=True)
class ReasonGroup:
    """One decision the planner made, possibly many times: its rule, words and source, and each place it fired."""

    rule: str
    text: str
    source: str
    configurable: bool
    uses: tuple[tuple[str, str], ...]  # (where, the runner's data there), in plan order, repeats folded


def reason_groups(plan: Plan) -> list[ReasonGroup]:
    """Every reason of the plan, its baseline, goal, event, weeks and sessions, grouped by decision."""
    found: dict[tuple[str, str, str, bool], list[tuple[str, str]]] = {}
    for where, reason in _all_reasons(plan):
        uses = found.setdefault((reason.rule, reason.text, reason.source, reason.configurable), [])
        if (where, reason.data) not in uses:
            uses.append((where, reason.data))
    return [ReasonGroup(rule, text, source, config, tuple(_fold(uses))) for (rule, text, source, config), uses in found.items()]


def _all_reasons(plan: Plan) -> Iterator[tuple[str, Reason]]:
    yield from (("Plan", r) for r in plan.reasons)
    yield from (("Starting point", r) for r in plan.baseline.reasons)
    for part, label in (("goal", "Goal"), ("event", "Event")):
        found = getattr(plan, part, None)  # goal and event are newer plan fields
        yield from ((label, r) for r in (getattr(found, "reasons", None) or ()))
    for week in plan.weeks:
        where = f"Week {week.number}"
        yield from ((where, r) for r in week.reasons)
        yield from ((where, r) for day in week.days for s in day.sessions for r in s.reasons)


def _fold(uses: Iterable[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    """Weeks in a row with the same data become one entry: ('Weeks 1–4', '11 km')."""
    run: list[tuple[str, str]] = []
    for where, data in uses:
        if run and run[-1][1] == data and _next_week(run[-1][0], where):
            run.append((where, data))
            continue
        if run:
            yield _span(run)
        run = [(where, data)]
    if run:
        yield _span(run)


def _week(where: str) -> int | None:
    number = where.removeprefix("Week ")
    return int(number) if where.startswith("Week ") and number.isdigit() else None


def _next_week(last: str, where: str) -> bool:
    first, second = _week(last), _week(where)
    return first is not None and second is not None and second in (first, first + 1)


def _span(run: list[tuple[str, str]]) -> tuple[str, str]:
    first, last = run[0][0], run[-1][0]
    return (first if first == last else f"Weeks {_week(first)}–{_week(last)}", run[0][1])
