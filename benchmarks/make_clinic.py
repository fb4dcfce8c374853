"""Make a clinic folder of N varied runner profiles (copies of the examples) for batch benchmarks.

    python benchmarks/make_clinic.py 200 /tmp/clinic
    /usr/bin/time -v plangen -q build /tmp/clinic/profiles -o /tmp/clinic/site --no-pdf
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "profiles"


def make_clinic(count: int, folder: Path) -> Path:
    profiles = folder / "profiles"
    shutil.rmtree(folder, ignore_errors=True)
    profiles.mkdir(parents=True)
    sources = sorted(p for p in EXAMPLES.glob("*.yaml") if not p.name.endswith(".log.yaml"))
    for n in range(count):
        source = sources[n % len(sources)]
        slug = f"{source.stem}-{n:04d}"
        text = source.read_text(encoding="utf-8").replace(f"id: {source.stem}", f"id: {slug}")
        log = source.with_name(f"{source.stem}.log.yaml")
        if log.exists():
            shutil.copy(log, profiles / f"{slug}.log.yaml")
            text = text.replace(f"log: {log.name}", f"log: {slug}.log.yaml")
        (profiles / f"{slug}.yaml").write_text(text, encoding="utf-8")
    return profiles


if __name__ == "__main__":
    make_clinic(int(sys.argv[1]), Path(sys.argv[2]))
