"""Thin Click commands: parse options, call the pipeline, map failures to exit codes."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import click

from plangen import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="plangen")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing on success.")
@click.option("-v", "--verbose", count=True, help="Say more (-vv for debug output).")
@click.pass_context
def main(ctx: click.Context, quiet: bool, verbose: int) -> None:
    """Build return-to-run plans for runner's knee as a static site and a printable PDF."""
    ctx.obj = {"quiet": quiet, "verbose": verbose}
    level = logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    logging.basicConfig(level=level, format="%(levelname)s: %(message)s")
    # WeasyPrint's font and CSS notes are for theme authors: shown with -v, errors always fail the build.
    logging.getLogger("weasyprint").setLevel(logging.ERROR if verbose == 0 else level)


def _base_url(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """The same check as plangen.yaml's base_url, so a flag and the file accept the same addresses."""
    if value is None:
        return None
    from pydantic import ValidationError

    from plangen.sources.config import ProjectConfig

    try:
        return ProjectConfig(base_url=value).base_url
    except ValidationError as exc:
        raise click.BadParameter(f"expected {exc.errors()[0]['msg'].removeprefix('Value error, ')}") from None


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--out", type=click.Path(file_okay=False, path_type=Path), default=Path("site"), show_default=True, help="Output folder.")
@click.option("--root", type=click.Path(exists=True, file_okay=False, path_type=Path), default=Path("."), help="Project folder with plangen.yaml and your own templates/ and content/ (default: here).")
@click.option("--paper", type=click.Choice(["a4", "letter"]), default=None, help="PDF paper size (default: each profile's, else plangen.yaml's, else A4).")
@click.option("--base-url", callback=_base_url, default=None, metavar="URL", help="Where the site will be hosted, for the PDF's QR codes (default: plangen.yaml's base_url).")
@click.option("--large-print", is_flag=True, help="A large-print PDF.")
@click.option("--no-pdf", is_flag=True, help="Skip the PDF (faster previews).")
@click.option("--publish", is_flag=True, help="For public hosting: no names, ages, notes or pain history; unguessable addresses; noindex.")
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=None, help="Worker processes for a batch (default: the number of cores).")
@click.option("--force", is_flag=True, help="Build every plan again, even those unchanged since the last build.")
@click.pass_context
def build(ctx: click.Context, paths: tuple[Path, ...], out: Path, root: Path, paper: str | None, base_url: str | None,
          large_print: bool, no_pdf: bool, publish: bool, jobs: int | None, force: bool) -> None:
    """Build each profile (a file, or every profile in a folder; default profiles/) into OUT.

    A plan whose inputs have not changed since the last build is kept as it is (--force builds it anyway).
    Bad profiles are listed and left out; the others are built (exit 2, or 1 if a plan failed to render).
    """
    from plangen.build import BuildOptions
    from plangen.build import build as run_build
    from plangen.cli.reporting import report_build

    options = BuildOptions(out=out, root=root, pdf=not no_pdf, paper=paper, base_url=base_url, large_print=large_print,
                           publish=publish, jobs=jobs or os.cpu_count() or 1, force=force)
    targets = list(paths) or [Path("profiles")]
    with _progress(ctx, targets) as advance:
        report = run_build(targets, options, on_done=advance)
    report_build(report, out, quiet=ctx.obj["quiet"], verbose=ctx.obj["verbose"])
    ctx.exit(report.exit_code)


@contextlib.contextmanager
def _progress(ctx: click.Context, targets: list[Path]) -> Iterator[Callable[[object], None]]:
    """A progress bar for batches on a terminal; one line in a pipe or a log; silent for one profile or under -q."""
    from plangen.sources.runner import profile_paths

    total = len(profile_paths(targets))
    if ctx.obj["quiet"] or total < 2:
        yield lambda _result: None
        return
    if not sys.stderr.isatty():  # a bar redrawn in place is noise in a log: say it once, on a line of its own
        click.echo(f"Building {total} plans...", err=True)
        yield lambda _result: None
        return
    with click.progressbar(length=total, label="Building plans", file=sys.stderr) as bar:
        yield lambda _result: bar.update(1)


