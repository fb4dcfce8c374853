"""The pipeline's shape, read from the code's own imports (every import, also those inside functions).

YAML -> sources -> planner -> document -> render -> output, with build orchestrating and cli on top.
A renderer reads the plan document and the theme only; the planner does no I/O; nothing imports in a circle.
"""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "plangen"


def _name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def modules() -> dict[str, Path]:
    return {_name(path): path for path in PACKAGE.rglob("*.py")}


@cache
def graph() -> dict[str, frozenset[str]]:
    """Module -> the plangen modules it imports anywhere in its text (a function-level import hides no arrow)."""
    return {name: frozenset(_imports(name, path)) for name, path in modules().items()}


def _imports(name: str, path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            # `from plangen.render import html` imports the module plangen.render.html
            found |= {f"{node.module}.{a.name}" if f"{node.module}.{a.name}" in modules() else node.module for a in node.names}
    return {m for m in found if m in modules() and m != name}


def cycles() -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in graph()[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while not group or group[-1] != node:
                group.append(stack.pop())
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph()):
        if node not in index:
            visit(node)
    return found


def test_no_module_imports_in_a_circle() -> None:
    assert cycles() == []


def _reaches(source_prefix: str, forbidden: tuple[str, ...]) -> list[tuple[str, str]]:
    return sorted((m, t) for m, targets in graph().items() if m.startswith(source_prefix)
                  for t in targets if t.startswith(forbidden))


@pytest.mark.parametrize("stage, forbidden", [
    # Renderers read the plan document and the theme: never the runner's inputs, the planner or the build.
    ("plangen.render", ("plangen.sources.models", "plangen.sources.runner", "plangen.sources.config",
                        "plangen.planner", "plangen.build", "plangen.output", "plangen.cli")),
    # The planner is a pure function of validated inputs: no reading, rendering or writing.
    ("plangen.planner", ("plangen.sources.runner", "plangen.sources.yamlreader", "plangen.sources.config",
                         "plangen.render", "plangen.output", "plangen.build", "plangen.cli", "plangen.logimport")),
    # Sources turn files into models; they know nothing of what comes after them.
    ("plangen.sources", ("plangen.planner", "plangen.document", "plangen.render", "plangen.output",
                         "plangen.build", "plangen.cli")),
    # The document is data: it does not render, write or plan.
    ("plangen.document", ("plangen.planner", "plangen.render", "plangen.output", "plangen.build", "plangen.cli")),
    # The words are data and one function: they know the settings, not who asks for them.
    ("plangen.wording", ("plangen.sources", "plangen.planner", "plangen.document", "plangen.render", "plangen.output",
                         "plangen.build", "plangen.cli")),
    # The one writer takes artifacts: it neither plans nor renders.
    ("plangen.output", ("plangen.sources", "plangen.planner", "plangen.render", "plangen.build", "plangen.cli")),
])
def test_each_stage_imports_only_what_comes_before_it(stage: str, forbidden: tuple[str, ...]) -> None:
    assert _reaches(stage, forbidden) == []


def test_the_planner_reads_no_clock_and_opens_no_file() -> None:
    banned = re.compile(r"\bopen\(|\.now\(|\.today\(|\btime\.time\(|\.read_(text|bytes)\(|\.write_(text|bytes)\("
                        r"|^\s*(import|from) (random|os|pathlib|time|subprocess)\b", re.M)
    offenders = [(name, found.group(0)) for name, path in modules().items() if name.startswith("plangen.planner")
                 for found in banned.finditer(path.read_text(encoding="utf-8"))]
    assert offenders == []
