"""Strength progression per exercise (R30-R32): a dose step is earned in logged sessions, and pain takes it back.

Each exercise card has dose steps 1-4 (reps first, then load). A runner moves an
exercise up one step only after the last two sessions reached the target reps + 1
with exercise pain within the strength lane and no worse next morning (R31,
invariant 17). Pain over that lane, or a worse morning, takes it down a step (R30).
Future sessions are projected as done as prescribed, so the printed plan shows the
earliest the runner could step up; a logged session always replaces the projection.
Lifts is a value: every transition below returns new Lifts and leaves its argument as it was.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Literal

from plangen.sources.models import LogEntry, StrengthSet
from plangen.document.plan import ExerciseDose, Reason
from plangen.planner.reasons import explain
from plangen.sources.exercise_models import Exercise, Library
from plangen.rules import Settings
from plangen.wording import say

TOP_STEP = 4
TOP_LEVEL = 4
Outcome = Literal["earned", "hold", "regress"]


# Why an exercise's dose moved or held: the rule, and the setting a clinic may tune (words: strength.news.<kind>).
NEWS: dict[str, tuple[str, str | None]] = {
    "up": ("R31", "strength_sessions_per_step"),
    "up_planned": ("R31", "strength_sessions_per_step"),
    "hold": ("R31", None),
    "down": ("R30", "strength_pain_max"),
}


@dataclass(frozen=True)
class Lift:
    """One exercise's place in its dose table."""

    step: int = 1
    streak: int = 0  # sessions in a row that met the R31 step-up test at this step
    sessions: int = 0  # sessions done (or planned) at this step
    news: tuple[str, str] | None = None  # (NEWS key, data): why the dose last moved, told once


@dataclass(frozen=True)
class Lifts:
    """Every exercise the runner has met, and the hardest card level they have earned."""

    by_id: Mapping[str, Lift] = field(default_factory=dict)  # read-only: a change builds a new mapping
    level: int = 1

    def step(self, exercise_id: str) -> int:
        return self.lift(exercise_id).step

    def lift(self, exercise_id: str) -> Lift:
        return self.by_id.get(exercise_id, Lift())

    def with_lift(self, exercise_id: str, lift: Lift) -> Lifts:
        return replace(self, by_id={**self.by_id, exercise_id: lift})

    def news(self, ids: Iterable[str], settings: Settings) -> list[Reason]:
        """One reason per kind of dose change since these exercises were last shown (``told`` marks them shown)."""
        grouped: dict[str, list[str]] = {}
        for exercise_id in dict.fromkeys(ids):
            news = self.lift(exercise_id).news
            if news is not None:
                grouped.setdefault(news[0], []).append(news[1])
        return [_news_reason(kind, data, settings) for kind, data in sorted(grouped.items())]

    def told(self, ids: Iterable[str]) -> Lifts:
        """These exercises were shown with their news: each dose change is told once."""
        shown = {i: replace(self.by_id[i], news=None) for i in ids if self.lift(i).news is not None}
        return replace(self, by_id={**self.by_id, **shown}) if shown else self


def _news_reason(kind: str, data: list[str], settings: Settings) -> Reason:
    rule, setting = NEWS[kind]
    # Logged sessions' data are the runner's exercise pain; a planned step up holds only names.
    return explain(rule, f"strength.news.{kind}", settings, setting=setting, private="" if kind == "up_planned" else "data",
                   verdicts="; ".join(data), exercises=len(data))


def target_reps(exercise: Exercise, step: int) -> int | None:
    return exercise.dose(max(1, min(step, TOP_STEP))).reps


def judge(done: StrengthSet, name: str, target: int | None, morning_baseline: int,
          settings: Settings) -> tuple[Outcome, str]:
    """R30-R31 verdict on one logged exercise (``name`` as the card calls it), with the data that decided it."""
    pain = done.pain if done.pain is not None else 0
    morning = done.next_morning_pain
    if pain > settings.strength_pain_max:
        return "regress", say("strength.verdict.pain", settings, name=name, pain=pain)
    if morning is not None and morning > morning_baseline:
        return "regress", say("strength.verdict.morning", settings, name=name, morning=morning, usual=morning_baseline)
    if target is not None and done.reps < target + 1:
        return "hold", say("strength.verdict.reps", settings, name=name, reps=done.reps, needed=target + 1)
    if morning is None:
        return "hold", say("strength.verdict.no_morning", settings, name=name)
    return "earned", say("strength.verdict.earned", settings, name=name, reps=done.reps, pain=pain, morning=morning)


def record(lifts: Lifts, exercise_id: str, outcome: Outcome, data: str, settings: Settings,
           planned: bool = False) -> Lifts:
    """Lifts after one session of one exercise (logged, or ``planned`` as prescribed, when ``data`` is its name)."""
    lift = lifts.lift(exercise_id)
    if outcome == "regress":  # R30: one step down, and the count at the new step starts again
        return lifts.with_lift(exercise_id, Lift(step=max(1, lift.step - 1), news=("down", data)))
    if outcome == "hold":  # R31: the streak of qualifying sessions is broken
        return lifts.with_lift(exercise_id, replace(lift, streak=0, sessions=lift.sessions + 1, news=("hold", data)))
    earned = replace(lift, streak=lift.streak + 1, sessions=lift.sessions + 1)
    if earned.streak < 2 or earned.sessions < settings.strength_sessions_per_step or lift.step >= TOP_STEP:
        return lifts.with_lift(exercise_id, earned)
    told = say("strength.step_to", settings, done=data, step=lift.step + 1) if planned else data
    return lifts.with_lift(exercise_id, Lift(step=lift.step + 1, news=("up_planned" if planned else "up", told)))


def apply_logged(lifts: Lifts, entries: Iterable[LogEntry], library: Library, morning_baseline: int,
                 settings: Settings) -> Lifts:
    """Lifts after what the runner logged (strength entries, in date order)."""
    for entry in entries:
        for done in entry.exercises:
            exercise = library.get(done.id)
            if exercise is None:
                continue  # a card this library does not have: nothing to progress
            target = target_reps(exercise, lifts.step(done.id))
            outcome, data = judge(done, exercise.name, target, morning_baseline, settings)
            lifts = record(lifts, done.id, outcome, say("strength.logged_on", settings, date=entry.date, verdict=data),
                           settings)
    return lifts


def apply_planned(lifts: Lifts, exercises: Iterable[ExerciseDose], settings: Settings) -> Lifts:
    """Lifts after a future session, projected as done as prescribed: target + 1 reps, no pain rise."""
    for exercise in exercises:
        lifts = record(lifts, exercise.id, "earned", exercise.name, settings, planned=True)
    return lifts


def next_level(lifts: Lifts, last_week: Iterable[ExerciseDose], settings: Settings) -> tuple[Lifts, Reason | None]:
    """R32: a harder card only after reps and load have moved on every exercise of the past week."""
    done = list(last_week)
    if not done or lifts.level >= TOP_LEVEL or any(lifts.step(d.id) < 3 for d in done):
        return lifts, None
    raised = replace(lifts, level=lifts.level + 1)
    steps = [say("strength.level_step", settings, name=d.name, step=raised.step(d.id)) for d in done]
    return raised, explain("R32", "strength.level_up", settings, level=raised.level, steps=steps)