@main.command()
@click.argument("profile", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--root", type=click.Path(exists=True, file_okay=False, path_type=Path), default=Path("."), help="Project folder with plangen.yaml and your own content/ (default: here).")
def plan(profile: Path, fmt: str, root: Path) -> None:
    """Print the plan for PROFILE without rendering the site."""
    from plangen.build import load_library, load_project, plan_for

    config, (runner,) = load_project([profile], root)  # the clinic's defaults and rules: the plan `build` makes
    result = plan_for(runner, load_library(root), config)
    if fmt == "json":
        from plangen.document.assemble import plan_json

        click.echo(plan_json(result), nl=False)
    else:
        from plangen.render.text import render_text

        click.echo(render_text(result))


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--root", type=click.Path(exists=True, file_okay=False, path_type=Path), default=Path("."), help="Project folder whose plangen.yaml is checked too (default: here).")
@click.pass_context
def validate(ctx: click.Context, paths: tuple[Path, ...], root: Path) -> None:
    """Check profiles (files or folders; default profiles/), their logs and plangen.yaml; print every problem (exit 2 if any)."""
    from plangen.build import load_project
    from plangen.sources.config import CONFIG_NAME

    _config, runners = load_project(list(paths) or [Path("profiles")], root)
    if ctx.obj["quiet"]:
        return
    if (root / CONFIG_NAME).exists():
        click.echo(f"ok: {root / CONFIG_NAME}")
    for runner in runners:
        click.echo(f"ok: {runner.profile_path} ({len(runner.log.entries)} log entries)")
        # The rule of logimport.runs_missing_pain, without loading the importer and its file readers.
        missing = [e for e in runner.log.entries if e.is_run and e.pain.next_morning is None]
        if missing:
            dates = ", ".join(str(e.date) for e in missing)
            click.echo(f"  note: {len(missing)} runs have no next-morning pain score yet ({dates}); they cannot count as green")


@main.command()
@click.argument("which", type=click.Choice(["profile", "log", "plan", "config"]), default="plan")
def schema(which: str) -> None:
    """Print the JSON Schema of a profile, a log, a plan or plangen.yaml (for editors and other tools)."""
    import json

    from plangen.document.schemas import schema_for

    click.echo(json.dumps(schema_for(which), indent=2, sort_keys=True))


@main.command()
@click.argument("identifier", metavar="ID")
@click.option("--dir", "folder", type=click.Path(file_okay=False, path_type=Path), default=Path("profiles"), show_default=True)
@click.pass_context
def new(ctx: click.Context, identifier: str, folder: Path) -> None:
    """Scaffold a commented profile and log for runner ID, ready to fill in."""
    import datetime as dt

    from plangen.cli.scaffold import scaffold

    written = scaffold(identifier, folder, dt.date.today())  # the clock is read here, at the edge, not in the planner
    if not ctx.obj["quiet"]:
        for path in written:
            click.echo(f"wrote {path}")
        click.echo(f"next: edit {written[0]}, then: plangen validate {written[0]} && plangen build {written[0]}")


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--out", type=click.Path(file_okay=False, path_type=Path), default=Path("site"), show_default=True)
@click.option("--root", type=click.Path(exists=True, file_okay=False, path_type=Path), default=Path("."))
@click.option("--port", type=click.IntRange(1024, 65535), default=8000, show_default=True)
@click.option("--pdf", is_flag=True, help="Also rebuild the PDF on every change (slower).")
def serve(paths: tuple[Path, ...], out: Path, root: Path, port: int, pdf: bool) -> None:
    """Preview the site on http://127.0.0.1:PORT/ and rebuild when inputs change (Ctrl+C stops)."""
    from plangen.build import BuildOptions
    from plangen.cli.serve import start_preview

    options = BuildOptions(out=out, root=root, pdf=pdf)
    preview = start_preview(list(paths) or [Path("profiles")], options, port, click.echo)
    click.echo(f"serving {out} on {preview.url} (Ctrl+C to stop)")
    try:
        preview.wait()
    except KeyboardInterrupt:
        pass
    finally:
        preview.stop()


def _register_subcommands() -> None:
    from plangen.cli.exercises import exercises
    from plangen.cli.log import log

    main.add_command(exercises)
    main.add_command(log)


_register_subcommands()
