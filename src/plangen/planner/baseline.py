"""The runner's starting point, read from the log before the plan starts (and the profile where the log is silent)."""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass

from plangen.sources.models import LogEntry, Profile, TrainingLog
from plangen.document.plan import Baseline, PainPattern, Reason, WeekTotal, Zone
from plangen.planner.pain import session_zone
from plangen.planner.reasons import explain
from plangen.rules import Settings
from plangen.units import KM_PER

DEFAULT_PACE = {"km": 6.5, "mi": 10.5}  # easy jogging, minutes per unit, when the log has no pace


@dataclass(frozen=True)
class LoggedRun:
    """A logged run with its traffic-light zone, for placement and caps."""

    date: dt.date
    distance: float
    minutes: float | None
    continuous: bool
    zone: Zone
    entry: LogEntry


def classify_runs(profile: Profile, log: TrainingLog, settings: Settings) -> list[LoggedRun]:
    """Every run in the log, oldest first, with the zone the traffic light gives it."""
    runs: list[LoggedRun] = []
    morning = profile.symptoms.morning_baseline
    for entry in sorted(log.entries, key=lambda e: e.date):
        if entry.is_run:
            zone = session_zone(entry, morning, settings)
            runs.append(LoggedRun(entry.date, entry.distance or 0.0, entry.minutes, entry.activity == "run", zone, entry))
    return runs


def easy_pace(runs: list[LoggedRun], units: str) -> float:
    """Median minutes per unit of distance over easy continuous runs; a default when unknown."""
    paces = [r.minutes / r.distance for r in runs if r.continuous and r.minutes and r.distance > 0.5]
    paces = [p for p in paces if 3 <= p <= 15 * KM_PER[units]]
    return round(statistics.median(paces), 2) if paces else DEFAULT_PACE[units]


def make_baseline(profile: Profile, runs: list[LoggedRun], start: dt.date, settings: Settings,
                  left_out: tuple[LoggedRun, ...] = (), runs_per_week: int | None = None) -> Baseline:
    """Weekly volume, longest run, cadence and pain pattern before ``start``, each with its reason.

    ``left_out`` are one-off spikes (R41): they never raise the starting volume or the run cap.
    """
    before = [r for r in runs if r.date < start]
    ordinary = [r for r in before if r not in left_out]
    weeks = _week_totals(before, start)
    weekly, weekly_reason = _pain_free_weekly(profile, ordinary, weeks, settings)
    longest, longest_reason = _longest_30d(profile, ordinary, start, settings)
    cadence, cadence_reason = _cadence(profile, before, start, settings)
    last = before[-1].date if before else None
    return Baseline(
        weekly_distance=weekly,
        longest_run_30d=longest,
        longest_pain_free_run_14d_min=_longest_green_minutes(before, start),
        cadence=cadence,
        last_run=last,
        days_since_last_run=(start - last).days if last else None,
        pain=_pain_pattern(profile, before, start),
        recent_weeks=weeks,
        acwr=_acwr(before, start),
        runs_per_week=runs_per_week,
        reasons=[weekly_reason, longest_reason, cadence_reason],
    )


def _week_totals(runs: list[LoggedRun], start: dt.date) -> list[WeekTotal]:
    totals = []
    for back in range(4, 0, -1):
        week_start = start - dt.timedelta(days=7 * back)
        week = [r for r in runs if week_start <= r.date < week_start + dt.timedelta(days=7)]
        totals.append(WeekTotal(start=week_start, distance=round(sum(r.distance for r in week), 1), runs=len(week)))
    return totals


