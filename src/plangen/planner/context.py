"""What the week planner knows about the runner that does not change from week to week."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from plangen.planner.baseline import LoggedRun
from plangen.planner.schedule import WeekShape
from plangen.rules import Settings
from plangen.sources.exercise_models import Exercise, Library
from plangen.sources.models import LogEntry, Profile


@dataclass(frozen=True)
class Context:
    """Everything about the runner that does not change from week to week."""

    profile: Profile
    settings: Settings
    shape: WeekShape
    pace: float
    cross: str
    pool: list[Exercise]
    library: Library  # every card, for logged exercises the pool leaves out
    runs: list[LoggedRun]
    entries: dict[dt.date, list[LogEntry]]
    as_of: dt.date | None
    cadence: int | None
    running_allowed: bool
    maintain: bool
    morning_baseline: int  # the runner's usual next-morning pain (R30's "no worse next morning")
    long_share: float | None = None  # the runner's long run as a share of their week, from the log (R39)
    start: dt.date | None = None  # the plan's first day (R50 counts weeks of holds from it)

    @property
    def units(self) -> str:
        return self.profile.units

    def is_past(self, day: dt.date) -> bool:
        return self.as_of is not None and day <= self.as_of
