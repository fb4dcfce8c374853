"""What the log before the plan says about the runner's usual week: frequency, ordinary volume, spikes, breaks, warnings."""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass

from plangen.planner.baseline import LoggedRun, worst_pain
from plangen.planner.pain import LOOKBACK_DAYS, MEANINGFUL_CHANGE
from plangen.rules import Settings

WEEKS_READ = 4  # R39/R41: frequency and ordinary volume come from the last 4 weeks
RECUR_FRACTION = 0.8  # a long run is ordinary when another week holds one at least this long


@dataclass(frozen=True)
class History:
    """The log before ``start``, read once; every figure the entry and the build need."""

    start: dt.date
    runs: tuple[LoggedRun, ...]  # before the start, oldest first
    spikes: tuple[LoggedRun, ...]  # one-off long runs or races left out (R41)
    median_run: float | None

    @property
    def ordinary(self) -> list[LoggedRun]:
        return [r for r in self.runs if r not in self.spikes]

    @property
    def monday(self) -> dt.date:
        """Weeks are the runner's Monday-to-Sunday weeks (R52), even when the plan starts mid-week."""
        return self.start - dt.timedelta(days=self.start.weekday())

    def week(self, back: int, runs: list[LoggedRun] | None = None) -> list[LoggedRun]:
        """Runs of the ``back``-th calendar week before the start's week (1 = the last complete week).

        Week 0 is the start's own week up to the day before a mid-week start: runs there are recent load too.
        """
        first = self.monday - dt.timedelta(days=7 * back)
        return [r for r in (self.ordinary if runs is None else runs) if first <= r.date < first + dt.timedelta(days=7)]

    def last_logged_week(self) -> int | None:
        """How many weeks back the last week holding a run is (1 = the week just before the start; 0 = the start's own week)."""
        if self.last_run is None:
            return None
        if self.last_run >= self.monday:
            return 0  # a mid-week start after runs earlier that week
        return ((self.monday - self.last_run).days - 1) // 7 + 1  # the Monday a week before the start is week 1

    def weekly(self, zones: tuple[str, ...] | None = None) -> list[float]:
        """Ordinary running in the 4 weeks up to the last logged week, that week last; only ``zones`` when given."""
        last = _or_one(self.last_logged_week())
        return [round(sum(r.distance for r in self.week(b) if zones is None or r.zone in zones), 1)
                for b in range(last + WEEKS_READ - 1, last - 1, -1)]

    @property
    def runs_per_week(self) -> int | None:
        """R39: median runs a week over the last 4 logged weeks (None when the log holds no run)."""
        last = self.last_logged_week()
        if last is None:
            return None
        first = max(last, (self.monday - self.runs[0].date).days // 7 + 1)  # weeks before the log began are unknown, not empty
        counts = [len(self.week(b, list(self.runs))) for b in range(last, min(last + WEEKS_READ, first + 1))]
        return int(statistics.median(counts))

    @property
    def long_share(self) -> float | None:
        """The runner's long run as a share of their week: median over weeks with 2+ runs."""
        last = _or_one(self.last_logged_week())
        shares = [max(r.distance for r in w) / total for b in range(last, last + WEEKS_READ)
                  if len(w := self.week(b)) >= 2 and (total := sum(r.distance for r in w)) > 0]
        return statistics.median(shares) if shares else None

    def complete_weekly(self) -> list[float]:
        """Ordinary running in the 4 complete weeks up to the last logged one (a mid-week start's own week is not complete)."""
        last = max(1, _or_one(self.last_logged_week()))
        return [round(sum(r.distance for r in self.week(b)), 1) for b in range(last + WEEKS_READ - 1, last - 1, -1)]

    def start_cap(self, settings: Settings) -> float | None:
        """R41: week 1 at most +weekly_increase_max on the larger of the last complete logged week and the 4-week mean.

        Runs earlier in a mid-week start's own week count too, but a part-week never lowers the cap.
        """
        weeks, partial = self.complete_weekly(), round(sum(r.distance for r in self.week(0)), 1)
        if not any(weeks) and not partial:
            return None
        return (1 + settings.weekly_increase_max) * max(weeks[-1], statistics.mean(weeks), partial)

    def reds(self, days: int) -> list[dt.date]:
        return [r.date for r in self.runs if r.zone == "red" and (self.start - r.date).days <= days]

    @property
    def last_run(self) -> dt.date | None:
        return self.runs[-1].date if self.runs else None

    def before_break(self) -> tuple[float, float]:
        """R43: weekly training running and the longest green continuous run (min) in the 4 weeks up to the last run."""
        window = self.last_block()
        green = [r.minutes or 0.0 for r in window if r.zone == "green" and r.continuous]
        return round(sum(r.distance for r in window) / WEEKS_READ, 1), max(green, default=0.0)

    def last_block(self) -> list[LoggedRun]:
        """Training runs (races left out, R41) in the 4 weeks up to the last run.

        Anchored on the last run, not on the start, so the same running read before a longer
        break is read the same way: a longer break never starts higher (R43).
        """
        if self.last_run is None:
            return []
        since = self.last_run - dt.timedelta(days=7 * WEEKS_READ - 1)
        return [r for r in self.runs if r.date >= since and r.entry.type != "race"]

    def pain_rise(self, settings: Settings) -> tuple[int, int, float, float] | None:
        """R45: the largest 2-point rise in weekly worst pain at about the same running (before, after, and each week's distance).

        "About the same" is within one week's allowed rise (weekly_increase_max).
        """
        weeks = [(max(worst_pain(r.entry) for r in w), sum(r.distance for r in w))
                 for b in range(WEEKS_READ, 0, -1) if (w := self.week(b, list(self.runs)))]  # the 4 weeks before the start
        rises = [(pain_b - pain_a, pain_a, pain_b, round(load_a, 1), round(load_b, 1))
                 for i, (pain_a, load_a) in enumerate(weeks) for pain_b, load_b in weeks[i + 1:]
                 if pain_b - pain_a >= MEANINGFUL_CHANGE and load_b <= load_a * (1 + settings.weekly_increase_max) + 1e-9]
        return max(rises)[1:] if rises else None  # the largest rise


def read_history(runs: list[LoggedRun], start: dt.date, settings: Settings) -> History:
    """The log before ``start`` with its one-off spikes found (R41)."""
    before = tuple(r for r in runs if r.date < start)
    window = [r for r in before if (start - r.date).days <= LOOKBACK_DAYS]
    median = statistics.median(r.distance for r in window) if window else None
    spikes = tuple(r for r in window if median and _is_spike(r, window, median, settings))
    return History(start, before, spikes, median)


def _is_spike(run: LoggedRun, window: list[LoggedRun], median: float, settings: Settings) -> bool:
    """A race longer than any training run, or a run over spike_ratio x the median run that no other run comes close to.

    A long run that recurs (another training run at least RECUR_FRACTION of it) is the runner's own, not a one-off.
    """
    training = [other.distance for other in window if other.entry.type != "race"]
    if run.entry.type == "race":
        return run.distance > max(training, default=0.0)
    if run.distance <= settings.spike_ratio * median:
        return False
    return not any(other is not run and other.entry.type != "race" and other.distance >= RECUR_FRACTION * run.distance
                   for other in window)


def _or_one(week: int | None) -> int:
    """The last logged week, or the week just before the start when the log holds no run."""
    return 1 if week is None else week
