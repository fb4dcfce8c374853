"""How long each run of a week is: its share of the week (R25, R39) and the single-run caps (R19, R40)."""

from __future__ import annotations

import datetime as dt

from plangen.document.plan import Reason
from plangen.planner.progress import State, floor1
from plangen.planner.reasons import explain
from plangen.planner.schedule import WeekShape
from plangen.rules import Settings

SHARES = {1: (1.0,), 2: (0.45, 0.55), 3: (0.25, 0.35, 0.40)}  # light, medium, heavy (R25)


def shares(shape: WeekShape, weekdays: tuple[int, ...], long_share: float | None) -> dict[int, float]:
    """Each run day's share of the week (weekday -> share), the long run last and largest."""
    if not weekdays:
        return {}
    ordered = sorted(weekdays, key=lambda d: (d == shape.long_day, d))
    return dict(zip(ordered, SHARES.get(len(ordered)) or _own_shares(len(ordered), long_share)))


def _own_shares(count: int, long_share: float | None) -> tuple[float, ...]:
    """R39: four or more runs sized like the runner's own week: equal easy runs and their usual long run."""
    usual = long_share if long_share is not None else 2 / (count + 1)
    long = min(max(usual, 1 / count), SHARES[3][-1])
    return (*[(1 - long) / (count - 1)] * (count - 1), long)


def full_week_volume(volume: float, planned_for: float, week_shares: dict[int, float], days: list[dt.date]) -> float:
    """The week's running; a short first week counts as the full week it stands for, so week 2 does not jump (R52)."""
    if len(days) == 7:
        return volume
    present = sum(share for weekday, share in week_shares.items() if any(d.weekday() == weekday for d in days))
    return min(planned_for, floor1(volume / present)) if present > 0 else planned_for


def capped(state: State, day: dt.date, week_start: dt.date, distance: float, rules: Settings,
           units: str) -> tuple[float, list[Reason]]:
    """R19 and R40: the single-run cap from the weeks before this one, and the long run's weekly growth."""
    caps = {"R19": state.run_cap(day, week_start, rules), "R40": state.long_run_cap(rules)}
    binding = min((rule for rule, cap in caps.items() if cap is not None and distance > cap),
                  key=lambda rule: caps[rule] or 0.0, default=None)
    if binding is None:
        return distance, []
    cap = caps[binding] or 0.0
    message, setting = _CAP_WORDS[binding]
    why = explain(binding, message, rules, setting=setting, cap=round(cap, 1), units=units,
                  **{"from": distance, "to": floor1(cap)})
    return floor1(cap), [why]


# Each single-run cap: its words, and the setting that makes it.
_CAP_WORDS = {"R19": ("runs.cap.single", "single_run_cap"), "R40": ("runs.cap.long", "long_run_increase_max")}
