"""plangen's speed, each figure a ratio against an anchor measured in the same run (so a busy machine cancels out).

    python benchmarks/run.py                     # every figure (15-30 minutes on 2 cores)
    python benchmarks/run.py --pdf-plans 500     # the no-change PDF rebuild at 500 plans (builds them first: ~3 s CPU each)
    python benchmarks/run.py --quick             # a small version of each (about a minute; the test suite runs it)

Timed pairs are interleaved (figure, anchor, figure, anchor...) and each ratio is the median of the pairs' ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from bench_planner import plan_seconds  # noqa: E402
from make_clinic import make_clinic  # noqa: E402

# Runs plangen's CLI and prints the process's own peak memory (not its workers') when it exits.
PROBE = ("import atexit, resource, sys\n"
         "atexit.register(lambda: print('maxrss_kb', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.__stderr__))\n"
         "sys.argv = ['plangen', *sys.argv[1:]]\nfrom plangen.cli import main\nmain()\n")


@dataclass
class Figure:
    name: str
    value: float  # seconds unless ``unit`` says otherwise
    anchor: float
    anchor_name: str
    unit: str = "s"
    ratio: float | None = None
    note: str = ""

    def line(self) -> str:
        ratio = self.ratio if self.ratio is not None else self.value / self.anchor
        note = f"  {self.note}" if self.note else ""
        return f"{self.name:<44} {self.value:>9.3f} {self.unit:<7} vs {self.anchor_name:<34} {self.anchor:>8.3f}   x{ratio:.2f}{note}"


def paired(figure: Callable[[], float], anchor: Callable[[], float], repeats: int) -> tuple[float, float, float]:
    """Median figure, median anchor, and the median of the per-pair ratios."""
    pairs = [(figure(), anchor()) for _ in range(repeats)]
    return (statistics.median(p[0] for p in pairs), statistics.median(p[1] for p in pairs),
            statistics.median(p[0] / p[1] for p in pairs))


def wall(command: list[str], cwd: Path = ROOT) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


@dataclass
class Run:
    wall: float  # seconds
    cpu: float  # seconds of CPU, the process and the workers it waited for
    rss_kb: int = 0  # the parent's peak RSS


def plangen(*args: str, cwd: Path = ROOT) -> Run:
    """One ``plangen`` run in a fresh interpreter: its time, CPU and the parent's peak RSS."""
    before = _children_cpu()
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", PROBE, *args], cwd=cwd, capture_output=True, text=True, check=False)
    took = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"plangen {' '.join(args)} failed ({done.returncode}):\n{done.stderr}")
    return Run(took, _children_cpu() - before, int(done.stderr.rsplit("maxrss_kb", 1)[1].split()[0]))


def cpu_wall(command: list[str]) -> Run:
    before = _children_cpu()
    return Run(wall(command), _children_cpu() - before)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def click_import() -> float:
    return wall([sys.executable, "-c", "import click"])


# --- the figures -------------------------------------------------------------------------------------------

def startup(repeats: int) -> list[Figure]:
    help_, click, ratio = paired(lambda: wall([sys.executable, "-m", "plangen", "--help"]), click_import, repeats)
    valid, click2, ratio2 = paired(lambda: wall([sys.executable, "-m", "plangen", "validate", "profiles/sam.yaml"]), click_import, repeats)
    return [Figure("plangen --help", help_, click, 'python -c "import click"', ratio=ratio, note="target <= x1.5"),
            Figure("plangen validate profiles/sam.yaml", valid, click2, 'python -c "import click"', ratio=ratio2,
                   note=f"target <= 0.25 s: {valid:.2f} s")]


def _document(name: str):  # noqa: ANN202 - a PlanDocument; imported late so start-up figures stay clean
    from plangen.build import BuildOptions, document_for, load_library, load_project, plan_for, render_options

    config, (runner,) = load_project([ROOT / "profiles" / f"{name}.yaml"], ROOT)
    library = load_library(ROOT)
    render = render_options(runner, config, BuildOptions(root=ROOT))
    return document_for(runner, plan_for(runner, library, config), library, render, ROOT)


def pdf(name: str, repeats: int) -> Figure:
    """One plan's PDF as plangen makes it, against WeasyPrint alone on the same HTML and base URL."""
    from weasyprint import HTML

    from plangen.render.assets import assets_base
    from plangen.render.pdf import print_html, render_pdf
    from plangen.resources import templates_dir

    doc, templates = _document(name), templates_dir(ROOT)
    html, base = print_html(doc, templates), assets_base(templates).as_uri() + "/"
    render_pdf(doc, templates)  # warm: fonts, imports
    mine, alone, ratio = paired(lambda: _timed(lambda: render_pdf(doc, templates)),
                                lambda: _timed(lambda: HTML(string=html, base_url=base).write_pdf()), repeats)
    return Figure(f"PDF of {name} (render_pdf)", mine, alone, "WeasyPrint alone, same HTML", ratio=ratio)


