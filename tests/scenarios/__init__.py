"""The scenario corpus: realistic runners (profile + log YAML) planned through the real loader and planner.

Each scenario is ``<name>.yaml`` in this folder, with its log in ``<name>.log.yaml`` (or any log file
the profile's ``log:`` names, so two profiles can share one log). Any of them can be read by hand:
``plangen plan tests/scenarios/<name>.yaml``.

Helpers for tests (Planner A's ``tests/test_scenarios.py``, Planner B's ``tests/test_scenarios_events.py``)::

    from scenarios import scenario, planned, runs_of, rules_of, logged_weeks

    plan = planned("race_spike")            # load_runner + make_plan, cached per name for the session
    planned_with("teen", child_review_age=15)  # the same runner under a clinic's settings
    runner = scenario("race_spike")         # the RunnerInput (profile, log) the plan came from
    runs_of(plan)                           # [(date, Session, Week)] for every run and walk-run
    rules_of(plan)                          # every rule id named in any reason of the plan
    logged_weeks(runner, 4)                 # the log's weekly distance, Monday weeks before the start, oldest first

Assert clinical facts (status, entry phase or stage, week-1 volume against the log, caps, frequency,
the rules named in reasons), never golden text.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any

from plangen.document.plan import Plan, Session, Week
from plangen.planner import make_plan
from plangen.sources.runner import RunnerInput, load_runner

FOLDER = Path(__file__).resolve().parent
ROOT = FOLDER.parents[1]


def names() -> list[str]:
    """Every scenario in the folder (profiles, not logs), sorted."""
    return sorted(p.name.removesuffix(".yaml") for p in FOLDER.glob("*.yaml") if not p.name.endswith(".log.yaml"))


@cache
def scenario(name: str) -> RunnerInput:
    return load_runner(FOLDER / f"{name}.yaml")


@cache
def _library() -> Any:
    from plangen.resources import content_dir
    from plangen.sources.library import load_library

    return load_library(content_dir(ROOT))


@cache
def planned(name: str) -> Plan:
    """The plan for scenario ``name``, made once per test session."""
    runner = scenario(name)
    return make_plan(runner.profile, runner.log, _library(), runner.slug)


def planned_with(name: str, **overrides: float) -> Plan:
    """The plan for scenario ``name`` under a clinic's setting ``overrides`` (not cached)."""
    runner = scenario(name)
    return make_plan(runner.profile, runner.log, _library(), runner.slug, overrides)


def runs_of(plan: Plan) -> list[tuple[dt.date, Session, Week]]:
    return [(d.date, s, w) for w in plan.weeks for d in w.days for s in d.sessions if s.kind in ("run", "walk_run")]


def rules_of(plan: Plan) -> set[str]:
    """Every rule id the plan gives as a reason, anywhere in it."""
    reasons = [*plan.reasons, *plan.baseline.reasons, *(r for w in plan.weeks for r in w.reasons),
               *(r for w in plan.weeks for d in w.days for s in d.sessions for r in s.reasons)]
    return {r.rule for r in reasons}


def logged_weeks(runner: RunnerInput, weeks: int = 4) -> list[float]:
    """Logged running per Monday-to-Sunday week before the start's week, oldest first."""
    start = runner.profile.start
    assert start is not None
    monday = start - dt.timedelta(days=start.weekday())
    totals = []
    for back in range(weeks, 0, -1):
        first = monday - dt.timedelta(days=7 * back)
        totals.append(sum(e.distance or 0 for e in runner.log.entries
                          if e.is_run and first <= e.date < first + dt.timedelta(days=7)))
    return totals
