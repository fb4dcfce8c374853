"""The pain traffic light (clinical-rules.md section 3): one logged session -> green, amber or red."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from plangen.sources.models import LogEntry
from plangen.document.plan import UnscoredRun, Zone
from plangen.rules import Settings

MEANINGFUL_CHANGE = 2  # R10: a 2-point change on 0-10 is the smallest that matters
LOOKBACK_DAYS = 30  # R19's window: the oldest run the plan still reads
SCORES = ("during", "after", "next_morning")


def session_zone(entry: LogEntry, morning_baseline: int, settings: Settings) -> Zone:
    """Classify a session; the worst sign wins, and missing next-morning pain is never green (inv. 28)."""
    # One fixed baseline per runner (not the previous morning): then more pain in the log
    # can never make a session look better (invariant 25).
    pain, before = entry.pain, morning_baseline
    if _is_red(entry, before, settings):
        return "red"
    if _is_amber(entry, before, settings):
        return "amber"
    if pain.next_morning is None or pain.during is None:
        return "unknown"
    return "green"


def _is_red(entry: LogEntry, before: int, settings: Settings) -> bool:
    pain = entry.pain
    return (
        entry.swelling
        or (pain.during is not None and pain.during >= settings.red_pain_min)
        or (pain.after is not None and pain.after >= settings.red_pain_min)
        or (pain.next_morning is not None and pain.next_morning - before >= MEANINGFUL_CHANGE)
    )


def _is_amber(entry: LogEntry, before: int, settings: Settings) -> bool:
    pain = entry.pain
    return (
        (pain.during is not None and pain.during > settings.green_pain_max)
        or (pain.after is not None and pain.after > max(before, settings.green_pain_max))
        or (pain.next_morning is not None and pain.next_morning > before)
    )


def unscored_runs(entries: Iterable[LogEntry], start: dt.date) -> list[UnscoredRun]:
    """Runs the plan reads that lack a score the traffic light needs (pain during, next morning)."""
    since = start - dt.timedelta(days=LOOKBACK_DAYS)
    return [
        UnscoredRun(date=e.date, activity=e.activity, distance=e.distance, duration_min=e.minutes,
                    missing=[k for k in SCORES if getattr(e.pain, k) is None])
        for e in sorted(entries, key=lambda e: e.date)
        if e.is_run and e.date >= since and (e.pain.during is None or e.pain.next_morning is None)
    ]
