"""What the plan says beyond its weeks: the goal and the event (R46, R47), and the marks they leave on weeks (R46, R49)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from plangen.document.plan import Week
from plangen.planner import norunning
from plangen.planner.event_summary import event_plan
from plangen.planner.goal import goal_plan
from plangen.planner.progress import State
from plangen.planner.reasons import explain
from plangen.rules import Settings
from plangen.sources.models import Event, Profile


def mark_weeks(profile: Profile, weeks: list[Week], settings: Settings, status: str) -> list[Week]:
    """Name the event on its week; no-running weeks ask the readiness tests again."""
    if status == "no_running":
        weeks = norunning.annotate(weeks, profile, settings)
    event = profile.goal.event
    return [_named(w, event, profile.units, settings) if event else w for w in weeks]


def _named(week: Week, event: Event, units: str, settings: Settings) -> Week:
    if not week.start <= event.date < week.start + dt.timedelta(days=7) or event.date not in {d.date for d in week.days}:
        return week
    why = explain("R46", "events.week_holds", settings, event=event.name, event_date=event.date,
                  distance=event.distance, units=units)
    return week.model_copy(update={"event": event.name, "reasons": [*week.reasons, why]})


def outlook(profile: Profile, weeks: list[Week], state: State, settings: Settings) -> dict[str, Any]:
    """The plan's ``goal`` and ``event`` fields."""
    goal = profile.goal
    event = event_plan(goal.event, weeks, state, settings, profile.units, goal.weekly_distance) if goal.event else None
    return {"goal": goal_plan(goal, weeks, settings, profile.units), "event": event}
