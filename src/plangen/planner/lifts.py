"""Strength progression per exercise (R30-R32): a dose step is earned in logged sessions, and pain takes it back.

Each exercise card has dose stages 1-4 (reps first, then load). A runner moves an
exercise up one stage only after the last two sessions reached the target reps + 1
with exercise pain within the strength lane and no worse next morning (R31,
invariant 17). Pain over that lane, or a worse morning, takes it down a stage (R30).
Future sessions are projected as done as prescribed, so the printed plan shows the
earliest the runner could step up; a logged session always replaces the projection.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from plangen.sources.models import LogEntry, StrengthSet
from plangen.document.plan import ExerciseDose, Reason
from plangen.planner.reasons import reason
from plangen.sources.exercise_models import Exercise, Library
from plangen.rules import Settings

TOP_STAGE = 4
TOP_LEVEL = 4
Outcome = Literal["earned", "hold", "regress"]


# Why an exercise's dose moved or held: rule, runner-facing words, configurable setting.
NEWS: dict[str, tuple[str, str, str | None]] = {
    "up": ("R31", "Two good sessions in a row: these exercises go one step harder (more reps or a little more load).",
           "strength_sessions_per_step"),
    "up_planned": ("R31", "Planned step up. Take it only if your last two sessions of the exercise reached 1 more rep "
                   "than asked, with little pain (see the traffic light) and no worse next morning; if not, stay at the last dose.",
                   "strength_sessions_per_step"),
    "hold": ("R31", "These exercises stay at the same dose until you have two good sessions in a row.", None),
    "down": ("R30", "Pain went over the limit for strength work: these exercises go one step easier "
             "(at the easiest step, use a smaller range or the easier version on the card).", "strength_pain_max"),
}


@dataclass
class Lift:
    """One exercise's place in its dose table."""

    stage: int = 1
    streak: int = 0  # sessions in a row that met the R31 step-up test at this stage
    sessions: int = 0  # sessions done (or planned) at this stage
    news: tuple[str, str] | None = None  # (NEWS key, data): why the dose last moved, told once


@dataclass
class Lifts:
    """Every exercise the runner has met, and the hardest card level they have earned."""

    by_id: dict[str, Lift] = field(default_factory=dict)
    level: int = 1

    def stage(self, exercise_id: str) -> int:
        return self.by_id.get(exercise_id, Lift()).stage

    def lift(self, exercise_id: str) -> Lift:
        return self.by_id.setdefault(exercise_id, Lift())

    def take_news(self, ids: Iterable[str]) -> list[Reason]:
        """One reason per kind of dose change since these exercises were last shown; each is told once."""
        grouped: dict[str, list[str]] = {}
        for exercise_id in ids:
            lift = self.by_id.get(exercise_id)
            if lift is not None and lift.news is not None:
                grouped.setdefault(lift.news[0], []).append(lift.news[1])
                lift.news = None
        # Logged sessions' data are the runner's exercise pain; a planned step up holds only names.
        return [reason(NEWS[kind][0], NEWS[kind][1], "; ".join(data), NEWS[kind][2], "" if kind == "up_planned" else "data")
                for kind, data in sorted(grouped.items())]


def target_reps(exercise: Exercise, stage: int) -> int | None:
    return exercise.dose(max(1, min(stage, TOP_STAGE))).reps


def judge(done: StrengthSet, name: str, target: int | None, morning_baseline: int,
          settings: Settings) -> tuple[Outcome, str]:
    """R30-R31 verdict on one logged exercise (``name`` as the card calls it), with the data that decided it."""
    pain = done.pain if done.pain is not None else 0
    morning = done.next_morning_pain
    if pain > settings.strength_pain_max:
        return "regress", f"{name}: pain {pain}/10 during the exercise"
    if morning is not None and morning > morning_baseline:
        return "regress", f"{name}: next morning {morning}/10, usual {morning_baseline}/10"
    if target is not None and done.reps < target + 1:
        return "hold", f"{name}: {done.reps} reps, a step up needs {target + 1}"
    if morning is None:
        return "hold", f"{name}: next-morning pain not recorded"
    return "earned", f"{name}: {done.reps} reps, pain {pain}/10, next morning {morning}/10"


def record(lifts: Lifts, exercise_id: str, outcome: Outcome, data: str, settings: Settings,
           planned: bool = False) -> None:
    """Move one exercise by one session's outcome (logged, or ``planned`` as prescribed, when ``data`` is its name)."""
    lift = lifts.lift(exercise_id)
    lift.sessions += 1
    if outcome == "regress":
        lifts.by_id[exercise_id] = Lift(stage=max(1, lift.stage - 1), news=("down", data))
        return
    lift.streak = lift.streak + 1 if outcome == "earned" else 0
    if outcome == "hold":
        lift.news = ("hold", data)
    elif lift.streak >= 2 and lift.sessions >= settings.strength_sessions_per_step and lift.stage < TOP_STAGE:
        step_data = f"{data} to step {lift.stage + 1}" if planned else data
        lifts.by_id[exercise_id] = Lift(stage=lift.stage + 1, news=("up_planned" if planned else "up", step_data))


def apply_logged(lifts: Lifts, entries: Iterable[LogEntry], library: Library, morning_baseline: int,
                 settings: Settings) -> None:
    """Move every exercise by what the runner logged (strength entries, in date order)."""
    for entry in entries:
        for done in entry.exercises:
            exercise = library.get(done.id)
            if exercise is None:
                continue  # a card this library does not have: nothing to progress
            target = target_reps(exercise, lifts.stage(done.id))
            outcome, data = judge(done, exercise.name, target, morning_baseline, settings)
            record(lifts, done.id, outcome, f"{entry.date}: {data}", settings)


def apply_planned(lifts: Lifts, exercises: Iterable[ExerciseDose], settings: Settings) -> None:
    """A future session is projected as done as prescribed: target + 1 reps, no pain rise."""
    for exercise in exercises:
        record(lifts, exercise.id, "earned", exercise.name, settings, planned=True)


def next_level(lifts: Lifts, last_week: Iterable[ExerciseDose]) -> Reason | None:
    """R32: a harder card only after reps and load have moved on every exercise of the past week."""
    done = list(last_week)
    if not done or lifts.level >= TOP_LEVEL or any(lifts.stage(d.id) < 3 for d in done):
        return None
    lifts.level += 1
    return reason("R32", "Reps and load have gone up on every exercise, so harder versions come in now.",
                  f"card level {lifts.level}; steps {', '.join(f'{d.name} {lifts.stage(d.id)}' for d in done)}")
