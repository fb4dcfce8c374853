"""The plan as stable, documented JSON (``plan.json``) and the JSON Schema that describes it."""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

from plangen import __version__
from plangen.artifacts import Artifact
from plangen.document.assemble import plan_json
from plangen.document.model import PlanDocument
from plangen.render.context import safe_id
from plangen.document.schemas import schema_for


def document_json(doc: PlanDocument) -> str:
    """The plan's fields at the top (the stable contract), then the rest of the document under ``document``.

    The plan's text is the one its edition hash was made from; only the document part is encoded here, and
    spliced in as the last top-level key (both are pydantic's indent=2 JSON, so the layout is one).
    """
    plan = plan_json(doc.plan).rstrip()
    info = doc.info.model_dump_json(indent=2).replace("\n", "\n  ")
    return f'{plan.removesuffix("}").rstrip()},\n  "document": {info}\n}}\n'


def render_json(doc: PlanDocument) -> Artifact:
    """``<slug>/plan.json``: the plan document's serialisation."""
    slug = safe_id(doc.slug, "plan id")
    return Artifact(PurePosixPath(slug, "plan.json"), document_json(doc).encode("utf-8"))


def plan_schema() -> dict[str, Any]:
    """The JSON Schema of ``plan.json``, generated from the same model the planner returns."""
    # schema_for adds $schema and $id, so the CLI's `schema plan` and this agree on one identity.
    return {
        **schema_for("plan"),
        "title": "plangen plan",
        "description": (
            "A personalised return-to-run plan for runner's knee (patellofemoral pain), as made by "
            f"plangen {__version__}. Every decision carries its reasons: the rule id, the runner's "
            "data that fired it, and the source."
        ),
    }
