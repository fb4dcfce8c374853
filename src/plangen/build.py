"""The build, top to bottom: read and validate everything, plan, render, then write."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from plangen.artifacts import Artifact, RenderOptions
from plangen.errors import InputError, Problem
from plangen.plan import Plan
from plangen.sources import RunnerInput, load_runner, profile_paths


@dataclass(frozen=True)
class BuildOptions:
    out: Path = Path("site")
    root: Path = Path(".")
    pdf: bool = True
    paper: str | None = None  # None: each profile's own choice
    large_print: bool = False


@dataclass(frozen=True)
class BuiltPlan:
    slug: str
    status: str
    weeks: int
    files: list[Path] = field(default_factory=list)


def build_date() -> str:
    """Today, or the date SOURCE_DATE_EPOCH says, so two builds of the same inputs are identical."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc) if epoch else dt.datetime.now(dt.timezone.utc)
    return when.date().isoformat()


def load_all(paths: list[Path]) -> list[RunnerInput]:
    """Every profile under ``paths``, validated; one InputError lists every problem in all of them."""
    problems: list[Problem] = []
    runners: list[RunnerInput] = []
    found = profile_paths(paths)
    if not found:
        problems.append(Problem(paths[0] if paths else Path("."), None, "", "a profile (*.yaml)", "no profiles"))
    for path in found:
        try:
            runners.append(load_runner(path))
        except InputError as exc:
            problems.extend(exc.problems)
    problems.extend(_duplicate_slugs(runners))
    if problems:
        raise InputError(problems)
    return runners


def _duplicate_slugs(runners: list[RunnerInput]) -> list[Problem]:
    first: dict[str, Path] = {}
    out = []
    for runner in runners:
        if runner.slug in first:
            out.append(Problem(runner.profile_path, None, "id", f"an id no other profile uses (first: {first[runner.slug]})", repr(runner.slug)))
        first.setdefault(runner.slug, runner.profile_path)
    return out


def plan_for(runner: RunnerInput, library: Any) -> Plan:
    from plangen.planner import make_plan

    return make_plan(runner.profile, runner.log, library, runner.slug)


def render_all(runner: RunnerInput, plan: Plan, library: Any, options: BuildOptions) -> list[Artifact]:
    """Every file of one plan; nothing is written here."""
    from plangen.render.html import render_site
    from plangen.render.jsonplan import render_json

    render = RenderOptions(
        paper=options.paper or runner.profile.paper,
        anonymous=runner.profile.anonymous,
        large_print=options.large_print,
        generated=build_date(),
    )
    artifacts = [*render_site(runner, plan, library, render), render_json(plan)]
    if options.pdf:
        from plangen.render.pdf import render_pdf  # WeasyPrint takes a second to import: only when needed

        artifacts.append(render_pdf(runner, plan, library, render))
    return artifacts


def load_library(root: Path) -> Any:
    from plangen.exercises import load_library as load
    from plangen.resources import content_dir

    return load(content_dir(root))


def build(paths: list[Path], options: BuildOptions) -> list[BuiltPlan]:
    """Validate all inputs, plan and render every profile, then write the site in one go."""
    from plangen.output import write_site

    runners = load_all(paths)
    library = load_library(options.root)
    artifacts: list[Artifact] = []
    built: list[BuiltPlan] = []
    for runner in runners:
        plan = plan_for(runner, library)
        files = render_all(runner, plan, library, options)
        artifacts.extend(_dedupe_shared(artifacts, files))
        built.append(BuiltPlan(runner.slug, plan.status, len(plan.weeks), [options.out / str(a.path) for a in files]))
    write_site(options.out, artifacts)
    return built


def _dedupe_shared(existing: list[Artifact], new: list[Artifact]) -> list[Artifact]:
    # Every plan ships the same shared assets; keep one copy of each.
    have = {a.path for a in existing}
    return [a for a in new if not (a.path.parts[0] == "assets" and a.path in have)]
