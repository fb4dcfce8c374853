"""Shared fixtures: the project, the bundled library, example inputs, and a planner helper."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import pytest

from plangen.sources.models import Profile, Screening, TrainingLog
from plangen.document.plan import Plan
from plangen.planner import make_plan

ROOT = Path(__file__).resolve().parents[1]
SCREENING_QUESTIONS = tuple(Screening.model_fields)


@pytest.fixture(scope="session")
def library() -> Any:
    from plangen.sources.library import load_library
    from plangen.resources import content_dir

    return load_library(content_dir(ROOT))


def profile(**overrides: Any) -> Profile:
    """A valid profile with sensible defaults; keyword overrides replace top-level sections."""
    data: dict[str, Any] = {
        "id": "test",
        "units": "km",
        "start": dt.date(2026, 12, 7),
        "weeks": 8,
        "availability": {"run_days": ["mon", "wed", "sat"], "strength_days": ["tue", "thu"], "long_run_day": "sat"},
        "baseline": {"cadence": 160},
        "symptoms": {"worst_pain_last_week": 2, "pain_at_rest": 0, "usual_morning_pain": 0},
        "readiness": {"brisk_walk_30_min": True, "single_leg_hops_10": True},
        "screening": dict.fromkeys(SCREENING_QUESTIONS, False),  # every warning sign answered "no"
        "goal": {"weekly_distance": 25},
        "cross_training": ["cycling"],
        "equipment": ["band", "step", "dumbbells"],
    }
    data.update(overrides)
    return Profile.model_validate(data)


def run(day: dt.date, distance: float, minutes: float, during: int = 1, after: int = 1, morning: int | None = 0, **extra: Any) -> dict[str, Any]:
    pain = {"during": during, "after": after}
    if morning is not None:
        pain["next_morning"] = morning
    return {"date": day, "activity": "run", "type": "easy", "distance": distance, "duration": minutes, "pain": pain, **extra}


def log(*entries: dict[str, Any]) -> TrainingLog:
    return TrainingLog.model_validate({"entries": list(entries)})


def steady_log(start: dt.date, weeks: int = 4, distance: float = 5.0, minutes: float = 30, **pain: Any) -> TrainingLog:
    """Three green runs a week (Mon, Wed, Sat) for ``weeks`` weeks before ``start``."""
    entries = []
    for back in range(weeks, 0, -1):
        monday = start - dt.timedelta(days=7 * back)
        for offset in (0, 2, 5):
            entries.append(run(monday + dt.timedelta(days=offset), distance, minutes, **pain))
    return log(*entries)


@pytest.fixture()
def plan_of(library: Any):
    def make(prof: Profile, training: TrainingLog | None = None) -> Plan:
        return make_plan(prof, training or TrainingLog(), library, prof.id or "test")

    return make


def need(present: bool, what: str) -> None:
    """Skip when a tool is missing on a developer machine; fail when PLANGEN_REQUIRE_BROWSER=1 (CI) says it must be there."""
    if present:
        return
    if os.environ.get("PLANGEN_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{what} (PLANGEN_REQUIRE_BROWSER=1 requires it)", pytrace=False)
    pytest.skip(what)
