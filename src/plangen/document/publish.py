"""Publishing mode: no names, ages or notes, and an unguessable but stable address for each plan (pure: the key is given)."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

from plangen.document.assemble import plan_version
from plangen.document.model import PlanDocument
from plangen.wording import say

if TYPE_CHECKING:
    from plangen.document.plan import Plan, Reason

def redact(doc: PlanDocument, key: bytes) -> PlanDocument:
    """The one redaction of a published plan: no names, ages, notes, health answers or pain history,
    and an unguessable but stable address. Everything a published page, PDF, plan.json or calendar
    shows passes through here."""
    slug = public_slug(doc.slug, key)
    plan = _redact_plan(doc.plan).model_copy(update={"id": slug})
    clinician = doc.info.clinician.model_copy(update={"notes": None}) if doc.info.clinician else None
    info = doc.info.model_copy(update={
        "slug": slug,
        "who": None,
        "clinician": clinician,
        "presentation": doc.info.presentation.model_copy(update={"anonymous": True, "publish": True}),
        "edition": doc.info.edition.model_copy(update={"version": plan_version(plan)}),
    })
    return doc.model_copy(update={"plan": plan, "info": info})


def public_slug(slug: str, key: bytes) -> str:
    """HMAC of the profile id with the project's secret: the same on every rebuild, not guessable from the id."""
    digest = hmac.new(key, slug.encode("utf-8"), hashlib.sha256).hexdigest()
    return f"p-{digest[:20]}"


# What a published copy says in place of a health answer (the wording catalogue's publish.* messages).
ANSWER, REFERRAL, REVIEW = "publish.answer", "publish.referral", "publish.review"
_NO_SETTINGS: Mapping[str, float] = MappingProxyType({})  # these sentences state no threshold


def _said(key: str) -> str:
    return say(key, _NO_SETTINGS)


def _redact_plan(plan: Plan) -> Plan:
    """The plan without the runner's health answers or pain history: published pages show what to do, not how it hurt."""
    from plangen.document.plan import PainPattern

    weeks = [
        week.model_copy(update={"reasons": _reasons(week.reasons), "zone": None, "days": [day.model_copy(update={
            # The traffic-light colour of a logged run is its pain score in other words.
            "done": [a.model_copy(update={"pain_during": None, "pain_after": None, "pain_next_morning": None,
                                          "zone": "unknown"}) for a in day.done],
            "sessions": [s.model_copy(update={"reasons": _reasons(s.reasons)}) for s in day.sessions],
        }) for day in week.days]})
        for week in plan.weeks
    ]
    baseline = plan.baseline.model_copy(update={"pain": PainPattern(), "reasons": _reasons(plan.baseline.reasons)})
    # The checklist keeps its tests; the runner's answers about their own knee stay private.
    checklist = [item.model_copy(update={"answer": None, "data": ""}) for item in plan.readiness_checklist]
    referral = plan.referral.model_copy(update={"reasons": [_said(REFERRAL)]}) if plan.referral else None
    return plan.model_copy(update={
        "weeks": weeks, "baseline": baseline, "readiness_checklist": checklist, "referral": referral,
        "clinician_review": [_said(REVIEW)] if plan.clinician_review else [],
        "reasons": _reasons(plan.reasons),
        "unscored_runs": [],  # which runs lack pain scores is part of the pain record too
    })


def _reasons(reasons: list[Reason]) -> list[Reason]:
    """What the planner marked private goes (Reason.private); the answers' reasons merge, as their count would tell."""
    out: list[Reason] = []
    for r in reasons:
        if r.private == "answer":  # the message key would tell the answer too
            r = r.model_copy(update={"text": _said(ANSWER), "message": ANSWER, "data": "", "facts": {}})
        elif r.private == "data":
            r = r.model_copy(update={"data": "", "facts": {}})  # facts hold the same numbers as data
        if r not in out:
            out.append(r)
    return out
