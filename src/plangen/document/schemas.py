"""JSON Schemas of the inputs and the plan, made from the models themselves."""

from __future__ import annotations

from typing import Any

from plangen import __version__

_BASE = "https://plangen.invalid/schema"


def schema_for(which: str) -> dict[str, Any]:
    """The JSON Schema of ``which`` (profile, log, plan, or config: plangen.yaml)."""
    from plangen.sources.config import ProjectConfig
    from plangen.sources.models import Profile, TrainingLog
    from plangen.document.model import PlanFile

    model = {"profile": Profile, "log": TrainingLog, "plan": PlanFile, "config": ProjectConfig}[which]
    schema = model.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{_BASE}/{which}-{__version__}.json",
        **schema,
    }
