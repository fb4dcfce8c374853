"""Batches: a bad profile or a failing plan is reported while the good ones build; workers hand back small summaries."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from plangen.build import BuildOptions, build
from plangen.cli import main

BAD = "id: kim\navailability: {run_days: [mon, funday]}\nsymptoms: {worst_pain_last_week: 12}\nstart: 2026-12-07\n"


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(ROOT / "profiles", tmp_path / "profiles")
    (tmp_path / "profiles" / "kim.yaml").write_text(BAD)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")
    return tmp_path


def invoke(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_one_bad_profile_does_not_stop_the_batch(project: Path) -> None:
    result = invoke("build", "profiles", "--no-pdf", "-j", "2")
    assert result.exit_code == 2
    for slug in ("sam", "jo", "lee"):
        assert (project / "site" / slug / "index.html").is_file()
    assert not (project / "site" / "kim").exists()
    assert 'kim.yaml", line 2' in result.stderr and "availability.run_days[1]: expected one of" in result.stderr
    table = result.stderr[result.stderr.index("profile"):]
    assert "profiles/kim.yaml  bad input (2 problems)" in table and "sam.yaml" not in table  # only the bad ones
    assert "1 of 4 profiles have problems and were left out" in result.stderr
    index = (project / "site/index.html").read_text()
    assert all(f'href="{slug}/index.html"' in index for slug in ("sam", "jo", "lee")) and "kim" not in index


def test_a_plan_that_fails_to_render_makes_it_exit_1(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import plangen.build as build_module
    from plangen.errors import BuildError

    real = build_module.plan_for

    def flaky(runner, library, config=None):
        if runner.slug == "jo":
            raise BuildError("the planner could not place this runner")
        return real(runner, library, config)

    monkeypatch.setattr(build_module, "plan_for", flaky)
    result = invoke("build", "profiles", "--no-pdf", "-j", "1")
    assert result.exit_code == 1
    assert "FAILED to render" in result.stderr and "bad input" in result.stderr
    assert "the planner could not place this runner" in result.stderr and "1 of 4 plans failed" in result.stderr
    assert (project / "site/sam/index.html").is_file() and not (project / "site/jo").exists()


def test_only_bad_profiles_is_exit_2_and_nothing_written(project: Path) -> None:
    result = invoke("build", "profiles/kim.yaml", "--no-pdf")
    assert result.exit_code == 2 and "2 problems found" in result.stderr
    assert not (project / "site").exists()


def test_validate_defaults_to_the_profiles_folder(project: Path) -> None:
    result = invoke("validate")
    assert result.exit_code == 2 and "kim.yaml" in result.stderr
    (project / "profiles" / "kim.yaml").unlink()
    result = invoke("validate")
    assert result.exit_code == 0 and "ok: profiles/sam.yaml" in result.stdout and "ok: profiles/jo.yaml" in result.stdout


def test_the_progress_line_ends_its_line_when_not_a_terminal(project: Path) -> None:
    (project / "profiles" / "kim.yaml").unlink()
    result = invoke("build", "profiles", "--no-pdf", "-j", "1")
    assert result.exit_code == 0 and result.stderr == "Building 3 plans...\n"


def test_workers_return_a_summary_not_the_files(project: Path) -> None:
    (project / "profiles" / "kim.yaml").unlink()
    report = build([project / "profiles"], BuildOptions(out=project / "site", root=project, pdf=False, jobs=2))
    assert [p.error for p in report.plans] == [None, None, None]
    assert all(len(pickle.dumps(p)) < 1000 for p in report.plans)  # a page is several kB: no bytes come back
    assert {p.slug: p.files for p in report.plans}["sam"] > 20


def test_publishing_in_workers_uses_one_secret_made_before_them(project: Path) -> None:
    from plangen.document.publish import public_slug
    from plangen.sources.secret import project_secret

    (project / "profiles" / "kim.yaml").unlink()
    report = build([project / "profiles"], BuildOptions(out=project / "site", root=project, pdf=False, jobs=2, publish=True))
    assert (project / ".plangen-secret").is_file()
    assert sorted(p.slug for p in report.plans) == sorted(public_slug(s, project_secret(project)) for s in ("sam", "jo", "lee"))
    assert all(p.error is None for p in report.plans)
