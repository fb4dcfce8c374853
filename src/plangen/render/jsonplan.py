"""The plan as stable, documented JSON (``plan.json``) and the JSON Schema that describes it."""

from __future__ import annotations

import json
import re
from pathlib import PurePosixPath
from typing import Any

from plangen import __version__
from plangen.artifacts import Artifact
from plangen.document.assemble import plan_json
from plangen.document.model import PlanDocument
from plangen.render.context import safe_id
from plangen.document.schemas import schema_for


def document_json(doc: PlanDocument) -> str:
    """The plan's fields at the top (the stable contract) and the rest of the document under ``document``.

    The same bytes as ``json.dumps({**plan, "document": info}, indent=2, sort_keys=True)``, but the plan's
    text is the one its edition hash was made from: only the document part is encoded again.
    """
    info = json.dumps({"document": doc.info.model_dump(mode="json")}, indent=2, sort_keys=True, ensure_ascii=False)
    entries = {**_top_level(plan_json(doc.plan)), **_top_level(info)}
    return "{\n" + ",\n".join(entries[key] for key in sorted(entries)) + "\n}\n" if entries else "{}\n"


# In indent=2 JSON a top-level key, and only one, starts a line with exactly two spaces and a quote.
_TOP_KEY = re.compile(r'^  ("(?:[^"\\]|\\.)*"): ', re.MULTILINE)


def _top_level(text: str) -> dict[str, str]:
    """Each top-level entry of an indent=2 JSON object's text, by its key, without the separating comma."""
    found = list(_TOP_KEY.finditer(text))
    ends = [m.start() for m in found[1:]] + [text.rstrip().rindex("}")]
    return {json.loads(m.group(1)): text[m.start():end].rstrip().removesuffix(",") for m, end in zip(found, ends)}


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
