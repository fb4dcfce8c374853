"""The 2-process floor of a batch: the same plans planned and rendered (no PDF) by two processes, with nothing else.

    python benchmarks/floor.py /tmp/clinic/profiles

No checks of the output folder, no manifest, no writing, no progress: what the work itself costs on two cores.
"""

from __future__ import annotations

import multiprocessing
import sys
from pathlib import Path

from plangen.build import BuildOptions, document_for, load_each, load_library, plan_for, render_all, render_options
from plangen.sources.config import load_config

ROOT = Path(__file__).resolve().parents[1]


def _render_half(job: tuple[list, object, BuildOptions]) -> int:
    runners, config, options = job
    library = load_library(options.root)
    count = 0
    for runner in runners:
        doc = document_for(runner, plan_for(runner, library, config), library, render_options(runner, config, options), options.root)
        count += len(render_all(doc, False, options.root))
    return count


def main(profiles: Path) -> None:
    options = BuildOptions(root=ROOT, pdf=False)
    config = load_config(ROOT)
    runners, _bad = load_each([profiles], config)
    load_library(ROOT)
    halves = [(runners[0::2], config, options), (runners[1::2], config, options)]
    with multiprocessing.get_context("fork").Pool(2) as pool:
        pool.map(_render_half, halves)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
