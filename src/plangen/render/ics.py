"""The plan's sessions as all-day calendar events (plan.ics), made with the icalendar library."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from plangen.artifacts import Artifact
from plangen.document.model import PlanDocument
from plangen.document.plan import Session
from plangen.render.context import plan_limits
from plangen.render.formats import amount, dose, intervals, minutes, number, tempo


def render_ics(doc: PlanDocument) -> Artifact:
    """``<slug>/plan.ics``: one all-day event per session, with stable UIDs so a re-import updates, not duplicates."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//plangen//return-to-run plan//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Return-to-run plan")
    plan, slug = doc.plan, doc.slug
    stamp = _stamp(doc.info.edition.generated)
    limits = plan_limits(plan)
    for week in plan.weeks:
        for day in week.days:
            for index, session in enumerate(s for s in day.sessions if s.kind != "rest"):
                event = Event()
                event.add("uid", f"{slug}-{day.date.isoformat()}-{index}@plangen")
                event.add("dtstamp", stamp)
                event.add("dtstart", day.date)
                event.add("dtend", day.date + dt.timedelta(days=1))  # all-day DTEND is exclusive
                event.add("summary", f"Week {week.number}: {session.title}")
                event.add("description", _description(session, plan.units, limits))
                event.add("transp", "TRANSPARENT")
                calendar.add_component(event)
    return Artifact.text(f"{slug}/plan.ics", calendar.to_ical().decode("utf-8"))


def _stamp(generated: str) -> dt.datetime:
    # The build date (SOURCE_DATE_EPOCH when set) keeps two builds byte-identical.
    day = dt.date.fromisoformat(generated) if generated else dt.date(2000, 1, 1)
    return dt.datetime.combine(day, dt.time(0, 0), tzinfo=dt.UTC)


def _description(session: Session, units: str, limits: Mapping[str, float]) -> str:
    """The session in the same words as its web page: size, intervals, doses, the easier choices, the pain rule."""
    lines = [session.title]
    size = amount(session, units)
    if size != "–":
        lines.append(size)
    if session.intervals is not None:
        i = session.intervals
        lines.append(f"Walk {minutes(i.warmup_walk_min)}, then {intervals(i)}, then walk {minutes(i.cooldown_walk_min)}.")
    for exercise in session.exercises:
        speed = f", {tempo(exercise.tempo)}" if exercise.tempo else ""
        lines.append(f"- {exercise.name or exercise.id}: {dose(exercise) or 'as on the card'}{speed}")
    if session.readiness is not None:
        lines.append(f"Easier option: {session.readiness.easier}")
        lines.append(f"Cross-training option: {session.readiness.cross_training}")
    if session.pain_prompts:
        lines.append(_pain_rule(session, limits))
    return "\n".join(lines)


def _pain_rule(session: Session, limits: Mapping[str, float]) -> str:
    scores = "Score your pain during, 1 hour after and next morning."
    if session.kind == "strength":
        return (f"Pain rule: up to {number(limits['strength_pain_max'])}/10 during the exercises is okay if it settles "
                f"within an hour and is no worse next morning. {scores}")
    green, red = limits["green_pain_max"], limits["red_pain_min"]
    during = "during the run" if session.kind in ("run", "walk_run") else "during the session"
    return (f"Pain rule: 0-{number(green)}/10 {during} is fine; {number(green + 1)}-{number(red - 1)}: slow down and add walk "
            f"breaks; {number(red)} or more, a limp or swelling: stop and walk home. {scores}")
