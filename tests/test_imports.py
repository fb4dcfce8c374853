"""Start-up: each command loads only what it uses (checked in a fresh interpreter, by the modules it ends with)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

PROBE = """
import atexit, json, sys
atexit.register(lambda: print(json.dumps(sorted(sys.modules)), file=sys.__stderr__))
sys.argv = ["plangen", *sys.argv[1:]]
from plangen.cli import main
main()
"""

ALWAYS_AVOIDED = ("concurrent.futures", "multiprocessing", "weasyprint", "plangen.logimport", "fitdecode", "gpxpy")

AVOIDED = {
    "--help": (*ALWAYS_AVOIDED, "pydantic", "yaml", "jinja2", "plangen.sources", "plangen.document", "plangen.render",
               "plangen.planner", "plangen.build"),
    "validate": (*ALWAYS_AVOIDED, "jinja2", "markdown_it", "plangen.render", "plangen.planner", "plangen.output", "plangen.document",
                 "plangen.sources.exercise_models", "plangen.sources.library", "plangen.wording"),
    "plan": (*ALWAYS_AVOIDED, "icalendar", "segno", "plangen.output", "plangen.render.html", "plangen.render.pdf"),
    "build": ALWAYS_AVOIDED,  # one profile, no PDF: no workers, no WeasyPrint
}
ARGS = {
    "--help": ["--help"],
    "validate": ["validate", "profiles/sam.yaml"],
    "plan": ["plan", "profiles/sam.yaml"],
    "build": ["-q", "build", "profiles/sam.yaml", "--no-pdf", "-o", "{out}"],
}


def modules_after(args: list[str], cwd: Path) -> list[str]:
    done = subprocess.run([sys.executable, "-c", PROBE, *args], cwd=cwd, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stderr.strip().splitlines()[-1])


@pytest.mark.parametrize("command", list(AVOIDED))
def test_each_command_loads_only_what_it_uses(command: str, tmp_path: Path) -> None:
    args = [a.format(out=tmp_path / "site") for a in ARGS[command]]
    loaded = modules_after(args, ROOT)
    unexpected = [m for m in loaded if any(m == name or m.startswith(f"{name}.") for name in AVOIDED[command])]
    assert unexpected == [], f"`plangen {' '.join(args)}` loaded {unexpected}"
    assert "click" in loaded and "plangen.cli.commands" in loaded  # the probe does see what was loaded
