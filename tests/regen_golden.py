"""Regenerate the golden site tree in tests/golden/sam/: ``python tests/regen_golden.py``.

It builds ``profiles/sam.yaml`` without the PDF, in a fresh process and a scratch folder, with
SOURCE_DATE_EPOCH pinned and a far-off time zone and a non-English locale (when the machine has
one), then replaces the golden tree with the result. Review the diff before committing it.
tests/test_golden.py builds the same way and compares.
"""

from __future__ import annotations

import locale
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden" / "sam"
COMMAND = "python tests/regen_golden.py"
EPOCH = "1764547200"  # 2025-12-01T00:00:00Z: the "made on" date of every golden file
FAR_ZONE = "Pacific/Kiritimati"  # UTC+14: a local date a day ahead of UTC for half of each day
LOCALES = ("de_DE.UTF-8", "fr_FR.UTF-8", "tr_TR.UTF-8", "ja_JP.UTF-8")


def foreign_locale() -> str:
    """A non-English locale the machine has (the output must not follow it), else C.UTF-8."""
    saved = locale.setlocale(locale.LC_ALL)
    try:
        for name in LOCALES:
            try:
                locale.setlocale(locale.LC_ALL, name)
            except locale.Error:
                continue
            return name
        return "C.UTF-8"
    finally:
        locale.setlocale(locale.LC_ALL, saved)


def build_site(scratch: Path, epoch: str = EPOCH, zone: str = FAR_ZONE, hash_seed: str = "random") -> Path:
    """Build Sam's site (no PDF) in a fresh process, from a copy of the profile in ``scratch``; returns the site."""
    project = scratch / "project"
    (project / "profiles").mkdir(parents=True)
    for name in ("sam.yaml", "sam.log.yaml"):
        shutil.copy(ROOT / "profiles" / name, project / "profiles" / name)
    lang = foreign_locale()
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch, "TZ": zone, "PYTHONHASHSEED": hash_seed, "LC_ALL": lang, "LANG": lang}
    command = [sys.executable, "-m", "plangen", "-q", "build", "profiles/sam.yaml", "--no-pdf", "-o", "site"]
    done = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr}")
    return project / "site"


def files(tree: Path) -> dict[str, bytes]:
    """Every file of the site under ``tree`` as people see it (not plangen's own .plangen state), by POSIX path."""
    from plangen.output import site_files

    return {name: path.read_bytes() for name, path in site_files(tree).items()}


def main() -> int:
    with tempfile.TemporaryDirectory() as scratch:
        site = build_site(Path(scratch))
        if GOLDEN.exists():
            shutil.rmtree(GOLDEN)
        for name, data in files(site).items():  # the site people see, through plangen's links
            (GOLDEN / name).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / name).write_bytes(data)
    print(f"wrote {len(files(GOLDEN))} files to {GOLDEN.relative_to(ROOT).as_posix()}/; review them with git diff")
    return 0


if __name__ == "__main__":
    sys.exit(main())
