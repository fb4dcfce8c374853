"""Races and events (R46): taper, race day with its stop rule, recovery week, and no new speed work before it."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from plangen.document.plan import DayOptions, Session
from plangen.planner import sessions as mk
from plangen.planner.context import Context
from plangen.planner.progress import State, floor1
from plangen.planner.reasons import explain
from plangen.planner.volume import INTENSITY_STEPS, Decision
from plangen.rules import Settings
from plangen.units import KM_PER
from plangen.sources.models import Event
from plangen.wording import say


SHORTEST_TAPER_RUN_MIN = 10  # a taper run shorter than this is left out rather than planned as a token jog


def race_cap(state: State, event_date: dt.date, week_start: dt.date, settings: Settings) -> float:
    """The longest run the caps allow on race day: R19 from before the race week, R40 on the week before it.

    Both read only runs before the race week, so the taper and the race-day session agree on it.
    """
    last_week = [d for when, d in state.history if week_start - dt.timedelta(days=7) <= when < week_start]
    caps = [state.run_cap(event_date, week_start, settings),
            (1 + settings.long_run_increase_max) * max(last_week) if last_week else None]
    known = [c for c in caps if c is not None]
    return floor1(min(known)) if known else 0.0


SHORTEST_EVENT_KM = 3.0  # a shorter distance worth entering: half the event, or at least a 3 km fun run


def race_plan(event: Event, cap: float, settings: Settings, units: str) -> tuple[str, float]:
    """What race day holds: ('race', distance), ('run_walk', running km), ('shorter', distance) or ('none', 0)."""
    if event.distance <= cap + 1e-9:
        return "race", event.distance
    running = floor1(event.distance * settings.event_run_walk_share)
    if running <= cap + 1e-9:
        return "run_walk", running
    if cap >= min(event.distance / 2, SHORTEST_EVENT_KM / KM_PER[units]):
        return "shorter", floor1(cap)
    return "none", 0.0


def stop_rule(settings: Settings) -> str:
    return say("events.stop_rule", settings)


# --- the week's volume and its one change ---------------------------------------------------------------


def shape_decision(decision: Decision, ctx: Context, state: State, days: list[dt.date]) -> Decision:
    """Race week tapers, the week after recovers, and no new speed or hill work starts just before an event."""
    event = ctx.profile.goal.event
    if event is None:
        return decision
    if days[0] <= event.date <= days[-1]:
        return _taper(decision, ctx, state, event, days[0])
    if days[0] - dt.timedelta(days=7) <= event.date < days[0]:
        return _recovery(decision, ctx, state, event)
    if days[0] < event.date and (event.date - days[0]).days < 7 * ctx.settings.event_intensity_lock_weeks:
        return _no_new_intensity(decision, ctx, state, event)
    return decision


def _taper(decision: Decision, ctx: Context, state: State, event: Event, week_start: dt.date) -> Decision:
    settings, units = ctx.settings, ctx.units
    before = state.volumes[-1][0] if state.volumes else state.green_volume
    total = floor1(min(decision.volume, before * settings.taper_volume_max))
    kind, race = race_plan(event, race_cap(state, event.date, week_start, settings), settings, units)
    rest = max(0.0, floor1(total - race))
    why = explain("R46", "events.taper", settings, setting="taper_volume_max", event=event.name, event_date=event.date,
                  race_plan=kind, race_day=race, units=units, **{"from": before, "to": total})
    return Decision(rest, "taper", None, deload=True, reasons=[why])


def _recovery(decision: Decision, ctx: Context, state: State, event: Event) -> Decision:
    settings, units = ctx.settings, ctx.units
    before = state.last_non_deload()
    volume = floor1(min(decision.volume, before * settings.recovery_volume_max))
    why = explain("R46", "events.recovery", settings, setting="recovery_volume_max", event=event.name,
                  event_date=event.date, units=units, **{"from": before, "to": volume})
    return Decision(volume, "recovery", None, deload=True, reasons=[why])


def _no_new_intensity(decision: Decision, ctx: Context, state: State, event: Event) -> Decision:
    if decision.change not in INTENSITY_STEPS:
        return decision
    current = INTENSITY_STEPS[state.intensity_step - 1] if state.intensity_step else None
    why = explain("R46", "events.no_new_intensity", ctx.settings, setting="event_intensity_lock_weeks",
                  event=event.name, event_date=event.date, held_back=decision.change)
    kept = [r for r in decision.reasons if r.message != "load.intensity_added"]  # the step it held back is not added
    return replace(decision, change=None, intensity=current, phase="intensity" if current else "maintain", reasons=[*kept, why])


# --- the days around the event ----------------------------------------------------------------------


def shape_day(ctx: Context, state: State, day: dt.date, planned: dict[dt.date, Session], decision: Decision | None,
              week_start: dt.date) -> dict[dt.date, Session]:
    """Race day becomes the race (or its safe option); the days just before hold only a short easy run, even last week."""
    event = ctx.profile.goal.event
    if event is None:
        return planned
    gap = (event.date - day).days
    phase = decision.phase if decision is not None else state.phase
    if gap == 0 and phase == "taper":
        session = _race_day(ctx, state, event, week_start)  # no safe option: no run, go along and cheer
    elif abs(gap) == 1:  # the days either side of the race stay free of running (R13 spacing)
        session = _not_a_run(planned.get(day))
    elif 0 < gap <= ctx.settings.taper_days:
        session = _short(ctx, planned.get(day), event, gap)
    elif 0 < gap and phase == "taper":
        session = _worth_it(ctx, planned.get(day))
    else:
        return planned
    others = {d: s for d, s in planned.items() if d != day}
    return {**others, day: session} if session is not None else others


def _not_a_run(session: Session | None) -> Session | None:
    return None if session is not None and session.kind in ("run", "walk_run") else session


def _short(ctx: Context, session: Session | None, event: Event, days_before: int) -> Session | None:
    if session is None or session.kind not in ("run", "walk_run") or session.stage is not None:
        return session  # a walk-run stage is easy and at most 30 running minutes already
    return _easy_short(ctx, session, event, days_before)


def _worth_it(ctx: Context, session: Session | None) -> Session | None:
    """A taper run too short to be worth the trip is left out."""
    if session is None or session.kind not in ("run", "walk_run"):
        return session
    return None if (session.distance or 0) * ctx.pace < SHORTEST_TAPER_RUN_MIN else session


def _easy_short(ctx: Context, session: Session, event: Event, days_before: int) -> Session | None:
    """A short easy run 2 to taper_days days before the event (the day before holds no run)."""
    distance = floor1(min(session.distance or 0, ctx.settings.taper_easy_min / ctx.pace))
    if distance * ctx.pace < SHORTEST_TAPER_RUN_MIN:
        return None
    why = explain("R46", "events.short_run", ctx.settings, setting="taper_easy_min", event=event.name,
                  days_before=days_before, distance=distance, units=ctx.units)
    return mk.run(distance, ctx.pace, ctx.units, say("runs.label.easy", ctx.settings), ctx.cross, [why], session.options.rule if session.options else "",
                  settings=ctx.settings)


def _race_day(ctx: Context, state: State, event: Event, week_start: dt.date) -> Session | None:
    settings, units = ctx.settings, ctx.units
    cap = race_cap(state, event.date, week_start, settings)
    kind, distance = race_plan(event, cap, settings, units)
    if kind == "none":
        return None
    rule = stop_rule(settings)
    title = say(f"events.title.{kind}", settings, event=event.name, distance=event.distance, running=distance, units=units)
    why = explain("R46", "events.race_day", settings, setting="red_pain_min", event=event.name, race_plan=kind,
                  distance=event.distance, longest_safe=cap, units=units)
    session = mk.run(distance, ctx.pace, units, say("runs.label.race", settings), ctx.cross, [why], rule, walk_breaks=kind == "run_walk",
                     settings=settings)
    options = DayOptions(planned=title, easier=say("events.race_easier", settings, stop_rule=rule),
                         cross_training=say("events.race_cross", settings), rule=rule)
    return session.model_copy(update={"title": title, "stop_rule": rule, "terrain": say("events.race_terrain", settings),
                                      "options": options})


