"""The build, top to bottom: read and validate everything, skip what has not changed, render the rest, switch once."""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plangen.artifacts import Artifact, RenderOptions
from plangen.errors import BuildError, InputError, PlangenError, Problem
from plangen.sources.config import CONFIG_NAME, ProjectConfig, load_config
from plangen.sources.runner import RunnerInput, load_runner, profile_paths

if TYPE_CHECKING:  # `validate` never builds a plan: the plan and document models load only when one is made
    from plangen.document.model import PlanDocument
    from plangen.document.plan import Plan
    from plangen.sources.exercise_models import Library

log = logging.getLogger(__name__)


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
    force: bool = False  # rebuild every plan, changed or not


@dataclass(frozen=True)
class BuiltPlan:
    """One runner's result, small enough to pass between processes: what was built, skipped, or why it failed."""

    slug: str
    source: Path
    status: str = ""
    weeks: int = 0
    name: str | None = None
    error: str | None = None
    has_pdf: bool = False
    files: int = 0
    skipped: bool = False
    why: str = ""  # why it was built again, or why it was not


@dataclass(frozen=True)
class BadProfile:
    """A profile that did not validate: the batch goes on without it."""

    source: Path
    problems: list[Problem]

    @property
    def message(self) -> str:
        return InputError(self.problems).format_message()


@dataclass(frozen=True)
class BuildReport:
    """What a build did: each good profile's result, each bad profile's problems, and what it kept from before."""

    plans: list[BuiltPlan]
    bad: list[BadProfile] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # plans of earlier builds still in the site as they were
    written: bool = False  # False: the site was left as it was

    @property
    def failed(self) -> list[BuiltPlan]:
        return [p for p in self.plans if p.error is not None]

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 2 if self.bad else 0


def build_date() -> str:
    """Today, or the date SOURCE_DATE_EPOCH says, so two builds of the same inputs are identical."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc) if epoch else dt.datetime.now(dt.timezone.utc)
    return when.date().isoformat()


# --- reading the project ---------------------------------------------------------------------------------

def load_project(paths: list[Path], root: Path) -> tuple[ProjectConfig, list[RunnerInput]]:
    """plangen.yaml and every profile under ``paths`` with its defaults; one InputError lists every problem in all."""
    config = load_config(root)
    runners, bad = load_each(paths, config)
    if bad or not runners:
        raise InputError([p for b in bad for p in b.problems] or [_no_profiles(paths)])
    return config, runners


def load_each(paths: list[Path], config: ProjectConfig) -> tuple[list[RunnerInput], list[BadProfile]]:
    """Every profile under ``paths``, each on its own: the good ones, and the bad ones with their problems."""
    runners: list[RunnerInput] = []
    bad: list[BadProfile] = []
    for path in profile_paths(paths):
        try:
            runners.append(_with_clinic_rules(_with_defaults(load_runner(path), config), config))
        except InputError as exc:
            bad.append(BadProfile(path, exc.problems))
    seen: dict[str, Path] = {}
    for runner in list(runners):
        if runner.slug in seen:  # the second profile with an id is the bad one; the first still builds
            runners.remove(runner)
            bad.append(BadProfile(runner.profile_path, [Problem(
                runner.profile_path, None, "id", f"an id no other profile uses (first: {seen[runner.slug]})", repr(runner.slug))]))
        seen.setdefault(runner.slug, runner.profile_path)
    return runners, sorted(bad, key=lambda b: b.source)


def _with_clinic_rules(runner: RunnerInput, config: ProjectConfig) -> RunnerInput:
    """Each file's rules are checked alone; here the profile's over the clinic's must still be in order."""
    from plangen.rules import Settings, order_problems

    wrong = order_problems(Settings({**config.rules, **runner.profile.rules}))
    if wrong:
        raise InputError([Problem(runner.profile_path, None, "rules", expected, found,
                                  hint="with the rules in plangen.yaml") for expected, found in wrong])
    return runner


def _no_profiles(paths: list[Path]) -> Problem:
    return Problem(paths[0] if paths else Path("."), None, "", "a profile (*.yaml)", "no profiles")


