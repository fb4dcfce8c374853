"""The plan's sessions as all-day calendar events (plan.ics), made with the icalendar library."""

from __future__ import annotations

import datetime as dt

from plangen.artifacts import Artifact, RenderOptions
from plangen.plan import Plan, Session

PAIN_RULE = (
    "Pain rule: 0-2/10 during is fine; 3-4 slow down and add walk breaks; 5 or more, "
    "a limp or swelling: stop and walk home. Score your pain during, 1 hour after and next morning."
)


def render_ics(plan: Plan, slug: str, options: RenderOptions) -> Artifact:
    """``<slug>/plan.ics``: one all-day event per session, with stable UIDs so a re-import updates, not duplicates."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//plangen//return-to-run plan//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Return-to-run plan")
    stamp = _stamp(options)
    for week in plan.weeks:
        for day in week.days:
            for index, session in enumerate(s for s in day.sessions if s.kind != "rest"):
                event = Event()
                event.add("uid", f"{slug}-{day.date.isoformat()}-{index}@plangen")
                event.add("dtstamp", stamp)
                event.add("dtstart", day.date)
                event.add("dtend", day.date + dt.timedelta(days=1))  # all-day DTEND is exclusive
                event.add("summary", f"Week {week.number}: {session.title}")
                event.add("description", _description(session))
                event.add("transp", "TRANSPARENT")
                calendar.add_component(event)
    return Artifact.text(f"{slug}/plan.ics", calendar.to_ical().decode("utf-8"))


def _stamp(options: RenderOptions) -> dt.datetime:
    # The build date (SOURCE_DATE_EPOCH when set) keeps two builds byte-identical.
    day = dt.date.fromisoformat(options.generated) if options.generated else dt.date(2000, 1, 1)
    return dt.datetime.combine(day, dt.time(0, 0), tzinfo=dt.timezone.utc)


def _description(session: Session) -> str:
    lines = [session.title]
    if session.duration_min:
        lines.append(f"About {round(session.duration_min)} min.")
    if session.intervals is not None:
        i = session.intervals
        lines.append(f"Walk {i.warmup_walk_min} min, then {i.repeats} x ({i.run_min:g} min run / {i.walk_min:g} min walk), walk {i.cooldown_walk_min} min.")
    for exercise in session.exercises:
        lines.append(f"- {exercise.name or exercise.id}: {_dose(exercise)}")
    if session.readiness is not None:
        lines.append(f"Easier option: {session.readiness.easier}")
        lines.append(f"Cross-training option: {session.readiness.cross_training}")
    if session.pain_prompts:
        lines.append(PAIN_RULE)
    return "\n".join(lines)


def _dose(exercise: object) -> str:
    sets, reps, hold = (getattr(exercise, k, None) for k in ("sets", "reps", "hold_s"))
    tempo = getattr(exercise, "tempo", None)
    amount = f"{reps} reps" if reps else (f"{hold} s hold" if hold else "as on the card")
    return f"{sets} x {amount}" + (f", tempo {tempo}" if tempo else "") if sets else amount
