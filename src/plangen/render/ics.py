"""The plan's sessions as all-day calendar events (plan.ics), made with the icalendar library."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Any

from plangen.artifacts import Artifact
from plangen.document.model import PlanDocument
from plangen.document.plan import Session
from plangen.render.formats import amount, distance, dose, intervals, minutes, tempo
from plangen.wording import say


def render_ics(doc: PlanDocument) -> list[Artifact]:
    """``<slug>/plan.ics``: each session, the clinician review and the event as all-day events, with stable UIDs
    so a re-import updates, not duplicates. A referral has no sessions to put in a calendar: no file at all."""
    from icalendar import Calendar

    if doc.plan.status == "referral" or not doc.plan.weeks:
        return []
    limits = doc.plan.limits()
    calendar = Calendar()
    calendar.add("prodid", "-//plangen//return-to-run plan//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", say("calendar.name", limits))
    stamp = _stamp(doc.info.edition.generated)
    for uid, day, summary, description in [*_sessions(doc, limits), *_reviews(doc, limits), *_event(doc, limits)]:
        calendar.add_component(_all_day(f"{doc.slug}-{uid}@plangen", stamp, day, summary, description))
    return [Artifact.text(f"{doc.slug}/plan.ics", _ical(calendar))]


Entry = tuple[str, dt.date, str, str]  # uid stem, day, summary, description


def _ical(calendar: Any) -> str:
    # icalendar escapes and folds every content line (RFC 5545): slower than a hand-made fold, but it is the
    # library's job and it does it right.
    return str(calendar.to_ical().decode("utf-8"))


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


def _sessions(doc: PlanDocument, limits: Mapping[str, float]) -> Iterator[Entry]:
    plan, rules = doc.plan, _pain_rules(limits)
    for week in plan.weeks:
        for day in week.days:
            for index, session in enumerate(s for s in day.sessions if s.kind != "rest"):
                yield (f"{day.date.isoformat()}-{index}", day.date,
                       say("calendar.session", limits, week=week.number, title=session.title),
                       _description(session, plan.units, limits, rules))


def _reviews(doc: PlanDocument, limits: Mapping[str, float]) -> Iterator[Entry]:
    """The review week's check (R3: worst pain down 2 points by then), and the date the clinic asked to see the plan."""
    check = doc.plan.review_check()
    yield ("review", check, say("calendar.review.title", limits), say("calendar.review", limits))
    review_by = doc.info.edition.review_by
    if review_by and dt.date.fromisoformat(review_by) != check:
        yield ("review-by", dt.date.fromisoformat(review_by), say("calendar.review_by.title", limits),
               say("calendar.review_by", limits))


def _event(doc: PlanDocument, limits: Mapping[str, float]) -> Iterator[Entry]:
    """The runner's race or event: the planner's view of it when there is one, else just the profile's goal."""
    planned = doc.plan.event
    wanted = planned or doc.info.goal.event
    if wanted is None:
        return
    lines = [say("calendar.event", limits, name=wanted.name, distance=distance(wanted.distance, doc.plan.units))]
    if planned is not None:
        if not planned.reachable and planned.safe_option is not None:
            lines.append(say("calendar.event.unsafe", limits, safe_option=planned.safe_option.text))
        if planned.stop_rule:
            lines.append(planned.stop_rule)
    yield ("event", wanted.date, say("calendar.event.title", limits, name=wanted.name), "\n".join(lines))


def _stamp(generated: str) -> dt.datetime:
    # The build date (SOURCE_DATE_EPOCH when set) keeps two builds byte-identical.
    day = dt.date.fromisoformat(generated) if generated else dt.date(2000, 1, 1)
    return dt.datetime.combine(day, dt.time(0, 0), tzinfo=dt.UTC)


def _description(session: Session, units: str, limits: Mapping[str, float], rules: Mapping[str, str]) -> str:
    """The session in the same words as its web page: size, intervals, doses, the easier choices, the pain rule."""
    lines = [session.title]
    size = amount(session, units)
    if size != "–":
        lines.append(size)
    if session.intervals is not None:
        i = session.intervals
        lines.append(say("calendar.intervals", limits, warmup=minutes(i.warmup_walk_min), intervals=intervals(i),
                         cooldown=minutes(i.cooldown_walk_min)))
    as_card = rules["as_card"]
    for exercise in session.exercises:
        speed = f", {tempo(exercise.tempo)}" if exercise.tempo else ""
        lines.append(say("calendar.exercise", limits, name=exercise.name or exercise.id, dose=dose(exercise) or as_card,
                         speed=speed))
    if session.options is not None:
        lines.append(say("calendar.easier", limits, easier=session.options.easier))
        lines.append(say("calendar.cross_training", limits, cross_training=session.options.cross_training))
    if session.pain_prompts:
        lines.append(rules["strength" if session.kind == "strength" else "run" if session.kind in ("run", "walk_run") else "other"])
    return "\n".join(lines)


def _pain_rules(limits: Mapping[str, float]) -> dict[str, str]:
    """The pain rule for each kind of session, worded once per plan from the settings it was made with."""
    scores = say("calendar.pain.scores", limits)
    zones = {kind: say("calendar.pain.zones", limits, during=say(f"calendar.pain.during_{during}", limits))
             for kind, during in (("run", "run"), ("other", "session"))}
    return {"strength": f"{say('calendar.pain.strength', limits)} {scores}", **{k: f"{v} {scores}" for k, v in zones.items()},
            "as_card": say("calendar.exercise.as_card", limits)}
