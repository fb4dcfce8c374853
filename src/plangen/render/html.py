"""Render a finished plan as static HTML pages; every link is relative so the site works from file://."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2

from plangen.artifacts import Artifact
from plangen.document.model import PlanDocument
from plangen.document.plan import Plan
from plangen.render.assets import asset_artifacts
from plangen.render.context import Links, plan_context, safe_id
from plangen.render.environment import make_environment, render_template


def render_site(doc: PlanDocument, templates: Path | None = None) -> list[Artifact]:
    """The plan's pages under ``<slug>/`` plus the shared ``assets/``; paths relative to the output folder.

    ``templates`` is the user's theme folder (see ``resources.templates_dir``); the bundled
    default theme fills in whatever it does not override.
    """
    env = make_environment(templates)
    slug = safe_id(doc.slug, "plan id")
    context = plan_context(doc)
    pages = _referral_pages(env, context) if doc.plan.status == "referral" else _plan_pages(env, context)
    return [Artifact.text(f"{slug}/{name}", html) for name, html in pages] + asset_artifacts(templates)


def _referral_pages(env: jinja2.Environment, context: dict[str, Any]) -> list[tuple[str, str]]:
    return [("index.html", _page(env, "referral.html", context, "index")), _clinician_page(env, context)]


def _clinician_page(env: jinja2.Environment, context: dict[str, Any]) -> tuple[str, str]:
    # The rules, sources and settings behind the plan, for clinicians: the runner's pages carry plain words only.
    return ("clinician.html", _page(env, "clinician-detail.html", context, "clinician"))


def _plan_pages(env: jinja2.Environment, context: dict[str, Any]) -> list[tuple[str, str]]:
    plan: Plan = context["plan"]
    pages = [("index.html", _page(env, "index.html", context, "index"))]
    for index, week in enumerate(plan.weeks):
        extra = {
            "week": week,
            "prev_week": plan.weeks[index - 1] if index > 0 else None,
            "next_week": plan.weeks[index + 1] if index + 1 < len(plan.weeks) else None,
        }
        pages.append((f"week-{week.number:02d}.html", _page(env, "week.html", context, f"week-{week.number}", extra)))
    for ex_id, card in context["cards"].items():
        extra = {"exercise": card, "doses": context["usage"][ex_id]}
        pages.append((f"exercises/{ex_id}.html", _page(env, "exercise.html", context, "exercise", extra, "../")))
    pages.append(("flare-up.html", _page(env, "flare-up.html", context, "flare-up")))
    pages.append(("diary.html", _page(env, "diary.html", context, "diary")))
    pages.append(_clinician_page(env, context))
    return pages


def _page(
    env: jinja2.Environment,
    template: str,
    context: dict[str, Any],
    current: str,
    extra: dict[str, Any] | None = None,
    to_plan: str = "",
) -> str:
    links = Links(print_mode=False, to_plan=to_plan)
    return render_template(env, template, **context, **(extra or {}), links=links, current=current)
