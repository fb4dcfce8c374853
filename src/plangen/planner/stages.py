"""The walk-run stage table (clinical-rules.md section 2) and where a runner enters it."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from plangen.document.plan import Intervals


@dataclass(frozen=True)
class Stage:
    number: int
    jog_min: float  # jog minutes in each 5-minute block, or the continuous run
    walk_min: float
    repeats: int
    rpe: int

    @property
    def running_minutes(self) -> float:
        return self.jog_min * self.repeats

    @property
    def continuous(self) -> bool:
        return self.walk_min == 0

    def intervals(self) -> Intervals:
        return Intervals(run_min=self.jog_min, walk_min=self.walk_min, repeats=self.repeats)


def _block_stage(number: int) -> Stage:
    jog = number * 0.5
    return Stage(number, jog, 5 - jog, 4, 3 if number <= 3 else 4 if number <= 6 else 5)


STAGES: tuple[Stage, ...] = (
    *(_block_stage(n) for n in range(1, 10)),
    Stage(10, 20, 0, 1, 5),
    Stage(11, 25, 0, 1, 5),  # [D] extension to 30 minutes
    Stage(12, 30, 0, 1, 5),
)
LAST_STAGE = 12


def stage(number: int) -> Stage:
    return STAGES[max(1, min(number, LAST_STAGE)) - 1]


def within(current: Stage, minutes: float | None) -> Stage:
    """``current`` with no more than ``minutes`` of running a session: fewer blocks, or a shorter continuous jog.

    The stage's bout length (what the ladder builds) stays; only how many bouts a session
    holds comes down, to at least one.
    """
    if minutes is None or current.running_minutes <= minutes:
        return current
    if current.continuous:
        return replace(current, jog_min=max(1.0, float(math.floor(minutes))))
    return replace(current, repeats=max(1, math.floor(minutes / current.jog_min)))


def entry_stage(longest_green_minutes: float, bout_fraction: float) -> int:
    """Highest stage whose jog bout is at most ``bout_fraction`` of the longest pain-free run."""
    allowed = longest_green_minutes * bout_fraction
    fitting = [s.number for s in STAGES if s.jog_min <= allowed]
    return max(fitting, default=1)


def exit_stage(goal_weekly_minutes: float | None, runs_per_week: int) -> int:
    """The walk-run stage after which running is continuous enough for the goal (R14).

    The first continuous stage whose week of runs reaches the goal's running time; the
    ladder's top (30 minutes) when the goal is bigger or unknown. Walk-running past a
    small goal would only build volume the runner does not need.
    """
    if not goal_weekly_minutes or runs_per_week < 1:
        return LAST_STAGE
    enough = [s.number for s in STAGES if s.continuous and s.running_minutes * runs_per_week >= goal_weekly_minutes]
    return min(enough, default=LAST_STAGE)
