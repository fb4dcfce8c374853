"""The plan's account of the runner's event (R46, R47): where it falls, whether it is safe, and the safe options."""

from __future__ import annotations

import datetime as dt

from plangen.document.plan import EventOption, EventPlan, Reason, Week
from plangen.planner.events import race_cap, race_plan, stop_rule
from plangen.planner.goal import Projected, project
from plangen.planner.progress import State
from plangen.planner.reasons import explain
from plangen.rules import Settings
from plangen.sources.models import Event
from plangen.wording import say


def event_plan(event: Event, weeks: list[Week], state: State, settings: Settings, units: str,
               goal: float | None) -> EventPlan:
    """Inside the plan: read off the race week. After it: project the caps forward to the event date."""
    week = next((w for w in weeks if event.date in {d.date for d in w.days}), None)
    ahead = list(project(weeks, settings, goal))
    later = _first_safe(event, ahead, settings)
    if week is not None:
        return _inside(event, week, weeks, state, settings, units, later)
    return _outside(event, weeks, ahead, settings, units, later)


def _first_safe(event: Event, ahead: list[Projected], settings: Settings) -> Projected | None:
    """The first projected week whose longest run would allow the event distance on its weekend (R19)."""
    for previous, week in zip(ahead, ahead[1:]):
        if event.distance <= previous.longest * settings.single_run_cap + 1e-9:
            return week
    return None


def _inside(event: Event, week: Week, weeks: list[Week], state: State, settings: Settings, units: str,
            later: Projected | None) -> EventPlan:
    tapered = week.phase == "taper"
    cap = race_cap(state, event.date, week.start, settings) if tapered else 0.0
    kind, distance = race_plan(event, cap, settings, units) if tapered else ("none", 0.0)
    options = [] if kind == "race" else _options(event, kind, distance, units, later, settings)
    after = next((w.number for w in weeks if w.number == week.number + 1 and w.phase == "recovery"), None)
    why = _reachable_reason(event, kind, cap, units, week.phase, settings)
    return EventPlan(name=event.name, date=event.date, distance=event.distance, in_plan=True, week=week.number,
                     reachable=kind == "race", longest_safe=cap, safe_option=options[0] if options else None,
                     options=options, taper_week=week.number if tapered else None, recovery_week=after,
                     stop_rule=stop_rule(settings), reasons=[why])


def _outside(event: Event, weeks: list[Week], ahead: list[Projected], settings: Settings, units: str,
             later: Projected | None) -> EventPlan:
    before_plan = bool(weeks) and event.date < weeks[0].start
    at = next((p for p in ahead if p.start <= event.date < p.start + dt.timedelta(days=7)), None)
    prior = next((p for p in ahead if p.number == at.number - 1), None) if at else None
    longest = prior.longest if prior else (weeks[-1].longest_run if weeks and at else 0.0)
    cap = 0.0 if before_plan else round(longest * settings.single_run_cap, 1)
    kind, distance = race_plan(event, cap, settings, units) if at else ("none", 0.0)
    options = [] if kind == "race" else _options(event, kind, distance, units, later, settings)
    why = _outside_reason(event, weeks, cap if at else None, before_plan, units, settings)
    return EventPlan(name=event.name, date=event.date, distance=event.distance, in_plan=False, week=at.number if at else None,
                     reachable=kind == "race", longest_safe=cap, safe_option=options[0] if options else None,
                     options=options, stop_rule=stop_rule(settings), reasons=[why])


def _outside_reason(event: Event, weeks: list[Week], projected: float | None, before_plan: bool, units: str,
                    settings: Settings) -> Reason:
    """R47: where the event falls outside the plan, and the longest safe run projected for it (None: none is)."""
    where = "before_plan" if before_plan else "no_weeks" if not weeks else "after_plan" if projected is None else "projected"
    return explain("R47", f"events.outside.{where}", settings, setting="single_run_cap", event=event.name,
                   event_date=event.date, distance=event.distance, units=units,
                   last_week=weeks[-1].number if weeks else None, longest_safe=projected)


def _options(event: Event, kind: str, distance: float, units: str, later: Projected | None,
             settings: Settings) -> list[EventOption]:
    """Safe ways to take part, safest first; a later date always closes the list when one can be projected."""
    def option(key: str, **facts: object) -> str:
        return say(f"events.option.{key}", settings, units=units, **facts)

    out: list[EventOption] = []
    if kind == "run_walk":
        out.append(EventOption(kind="run_walk", distance=event.distance,
                               text=option("run_walk", distance=event.distance, running=distance)))
    if kind == "shorter" and distance:
        out.append(EventOption(kind="shorter", distance=distance, text=option("shorter", distance=distance)))
    if kind == "none":
        out.append(EventOption(kind="walk_or_cheer", text=option("walk_or_cheer")))
    if later is None and kind != "race":
        out.append(EventOption(kind="later", distance=event.distance, text=option("later_goal")))
    if later is not None:
        date = later.start + dt.timedelta(days=6)
        out.append(EventOption(kind="later", date=date, distance=event.distance,
                               text=option("later", distance=event.distance, date=date)))
    return out


def _reachable_reason(event: Event, kind: str, cap: float, units: str, phase: str, settings: Settings) -> Reason:
    """R46: whether race week races the event; a week that is not a taper is one before continuous running."""
    key = "events.reachable" if kind == "race" else "events.not_reachable" if phase == "taper" else "events.before_running"
    return explain("R46", key, settings, setting="single_run_cap", event=event.name, phase=phase.replace("_", "-"),
                   event_date=event.date, distance=event.distance, longest_safe=cap, units=units)
