"""Runs without pain scores (imported from a watch, say) are listed for the runner to fill in (issue #7)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT, log, profile, run
from plangen.cli import main

START = dt.date(2026, 12, 7)


def test_the_plan_lists_recent_runs_missing_a_score_the_traffic_light_needs(plan_of) -> None:
    training = log(
        run(START - dt.timedelta(days=40), 5, 30, morning=None),  # older than the plan reads
        run(START - dt.timedelta(days=6), 5, 30, morning=None),
        run(START - dt.timedelta(days=4), 5, 30),  # fully scored
        {"date": START - dt.timedelta(days=2), "activity": "run", "distance": 6.0, "duration": "36:00"},
    )
    plan = plan_of(profile(), training)
    assert [(r.date, r.missing) for r in plan.unscored_runs] == [
        (START - dt.timedelta(days=6), ["next_morning"]),
        (START - dt.timedelta(days=2), ["during", "after", "next_morning"]),
    ]


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(ROOT / "profiles", tmp_path / "profiles")
    with (tmp_path / "profiles" / "jo.log.yaml").open("a", encoding="utf-8") as fh:
        fh.write('  - {date: 2026-12-03, activity: run, distance: 1.2, duration: "15:00", source: "watch/run.fit"}\n')
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_diary_page_and_json_list_them(project: Path) -> None:
    result = CliRunner().invoke(main, ["-q", "build", "profiles/jo.yaml", "--no-pdf"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    diary = (project / "site/jo/diary.html").read_text(encoding="utf-8")
    assert "Runs still missing pain scores" in diary
    assert "Thu 3 Dec" in diary and "pain during, pain after, pain next morning" in diary
    data = json.loads((project / "site/jo/plan.json").read_text(encoding="utf-8"))
    assert data["unscored_runs"][0]["date"] == "2026-12-03"


def test_published_plans_leave_them_out(project: Path) -> None:
    result = CliRunner().invoke(main, ["-q", "build", "profiles/jo.yaml", "--no-pdf", "--publish"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    [plan_dir] = [p for p in (project / "site").iterdir() if p.is_dir() and p.name.startswith("p-")]
    assert "missing pain scores" not in (plan_dir / "diary.html").read_text(encoding="utf-8")
    assert json.loads((plan_dir / "plan.json").read_text(encoding="utf-8"))["unscored_runs"] == []
