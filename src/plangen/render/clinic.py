"""The clinician's index page of a private batch build (site/index.html): every plan the site holds."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from plangen import __version__
from plangen.artifacts import Artifact
from plangen.render.environment import make_environment, render_template
from plangen.resources import templates_dir


def render_clinic_index(plans: list[Mapping[str, Any]], clinic_name: str | None, generated: str, root: Path) -> Artifact:
    """One row per plan (slug, name, status, weeks, has_pdf), linking its overview, PDF, JSON and calendar."""
    rows = sorted(plans, key=lambda p: p["slug"])
    html = render_template(make_environment(templates_dir(root)), "clinic-index.html", plans=rows, clinic_name=clinic_name,
                           generated=generated, version=__version__)
    return Artifact.text("index.html", html)
