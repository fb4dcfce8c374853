"""Fuzz (issue #16): mutated profiles, logs and activity files through validate, plan, build and log import.

A seeded generator (so a failure replays exactly) mutates the example runner and the test
activity files. Every outcome must be exit 0, exit 1 with a message, or exit 2 with every
problem located (a ``File "..."`` line under each error), never a traceback; a profile that
validates must build. The run is bounded by counts and stays well under 40 s on two cores.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from fit_files import fit_crc, make_fit

from plangen.cli import main

ROOT = Path(__file__).resolve().parents[1]
ACTIVITIES = Path(__file__).parent / "data" / "activities"
SEED = 16
PROFILES, LOGS, ACTIVITY_FILES, BUILDS = 700, 400, 500, 8
BATCH = 25  # activity files per `log import` call, with one good file that must always go in

# Values people and attackers type, in YAML spelling.
HOSTILE = [
    "", "~", "null", "-1", "0", "-0", "+5", "3.5", "1e999", "-1e999", ".nan", "0x10", "1_000", "9" * 40, "9" * 4301,
    "2026-02-30", "9999-12-30", "0001-01-02", "1899-12-31", "2101-01-01", "'\x07'", '"\\0"', '"\\e[31m"',
    "!!int 0x1F", "!!int abc", "!!float ''", "!!str 5", "!!python/object/apply:os.system ['id']", "*a", "&a x",
    "[", "{", "'", '"', "]", "[monday]", "monday", "[mon, mon]", "[]", "{}", "[1, 2]", "{a: 1}", "60:30",
    '"60:30"', '"99999999999999:00:00"', '"25:00:00"', "36:00", "/dev/zero", "/etc/passwd", "../../etc/passwd",
    "'-'", "-x", "assets", "index", "yes", "no", "on", "Europe", "Europe/Londn", "'" + "E" * 300 + "'", "a[b",
    "[" * 40 + "]" * 40, "x" * 5000, '"é ü 日本"', "true", "false", "\t1", "&anchor [1]", "? complex", "- item",
]
KEYS = ["a[b", "foo", "availabilty", "run_day", "distance", "date", "pain", "id", "start", "log", "timezone", "é"]


def mutate_yaml(text: str, rng: random.Random) -> bytes:
    """One to three mutations of a YAML text: values, keys, lines, bytes."""
    for _ in range(rng.randint(1, 3)):
        text = rng.choice(_YAML_MUTATIONS)(text, rng)
    data = text.encode("utf-8", "surrogatepass")
    if rng.random() < 0.05:  # a file cut short, or with a byte that is not UTF-8
        data = data[: rng.randrange(len(data) + 1)] if rng.random() < 0.5 else _flip(data, rng)
    return data


def _replace_value(text: str, rng: random.Random) -> str:
    spots = list(re.finditer(r"(?m)(\b[\w]+:[ ]+)([^,{}\[\]\n#]+)", text))
    if not spots:
        return text
    spot = rng.choice(spots)
    return text[: spot.start(2)] + rng.choice(HOSTILE) + text[spot.end(2):]


WORDS = ["mon", "tue", "sun", "run", "walk_run", "cycling", "strength", "rest", "easy", "long", "tempo", "km", "mi",
         "left", "both", "new", "experienced", "stairs", "hills", "band", "step", "a4", "letter", "Europe/Paris",
         "Pacific/Kiritimati", "UTC", "front", "elsewhere"]


def _plausible_value(text: str, rng: random.Random) -> str:
    """A value of the right kind but an unusual size: what makes the planner, not the reader, work."""
    spots = list(re.finditer(r"(?m)(\b[\w]+:[ ]+)([^,{}\[\]\n#]+)", text))
    if not spots:
        return text
    spot = rng.choice(spots)
    old = spot.group(2).strip()
    if re.fullmatch(r"\d{4}-\d\d-\d\d", old):
        day = dt.date(1900, 1, 1) + dt.timedelta(days=rng.randrange(73414))  # up to 2100-12-31
        new = rng.choice([day.isoformat(), (dt.date.fromisoformat(old) + dt.timedelta(days=rng.randint(-60, 60))).isoformat()])
    elif re.fullmatch(r"-?\d+", old):
        new = str(rng.choice([0, 1, 2, 5, 10, 16, 4, 120, 230, 250, 300, rng.randint(0, 30)]))
    elif re.fullmatch(r"-?\d+\.\d*", old):
        new = f"{rng.uniform(0, 60):.2f}"
    elif old in ("true", "false"):
        new = rng.choice(["true", "false"])
    elif re.fullmatch(r'"\d+:\d\d(:\d\d)?"', old):
        new = rng.choice(['"00:01"', '"59:59"', '"300:00"', '"23:59:59"', '"1:00:00"', '"0:00"'])
    else:
        new = rng.choice(WORDS)
    return text[: spot.start(2)] + new + text[spot.end(2):]


def _rename_key(text: str, rng: random.Random) -> str:
    spots = list(re.finditer(r"(?m)\b([a-z_]+):", text))
    if not spots:
        return text
    spot = rng.choice(spots)
    key = spot.group(1)
    new = rng.choice([*KEYS, key[:-1], key + "s", key.upper(), key[1:]])
    return text[: spot.start(1)] + new + text[spot.end(1):]


def _line_edit(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    i = rng.randrange(len(lines))
    edit = rng.randrange(6)
    if edit == 0:
        del lines[i]
    elif edit == 1:
        lines.insert(i, lines[i])
    elif edit == 2:
        j = rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    elif edit == 3:
        lines[i] = rng.choice(["\t", " ", "   "]) + lines[i]
    elif edit == 4:
        lines.insert(i, f"{rng.choice(KEYS)}: {rng.choice(HOSTILE)}")
    else:
        lines[i] = lines[i].lstrip()
    return "\n".join(lines)


def _insert_char(text: str, rng: random.Random) -> str:
    at = rng.randrange(len(text) + 1)
    return text[:at] + rng.choice(["\x00", "\x07", "\x1b", "\t", "\r", "\ufeff", "\u2028", "#", ":", "-", "&", "*", "!"]) + text[at:]


_YAML_MUTATIONS: list[Callable[[str, random.Random], str]] = (
    [_plausible_value] * 6 + [_replace_value] * 3 + [_rename_key, _line_edit, _line_edit, _insert_char]
)


def _flip(data: bytes, rng: random.Random, count: int = 1) -> bytes:
    out = bytearray(data)
    for _ in range(count):
        if out:
            out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


# --- activity files -------------------------------------------------------------------------------

NUMBERS = ["nan", "inf", "-inf", "-1", "0", "1e308", "", "abc", "1e-320", "99999999999999999999", "0.5", "59", "1234.5", "300"]
TIMES = ["0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2026-11-20T07:30:00", "2026-13-45T99:99:99Z", "", "yesterday",
         "2026-11-20T07:30:00+14:00", "1970-01-01T00:00:00Z"]


def mutate_xml(text: str, rng: random.Random) -> bytes:
    """Numbers, times and positions replaced; tags cut; bytes flipped; now and then a hostile document."""
    for _ in range(rng.randint(1, 2)):
        choice = rng.randrange(8) if rng.random() < 0.5 else rng.randrange(4)
        if choice < 2:
            text = _sub_one(text, r">(-?[0-9][0-9.]*)<", ">" + rng.choice(NUMBERS) + "<", rng)
        elif choice == 2:
            text = _sub_one(text, r"(\d{4}-\d\d-\d\dT[0-9:.]+Z?)", rng.choice(TIMES), rng)
        elif choice == 3:
            text = _sub_one(text, r'(?:lat|lon)="([^"]*)"', 'lat="' + rng.choice(NUMBERS) + '"', rng)
        elif choice == 4:
            text = text[: rng.randrange(len(text) + 1)]
        elif choice == 5:
            text = _sub_one(text, r"<(/?\w+:?\w*)[ >]", "<" + rng.choice(["", "x", "trkpt", "Lap", "/gpx"]) + " ", rng)
        elif choice == 6:
            text = rng.choice(_HOSTILE_XML)
    data = text.encode("utf-8", "surrogatepass")
    return _flip(data, rng, rng.randint(1, 4)) if rng.random() < 0.1 else data


def _sub_one(text: str, pattern: str, value: str, rng: random.Random) -> str:
    spots = list(re.finditer(pattern, text))
    if not spots:
        return text
    spot = rng.choice(spots)
    return text[: spot.start()] + spot.group(0).replace(spot.group(1), value, 1) + text[spot.end():]


_HOSTILE_XML = [
    '<?xml version="1.0"?><!DOCTYPE gpx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'
    '<gpx version="1.1"><trk><name>&d;</name></trk></gpx>',
    '<?xml version="1.0"?><!DOCTYPE gpx [<!ENTITY x SYSTEM "file:///etc/passwd">]><gpx version="1.1"><trk><name>&x;</name>'
    '<trkseg><trkpt lat="1" lon="1"><time>2026-11-20T07:30:00Z</time></trkpt></trkseg></trk></gpx>',
    "<gpx>" * 5000,
    '<TrainingCenterDatabase><Activities><Activity Sport="Running"><Lap StartTime="x"/></Activity></Activities></TrainingCenterDatabase>',
]


def mutate_fit(data: bytes, rng: random.Random) -> bytes:
    """Bytes flipped in the body (checksums fixed half the time, so the decoder itself is exercised), or cut."""
    choice = rng.randrange(4)
    if choice == 0:
        return data[: rng.randrange(len(data))]
    header, body = data[:14], bytearray(data[14:-2])
    for _ in range(rng.randint(1, 6)):
        body[rng.randrange(len(body))] = rng.randrange(256)
    if choice == 1:
        return header + bytes(body) + data[-2:]  # the checksum now fails
    if choice == 2:  # a header that announces another length, checksums fixed
        header = header[:4] + rng.randrange(2**32).to_bytes(4, "little") + header[8:12]
        header += fit_crc(header).to_bytes(2, "little")
    whole = header + bytes(body)
    return whole + fit_crc(whole).to_bytes(2, "little")


def fit_seeds() -> list[bytes]:
    start = dt.datetime(2026, 11, 22, 6, 30, tzinfo=dt.UTC)
    return [make_fit(start), make_fit(start, sport=2, cadence=0), make_fit(start, timer_s=14, distance_m=10),
            make_fit(dt.datetime(1990, 1, 1, tzinfo=dt.UTC), file_type=2)]


# --- running and judging --------------------------------------------------------------------------


def judge(result: Result, what: str) -> int:
    """The outcome rules of issue #16; returns the exit code."""
    assert result.exception is None or isinstance(result.exception, SystemExit), (what, result.exception, result.output)
    code = result.exit_code
    assert code in (0, 1, 2), (what, code, result.output)
    assert "Traceback" not in result.output, (what, result.output)
    if code == 2:
        assert located(result.stderr), (what, result.stderr)
    if code == 1:
        assert result.stderr.strip() or result.stdout.strip(), what
    return code


