"""Which weekdays carry runs, strength and mobility, from the runner's availability."""

from __future__ import annotations

from dataclasses import dataclass

from plangen.sources.models import WEEKDAYS, Availability

MAX_RUNS = 3  # R13/R25: runs never on back-to-back days, so at most 3 in a repeating week


@dataclass(frozen=True)
class WeekShape:
    run_days: tuple[int, ...]  # walk-run days: weekday indexes, Monday = 0, never back to back (R13)
    long_day: int | None
    strength_days: tuple[int, ...]
    build_days: tuple[int, ...] = ()  # continuous-running days: the runner's own frequency (R39)

    @property
    def continuous_days(self) -> tuple[int, ...]:
        return self.build_days or self.run_days


def week_shape(availability: Availability, runs_per_week: int | None = None) -> WeekShape:
    """The week's days; once running is continuous, as many runs as the runner logged, up to their run days (R39)."""
    offered = sorted(WEEKDAYS.index(d) for d in set(availability.run_days))
    runs = _spaced(offered, MAX_RUNS, preferred=_index(availability.long_run_day))
    long_day = _index(availability.long_run_day)
    if long_day not in runs:
        long_day = runs[-1] if runs else None
    strength = _strength_days(availability, runs)
    count = min(len(offered), runs_per_week or 0)
    build = _spread(offered, count, long_day) if count > len(runs) else runs
    return WeekShape(tuple(runs), long_day, tuple(strength), tuple(build))


def _spread(days: list[int], count: int, keep: int | None) -> list[int]:
    """``count`` of ``days`` with the fewest back-to-back pairs, keeping ``keep`` (the long-run day)."""
    best: tuple[tuple[int, bool, list[int]], list[int]] | None = None
    for mask in range(1 << len(days)):
        chosen = [d for i, d in enumerate(days) if mask >> i & 1]
        if len(chosen) != count:
            continue
        pairs = sum(1 for a in chosen for b in chosen if a < b and _adjacent(a, b))
        score = (-pairs, keep in chosen, [-d for d in chosen])
        if best is None or score > best[0]:
            best = (score, chosen)
    return best[1] if best else days[:count]


def _index(day: str | None) -> int | None:
    return WEEKDAYS.index(day) if day else None  # type: ignore[arg-type]


def _adjacent(a: int, b: int) -> bool:
    # The week repeats, so Sunday (6) and Monday (0) are neighbours too.
    return abs(a - b) in (1, 6)


def _spaced(days: list[int], limit: int, preferred: int | None = None) -> list[int]:
    """The largest set of days with no two adjacent (cyclically), keeping ``preferred`` if given."""
    best: list[int] = []
    for mask in range(1 << len(days)):
        chosen = [d for i, d in enumerate(days) if mask >> i & 1]
        if len(chosen) > limit or any(_adjacent(a, b) for a in chosen for b in chosen if a < b):
            continue
        score = (len(chosen), preferred in chosen, [-d for d in chosen])
        if not best or score > (len(best), preferred in best, [-d for d in best]):
            best = chosen
    return sorted(best)


def _strength_days(availability: Availability, runs: list[int]) -> list[int]:
    """2-3 non-adjacent strength days: the runner's choice, else 2 non-run days (then easy run days).

    Two by default leaves a day with neither running nor strength, so the week keeps
    an easy day (R22 monotony) while meeting the 2-3 sessions of R31.
    """
    asked = sorted({WEEKDAYS.index(d) for d in availability.strength_days or ()})
    if 2 <= len(asked) <= 3 and not any(_adjacent(a, b) for a in asked for b in asked if a < b):
        return asked
    off_days = [d for d in range(7) if d not in runs]
    for pool in (asked + off_days, asked + off_days + runs):
        chosen = _spaced(sorted(set(pool)), 3 if len(asked) >= 3 else 2, asked[0] if asked else None)
        if len(chosen) >= 2:
            return chosen
    return _spaced(list(range(7)), 2)
