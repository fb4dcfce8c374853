"""Active plans while running is on hold (R49): the test that stopped it, cardio spread over the week, weekly re-tests."""

from __future__ import annotations

import datetime as dt
import math

from plangen.document.plan import Reason, Session, Week
from plangen.planner import sessions as mk
from plangen.planner.context import Context
from plangen.planner.baseline import LoggedRun
from plangen.planner.reasons import reason
from plangen.rules import Settings
from plangen.sources.models import Profile


LONGEST_SESSION_MIN = 50  # past this, another session is added rather than a longer one
ROUND_TO = 5


def stopped_by(profile: Profile, settings: Settings) -> list[str]:
    """The tests and answers that stopped running, in words (R2 item 17, R12)."""
    symptoms, ready = profile.symptoms, profile.readiness
    out = []
    if symptoms.pain_at_rest >= settings.rest_pain_gate:
        out.append(f"pain at rest is {symptoms.pain_at_rest}/10 (running waits until it is below {settings.rest_pain_gate:g}/10)")
    if symptoms.worst_daily_pain is not None and symptoms.worst_daily_pain >= settings.daily_pain_gate:
        out.append(f"worst pain in daily life is {symptoms.worst_daily_pain}/10 (running waits until it is below {settings.daily_pain_gate:g}/10)")
    if ready.brisk_walk_30_min is False:
        out.append("a 30-minute brisk walk is not yet pain-free")
    if ready.single_leg_hops_10 is False:
        out.append(f"10 hops on the sore leg are not yet possible with pain {settings.green_pain_max:g}/10 or less")
    return out


def retests(profile: Profile, settings: Settings) -> list[str]:
    """What to try again each week: every test not yet passed (R49, R12)."""
    ready, green = profile.readiness, int(settings.green_pain_max)
    out = []
    if ready.brisk_walk_30_min is not True:
        out.append("Walk briskly for 30 minutes: is it pain-free, with no limp?")
    if ready.single_leg_hops_10 is not True:
        out.append(f"Hop 10 times on the sore leg: is the pain {green}/10 or less?")
    if profile.symptoms.pain_at_rest >= settings.rest_pain_gate:
        out.append(f"Sit still for 10 minutes: is the knee pain below {settings.rest_pain_gate:g}/10?")
    if profile.symptoms.worst_daily_pain is not None and profile.symptoms.worst_daily_pain >= settings.daily_pain_gate:
        out.append(f"Over the week, did daily-life pain (walking, stairs) stay below {settings.daily_pain_gate:g}/10?")
    return out


def entry_reason(profile: Profile, settings: Settings) -> Reason:
    why = "; ".join(stopped_by(profile, settings)) or "a readiness test is not yet passed"
    text = ("Running is on hold because " + why + ". The plan stays active: strength, mobility and non-impact cardio "
            "every week, and the readiness tests again each week. Once they are passed, running starts at walk-run stage 1.")
    return reason("R49", text, why, "no_running_cardio_min", "answer")


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
    strength = {days[i] for i in ctx.shape.strength_days}
    order = [days[i] for i in ctx.shape.run_days] + [d for d in days if d not in strength and d.weekday() not in ctx.shape.run_days]
    count = min(len(order), max(len(ctx.shape.run_days), 2, math.ceil(total / LONGEST_SESSION_MIN)))
    each = int(math.ceil(total / count / ROUND_TO) * ROUND_TO)
    why = reason("R49", f"Running is on hold, so non-impact cardio keeps your fitness: about {total} minutes this week, "
                 "spread over several sessions, with the same pain traffic light as running.",
                 f"recent running about {total} min a week (at least {ctx.settings.no_running_cardio_min:g})", "no_running_cardio_min")
    mode = _mode(ctx)
    return {day: mk.cross_training(mode, each, [why]) for day in sorted(order[:count])}


def _mode(ctx: Context) -> str:
    # Brisk walking is the fallback cardio, but not for a runner whose brisk walk still hurts.
    if ctx.cross == "brisk_walk" and ctx.profile.readiness.brisk_walk_30_min is False:
        return "cycling"
    return ctx.cross


def annotate(weeks: list[Week], profile: Profile, settings: Settings) -> list[Week]:
    """Each no-running week asks the readiness tests again and says what follows once they pass (R49)."""
    tests = retests(profile, settings)
    text = "Try the readiness tests again this week. When all are passed, the next runs are walk-run stage 1."
    why = reason("R49", text, "; ".join(stopped_by(profile, settings)), private="answer")
    return [w.model_copy(update={"retests": tests, "reasons": [*w.reasons, why]}) if w.phase == "no_running" else w for w in weeks]
