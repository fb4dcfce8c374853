"""What only the printed handout needs: named routines, short exercise cards, diary lines and which weeks share a page."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from markupsafe import Markup

from plangen.document.plan import Day, ExerciseDose, Plan, Session, Week
from plangen.render.cards import DrawnCard
from plangen.render.formats import dose as dose_text
from plangen.render.formats import week_runs
from plangen.sources.exercise_models import Exercise, Fault

# A routine groups the drills every run (or every mobility day) repeats, printed once and referred to by name.
ROUTINE_PARTS = (("warmup", "Warm-up", "before every run"),
                 ("cooldown", "Cool-down", "after every run"),
                 ("mobility", "Mobility", "on mobility days, about 15 minutes"))
RUN_KINDS = ("run", "walk_run")
MAX_STEPS, MAX_CUES = 4, 2  # a card a third of a page tall: the handout budget's 3-4 steps and 2 cues
# Two walk-run weeks share a page when their diary lines together stay under this (HANDOUT.md).
SHARE_LINES = 22
# A week with more diary lines than this (six runs and two strength days) is set tighter to keep to its page.
DENSE_LINES = 22
_STEP = re.compile(r"<li>(.*?)</li>", re.DOTALL)
_FIRST_LIST = re.compile(r"<ol>(.*?)</ol>", re.DOTALL)


@dataclass(frozen=True)
class RoutineLine:
    name: str
    dose: str  # "1 × 10 each side (weeks 1–4), 1 × 15 each side (weeks 5–10)"


@dataclass(frozen=True)
class Routine:
    part: str  # warmup | cooldown | mobility
    label: str  # "Warm-up A"
    anchor: str  # "routine-a"
    when: str
    lines: tuple[RoutineLine, ...]


@dataclass(frozen=True)
class PrintCard:
    """An exercise card cut to what fits a third of a page: steps, two cues, one mistake, the dose by week."""

    id: str
    name: str
    svg: str
    needs: str
    steps: tuple[Markup, ...]
    cues: tuple[str, ...]
    fault: Fault | None
    doses: str
    tempo: str | None
    easier: str | None
    harder: str | None


@dataclass(frozen=True)
class WeekNotes:
    """A week's form cues and move-on checks, less what the week before already printed (so a week fits its page)."""

    form: tuple[str, ...]
    checks: tuple[str, ...]
    form_as_before: bool  # some cues are last week's, printed there


@dataclass(frozen=True)
class Handout:
    routines: tuple[Routine, ...]
    cards: tuple[PrintCard, ...]
    pages: tuple[tuple[Week, ...], ...]
    morning_rule: str | None
    cross_training: str | None
    moving_on: tuple[str, ...]
    flare_rules: tuple[str, ...]
    library: Mapping[str, DrawnCard]
    notes: Mapping[int, WeekNotes]

    @property
    def printed(self) -> frozenset[str]:
        """The ids that have a printed card (the week tables link only to those)."""
        return frozenset(card.id for card in self.cards)

    def dose_words(self, dose: ExerciseDose) -> str:
        return exercise_dose(dose, self.library.get(dose.id))

    def easier_name(self, ex_id: str) -> str | None:
        card = self.library.get(ex_id)
        return _card_name(card.easier, self.library) if card is not None else None

    @staticmethod
    def day_rows(day: Day) -> int:
        """Table rows a day takes: one per session, plus one per exercise of a strength session."""
        return max(1, sum(1 + (len(_mains(s)) if s.kind == "strength" else 0) for s in day.sessions))

    @staticmethod
    def dense(week: Week) -> bool:
        return diary_lines(week) > DENSE_LINES

    def routine(self, part: str) -> Routine | None:
        return next((r for r in self.routines if r.part == part), None)

    def session_routines(self, session: Session) -> list[Routine]:
        """The routines a session uses, in the order they are done."""
        if session.kind == "mobility":
            parts = ["mobility"]
        else:
            used = {d.part for d in session.exercises}
            parts = [p for p in ("warmup", "cooldown") if p in used]
        return [r for r in (self.routine(p) for p in parts) if r is not None]


