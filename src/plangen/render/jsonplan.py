"""The plan as stable, documented JSON (``plan.json``) and the JSON Schema that describes it."""

from __future__ import annotations

import json
from pathlib import PurePosixPath
from typing import Any

from plangen import __version__
from plangen.artifacts import Artifact
from plangen.document.plan import Plan
from plangen.render.context import safe_id
from plangen.document.schemas import schema_for


def plan_json(plan: Plan) -> str:
    """Pretty, key-sorted JSON with a trailing newline, so rebuilds diff cleanly."""
    return json.dumps(plan.model_dump(mode="json"), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def render_json(plan: Plan) -> Artifact:
    """``<slug>/plan.json``; the slug follows the same rule as ``RunnerInput.slug`` (the id, lower-cased)."""
    slug = safe_id(plan.id.lower(), "plan id")
    return Artifact(PurePosixPath(slug, "plan.json"), plan_json(plan).encode("utf-8"))


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
