"""The plan document: everything a renderer shows (plan, who it is for, clinic, edition), built once per runner."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from plangen.document.plan import Plan
from plangen.sources.exercise_models import Library


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Who(_Frozen):
    """The runner as the pages name them; absent from anonymous and published documents."""

    name: str | None = None
    age: int | None = None
    knee: Literal["left", "right", "both"] = "both"


class EventInfo(_Frozen):
    name: str
    date: dt.date
    distance: float


class GoalInfo(_Frozen):
    """What the runner wants to get back to, in their own units."""

    weekly_distance: float | None = None
    event: EventInfo | None = None


class ClinicianInfo(_Frozen):
    name: str | None = None
    clinic: str | None = None
    contact: str | None = None
    notes: str | None = Field(None, description="Free text from the clinician; left out of anonymous documents")


class Clinic(_Frozen):
    """The clinic's branding from plangen.yaml; the logo's bytes stay out of plan.json (they are an image)."""

    name: str | None = None
    contact: str | None = None
    disclaimer: str | None = None
    accent: str = "#1f5f8b"
    logo_name: str | None = None
    logo: bytes | None = Field(None, exclude=True)


class Edition(_Frozen):
    """Which plan this is, so paper and file can be matched and a clinician knows when to look again."""

    plangen_version: str
    version: str = Field(description="First 8 hex digits of the SHA-256 of the plan part of plan.json")
    generated: str = Field("", description="ISO date of the build (from SOURCE_DATE_EPOCH when set)")
    review_by: str = Field("", description="ISO date by which a clinician should review the plan")


class Presentation(_Frozen):
    """How the document is shown: presentation choices, never planning decisions."""

    paper: Literal["a4", "letter"] = "a4"
    large_print: bool = False
    pdf: bool = True
    publish: bool = False
    anonymous: bool = False
    base_url: str | None = None


class DocumentInfo(_Frozen):
    """The document's part beyond the plan: serialised as plan.json's ``document`` key."""

    slug: str
    who: Who | None = None
    goal: GoalInfo = GoalInfo()
    clinician: ClinicianInfo | None = None
    clinic: Clinic = Clinic()
    edition: Edition
    presentation: Presentation = Presentation()


class PlanDocument(_Frozen):
    """One runner's plan and everything shown with it; the only thing renderers read besides the theme.

    ``cards`` are the exercise library's cards this plan uses (content, like the theme): they are drawn
    by the renderers and referenced from plan.json by id.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)

    plan: Plan
    info: DocumentInfo
    cards: Library = Field(default_factory=lambda: Library(()), exclude=True)

    @property
    def slug(self) -> str:
        return self.info.slug


class PlanFile(Plan):
    """The shape of plan.json: the plan's fields (the stable contract) plus the document's other parts."""

    document: DocumentInfo | None = Field(
        None, description="Who the plan is for (unless anonymous), the clinic, the edition and how it is shown; "
                          "absent from `plangen plan --format json`, which prints the plan alone")