def make_handout(plan: Plan, cards: Mapping[str, DrawnCard]) -> Handout:
    """Everything the print templates need beyond the plan itself, computed once per document."""
    return Handout(
        routines=routines(plan, cards),
        cards=tuple(print_card(card, doses, cards) for card, doses in _strength_cards(plan, cards)),
        pages=week_pages(plan.weeks),
        morning_rule=next((s.options.rule for s in _sessions(plan.weeks) if s.options), None),
        cross_training=next((s.options.cross_training for s in _sessions(plan.weeks) if s.options), None),
        moving_on=_unique(item for week in plan.weeks for item in week.progress_check[1:]),
        flare_rules=_unique(item for week in plan.weeks for item in week.flare_rules),
        library=cards,
        notes=week_notes(plan.weeks),
    )


def front_pages(handout: Handout, large_print: bool = False) -> dict[str, int]:
    """The page each box the handout refers to ("Warm-up A, p. 2") is expected on.

    Page 1 is the cover (traffic light and red flags), page 2 how to use it (routines and flare-up
    rules); large print spreads each over two. pdf.py checks the guess against the laid-out pages.
    """
    flags, routines = (2, 3) if large_print else (1, 2)
    pages = {"traffic-light": flags, "red-flags": flags, "flare-up": routines + large_print}
    return pages | {routine.anchor: routines for routine in handout.routines}


def exercise_dose(dose: ExerciseDose, card: Exercise | None) -> str:
    """'2 × 10 each side, light band': the dose as the runner does it; timed drills take the card's timing."""
    amount = dose_text(dose)
    if card is not None and not (dose.reps or dose.hold_s):
        amount = dose_text(card.dose(dose.step or 1)) or amount
    if card is not None and card.unilateral and amount:
        amount += " each side"
    extra = dose.load if dose.load and dose.load != "bodyweight" else ""
    return ", ".join(bit for bit in (amount, extra) if bit)


def routines(plan: Plan, cards: Mapping[str, DrawnCard]) -> tuple[Routine, ...]:
    """Warm-up, cool-down and mobility, lettered A, B, C in that order (only those the plan uses)."""
    found = []
    for part, name, when in ROUTINE_PARTS:
        doses = _routine_doses(plan.weeks, part)
        if doses:
            letter = "ABCDEFG"[len(found)]
            lines = tuple(RoutineLine(_name(ex_id, cards, d), _by_weeks(d, cards.get(ex_id))) for ex_id, d in doses.items())
            found.append(Routine(part, f"{name} {letter}", f"routine-{letter.lower()}", when, lines))
    return tuple(found)


def print_card(card: DrawnCard, doses: Sequence[tuple[int, ExerciseDose]], cards: Mapping[str, DrawnCard]) -> PrintCard:
    tempos = {d.tempo for _, d in doses if d.tempo}
    return PrintCard(
        id=card.id,
        name=card.name,
        svg=card.svg,
        needs=", ".join(str(e).replace("_", " ") for e in card.equipment) or "nothing",
        steps=steps(card.body_html),
        cues=tuple(card.cues[:MAX_CUES]),
        fault=card.faults[0] if card.faults else None,
        doses=_by_weeks(doses, card, word="Weeks"),
        tempo=tempos.pop() if len(tempos) == 1 else None,
        easier=_card_name(card.easier, cards),
        harder=_card_name(card.harder, cards),
    )