def _with_defaults(runner: RunnerInput, config: ProjectConfig) -> RunnerInput:
    """Project defaults fill in only what the profile left out."""
    given = runner.profile.model_fields_set
    defaults = {k: v for k, v in config.defaults.model_dump(include={"units", "paper", "weeks"}).items() if v is not None and k not in given}
    return replace(runner, profile=runner.profile.model_copy(update=defaults)) if defaults else runner


def load_library(root: Path) -> Library:
    """The exercise library (the user's, else the bundled one); parsed once per process while its files stay the same.

    `plangen serve` builds again in the same process after a card changes: the cache is keyed by the files'
    names, sizes and change times, so an edited card is read again (the check costs a directory listing).
    """
    from plangen.resources import content_dir

    folder = content_dir(root)
    return _parsed_library(folder, _stamp(folder))


@lru_cache(maxsize=4)
def _parsed_library(folder: Path, _stamp: tuple[tuple[str, int, int], ...]) -> Library:
    from plangen.sources.library import load_library as load

    return load(folder)


def _stamp(folder: Path) -> tuple[tuple[str, int, int], ...]:
    found = []
    for here, _dirs, files in os.walk(folder):
        for name in files:
            info = os.stat(os.path.join(here, name))
            found.append((os.path.join(here, name), info.st_size, info.st_mtime_ns))
    return tuple(sorted(found))


# --- one plan ----------------------------------------------------------------------------------------------

def plan_for(runner: RunnerInput, library: Library, config: ProjectConfig | None = None) -> Plan:
    from plangen.planner import make_plan

    return make_plan(runner.profile, runner.log, library, runner.slug, (config or ProjectConfig()).rules)