def _pain_free_weekly(profile: Profile, runs: list[LoggedRun], weeks: list[WeekTotal],
                      settings: Settings) -> tuple[float, Reason]:
    """Green running in the better of the last two weeks (R27: back to the last pain-free load).

    Only green runs count, so more pain never gives a bigger start (invariant 25).
    """
    if profile.baseline.pain_free_weekly_distance is not None:
        value = profile.baseline.pain_free_weekly_distance
        return value, explain("R20", "runs.baseline.profile_weekly", settings, volume=value, units=profile.units)
    totals = []
    for week in weeks[-2:]:
        green = [r.distance for r in runs if week.start <= r.date < week.start + dt.timedelta(days=7) and r.zone == "green"]
        totals.append((round(sum(green), 1), week.start, len(green)))
    value, week_start, count = max(totals, key=lambda t: (t[0], t[1]), default=(0.0, None, 0))
    if not count:
        return value, explain("R27", "runs.baseline.no_green_weeks", settings, private="data")
    return value, explain("R27", "runs.baseline.green_weeks", settings, private="data", week_start=week_start,
                          green_runs=count, volume=value, units=profile.units)


def _longest_30d(profile: Profile, runs: list[LoggedRun], start: dt.date, settings: Settings) -> tuple[float, Reason]:
    recent = [r.distance for r in runs if (start - r.date).days <= 30]
    if recent:
        value = max(recent)
        return value, explain("R19", "runs.baseline.longest_30d", settings, longest=value, units=profile.units)
    value = profile.baseline.longest_recent_run or 0.0
    return value, explain("R17", "runs.baseline.no_recent_run", settings, longest=value, units=profile.units)


def _cadence(profile: Profile, runs: list[LoggedRun], start: dt.date, settings: Settings) -> tuple[int | None, Reason]:
    if profile.baseline.cadence is not None:
        value = profile.baseline.cadence
        return value, explain("R34", "runs.baseline.cadence_profile", settings, cadence=value)
    measured = [r.entry.cadence for r in runs if r.entry.cadence and (start - r.date).days <= 60 and r.entry.type in (None, "easy")]
    if measured:
        value = round(statistics.median(measured))
        return value, explain("R34", "runs.baseline.cadence_watch", settings, cadence=value, easy_runs=len(measured))
    return None, explain("R34", "runs.baseline.cadence_unknown", settings)


def _longest_green_minutes(runs: list[LoggedRun], start: dt.date) -> float:
    green = [r.minutes or 0.0 for r in runs if r.continuous and r.zone == "green" and (start - r.date).days <= 14]
    return round(max(green, default=0.0), 1)


def _pain_pattern(profile: Profile, runs: list[LoggedRun], start: dt.date) -> PainPattern:
    recent = [r for r in runs if (start - r.date).days <= 30]

    def worst(field: str) -> int | None:
        values = [getattr(r.entry.pain, field) for r in recent if getattr(r.entry.pain, field) is not None]
        return max(values, default=None)

    return PainPattern(
        worst_during=worst("during"),
        worst_after=worst("after"),
        worst_next_morning=worst("next_morning"),
        trend=_trend(recent, start),
        aggravators=list(profile.symptoms.aggravators),
        painful_runs_30d=sum(1 for r in recent if r.zone in ("amber", "red")),
    )


def _trend(runs: list[LoggedRun], start: dt.date) -> str:
    def worst_in(days_from: int, days_to: int) -> int | None:
        scores = [worst_pain(r.entry) for r in runs if days_to <= (start - r.date).days < days_from]
        return max(scores) if scores else None

    early, late = worst_in(31, 15), worst_in(15, 0)
    if early is None or late is None:
        return "unknown"
    if late <= early - 1:
        return "improving"
    return "worsening" if late >= early + 1 else "stable"


def worst_pain(entry: LogEntry) -> int:
    """The higher of pain during and an hour after a session (0 when neither was scored)."""
    return max((p for p in (entry.pain.during, entry.pain.after) if p is not None), default=0)


def _acwr(runs: list[LoggedRun], start: dt.date) -> float | None:
    acute = sum(r.distance for r in runs if (start - r.date).days <= 7)
    chronic = sum(r.distance for r in runs if (start - r.date).days <= 28) / 4
    return round(acute / chronic, 2) if chronic else None
