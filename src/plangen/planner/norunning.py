"""Active plans while running is on hold (R49): the test that stopped it, cardio spread over the week, weekly re-tests."""

from __future__ import annotations

import datetime as dt
import math

from plangen.document.plan import Reason, Session, Week
from plangen.planner import sessions as mk
from plangen.planner.context import Context
from plangen.planner.baseline import LoggedRun
from plangen.planner.reasons import explain
from plangen.rules import Settings
from plangen.sources.models import Profile
from plangen.wording import say


LONGEST_SESSION_MIN = 50  # past this, another session is added rather than a longer one
ROUND_TO = 5


def _stopping(profile: Profile, settings: Settings) -> list[tuple[str, int | None]]:
    """The tests and answers that stop running (R2 item 17, R12), by name, with the pain a pain gate read."""
    symptoms, ready = profile.symptoms, profile.readiness
    rest, daily = symptoms.pain_at_rest, symptoms.worst_daily_pain
    checks = [("rest_pain", rest, rest >= settings.rest_pain_gate),
              ("daily_pain", daily, daily is not None and daily >= settings.daily_pain_gate),
              ("brisk_walk", None, ready.brisk_walk_30_min is False),
              ("hops", None, ready.single_leg_hops_10 is False)]
    return [(name, pain) for name, pain, stops in checks if stops]


def stopped_by(profile: Profile, settings: Settings) -> list[str]:
    """The tests and answers that stopped running, in words (R2 item 17, R12)."""
    return [say(f"entry.stopped_by.{name}", settings, pain=pain) for name, pain in _stopping(profile, settings)]


def retests(profile: Profile, settings: Settings) -> list[str]:
    """What to try again each week: every test not yet passed (R49, R12)."""
    ready, symptoms = profile.readiness, profile.symptoms
    due = {"brisk_walk": ready.brisk_walk_30_min is not True, "hops": ready.single_leg_hops_10 is not True,
           "rest_pain": symptoms.pain_at_rest >= settings.rest_pain_gate,
           "daily_pain": symptoms.worst_daily_pain is not None and symptoms.worst_daily_pain >= settings.daily_pain_gate}
    return [say(f"entry.retest.{name}", settings) for name, needed in due.items() if needed]


def entry_reason(profile: Profile, settings: Settings) -> Reason:
    stopped = stopped_by(profile, settings) or [say("entry.stopped_by.untested", settings)]
    return explain("R49", "entry.on_hold", settings, setting="no_running_cardio_min", private="answer",
                   stopped_by=[name for name, _ in _stopping(profile, settings)], stopped=stopped)


def weekly_minutes(runs: list[LoggedRun], start: dt.date, pace: float, settings: Settings) -> int:
    """The runner's recent running in minutes a week (last 4 weeks), and never under the setting's floor."""
    recent = [r for r in runs if start - dt.timedelta(days=28) <= r.date < start]
    total = sum(r.minutes if r.minutes else (r.distance or 0) * pace for r in recent)
    minutes = max(total / 4, settings.no_running_cardio_min)
    return int(math.ceil(minutes / ROUND_TO) * ROUND_TO)


def cardio_days(ctx: Context, days: list[dt.date]) -> dict[dt.date, Session]:
    """Cardio on the run days (then free days), split so no session is long and the week meets its minutes."""
    start = ctx.start or days[0]
    total = weekly_minutes(ctx.runs, start, ctx.pace, ctx.settings)
    # By weekday, not by index: a mid-week start's short first week begins on its start day, not on Monday.
    by_weekday = {d.weekday(): d for d in days}
    run_days = [by_weekday[i] for i in ctx.shape.run_days if i in by_weekday]
    free = [d for d in days if d.weekday() not in (*ctx.shape.strength_days, *ctx.shape.run_days)]
    order = run_days + free
    if not order:  # a short week of strength days only
        return {}
    count = min(len(order), max(len(ctx.shape.run_days), 2, math.ceil(total / LONGEST_SESSION_MIN)))
    each = int(math.ceil(total / count / ROUND_TO) * ROUND_TO)
    why = explain("R49", "entry.on_hold.cardio", ctx.settings, setting="no_running_cardio_min", minutes=total,
                  sessions=count)
    mode = _mode(ctx)
    return {day: mk.cross_training(mode, each, [why], settings=ctx.settings) for day in sorted(order[:count])}


def _mode(ctx: Context) -> str:
    # Brisk walking is the fallback cardio, but not for a runner whose brisk walk still hurts.
    if ctx.cross == "brisk_walk" and ctx.profile.readiness.brisk_walk_30_min is False:
        return "cycling"
    return ctx.cross


def annotate(weeks: list[Week], profile: Profile, settings: Settings) -> list[Week]:
    """Each no-running week asks the readiness tests again and says what follows once they pass (R49)."""
    tests = retests(profile, settings)
    why = explain("R49", "entry.on_hold.retest", settings, private="answer", retests=len(tests),
                  stopped=stopped_by(profile, settings))
    return [w.model_copy(update={"retests": tests, "reasons": [*w.reasons, why]}) if w.phase == "no_running" else w for w in weeks]
