"""Doubts about imported activities: too short, impossibly fast, or from years ago (they go in; the runner is told)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from plangen.logimport.activity import RUN, WALK
from plangen.sources.models import duration_minutes
from plangen.units import KM_PER

# A recording this short is a watch started by mistake or a GPS test, not a session.
MIN_MINUTES = 1.0
MIN_KM = 0.1
# Faster than 2:30 per km on foot is faster than any 10 km world record: a ride saved as a run,
# or a GPS jump, not a run to plan from.
FASTEST_MIN_PER_KM = 2.5
# The planner reads the last weeks of a log; runs older than this change nothing in the plan.
OLD_AFTER = dt.timedelta(days=365)
_FOOT = {RUN, WALK, "walk_run"}


def doubt(fields: dict[str, Any], units: str) -> str:
    """Why an imported entry looks like no real session ("" when it looks fine)."""
    minutes = duration_minutes(fields.get("duration"))
    km = fields["distance"] * KM_PER[units] if fields.get("distance") is not None else None
    if minutes is not None and minutes < MIN_MINUTES:
        return f"only {minutes * 60:.0f} seconds long: is it a real session? (delete it from the log if not)"
    if km is not None and km < MIN_KM:
        return f"only {km * 1000:.0f} m: is it a real session? (delete it from the log if not)"
    if fields["activity"] in _FOOT and minutes and km and minutes / km < FASTEST_MIN_PER_KM:
        seconds = round(minutes / km * 60)
        return (f"a pace of {seconds // 60}:{seconds % 60:02d} per km is faster than any runner: "
                "was it a ride? (fix the activity in the log)")
    return ""


def old_note(dates: Sequence[dt.date], today: dt.date) -> str:
    """One line about the imported entries from more than a year ago, or ""."""
    old = sorted(day for day in dates if day < today - OLD_AFTER)
    if not old:
        return ""
    return (f"{len(old)} of the {len(dates)} imported sessions are more than a year old ({old[0]} to {old[-1]}); "
            "the plan looks at recent weeks only, so they change nothing in it")
