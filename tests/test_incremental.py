"""Incremental builds: a plan is skipped only when nothing it depends on changed; a doubtful manifest means build everything."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from plangen.cli import main
from plangen.output import manifest_path

EPOCH = "1764547200"


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(ROOT / "profiles", tmp_path / "profiles")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    return tmp_path


def build(*args: str):
    """``plangen build profiles --no-pdf`` with ``args`` (-v goes before the command, as a user types it)."""
    loud = ["-v"] if "-v" in args else []
    rest = [a for a in args if a != "-v"]
    result = CliRunner().invoke(main, [*loud, "build", "profiles", "--no-pdf", "-j", "1", *rest], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return result


def inode(project: Path, slug: str) -> int:
    return os.stat(project / "site" / slug / "index.html").st_ino


def test_an_unchanged_plan_is_carried_over_not_built_again(project: Path) -> None:
    build()
    before = {slug: inode(project, slug) for slug in ("sam", "jo", "lee")}
    result = build("-v")
    assert "built" not in result.stdout
    assert "skipped sam: nothing it depends on changed since the last build" in result.stdout
    assert {slug: inode(project, slug) for slug in before} == before  # the same files, hard-linked into the new build
    assert 'href="sam/index.html"' in (project / "site/index.html").read_text()  # the index lists skipped plans too


def test_without_v_a_skip_is_one_summary_line(project: Path) -> None:
    build()
    assert "3 plans unchanged since the last build" in build().stdout


def _append(path: Path, text: str = "\n") -> None:
    path.write_text(path.read_text() + text)


def _own_card(project: Path) -> None:
    shutil.copytree(ROOT / "content", project / "content")
    _append(project / "content/exercises/clamshell.md", "\nKeep the top knee over the bottom one.\n")


CHANGES = {
    "profile": (lambda p: _append(p / "profiles/sam.yaml"), "the profile"),
    "log": (lambda p: _append(p / "profiles/sam.log.yaml"), "the log"),
    "plangen.yaml": (lambda p: (p / "plangen.yaml").write_text("defaults: {review_weeks: 6}\n"), "plangen.yaml"),
    "theme": (lambda p: shutil.copytree(ROOT / "templates", p / "templates"), "the theme"),
    "exercise card": (_own_card, "the exercise library"),
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_each_input_a_plan_depends_on_rebuilds_it(project: Path, change: str) -> None:
    build()
    edit, why = CHANGES[change]
    edit(project)
    result = build("-v")
    line = next(line for line in result.stdout.splitlines() if line.startswith("built sam:"))
    assert line.endswith(f"({why} changed)"), line
    if change in ("profile", "log"):
        assert "skipped jo" in result.stdout  # the other runners did not change


def test_a_new_date_or_other_options_rebuild(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(EPOCH) + 86400))  # every page prints the build date
    assert "(the build options or date changed)" in build("-v").stdout
    assert "(the build options or date changed)" in build("-v", "--large-print").stdout


def test_force_builds_everything_again(project: Path) -> None:
    build()
    before = inode(project, "sam")
    assert "built sam" in build("--force", "-v").stdout and inode(project, "sam") != before


@pytest.mark.parametrize("damage", ["not json", "foreign", "other build", "wrong shape", "missing file"])
def test_a_doubtful_manifest_means_a_full_rebuild(project: Path, damage: str) -> None:
    build()
    build_dir = (project / "site/.plangen/current").resolve()
    manifest = manifest_path(build_dir)
    data = json.loads(manifest.read_text())
    if damage == "not json":
        manifest.write_text("{")
    elif damage == "foreign":
        manifest.write_text(json.dumps({**data, "format": "someone-else/9"}))
    elif damage == "other build":
        manifest.write_text(json.dumps({**data, "build": "b-elsewhere"}))
    elif damage == "wrong shape":
        manifest.write_text(json.dumps({**data, "plans": {"sam": {"key": 1}}}))
    else:
        (build_dir / "sam" / "week-01.html").unlink()  # the key still matches, but the copy is incomplete
    result = build("-v")
    assert "built sam" in result.stdout and "Traceback" not in result.output
    assert (project / "site/sam/week-01.html").is_file()


def test_building_one_profile_keeps_the_other_plans(project: Path) -> None:
    build()
    result = CliRunner().invoke(main, ["-v", "build", "profiles/sam.yaml", "--no-pdf", "--force"], catch_exceptions=False)
    assert result.exit_code == 0 and "kept from the last build: jo, lee" in result.stdout
    assert (project / "site/jo/index.html").is_file()
    assert 'href="jo/index.html"' in (project / "site/index.html").read_text()


def test_a_published_build_never_reuses_a_private_one(project: Path) -> None:
    build()
    result = build("--publish", "-v")
    assert "skipped" not in result.stdout
    names = sorted(p.name for p in (project / "site").iterdir() if not p.name.startswith("."))
    assert "sam" not in names and all(n == "assets" or n.startswith("p-") for n in names)


@pytest.mark.slow
def test_the_pdf_is_skipped_too(project: Path) -> None:
    args = ["-v", "build", "profiles/lee.yaml"]  # a referral: a short PDF
    assert CliRunner().invoke(main, args, catch_exceptions=False).exit_code == 0
    pdf = (project / "site/lee/plan.pdf").stat().st_ino
    again = CliRunner().invoke(main, args, catch_exceptions=False)
    assert "skipped lee" in again.stdout and (project / "site/lee/plan.pdf").stat().st_ino == pdf


def test_a_card_edited_between_builds_in_one_process_shows_its_new_words(project: Path) -> None:
    # `plangen serve` builds again in the same process: the library it parsed before must not be reused.
    build()
    shutil.copytree(ROOT / "content", project / "content")
    for words in ("Keep the top knee over the bottom one.", "Breathe out as the knee opens."):
        _append(project / "content/exercises/clamshell.md", f"\n{words}\n")
        build()
        assert words in (project / "site/sam/exercises/clamshell.html").read_text()


def test_a_copy_that_follows_links_lists_no_published_plan(project: Path, tmp_path: Path) -> None:
    # Upload tools that follow links and keep dot-folders (zip -r, cp -rL, aws s3 sync) copy .plangen/current as a
    # folder: no file at a fixed address there may name the unguessable plan folders of a published site.
    build("--publish")
    copy = tmp_path / "uploaded"
    shutil.copytree(project / "site", copy, symlinks=False)
    plans = [p.name for p in (project / "site").iterdir() if p.name.startswith("p-")]
    current = copy / ".plangen" / "current"
    loose = [p for p in current.iterdir() if p.name not in plans]  # what is not a plan's own folder
    listed = [str(p) for p in loose for f in ([p] if p.is_file() else p.rglob("*")) if f.is_file()
              and any(slug.encode() in f.read_bytes() for slug in plans)]
    assert len(plans) == 3 and listed == []
