"""The plan's sessions as all-day calendar events (plan.ics), made with the icalendar library."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Any

from plangen.artifacts import Artifact
from plangen.document.model import PlanDocument
from plangen.document.plan import Session
from plangen.render.context import plan_limits
from plangen.render.formats import amount, distance, dose, intervals, minutes, tempo
from plangen.wording.numbers import number


def render_ics(doc: PlanDocument) -> list[Artifact]:
    """``<slug>/plan.ics``: each session, the clinician review and the event as all-day events, with stable UIDs
    so a re-import updates, not duplicates. A referral has no sessions to put in a calendar: no file at all."""
    from icalendar import Calendar

    if doc.plan.status == "referral" or not doc.plan.weeks:
        return []
    calendar = Calendar()
    calendar.add("prodid", "-//plangen//return-to-run plan//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Return-to-run plan")
    stamp = _stamp(doc.info.edition.generated)
    for uid, day, summary, description in [*_sessions(doc), *_reviews(doc), *_event(doc)]:
        calendar.add_component(_all_day(f"{doc.slug}-{uid}@plangen", stamp, day, summary, description))
    return [Artifact.text(f"{doc.slug}/plan.ics", calendar.to_ical().decode("utf-8"))]


Entry = tuple[str, dt.date, str, str]  # uid stem, day, summary, description


def _all_day(uid: str, stamp: dt.datetime, day: dt.date, summary: str, description: str) -> Any:
    from icalendar import Event

    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + dt.timedelta(days=1))  # all-day DTEND is exclusive
    event.add("summary", summary)
    event.add("description", description)
    event.add("transp", "TRANSPARENT")
    return event


def _sessions(doc: PlanDocument) -> Iterator[Entry]:
    plan, limits = doc.plan, plan_limits(doc.plan)
    for week in plan.weeks:
        for day in week.days:
            for index, session in enumerate(s for s in day.sessions if s.kind != "rest"):
                yield (f"{day.date.isoformat()}-{index}", day.date, f"Week {week.number}: {session.title}",
                       _description(session, plan.units, limits))


def _reviews(doc: PlanDocument) -> Iterator[Entry]:
    """The review week's check (R3: worst pain down 2 points by then), and the date the clinic asked to see the plan."""
    weeks = round(plan_limits(doc.plan)["review_week"])
    check = doc.plan.start + dt.timedelta(weeks=weeks)
    yield ("review", check, "Knee check: book a clinician review if it is not better",
           f"You are {weeks} weeks into your plan. If your worst knee pain is not at least 2 points lower than when "
           "you started, book a review with your doctor or physiotherapist. Take your diary with you.")
    review_by = doc.info.edition.review_by
    if review_by and dt.date.fromisoformat(review_by) != check:
        yield ("review-by", dt.date.fromisoformat(review_by), "Review: see your clinician about this plan",
               "Your clinic asked to review this plan by today. Take your diary and the plan with you.")


def _event(doc: PlanDocument) -> Iterator[Entry]:
    """The runner's race or event: the planner's view of it when there is one, else just the profile's goal."""
    planned = getattr(doc.plan, "event", None)
    wanted = planned or doc.info.goal.event
    if wanted is None:
        return
    units = doc.plan.units
    lines = [f"{wanted.name}: {distance(wanted.distance, units)}."]
    if planned is not None:
        if not planned.reachable and planned.safe_option is not None:
            lines.append(f"Your plan cannot safely reach this distance by then. {planned.safe_option.text}")
        if planned.stop_rule:
            lines.append(planned.stop_rule)
    yield ("event", wanted.date, f"Event: {wanted.name}", "\n".join(lines))


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