def located(stderr: str) -> bool:
    """Every error names its file (line and field when there is one), and the count ends the message."""
    lines = stderr.splitlines()
    errors = [i for i, line in enumerate(lines) if line.startswith("error:")]
    usage = stderr.startswith("Usage:")  # a command-line mistake: Click's own located message
    return usage or (bool(errors) and all(i + 1 < len(lines) and lines[i + 1].startswith('  File "') for i in errors)
                     and bool(re.search(r"\d+ problems? found$", stderr.strip())))


class Tally:
    """What the fuzz fed in and what came out, printed at the end (run with -s to see it)."""

    def __init__(self) -> None:
        self.outcomes: Counter[str] = Counter()
        self.began = time.perf_counter()

    def add(self, what: str, code: int | None = None, count: int = 1) -> None:
        self.outcomes[what if code is None else f"{what}: exit {code}"] += count

    def report(self, name: str) -> str:
        total = sum(self.outcomes.values())
        return f"{name}: {total} inputs in {time.perf_counter() - self.began:.1f} s; {dict(sorted(self.outcomes.items()))}"


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


def sam_project(folder: Path, profile: bytes | None = None, log: bytes | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sam.yaml").write_bytes(profile if profile is not None else (ROOT / "profiles" / "sam.yaml").read_bytes())
    (folder / "sam.log.yaml").write_bytes(log if log is not None else (ROOT / "profiles" / "sam.log.yaml").read_bytes())
    return folder / "sam.yaml"


def plan_in_process(path: Path) -> int:
    """`plangen plan` without the printing: 1 for a PlangenError, anything else fails the test."""
    from plangen.build import load_library, load_project, plan_for
    from plangen.errors import PlangenError

    try:
        config, (runner_input,) = load_project([path], ROOT)
        plan_for(runner_input, load_library(ROOT), config)
    except PlangenError as exc:
        return exc.exit_code
    return 0


def test_mutated_profiles_and_logs_validate_and_plan_cleanly(tmp_path: Path, runner: CliRunner) -> None:
    rng, tally = random.Random(SEED), Tally()
    profile_text = (ROOT / "profiles" / "sam.yaml").read_text(encoding="utf-8")
    log_text = (ROOT / "profiles" / "sam.log.yaml").read_text(encoding="utf-8")
    for n in range(PROFILES + LOGS):
        is_profile = n < PROFILES
        mutated = mutate_yaml(profile_text if is_profile else log_text, rng)
        path = sam_project(tmp_path / str(n), *((mutated, None) if is_profile else (None, mutated)))
        code = judge(runner.invoke(main, ["validate", str(path)]), f"validate #{n}: {mutated[:300]!r}")
        tally.add("profile" if is_profile else "log", code)
        if code == 0:
            assert plan_in_process(path) in (0, 1), f"plan #{n}"
        shutil.rmtree(tmp_path / str(n))
    print(tally.report("profiles and logs"))
    assert sum(tally.outcomes.values()) == PROFILES + LOGS


def test_validate_and_build_agree(tmp_path: Path, runner: CliRunner) -> None:
    """A sample of mutated profiles through `build --no-pdf`: ok for validate means no exit 2 from build."""
    rng, tally, built = random.Random(SEED + 1), Tally(), 0
    profile_text = (ROOT / "profiles" / "sam.yaml").read_text(encoding="utf-8")
    n = 0
    while built < BUILDS and n < 400:
        n += 1
        path = sam_project(tmp_path / str(n), mutate_yaml(profile_text, rng))
        valid = judge(runner.invoke(main, ["validate", str(path)]), f"validate #{n}")
        if valid != 0 and n % 10:
            continue  # most invalid ones are covered above; build one in ten to check it refuses them too
        result = runner.invoke(main, ["-q", "build", str(path), "--no-pdf", "-o", str(tmp_path / f"site{n}")])
        code = judge(result, f"build #{n}: {path.read_bytes()[:300]!r}")
        assert (code == 2) == (valid == 2), (n, valid, code, result.output)
        tally.add("build", code)
        built += valid == 0
    print(tally.report("builds"))
    assert built == BUILDS


def test_mutated_activity_files_never_stop_an_import(tmp_path: Path, runner: CliRunner) -> None:
    rng, tally = random.Random(SEED + 2), Tally()
    texts = {path.suffix: path.read_text(encoding="utf-8") for path in ACTIVITIES.glob("*.*") if path.is_file()}
    fits = fit_seeds()
    good = make_fit(dt.datetime(2025, 6, 15, 7, 0, tzinfo=dt.UTC))  # a start no mutation makes, so it is never "already"
    for batch in range(ACTIVITY_FILES // BATCH):
        folder = tmp_path / f"batch{batch}"
        folder.mkdir()
        for i in range(BATCH):
            kind = rng.choice([".gpx", ".tcx", ".fit", ".fit"])
            data = mutate_fit(rng.choice(fits), rng) if kind == ".fit" else mutate_xml(texts[kind], rng)
            (folder / f"m{i}{kind}").write_bytes(data)
        (folder / "zz-good.fit").write_bytes(good)
        log = tmp_path / f"batch{batch}.log.yaml"
        result = runner.invoke(main, ["log", "import", str(folder), "--into", str(log), "--activity", "run"])
        code = judge(result, f"import batch {batch}")
        assert code in (0, 1) and "source: zz-good.fit" in log.read_text(), result.output
        failed = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
        assert all(str(folder) in line for line in failed), failed  # each failure names its file, one line each
        tally.add("activity file refused, named on its own line", count=len(failed))
        tally.add("activity file read", count=BATCH - len(failed))
        shutil.rmtree(folder)
    print(tally.report("activity files"))


def test_mutated_logs_take_an_import_or_say_where_they_are_wrong(tmp_path: Path, runner: CliRunner) -> None:
    rng, tally = random.Random(SEED + 3), Tally()
    log_text = (ROOT / "profiles" / "sam.log.yaml").read_text(encoding="utf-8")
    good = ACTIVITIES / "easy-run.gpx"
    for n in range(120):
        log = tmp_path / f"{n}.log.yaml"
        log.write_bytes(mutate_yaml(log_text, rng))
        code = judge(runner.invoke(main, ["log", "import", str(good), "--into", str(log)]), f"import into log #{n}: {log.read_bytes()[:300]!r}")
        tally.add("import into a mutated log", code)
    print(tally.report("mutated logs"))


def test_the_fuzz_can_fail() -> None:
    """The judge is not a rubber stamp: a traceback, an unlocated error or exit 3 is caught."""
    fake: Any = Result(runner=CliRunner(), stdout_bytes=b"", stderr_bytes=b"error: boom\n1 problem found\n",
                       output_bytes=b"error: boom\n1 problem found\n", return_value=None, exit_code=2, exception=SystemExit(2))
    with pytest.raises(AssertionError):
        judge(fake, "unlocated")
    fake.exception = ValueError("crash")
    with pytest.raises(AssertionError):
        judge(fake, "traceback")
