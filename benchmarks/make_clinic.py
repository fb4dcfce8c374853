"""Make a clinic folder of N varied runner profiles (copies of the examples), or one runner with a long log, for benchmarks.

    python benchmarks/make_clinic.py 200 /tmp/clinic            # 200 profiles in /tmp/clinic/profiles
    python benchmarks/make_clinic.py 1 /tmp/long --log 10000     # one runner whose log has 10,000 entries
    plangen -q build /tmp/clinic/profiles -o /tmp/clinic/site --no-pdf
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "profiles"
START = dt.date(2026, 12, 7)  # the examples' start date: every generated entry comes before it


def make_clinic(count: int, folder: Path) -> Path:
    """``count`` profiles (with their logs) in ``folder/profiles``, cycling through the examples under new ids."""
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


def make_long_log(entries: int, folder: Path) -> Path:
    """Sam's profile with a log of ``entries`` sessions, one a day before the start: runs, strength and cycling in turn."""
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "profiles").mkdir(parents=True)
    profile = folder / "profiles" / "sam.yaml"
    shutil.copy(EXAMPLES / "sam.yaml", profile)
    lines = ["entries:"]
    for back in range(entries, 0, -1):
        day = (START - dt.timedelta(days=back)).isoformat()
        kind = back % 3
        if kind == 0:
            lines.append(f"  - {{date: {day}, activity: run, type: easy, distance: 5.0, duration: \"31:00\", rpe: 4, "
                         f"pain: {{during: 1, after: 1, next_morning: {back % 2}}}}}")
        else:
            lines.append(f"  - {{date: {day}, activity: {'strength' if kind == 1 else 'cycling'}, duration: \"30:00\", rpe: 4}}")
    profile.with_name("sam.log.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return profile


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--log", type=int, default=0, metavar="ENTRIES", help="one runner with a log this long instead")
    args = parser.parse_args()
    print(make_long_log(args.log, args.folder) if args.log else make_clinic(args.count, args.folder))


if __name__ == "__main__":
    main()