def html_pages(name: str, repeats: int) -> Figure:
    """HTML pages per second, against Jinja rendering the same pages with a warm environment and a ready context."""
    from plangen.render import html
    from plangen.render.context import plan_context
    from plangen.render.environment import make_environment
    from plangen.resources import templates_dir

    doc, templates = _document(name), templates_dir(ROOT)
    env, context = make_environment(templates), plan_context(doc)
    pages = len(html.render_site(doc, templates)) - len(html.asset_artifacts(templates))
    mine, alone, ratio = paired(lambda: _timed(lambda: html.render_site(doc, templates)),
                                lambda: _timed(lambda: html._plan_pages(env, context)), repeats)
    return Figure(f"HTML pages/s of {name} ({pages} pages)", pages / mine, pages / alone, "Jinja alone, same templates",
                  unit="pages/s", ratio=alone / mine, note="ratio = time, plangen / Jinja")


def batch(count: int, scratch: Path, repeats: int) -> list[Figure]:
    """A fresh --no-pdf batch against the 2-process floor (interleaved, medians); then rebuilds with no change and one."""
    profiles = make_clinic(count, scratch / f"clinic-{count}")
    site = profiles.parent / "site"
    args = ["-q", "build", str(profiles), "-o", str(site), "--no-pdf", "-j", "2"]
    runs = []
    for _ in range(repeats):
        shutil.rmtree(site, ignore_errors=True)
        runs.append((plangen(*args), cpu_wall([sys.executable, str(HERE / "floor.py"), str(profiles)])))
    fresh, floor = statistics.median(r[0].wall for r in runs), statistics.median(r[1].wall for r in runs)
    cpu, rss = statistics.median(r[0].cpu for r in runs), max(r[0].rss_kb for r in runs)
    same, check, ratio = paired(lambda: plangen(*args).wall, lambda: plangen("-q", "validate", str(profiles)).wall, repeats)
    log = next(profiles.glob("*.log.yaml"))
    log.write_text(log.read_text() + "\n")
    one = plangen(*args).wall
    return [Figure(f"{count}-plan HTML batch (-j 2)", fresh, floor, "2-process floor, same plans",
                   ratio=statistics.median(r[0].wall / r[1].wall for r in runs),
                   note=f"{count / fresh:.1f} plans/s; {count / (cpu / 2):.1f} plans/s if both cores were ours "
                        f"(CPU {cpu:.1f} s); parent peak RSS {rss / 1024:.0f} MiB"),
            Figure(f"no-change rebuild of {count}", same, check, "plangen validate, same profiles", ratio=ratio,
                   note=f"x{same / fresh:.2f} of the fresh build; target (500) <= 5 s"),
            Figure(f"rebuild of {count}, one plan changed", one, same, "the no-change rebuild")]


def pdf_rebuild(count: int, scratch: Path, repeats: int) -> list[Figure]:
    """A no-change rebuild of ``count`` plans with their PDFs (built once first: minutes), against validating them."""
    profiles = make_clinic(count, scratch / f"pdf-clinic-{count}")
    args = ["-q", "build", str(profiles), "-o", str(profiles.parent / "site"), "-j", "2"]
    first = plangen(*args)
    same, check, ratio = paired(lambda: plangen(*args).wall, lambda: plangen("-q", "validate", str(profiles)).wall, repeats)
    return [Figure(f"no-change rebuild of {count} with PDFs", same, check, "plangen validate, same profiles", ratio=ratio,
                   note=f"the first build took {first.wall:.0f} s; target (500) <= 5 s")]


def planner(sizes: list[int]) -> list[Figure]:
    base_read, base_plan = plan_seconds(sizes[0])
    figures = []
    for size in sizes[1:]:
        read, plan = plan_seconds(size)
        figures.append(Figure(f"read+plan a {size}-entry log", read + plan, base_read + base_plan, f"the {sizes[0]}-entry log",
                              note=f"read+validate {read:.3f} s, plan {plan:.3f} s"))
    return figures


def _timed(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes and few repeats (what the test suite runs)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--pdf-plans", type=int, default=100, metavar="N",
                        help="plans in the no-change rebuild with PDFs (built once first: about a second each; 0 skips)")
    args = parser.parse_args()
    quick = args.quick
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1764547200")
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory() as scratch:
        figures += startup(3 if quick else 10)
        figures.append(html_pages("sam", 2 if quick else 5))
        figures.append(pdf("lee" if quick else "sam", 1 if quick else 3))
        for count in ([6] if quick else [100, 500]):
            figures += batch(count, Path(scratch), 1 if quick else 3)
        pdfs = 1 if quick else args.pdf_plans
        if pdfs:
            figures += pdf_rebuild(pdfs, Path(scratch), 1 if quick else 3)
        figures += planner([100, 1000] if quick else [100, 1000, 3000, 10000])
    if args.json:
        print(json.dumps([f.__dict__ for f in figures], indent=1))
    else:
        print("\n".join(f.line() for f in figures))


if __name__ == "__main__":
    main()
