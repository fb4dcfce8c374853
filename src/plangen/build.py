"""The build, top to bottom: read and validate everything, plan and render each runner, then write once."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from plangen.artifacts import Artifact, RenderOptions
from plangen.sources.config import ProjectConfig, load_config
from plangen.errors import BuildError, InputError, PlangenError, Problem
from plangen.document.model import PlanDocument
from plangen.document.plan import Plan
from plangen.sources.runner import RunnerInput, load_runner, profile_paths


@dataclass(frozen=True)
class BuildOptions:
    out: Path = Path("site")
    root: Path = Path(".")
    pdf: bool = True
    paper: str | None = None  # None: the profile's choice, else the project default, else A4
    base_url: str | None = None  # None: plangen.yaml's base_url
    large_print: bool = False
    publish: bool = False
    jobs: int = 1


@dataclass(frozen=True)
class BuiltPlan:
    """One runner's result: what was built, or why it failed."""

    slug: str
    source: Path
    status: str = ""
    weeks: int = 0
    name: str | None = None
    error: str | None = None
    artifacts: list[Artifact] = field(default_factory=list, repr=False)


def build_date() -> str:
    """Today, or the date SOURCE_DATE_EPOCH says, so two builds of the same inputs are identical."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc) if epoch else dt.datetime.now(dt.timezone.utc)
    return when.date().isoformat()


def _load_all(paths: list[Path], config: ProjectConfig) -> list[RunnerInput]:
    """Every profile under ``paths``, validated; one InputError lists every problem in all of them."""
    problems: list[Problem] = []
    runners: list[RunnerInput] = []
    found = profile_paths(paths)
    if not found:
        problems.append(Problem(paths[0] if paths else Path("."), None, "", "a profile (*.yaml)", "no profiles"))
    for path in found:
        try:
            runners.append(_with_defaults(load_runner(path), config))
        except InputError as exc:
            problems.extend(exc.problems)
    problems.extend(_duplicate_slugs(runners))
    if problems:
        raise InputError(problems)
    return runners


def load_project(paths: list[Path], root: Path) -> tuple[ProjectConfig, list[RunnerInput]]:
    """The project's plangen.yaml and every profile under ``paths`` with its defaults: what build, plan and validate read."""
    config = load_config(root)
    return config, _load_all(paths, config)


def _with_defaults(runner: RunnerInput, config: ProjectConfig) -> RunnerInput:
    """Project defaults fill in only what the profile left out."""
    given = runner.profile.model_fields_set
    defaults = {k: v for k, v in config.defaults.model_dump(include={"units", "paper", "weeks"}).items() if v is not None and k not in given}
    return replace(runner, profile=runner.profile.model_copy(update=defaults)) if defaults else runner


def _duplicate_slugs(runners: list[RunnerInput]) -> list[Problem]:
    first: dict[str, Path] = {}
    out = []
    for runner in runners:
        if runner.slug in first:
            out.append(Problem(runner.profile_path, None, "id", f"an id no other profile uses (first: {first[runner.slug]})", repr(runner.slug)))
        first.setdefault(runner.slug, runner.profile_path)
    return out


@lru_cache(maxsize=4)
def load_library(root: Path) -> Any:
    """The exercise library (the user's, else the bundled one); loaded once per process."""
    from plangen.sources.library import load_library as load
    from plangen.resources import content_dir

    return load(content_dir(root))


def plan_for(runner: RunnerInput, library: Any, config: ProjectConfig | None = None) -> Plan:
    from plangen.planner import make_plan

    return make_plan(runner.profile, runner.log, library, runner.slug, (config or ProjectConfig()).rules)


def render_options(runner: RunnerInput, config: ProjectConfig, options: BuildOptions) -> RenderOptions:
    generated = build_date()
    review_by = dt.date.fromisoformat(generated) + dt.timedelta(weeks=config.defaults.review_weeks)
    return RenderOptions(
        paper=options.paper or runner.profile.paper,
        anonymous=runner.profile.anonymous or options.publish,
        large_print=options.large_print,
        pdf=options.pdf,
        generated=generated,
        base_url=options.base_url or config.base_url,
        review_by=review_by.isoformat(),
        publish=options.publish,
        clinic_name=config.clinic.name,
        clinic_contact=config.clinic.contact,
        disclaimer=config.clinic.disclaimer,
        accent=config.clinic.accent,
        logo=_logo(options.root, config),
    )