def steps(body_html: str) -> tuple[Markup, ...]:
    """The card's numbered steps (project content, already escaped), joined into at most four."""
    found = _FIRST_LIST.search(body_html)
    items = [Markup(item.strip()) for item in _STEP.findall(found.group(1))] if found else []
    groups: list[list[Markup]] = [[] for _ in range(min(len(items), MAX_STEPS))]
    for index, item in enumerate(items):
        groups[index * len(groups) // len(items)].append(item)
    return tuple(Markup(" ").join(group) for group in groups)


def week_pages(weeks: Sequence[Week]) -> tuple[tuple[Week, ...], ...]:
    """One page per week; two short walk-run weeks in a row share one."""
    pages: list[tuple[Week, ...]] = []
    for week in weeks:
        last = pages[-1] if pages else ()
        if len(last) == 1 and _shares(last[0], week):
            pages[-1] = (last[0], week)
        else:
            pages.append((week,))
    return tuple(pages)


def week_notes(weeks: Sequence[Week]) -> dict[int, WeekNotes]:
    """Each week's cues and checks; the main check always, the rest only when new since the week before."""
    notes, before = {}, None
    for week in weeks:
        old_focus = set(before.focus) if before else set()
        old_checks = set(before.progress_check[1:]) if before else set()
        form = tuple(item for item in week.focus if item not in old_focus)
        checks = week.progress_check[:1] + [item for item in week.progress_check[1:] if item not in old_checks]
        notes[week.number] = WeekNotes(form, tuple(checks), len(form) < len(week.focus))
        before = week
    return notes


def diary_lines(week: Week) -> int:
    """Roughly how many lines a week's table takes: a line per exercise of a strength day, two per run."""
    lines = 0
    for day in week.days:
        for session in day.sessions or ():
            lines += 1 + len(_mains(session)) if session.kind == "strength" else (2 if session.kind in RUN_KINDS else 1)
    return lines


def _shares(first: Week, second: Week) -> bool:
    both_walk_run = first.phase == second.phase == "walk_run"
    return both_walk_run and diary_lines(first) + diary_lines(second) <= SHARE_LINES


def _mains(session: Session) -> list[ExerciseDose]:
    return [d for d in session.exercises if d.part in (None, "main")]


def _sessions(weeks: Iterable[Week]) -> Iterable[Session]:
    return (s for week in weeks for day in week.days for s in day.sessions)


def _routine_doses(weeks: Sequence[Week], part: str) -> dict[str, list[tuple[int, ExerciseDose]]]:
    """Each routine exercise in first-use order, with its doses per week."""
    found: dict[str, list[tuple[int, ExerciseDose]]] = {}
    for week in weeks:
        for day in week.days:
            for session in day.sessions:
                for dose in _routine_part(session, part):
                    entries = found.setdefault(dose.id, [])
                    if (week.number, dose) not in entries:
                        entries.append((week.number, dose))
    return found


def _routine_part(session: Session, part: str) -> list[ExerciseDose]:
    if part == "mobility":
        return list(session.exercises) if session.kind == "mobility" else []
    return [d for d in session.exercises if d.part == part]


def _strength_cards(plan: Plan, cards: Mapping[str, DrawnCard]) -> list[tuple[DrawnCard, list[tuple[int, ExerciseDose]]]]:
    """Cards for what the week tables list as exercises: strength work, not the routines' drills and walks."""
    found: dict[str, list[tuple[int, ExerciseDose]]] = {}
    for week in plan.weeks:
        for day in week.days:
            for session in day.sessions:
                if session.kind == "mobility":
                    continue
                for dose in session.exercises:
                    if dose.part in (None, "main") and dose.id in cards:
                        entries = found.setdefault(dose.id, [])
                        if (week.number, dose) not in entries:
                            entries.append((week.number, dose))
    return [(cards[ex_id], doses) for ex_id, doses in found.items()]


def _by_weeks(doses: Sequence[tuple[int, ExerciseDose]], card: Exercise | None, word: str = "weeks") -> str:
    """'2 × 10 (weeks 1–6), 3 × 12 (weeks 7–10)'; one dose through the plan needs no weeks."""
    runs = week_runs(doses)
    texts = [exercise_dose(d, card) or "as on the card" for _, _, d in runs]
    if len(set(texts)) == 1:
        return texts[0]
    spans = [f"{first}" if first == last else f"{first}–{last}" for first, last, _ in runs]
    if word == "Weeks":
        return " · ".join(f"week{'s' if '–' in span else ''} {span}: {text}" for span, text in zip(spans, texts))
    return ", ".join(f"{text} (week{'s' if '–' in span else ''} {span})" for span, text in zip(spans, texts))


def _name(ex_id: str, cards: Mapping[str, DrawnCard], doses: Sequence[tuple[int, ExerciseDose]]) -> str:
    card = cards.get(ex_id)
    named = next((d.name for _, d in doses if d.name), "")
    return named or (card.name if card is not None else ex_id.replace("-", " ").capitalize())


def _card_name(ex_id: str | None, cards: Mapping[str, DrawnCard]) -> str | None:
    if not ex_id:
        return None
    card = cards.get(ex_id)
    return card.name if card is not None else ex_id.replace("-", " ").capitalize()


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))
