"""The benchmarks run with one command: the quick variant makes every figure as a ratio (no timing is asserted)."""

from __future__ import annotations

import json
import math
import subprocess
import sys

from conftest import ROOT


def test_the_quick_benchmarks_give_a_ratio_for_every_figure() -> None:
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--json"], cwd=ROOT,
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    figures = {f["name"]: f for f in json.loads(done.stdout)}
    expected = ("plangen --help", "plangen validate", "HTML pages/s", "PDF of", "HTML batch", "no-change rebuild",
                "one plan changed", "with PDFs", "-entry log")
    assert all(any(e in name for name in figures) for e in expected), sorted(figures)
    for figure in figures.values():
        ratio = figure["ratio"] if figure["ratio"] is not None else figure["value"] / figure["anchor"]
        assert math.isfinite(ratio) and ratio > 0, figure
