"""The golden site tree: Sam's plan (HTML, plan.json, plan.ics, assets) byte for byte as in tests/golden/sam/.

After an intended change to the planner, templates or renderers, regenerate the tree and review the diff:

    python tests/regen_golden.py

Every build here runs in a fresh process, in a scratch folder, with SOURCE_DATE_EPOCH pinned and the
time zone, locale and hash seed set to values unlike the regenerating machine's, so a pass also means
the output depends on none of them, nor on where the repository is checked out.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from regen_golden import COMMAND, EPOCH, GOLDEN, ROOT, build_site, files

MAX_DIFF_LINES = 60  # per file; the whole diff is one regeneration away


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory.mktemp("golden"))


def tree_diff(expected: dict[str, bytes], actual: dict[str, bytes], names: tuple[str, str]) -> str:
    """What differs, as a reader wants it: missing and extra files, then a unified diff per changed file."""
    out = [f"missing: {p}" for p in sorted(expected.keys() - actual.keys())]
    out += [f"extra: {p}" for p in sorted(actual.keys() - expected.keys())]
    for path in sorted(expected.keys() & actual.keys()):
        if expected[path] != actual[path]:
            lines = list(difflib.unified_diff(
                expected[path].decode("utf-8", "replace").splitlines(), actual[path].decode("utf-8", "replace").splitlines(),
                f"{names[0]}/{path}", f"{names[1]}/{path}", lineterm="", n=2))
            cut = len(lines) - MAX_DIFF_LINES
            out += lines[:MAX_DIFF_LINES] + ([f"... {cut} more diff lines"] if cut > 0 else [])
    return "\n".join(out)


def test_site_matches_the_golden_tree(built: Path) -> None:
    assert GOLDEN.is_dir(), f"no golden tree yet: run {COMMAND}"
    diff = tree_diff(files(GOLDEN), files(built), ("golden", "built"))
    if diff:
        pytest.fail(f"the built site differs from tests/golden/sam/:\n{diff}\n\n"
                    f"If the change is intended, regenerate with `{COMMAND}` and review `git diff tests/golden`.",
                    pytrace=False)


def test_two_builds_are_byte_identical(built: Path, tmp_path: Path) -> None:
    again = build_site(tmp_path, zone="America/St_Johns", hash_seed="12345")  # UTC-3:30, another folder and seed
    assert not tree_diff(files(built), files(again), ("first", "second"))


def test_output_names_no_folder_of_the_machine(built: Path) -> None:
    home = os.path.expanduser("~")
    here = [str(built.parents[1]), str(ROOT), "file:", *([home] if len(home) > 1 else [])]
    for path, data in files(built).items():
        text = data.decode("utf-8")
        assert not [h for h in here if h in text], path


def test_every_time_comes_from_source_date_epoch(built: Path, tmp_path: Path) -> None:
    made = dt.datetime.fromtimestamp(int(EPOCH), dt.UTC).date()
    other = build_site(tmp_path, epoch="1907712000")  # 2030-06-15: only the made-on dates may change
    first, second = files(built), files(other)
    # The planner reads no clock: plan.json differs only in its edition's made-on and review-by dates.
    plans = [json.loads(tree["sam/plan.json"]) for tree in (first, second)]
    editions = [plan["document"].pop("edition") for plan in plans]
    assert plans[0] == plans[1]
    # Review-by: 6 weeks after issue, or after the start (7 Dec 2026) when the plan was made before it.
    assert [(e["generated"], e["review_by"]) for e in editions] == [
        (made.isoformat(), (max(made, dt.date(2026, 12, 7)) + dt.timedelta(weeks=6)).isoformat()),
        ("2030-06-15", "2030-07-27")]
    assert editions[0]["version"] == editions[1]["version"]
    stamps = re.findall(r"^DTSTAMP:(\S+?)\r?$", first["sam/plan.ics"].decode(), re.MULTILINE)
    assert stamps and set(stamps) == {made.strftime("%Y%m%dT000000Z")}
    pages = [p for p in first if p.endswith(".html")]
    assert all("on Monday 1 December 2025." in first[p].decode() for p in pages)
    # plan.ics is left out: a plan made after its start gets a review-by event of its own, one made before it shares
    # R3's week-6 check day (its DTSTAMPs are checked above).
    reviews = [dt.date.fromisoformat(e["review_by"]) for e in editions]
    normal = {p: _without_dates(d, made, reviews[0]) for p, d in first.items() if p != "sam/plan.ics"}
    later = {p: _without_dates(d, dt.date(2030, 6, 15), reviews[1]) for p, d in second.items() if p != "sam/plan.ics"}
    assert not tree_diff(normal, later, ("2025-12-01", "2030-06-15"))


def _without_dates(data: bytes, made: dt.date, review: dt.date) -> bytes:
    """The file with the made-on date (every spelling) and the review-by date (where it is stated as one) replaced.

    The review date may also be a plan day (6 weeks after the start is a Monday of the plan), so it is replaced only
    where the pages and plan.json name it as the review-by date.
    """
    from plangen.render.formats import date_long, date_medium

    text = data.decode("utf-8")
    for spelling in (date_long(made), date_medium(made), made.isoformat(), made.strftime("%Y%m%d")):
        text = text.replace(spelling, "<MADE>")
    for stated in (f"by {date_long(review)}", f'"review_by": "{review.isoformat()}"'):
        text = text.replace(stated, "<REVIEW>")
    return text.encode("utf-8")


def test_pdf_metadata_dates_come_from_source_date_epoch(tmp_path: Path) -> None:
    import pypdf

    from plangen.cli import main

    out = tmp_path / "site"
    args = ["-q", "build", str(ROOT / "profiles" / "lee.yaml"), "-o", str(out), "--root", str(tmp_path)]  # a referral: two pages
    result = CliRunner().invoke(main, args, env={"SOURCE_DATE_EPOCH": EPOCH}, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    reader = pypdf.PdfReader(out / "lee" / "plan.pdf")
    assert reader.metadata["/CreationDate"] == reader.metadata["/ModDate"] == "D:20251201"
    xmp = reader.xmp_metadata.stream.get_data().decode("utf-8")
    assert "<xmp:CreateDate>2025-12-01</xmp:CreateDate>" in xmp and "<xmp:ModifyDate>2025-12-01</xmp:ModifyDate>" in xmp


def test_golden_plan_json_is_the_plan_of_the_example() -> None:
    plan = json.loads((GOLDEN / "sam" / "plan.json").read_text(encoding="utf-8"))
    assert plan["id"] == "sam" and plan["status"] == "plan" and len(plan["weeks"]) == 10
