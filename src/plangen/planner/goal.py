"""The runner's goal (R47): when the caps would reach it, counting on past the plan, and what to do after the last week."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from dataclasses import dataclass

from plangen.document.plan import GoalPlan, Reason, Week
from plangen.planner.progress import AT_GOAL, GREENS_TO_MOVE_UP, floor1
from plangen.planner.reasons import explain
from plangen.planner.stages import LAST_STAGE, stage
from plangen.rules import Settings
from plangen.sources.models import Goal
from plangen.wording import say

HORIZON_WEEKS = 104  # look two years ahead at most; past that the plan says the goal needs a rethink
LIGHT = ("deload", "taper", "recovery")


@dataclass(frozen=True)
class Projected:
    """One week after the plan, as the same caps would build it if every run stays green."""

    number: int
    start: dt.date
    volume: float
    longest: float


def project(weeks: list[Week], settings: Settings, goal: float | None) -> Iterator[Projected]:
    """Weeks after the plan's last, built with R19-R20 and R23 as the planner would (nothing when running is on hold)."""
    if not weeks or weeks[-1].phase == "no_running":
        return
    last = weeks[-1]
    number, start, volume, longest, since = _after_walk_run(weeks, last) if last.phase == "walk_run" else _after_build(weeks, settings)
    previous, share, held = volume, _long_share(weeks), False
    while number <= len(weeks) + HORIZON_WEEKS:
        if since >= settings.deload_every - 1:
            yield Projected(number, start, floor1(volume * (1 - settings.deload_cut)), longest)
            since, held = 0, True
        else:
            grown = volume if held else _grown(volume, previous, goal, settings)  # R23a: back to the week before the deload
            previous, volume, held = volume, grown, False
            longest = floor1(min(longest * settings.single_run_cap, volume * share))
            since += 1
            yield Projected(number, start, volume, longest)
        number, start = number + 1, start + dt.timedelta(days=7)


def _grown(volume: float, previous: float, goal: float | None, settings: Settings) -> float:
    """R20: +weekly_increase_max on last week and +two_week_increase_max on the week before, never past the goal."""
    grown = min(volume * (1 + settings.weekly_increase_max), previous * (1 + settings.two_week_increase_max))
    return floor1(min(grown, max(goal, volume)) if goal else grown)


def _after_build(weeks: list[Week], settings: Settings) -> tuple[int, dt.date, float, float, int]:
    full = [w for w in weeks if w.phase not in LIGHT and w.phase != "walk_run"] or weeks
    since = 0
    for week in reversed(weeks):
        if week.phase in LIGHT:
            break
        since += 1
    longest = max((w.longest_run for w in weeks[-4:]), default=0.0)
    return len(weeks) + 1, weeks[-1].start + dt.timedelta(days=7), full[-1].running_distance, longest, since


def _after_walk_run(weeks: list[Week], last: Week) -> tuple[int, dt.date, float, float, int]:
    """Finish the walk-run stages at two sessions each, then start the build at 30-minute runs."""
    sessions = sum(1 for d in last.days for s in d.sessions if s.kind in ("run", "walk_run")) or 1
    left = math.ceil((LAST_STAGE - (last.stage or 1) + 1) * GREENS_TO_MOVE_UP / sessions)
    per_min = last.running_distance / last.running_minutes if last.running_minutes else 0.0
    run = floor1(stage(LAST_STAGE).jog_min * per_min)  # the ladder's last jog
    start = last.start + dt.timedelta(days=7 * (left + 1))
    return len(weeks) + left + 1, start, floor1(run * sessions), run, 0


def _long_share(weeks: list[Week]) -> float:
    """The long run's share of the week, as the plan's own weeks have it (at least a third)."""
    shares = [w.longest_run / w.running_distance for w in weeks if w.running_distance > 0 and w.phase not in LIGHT]
    return max(shares[-1] if shares else 0.4, 1 / 3)


def goal_plan(goal: Goal, weeks: list[Week], settings: Settings, units: str) -> GoalPlan:
    """When the weekly goal is met (in the plan, or projected past it), and what comes after the last week."""
    target = goal.weekly_distance
    event = goal.event.name if goal.event else None
    last = weeks[-1] if weeks else None
    inside = next((w for w in weeks if target and w.running_distance >= AT_GOAL * target and w.phase not in LIGHT), None)
    ahead = None if inside or not target else next((p for p in project(weeks, settings, target) if p.volume >= AT_GOAL * target), None)
    number, monday = (inside.number, inside.start) if inside else (ahead.number, ahead.start) if ahead else (None, None)
    after = _after_text(target, weeks, number, monday, inside is not None, units, settings)
    reasons = [_goal_reason(target, event, number, monday, inside is not None, units, last, settings)]
    return GoalPlan(weekly_distance=target, event=event, reached_week=number, reached_date=monday,
                    beyond_plan=bool(ahead), last_week_distance=last.running_distance if last else 0.0,
                    after=after, reasons=reasons)


def _goal_reason(target: float | None, event: str | None, number: int | None, monday: dt.date | None,
                 inside: bool, units: str, last: Week | None, settings: Settings) -> Reason:
    parts = [*([say("events.goal.weekly", settings, goal=target, units=units)] if target else []), *([event] if event else [])]
    goal_words = say("events.goal.both", settings, parts=parts) if parts else say("events.goal.none", settings)
    facts = {"goal_words": goal_words, "goal": target, "event": event}
    if number is None or monday is None:
        return explain("R47", "events.goal.unknown", settings, **facts)
    return explain("R47", "events.goal.inside" if inside else "events.goal.beyond", settings, setting="weekly_increase_max",
                   reached_week=number, reached_date=monday, last_week=last.running_distance if last else 0.0,
                   units=units, **facts)


def _after_text(target: float | None, weeks: list[Week], number: int | None, monday: dt.date | None,
                inside: bool, units: str, settings: Settings) -> str:
    last = weeks[-1] if weeks else None
    if last is None or last.phase == "no_running":
        return say("events.after.no_running", settings)
    repeat = _repeat_words(last, weeks, units, settings)
    if target is None:
        return say("events.after.no_goal", settings, repeat=repeat)
    if inside:
        return say("events.after.at_goal", settings, repeat=repeat)
    reach = say("events.after.reach", settings, goal=target, units=units, week=number, date=monday) if number and monday else ""
    return say("events.after.building", settings, repeat=repeat, reach=reach)


def _repeat_words(last: Week, weeks: list[Week], units: str, settings: Settings) -> str:
    """What to hold after the plan: its last week, or, when that was a lighter week, the last ordinary week before
    it (R23a: after a lighter week, back to the week before it)."""
    ordinary = next((w for w in reversed(weeks) if w.phase not in LIGHT), None)
    if last.phase not in LIGHT or ordinary is None:
        return say("events.after.repeat", settings, week=last.number, distance=last.running_distance, units=units)
    return say("events.after.repeat_ordinary", settings, week=last.number, ordinary=ordinary.number,
               distance=ordinary.running_distance, units=units)
