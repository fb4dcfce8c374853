"""Assemble one runner's plan document from the validated inputs, the plan and the render options."""

from __future__ import annotations

import datetime as dt
import hashlib
import weakref
from typing import Literal

from plangen import __version__
from plangen.artifacts import RenderOptions
from plangen.document.model import (
    Clinic, ClinicianInfo, DocumentInfo, Edition, EventInfo, GoalInfo, PlanDocument, Presentation, Who,
)
from plangen.document.plan import Plan
from plangen.sources.exercise_models import Library
from plangen.sources.runner import RunnerInput


def make_document(runner: RunnerInput, plan: Plan, library: Library, options: RenderOptions) -> PlanDocument:
    """The document every renderer reads; anonymity is decided here, once (publishing redacts it later)."""
    anonymous = options.anonymous or options.publish or runner.profile.anonymous
    info = DocumentInfo(
        slug=runner.slug,
        who=None if anonymous else _who(runner),
        goal=_goal(runner),
        clinician=_clinician(runner, anonymous),
        clinic=_clinic(options),
        edition=Edition(plangen_version=__version__, version=plan_version(plan),
                        generated=options.generated, review_by=options.review_by or _review_by(plan, options)),
        presentation=Presentation(paper=_paper(options.paper), large_print=options.large_print, pdf=options.pdf,
                                  publish=options.publish, anonymous=anonymous, base_url=options.base_url),
    )
    return PlanDocument(plan=plan, info=info, cards=cards_used(plan, library))


def _review_by(plan: Plan, options: RenderOptions) -> str:
    """The clinic's review date: review_weeks after issue, or after the plan starts when it starts later (a plan
    made in November for April must not ask for a review in January)."""
    if not options.review_weeks or not options.generated:
        return ""
    issued = dt.date.fromisoformat(options.generated)
    return (max(issued, plan.start) + dt.timedelta(weeks=options.review_weeks)).isoformat()


def plan_json(plan: Plan) -> str:
    """The plan part of plan.json: pretty JSON in the model's field order with a trailing newline, so rebuilds
    diff cleanly and related fields sit together (status by referral, weeks by their reasons).

    pydantic-core writes it (about 8x faster than Python's pretty encoder, the same layout); the last plan's
    text is kept (plans are frozen), as its edition hash and plan.json both need it.
    """
    held = _LAST_JSON.get("plan")
    if held is not None and held[0]() is plan:
        return held[1]
    text = plan.model_dump_json(indent=2) + "\n"
    _LAST_JSON["plan"] = (weakref.ref(plan), text)
    return text


_LAST_JSON: dict[str, tuple[weakref.ref[Plan], str]] = {}


def plan_version(plan: Plan) -> str:
    """The plan's edition: the first 8 hex digits of the SHA-256 of its plan JSON."""
    return hashlib.sha256(plan_json(plan).encode("utf-8")).hexdigest()[:8]


def cards_used(plan: Plan, library: Library) -> Library:
    """The library's cards the plan uses and their easier and harder neighbours (a card names them);
    an id missing from the library gets no card."""
    used = [library[i] for i in {dose.id for week in plan.weeks for day in week.days
                                  for session in day.sessions for dose in session.exercises} if i in library]
    neighbours = [library[n] for card in used for n in (card.easier, card.harder) if n is not None and n in library]
    return Library([*used, *neighbours])


def _who(runner: RunnerInput) -> Who:
    person = runner.profile.runner
    return Who(name=person.name, age=person.age, knee=person.knee)


def _goal(runner: RunnerInput) -> GoalInfo:
    goal = runner.profile.goal
    event = goal.event and EventInfo(name=goal.event.name, date=goal.event.date, distance=goal.event.distance)
    return GoalInfo(weekly_distance=goal.weekly_distance, event=event)


def _clinician(runner: RunnerInput, anonymous: bool) -> ClinicianInfo | None:
    found = runner.profile.clinician
    if found is None:
        return None
    # Notes can name the runner or their history: anonymous output leaves them out entirely.
    notes = None if anonymous else found.notes
    if not any((found.name, found.clinic, found.contact, notes)):
        return None
    return ClinicianInfo(name=found.name, clinic=found.clinic, contact=found.contact, notes=notes)


def _clinic(options: RenderOptions) -> Clinic:
    logo_name, logo = options.logo if options.logo else (None, None)
    return Clinic(name=options.clinic_name, contact=options.clinic_contact, disclaimer=options.disclaimer,
                  accent=options.accent, logo_name=logo_name, logo=logo)


def _paper(paper: str) -> Literal["a4", "letter"]:
    return "letter" if paper == "letter" else "a4"