def _logo(root: Path, config: ProjectConfig) -> tuple[str, bytes] | None:
    if config.clinic.logo is None:
        return None
    path = root / config.clinic.logo
    return path.name, path.read_bytes()


def document_for(runner: RunnerInput, plan: Plan, library: Any, config: ProjectConfig, options: BuildOptions) -> PlanDocument:
    """The one document every renderer reads; a published build redacts it here, in one step."""
    from plangen.document.assemble import make_document

    doc = make_document(runner, plan, library, render_options(runner, config, options))
    if options.publish:
        from plangen.document.publish import redact

        doc = redact(doc, options.root)
    return doc


def render_all(doc: PlanDocument, pdf: bool, root: Path) -> list[Artifact]:
    """Every file of one plan; nothing is written here."""
    from plangen.render.html import render_site
    from plangen.render.ics import render_ics
    from plangen.render.jsonplan import render_json
    from plangen.resources import templates_dir

    templates = templates_dir(root)
    artifacts = [*render_site(doc, templates), render_json(doc), render_ics(doc)]
    if pdf:
        from plangen.render.pdf import render_pdf  # WeasyPrint takes a second to import: only when needed

        artifacts.append(render_pdf(doc, templates))
    return artifacts


def build_one(profile_path: Path, options: BuildOptions) -> BuiltPlan:
    """Plan and render one profile (in a worker process for batches); failures become a result, not a crash."""
    config, (runner,) = load_project([profile_path], options.root)
    try:
        library = load_library(options.root)
        doc = document_for(runner, plan_for(runner, library, config), library, config, options)
        files = render_all(doc, options.pdf, options.root)
    except PlangenError as exc:
        return BuiltPlan(runner.slug, profile_path, error=exc.format_message())
    name = doc.info.who.name if doc.info.who else None
    return BuiltPlan(doc.slug, profile_path, doc.plan.status, len(doc.plan.weeks), name, None, files)


def build(paths: list[Path], options: BuildOptions, on_done: Callable[[BuiltPlan], None] | None = None) -> list[BuiltPlan]:
    """Validate all inputs first (bad input: nothing is built), then build each plan and write the site once."""
    from plangen.output import write_site

    config, runners = load_project(paths, options.root)
    load_library(options.root)  # a broken exercise library is bad input: report it before any work
    results = list(_run(sorted(r.profile_path for r in runners), options, on_done or (lambda _: None)))
    good = [r for r in results if r.error is None]
    artifacts = _dedupe_shared([a for r in good for a in r.artifacts])
    if len(good) > 1 and not options.publish:
        from plangen.render.clinic import render_clinic_index

        artifacts.append(render_clinic_index(good, render_options(runners[0], config, options), options.root))
    if artifacts:
        write_site(options.out, artifacts)
    return results


def _run(paths: list[Path], options: BuildOptions, on_done: Callable[[BuiltPlan], None]) -> list[BuiltPlan]:
    if options.jobs <= 1 or len(paths) == 1:
        results = []
        for path in paths:
            results.append(build_one(path, options))
            on_done(results[-1])
        return results
    # Worker processes: WeasyPrint's memory grows across renders, and two cores beat one.
    with ProcessPoolExecutor(max_workers=options.jobs) as pool:
        futures = [pool.submit(build_one, path, options) for path in paths]
        results = []
        for future in futures:
            results.append(_result(future, paths[len(results)]))
            on_done(results[-1])
        return results


def _result(future: Any, path: Path) -> BuiltPlan:
    try:
        return future.result()
    except Exception as exc:  # a worker crash is one profile's failure, not the batch's
        return BuiltPlan(path.stem, path, error=f"{type(exc).__name__}: {exc}")


def _dedupe_shared(artifacts: list[Artifact]) -> list[Artifact]:
    # Every plan ships the same shared assets; keep one copy of each.
    seen: set[str] = set()
    out = []
    for artifact in artifacts:
        shared = artifact.path.parts[0] == "assets"
        if shared and str(artifact.path) in seen:
            continue
        seen.add(str(artifact.path))
        out.append(artifact)
    return out


def failures(results: list[BuiltPlan]) -> list[BuiltPlan]:
    return [r for r in results if r.error is not None]


__all__ = ["BuildError", "BuildOptions", "BuiltPlan", "build", "build_one", "failures", "load_project", "plan_for"]