def render_options(runner: RunnerInput, config: ProjectConfig, options: BuildOptions) -> RenderOptions:
    generated = build_date()
    return RenderOptions(
        paper=options.paper or runner.profile.paper,
        anonymous=runner.profile.anonymous or options.publish,
        large_print=options.large_print,
        pdf=options.pdf,
        generated=generated,
        base_url=options.base_url or config.base_url,
        review_weeks=config.defaults.review_weeks,
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


def document_for(runner: RunnerInput, plan: Plan, library: Library, render: RenderOptions, root: Path) -> PlanDocument:
    """The one document every renderer reads; a published build redacts it here, in one step."""
    from plangen.document.assemble import make_document

    doc = make_document(runner, plan, library, render)
    if render.publish:
        from plangen.document.publish import redact
        from plangen.sources.secret import project_secret

        doc = redact(doc, project_secret(root))
    return doc


def render_all(doc: PlanDocument, pdf: bool, root: Path) -> list[Artifact]:
    """Every file of one plan; nothing is written here."""
    from plangen.render.html import render_site
    from plangen.render.ics import render_ics
    from plangen.render.jsonplan import render_json
    from plangen.resources import templates_dir

    templates = templates_dir(root)
    artifacts = [*render_site(doc, templates), render_json(doc), *render_ics(doc)]  # a referral has no calendar
    if pdf:
        from plangen.render.pdf import render_pdfs  # WeasyPrint takes a second to import: only when needed

        artifacts.extend(render_pdfs(doc, templates))  # plan.pdf and clinician.pdf
    return artifacts


@dataclass(frozen=True)
class PlanJob:
    """What a worker needs for one plan: validated inputs and where to write; it reads nothing from disk again."""

    runner: RunnerInput
    config: ProjectConfig
    render: RenderOptions
    root: Path
    into: Path  # this build's folder (output.begin made it)
    slug: str  # the folder the plan goes in (an unguessable one when publishing)
    why: str = ""


def render_plan(job: PlanJob) -> BuiltPlan:
    """Plan, render and write one runner's folder (in a worker for batches); a failure is a result, not a crash."""
    from plangen.output import write_files

    try:
        library = load_library(job.root)
        doc = document_for(job.runner, plan_for(job.runner, library, job.config), library, job.render, job.root)
        files = _own_files(render_all(doc, job.render.pdf, job.root), job.slug)
        count = write_files(job.into, files)
    except PlangenError as exc:
        return BuiltPlan(job.slug, job.runner.profile_path, error=exc.format_message(), why=job.why)
    name = doc.info.who.name if doc.info.who else None
    has_pdf = any(a.path.name == "plan.pdf" for a in files)
    return BuiltPlan(job.slug, job.runner.profile_path, doc.plan.status, len(doc.plan.weeks), name, None, has_pdf, count, why=job.why)


def _own_files(artifacts: list[Artifact], slug: str) -> list[Artifact]:
    # The shared assets are written once by the build, not by every plan.
    own = [a for a in artifacts if a.path.parts[0] == slug]
    stray = [str(a.path) for a in artifacts if a.path.parts[0] not in (slug, "assets")]
    if stray:
        raise BuildError(f"the plan '{slug}' would write outside its folder: {', '.join(stray)}")
    return own


# --- the whole build ---------------------------------------------------------------------------------------

def build(paths: list[Path], options: BuildOptions, on_done: Callable[[BuiltPlan], None] | None = None) -> BuildReport:
    """Validate everything; build every good profile (skipping unchanged ones) into a new site that replaces the old in one step.

    Bad profiles are reported and left out; plangen.yaml or the exercise library being bad stops the build (exit 2).
    """
    from plangen.incremental import Incremental

    config = load_config(options.root)
    load_library(options.root)  # a broken exercise library is bad input for every plan: report it before any work
    runners, bad = load_each(paths, config)
    if not runners:
        raise InputError([p for b in bad for p in b.problems] or [_no_profiles(paths)])
    done = on_done or (lambda _result: None)
    slugs = _output_slugs(runners, options)
    with Incremental.begin(options.out, options.root, list(slugs.values()), publish=options.publish, force=options.force) as site:
        skipped, jobs = [], []
        for runner in runners:
            render, slug = render_options(runner, config, options), slugs[runner.slug]
            old, why = site.reuse(slug, runner.profile_path, runner.log_path, render)
            if old is None:
                jobs.append(PlanJob(runner, config, render, options.root, site.staging.root, slug, why))
            else:
                skipped.append(_skipped(old, slug, runner.profile_path, why))
                done(skipped[-1])
        results = skipped + _render(jobs, options, done)
        kept = site.finish(results, lambda rows: _shared_files(rows, config, options))
    return BuildReport(sorted(results, key=lambda r: r.source), bad, kept, site.written)


def _skipped(old: dict[str, Any], slug: str, source: Path, why: str) -> BuiltPlan:
    return BuiltPlan(slug, source, old["status"], old["weeks"], old.get("name"), has_pdf=old["has_pdf"], files=old["files"],
                     skipped=True, why=why)


def _shared_files(rows: list[dict[str, Any]], config: ProjectConfig, options: BuildOptions) -> list[Artifact]:
    """The theme's assets, and the clinician's index when the site holds more than one private plan."""
    from plangen.render.assets import asset_artifacts
    from plangen.resources import templates_dir

    files = asset_artifacts(templates_dir(options.root))
    if len(rows) > 1 and not options.publish:
        from plangen.render.clinic import render_clinic_index

        files.append(render_clinic_index(rows, config.clinic.name, build_date(), options.root))
    return files


def _output_slugs(runners: list[RunnerInput], options: BuildOptions) -> dict[str, str]:
    """Each runner's folder name; publishing hashes it with the project's secret, made here once, never in a worker."""
    if not options.publish:
        return {r.slug: r.slug for r in runners}
    from plangen.document.publish import public_slug
    from plangen.sources.secret import project_secret

    key = project_secret(options.root)
    return {r.slug: public_slug(r.slug, key) for r in runners}


def _render(jobs: list[PlanJob], options: BuildOptions, done: Callable[[BuiltPlan], None]) -> list[BuiltPlan]:
    from plangen.batch import run_jobs

    def crashed(job: PlanJob, exc: BaseException) -> BuiltPlan:
        return BuiltPlan(job.slug, job.runner.profile_path, error=f"{type(exc).__name__}: {exc}", why=job.why)

    # Worker processes: WeasyPrint's memory grows across renders, and two cores beat one.
    return run_jobs(jobs, render_plan, options.jobs, crashed, done)


__all__ = ["BadProfile", "BuildError", "BuildOptions", "BuildReport", "BuiltPlan", "build", "load_each",
           "load_project", "plan_for", "render_plan", "CONFIG_NAME"]
