"""The plan's account of the runner's event (R46, R47): where it falls, whether it is safe, and the safe options."""

from __future__ import annotations

import datetime as dt

from plangen.dates import day_month_year
from plangen.document.plan import EventOption, EventPlan, Reason, Week
from plangen.planner.events import race_cap, race_plan, stop_rule
from plangen.planner.goal import Projected, project
from plangen.planner.progress import State
from plangen.planner.reasons import reason
from plangen.rules import Settings
from plangen.sources.models import Event


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
    kind, distance = race_plan(event, cap, settings) if tapered else ("none", 0.0)
    options = [] if kind == "race" else _options(event, kind, distance, units, later)
    after = next((w.number for w in weeks if w.number == week.number + 1 and w.phase == "recovery"), None)
    why = _reachable_reason(event, kind, cap, units, week.phase)
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
    kind, distance = race_plan(event, cap, settings) if at else ("none", 0.0)
    options = [] if kind == "race" else _options(event, kind, distance, units, later)
    when = "before the plan starts" if before_plan else f"after the plan's last week (week {weeks[-1].number})" if weeks else "outside the plan"
    data = f"{event.name} on {event.date}, {event.distance:g} {units}: {when}"
    if at:
        data += f"; projected longest safe run then {cap:g} {units} if every week stays green"
    text = ("Your event falls outside this plan. The same limits, carried on, say whether it is safe by then; "
            "the next plan, made from your updated log, will taper for it.")
    return EventPlan(name=event.name, date=event.date, distance=event.distance, in_plan=False, week=at.number if at else None,
                     reachable=kind == "race", longest_safe=cap, safe_option=options[0] if options else None,
                     options=options, stop_rule=stop_rule(settings), reasons=[reason("R47", text, data, "single_run_cap")])


def _options(event: Event, kind: str, distance: float, units: str, later: Projected | None) -> list[EventOption]:
    """Safe ways to take part, safest first; a later date always closes the list when one can be projected."""
    out: list[EventOption] = []
    if kind == "run_walk":
        out.append(EventOption(kind="run_walk", distance=event.distance,
                               text=f"Run-walk the {event.distance:g} {units}: run 4 minutes, walk 1, about {distance:g} {units} of running."))
    if kind in ("run_walk", "shorter"):
        short = distance if kind == "shorter" else None
        if short:
            out.append(EventOption(kind="shorter", distance=short, text=f"Choose a shorter distance at the event, at most {short:g} {units}."))
    if kind == "none":
        out.append(EventOption(kind="walk_or_cheer", text="Walk it at an easy pace if walking is pain-free, or go along and cheer."))
    if later is None and kind != "race":
        out.append(EventOption(kind="later", distance=event.distance,
                               text="Choose a later event: at your goal volume the safe limits do not reach this distance yet; talk to your clinician about a bigger goal first."))
    if later is not None:
        out.append(EventOption(kind="later", date=later.start + dt.timedelta(days=6), distance=event.distance,
                               text=f"Pick a later {event.distance:g} {units} event: the limits would allow it from about {day_month_year(later.start + dt.timedelta(days=6))}."))
    return out


def _reachable_reason(event: Event, kind: str, cap: float, units: str, phase: str) -> Reason:
    data = f"{event.name} on {event.date}, {event.distance:g} {units}; longest safe run that day {cap:g} {units}"
    if kind == "race":
        text = "Your event is inside the plan and its distance is within the single-run limit by then: race week tapers for it."
        return reason("R46", text, data, "single_run_cap")
    if phase != "taper":
        text = "Your event comes before continuous running is back, so the plan does not race it: see the safe options."
        return reason("R46", text, data + f"; that week is {phase.replace('_', '-')}", "single_run_cap")
    text = "The full distance would break the single-run limit on the day, so race day holds the safest option instead."
    return reason("R46", text, data, "single_run_cap")
