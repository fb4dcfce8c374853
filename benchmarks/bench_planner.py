"""Planner speed on logs of growing length: reading and validating the log, then planning (a plain script, no plugins).

    python benchmarks/bench_planner.py 100 1000 10000
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_clinic import make_long_log  # noqa: E402

from plangen.build import load_library, load_project, plan_for  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def plan_seconds(entries: int, repeats: int = 3) -> tuple[float, float]:
    """Median seconds to (read and validate, plan) Sam with a log of ``entries`` sessions."""
    library = load_library(ROOT)
    with tempfile.TemporaryDirectory() as scratch:
        profile = make_long_log(entries, Path(scratch))
        reads, plans = [], []
        for _ in range(repeats):
            started = time.perf_counter()
            config, (runner,) = load_project([profile], ROOT)
            read = time.perf_counter()
            plan = plan_for(runner, library, config)
            reads.append(read - started)
            plans.append(time.perf_counter() - read)
        assert plan.weeks, "the long log must still give a plan"
    return statistics.median(reads), statistics.median(plans)


def main(sizes: list[int]) -> None:
    for size in sizes:
        read, plan = plan_seconds(size)
        print(f"{size:>6} entries: read+validate {read:.3f} s, plan {plan:.3f} s, total {read + plan:.3f} s")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 1000, 10000])
