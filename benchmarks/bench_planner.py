"""Planner speed (pytest-benchmark): one plan for each bundled example, no rendering.

    pip install pytest-benchmark && python -m pytest benchmarks/bench_planner.py --benchmark-only
"""

from __future__ import annotations

from pathlib import Path

import pytest

from plangen.build import load_all, load_library, plan_for

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("name", ["sam", "jo", "lee"])
def test_plan_speed(benchmark, name: str) -> None:
    runner = load_all([ROOT / "profiles" / f"{name}.yaml"])[0]
    library = load_library(ROOT)
    plan = benchmark(plan_for, runner, library)
    assert plan.id == name
