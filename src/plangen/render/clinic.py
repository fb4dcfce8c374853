"""The clinician's index page of a private batch build (site/index.html)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from plangen import __version__
from plangen.artifacts import Artifact, RenderOptions
from plangen.render.environment import make_environment, render_template
from plangen.resources import templates_dir


def render_clinic_index(built: list[Any], options: RenderOptions, root: Path) -> Artifact:
    """One row per built plan, linking its overview, PDF, JSON and calendar."""
    rows = [
        {"slug": b.slug, "name": b.name, "status": b.status, "weeks": b.weeks,
         "has_pdf": any(a.path.name == "plan.pdf" for a in b.artifacts)}
        for b in sorted(built, key=lambda b: b.slug)
    ]
    html = render_template(make_environment(templates_dir(root)), "clinic-index.html", plans=rows, clinic_name=options.clinic_name,
                           generated=options.generated, version=__version__)
    return Artifact.text("index.html", html)
