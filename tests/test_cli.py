"""The command line as a user drives it (CliRunner): exit codes, messages, and what lands on disk."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from conftest import ROOT
from plangen import __version__
from plangen.cli import main
from plangen.output import site_files

COMMANDS = ["build", "plan", "validate", "new", "serve", "schema", "exercises", "log"]


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh project folder holding a copy of the example profiles, as a new user would have."""
    shutil.copytree(ROOT / "profiles", tmp_path / "profiles")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")  # 2025-12-01, for reproducible output
    return tmp_path


def invoke(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0 and __version__ in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str) -> None:
    result = invoke(command, "--help")
    assert result.exit_code == 0 and "Usage:" in result.stdout


def test_build_without_pdf_writes_the_site(project: Path) -> None:
    result = invoke("build", "profiles/sam.yaml", "--no-pdf")
    assert result.exit_code == 0, result.stderr
    site = project / "site" / "sam"
    for name in ("index.html", "week-01.html", "flare-up.html", "diary.html", "plan.json", "plan.ics"):
        assert (site / name).is_file(), name
    assert list((site / "exercises").glob("*.html"))
    assert (project / "site" / "assets").is_dir()
    assert "built sam: plan" in result.stdout


def test_quiet_prints_nothing_on_success(project: Path) -> None:
    result = invoke("-q", "build", "profiles/sam.yaml", "--no-pdf")
    assert result.exit_code == 0 and result.stdout == "" and result.stderr == ""


def test_plan_json_matches_its_schema(project: Path) -> None:
    result = invoke("plan", "profiles/sam.yaml", "--format", "json")
    assert result.exit_code == 0, result.stderr
    plan = json.loads(result.stdout)
    schema = json.loads(invoke("schema", "plan").stdout)
    jsonschema.validate(plan, schema)
    assert plan["id"] == "sam" and plan["status"] == "plan" and plan["weeks"]
    assert {"number", "start", "phase", "running_distance", "running_minutes", "cadence_target", "reasons", "days"} <= set(plan["weeks"][0])


def test_plan_text_explains_in_words(project: Path) -> None:
    result = invoke("plan", "profiles/sam.yaml")
    assert result.exit_code == 0
    assert "Week 1" in result.stdout and "R20" in result.stdout


BAD_PROFILE = "id: kim\navailability: {run_days: [mon, funday]}\nsymptoms: {worst_pain_last_week: 12}\nstart: 2026-12-07\n"


def test_bad_input_exits_2_with_located_messages_and_writes_nothing(project: Path) -> None:
    (project / "profiles" / "kim.yaml").write_text(BAD_PROFILE)
    result = invoke("build", "profiles/kim.yaml")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "availability.run_days[1]: expected one of" in result.stderr
    assert "symptoms.worst_pain_last_week: expected a value at most 10, found 12" in result.stderr
    assert 'kim.yaml", line 3' in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "site").exists()


def test_a_failed_build_leaves_the_previous_site(project: Path) -> None:
    assert invoke("build", "profiles/sam.yaml", "--no-pdf").exit_code == 0
    before = (project / "site/sam/index.html").read_bytes()
    (project / "profiles" / "sam.log.yaml").write_text("entries: [{date: 2026-11-02, activity: jog}]\n")
    assert invoke("build", "profiles/sam.yaml", "--no-pdf").exit_code == 2
    assert (project / "site/sam/index.html").read_bytes() == before


def test_validate_reports_ok_and_problems(project: Path) -> None:
    assert invoke("validate", "profiles/sam.yaml").exit_code == 0
    (project / "profiles" / "kim.yaml").write_text(BAD_PROFILE)
    result = invoke("validate", "profiles")
    assert result.exit_code == 2 and "2 problems found" in result.stderr


def test_validate_of_a_log_checks_it_with_its_profile(project: Path) -> None:
    """The file the runner just edited is the log: naming it validates the profile beside it, which reads it."""
    result = invoke("validate", "profiles/sam.log.yaml")
    assert result.exit_code == 0 and "ok: profiles/sam.yaml" in result.stdout
    log = project / "profiles" / "sam.log.yaml"
    log.write_text(log.read_text().replace("distance: 5", "distance: five", 1))
    broken = invoke("validate", "profiles/sam.log.yaml")
    assert broken.exit_code == 2 and "sam.log.yaml" in broken.stderr and "five" in broken.stderr


HOSTILE = '<script>alert(1)</script>" onmouseover="x'


def test_hostile_text_is_escaped_on_every_page(project: Path) -> None:
    text = (project / "profiles/sam.yaml").read_text()
    text = text.replace("name: Sam Rivera", f"name: '{HOSTILE}'")
    text = text.replace("notes: Avoid hills for the first three weeks. Call if the knee swells.", f"notes: '{HOSTILE} javascript:alert(1)'")
    (project / "profiles/sam.yaml").write_text(text)
    assert invoke("build", "profiles/sam.yaml", "--no-pdf").exit_code == 0
    pages = list((project / "site").rglob("*.html"))
    assert pages
    for page in pages:
        html = page.read_text()
        assert "<script>alert" not in html and 'onmouseover="x' not in html
    assert "&lt;script&gt;" in (project / "site/sam/index.html").read_text()


def test_new_then_validate_then_build(project: Path) -> None:
    result = invoke("new", "kim-lee")
    assert result.exit_code == 0 and "profiles/kim-lee.yaml" in result.stdout
    assert invoke("validate", "profiles/kim-lee.yaml").exit_code == 0
    assert invoke("build", "profiles/kim-lee.yaml", "--no-pdf").exit_code == 0
    assert (project / "site/kim-lee/index.html").is_file()
    again = invoke("new", "kim-lee")
    assert again.exit_code == 1 and "already exists" in again.stderr


@pytest.mark.parametrize("ident, expected", [("assets", "an id other than assets, index"), ("Kim", "lower-case"),
                                             ("kim_lee", "letters, digits and")])
def test_new_refuses_an_id_validate_would_refuse(project: Path, ident: str, expected: str) -> None:
    """plangen new writes only files that validate as they are: the profile's own id rule, reserved names too."""
    result = invoke("new", ident)
    assert result.exit_code == 2 and expected in result.stderr
    assert not (project / "profiles" / f"{ident}.yaml").exists()


def test_publish_leaves_no_names_and_uses_unguessable_addresses(project: Path) -> None:
    result = invoke("build", "profiles/sam.yaml", "--no-pdf", "--publish")
    assert result.exit_code == 0, result.stderr
    (folder,) = [p for p in (project / "site").iterdir() if p.is_dir() and p.name != "assets" and not p.name.startswith(".")]
    assert folder.name.startswith("p-") and "sam" not in folder.name
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_text(errors="ignore")
            assert "Sam Rivera" not in data and "Avoid hills" not in data and "downhill back home" not in data
    assert 'name="robots" content="noindex' in (folder / "index.html").read_text()
    again = invoke("build", "profiles/sam.yaml", "--no-pdf", "--publish")
    assert again.exit_code == 0 and (project / "site" / folder.name).is_dir()  # stable across rebuilds


def test_publish_leaves_out_the_health_answers_behind_referrals_and_reviews(project: Path) -> None:
    sam = (project / "profiles/sam.yaml").read_text()
    older = sam.replace("id: sam", "id: ola").replace("age: 34", "age: 55").replace(
        "swelling_after_runs: false", "swelling_after_runs: true")
    (project / "profiles/ola.yaml").write_text(older)
    # The runner's own answers, as the private plan words them (the general red-flag advice stays).
    private = ("Your knee locks", "Your knee gives way", "giving_way, locking", "has swollen after runs",
               "Swelling after runs is worth", "Over 50, knee pain", "Age 50 or over", "age 55")

    def texts(folder: Path) -> str:
        return "\n".join(p.read_text(errors="ignore") for p in folder.rglob("*") if p.is_file())

    assert invoke("build", "profiles/lee.yaml", "profiles/ola.yaml", "--no-pdf").exit_code == 0
    before = texts(project / "site" / "lee") + texts(project / "site" / "ola")
    assert all(word in before for word in private)  # the private build says it all, so the check below can fail
    result = invoke("build", "profiles/lee.yaml", "profiles/ola.yaml", "--no-pdf", "--publish", "-o", "public")
    assert result.exit_code == 0, result.stderr
    published = texts(project / "public")
    assert [word for word in private if word in published] == []
    assert "Get medical help today" in published  # the referral still says what to do, and why in general
    assert "Tell your clinician about them" in published
    assert "worth a clinician&#39;s check" in published


def test_plan_validate_and_build_follow_the_project_config(project: Path) -> None:
    (project / "plangen.yaml").write_text("defaults: {weeks: 6}\nrules: {deload_every: 3}\n")
    profile = project / "profiles/sam.yaml"
    profile.write_text(profile.read_text().replace("weeks: 10\n", ""))  # the clinic's default fills it in
    validated = invoke("validate", "profiles/sam.yaml")
    assert validated.exit_code == 0 and "ok: plangen.yaml" in validated.stdout
    printed = json.loads(invoke("plan", "profiles/sam.yaml", "--format", "json").stdout)
    assert len(printed["weeks"]) == 6
    assert [s["key"] for s in printed["settings"] if s["overridden"]] == ["deload_every"]
    assert [w["phase"] for w in printed["weeks"]][2] == "deload"  # every 3rd week, not every 4th
    assert invoke("build", "profiles/sam.yaml", "--no-pdf").exit_code == 0
    built = json.loads((project / "site/sam/plan.json").read_text())
    assert built["weeks"] == printed["weeks"] and built["settings"] == printed["settings"]


def test_a_bad_project_config_is_reported_with_file_line_and_field(project: Path) -> None:
    (project / "plangen.yaml").write_text("clinic:\n  name: Harbour Physio\n  accent: '#12345'\n")
    for command in (["validate", "profiles/sam.yaml"], ["plan", "profiles/sam.yaml"], ["build", "profiles/sam.yaml", "--no-pdf"]):
        result = invoke(*command)
        assert result.exit_code == 2, command
        assert "clinic.accent: expected a colour as # and six hex digits, such as #1f5f8b, found '#12345'" in result.stderr
        assert 'File "plangen.yaml", line 3' in result.stderr
    assert not (project / "site").exists()


def test_a_batch_builds_every_profile_and_an_index(project: Path) -> None:
    for n in range(3):
        text = (project / "profiles/sam.yaml").read_text().replace("id: sam", f"id: runner-{n}")
        (project / "profiles" / f"runner-{n}.yaml").write_text(text)
    result = invoke("build", "profiles", "--no-pdf", "--jobs", "2")
    assert result.exit_code == 0, result.stderr
    for slug in ("sam", "runner-0", "runner-1", "runner-2"):
        assert (project / "site" / slug / "index.html").is_file()
    index = (project / "site" / "index.html").read_text()
    assert all(f'href="{slug}/index.html"' in index for slug in ("sam", "runner-2"))


def test_calendar_events_match_the_plan(project: Path) -> None:
    from icalendar import Calendar

    # The clinic reviews 8 weeks after the start (sam starts 7 Dec 2026): a day of its own, apart from R3's week-6 check.
    (project / "plangen.yaml").write_text("defaults:\n  review_weeks: 8\n")
    assert invoke("build", "profiles/sam.yaml", "--no-pdf").exit_code == 0
    plan = json.loads((project / "site/sam/plan.json").read_text())
    calendar = Calendar.from_ical((project / "site/sam/plan.ics").read_bytes())
    events = list(calendar.walk("VEVENT"))
    planned = [(d["date"], s["title"]) for w in plan["weeks"] for d in w["days"] for s in d["sessions"] if s["kind"] != "rest"]
    extras = {str(e["uid"]): e for e in events if not str(e["uid"])[4:5].isdigit()}  # sam-<date>-<n> are sessions
    assert len(events) == len(planned) + len(extras)
    assert set(extras) == {"sam-review@plangen", "sam-review-by@plangen", "sam-event@plangen"}
    assert str(extras["sam-review@plangen"].decoded("dtstart")) == "2027-01-18"  # after review week 6 of a 7 Dec start
    assert str(extras["sam-event@plangen"].decoded("dtstart")) == "2027-03-14" and "Harbour 10K" in str(extras["sam-event@plangen"]["summary"])
    for event in events:
        start, end = event.decoded("dtstart"), event.decoded("dtend")
        assert (end - start).days == 1  # all-day events end the next day (exclusive)
    first = events[0]
    assert str(first.decoded("dtstart")) == planned[0][0]
    uids = [str(e["uid"]) for e in events]
    assert len(set(uids)) == len(uids)


def test_calendar_descriptions_use_the_page_words_and_the_clinics_pain_limits(project: Path) -> None:
    from icalendar import Calendar

    (project / "plangen.yaml").write_text("rules: {green_pain_max: 1, strength_pain_max: 4}\n")
    assert invoke("build", "profiles/jo.yaml", "--no-pdf").exit_code == 0
    events = list(Calendar.from_ical((project / "site/jo/plan.ics").read_bytes()).walk("VEVENT"))
    texts: dict[str, str] = {}
    for event in events:  # the first event of each kind: jo starts at walk-run stage 1
        texts.setdefault(str(event["summary"]).split(": ", 1)[1].split(",")[0], str(event["description"]))
    walk_run, strength = texts["Walk-run"], texts["Strength (hip and knee)"]
    assert "Walk 5 min, then 4 × (30 s run / 4 min 30 s walk), then walk 5 min." in walk_run  # as on the week page
    assert "Pain rule: 0-1/10 during the run is fine; 2-4: slow down" in walk_run
    assert "Pain rule: up to 4/10 during the exercises is okay" in strength
    assert "3 s down" in strength and "× 10" in strength


def test_pages_state_the_clinics_pain_limits(project: Path) -> None:
    (project / "plangen.yaml").write_text("rules: {green_pain_max: 1, red_pain_min: 4, flare_cut_min: 0.2}\n")
    assert invoke("build", "profiles/sam.yaml", "--no-pdf").exit_code == 0
    flare = (project / "site/sam/flare-up.html").read_text()
    overview = (project / "site/sam/index.html").read_text()
    assert "Pain of <strong>2 to 3</strong> out of 10" in flare and "Pain of <strong>4 or more</strong>" in flare
    assert "at least 20% less running" in flare
    assert "0 to 1 out of 10" in overview and "2 to 3 out of 10" in overview  # the traffic light
    assert "3 or 4" not in flare and "0 to 2 out of 10" not in overview


def test_two_builds_are_byte_identical(project: Path) -> None:
    assert invoke("build", "profiles/sam.yaml", "--no-pdf", "-o", "a").exit_code == 0
    assert invoke("build", "profiles/sam.yaml", "--no-pdf", "-o", "b").exit_code == 0
    first, second = site_files(project / "a"), site_files(project / "b")
    assert first.keys() == second.keys() and len(first) > 20
    for name, path in first.items():
        if path.suffix in (".html", ".json", ".ics"):
            assert path.read_bytes() == second[name].read_bytes(), name


def test_pages_never_link_a_pdf_that_was_not_made(project: Path) -> None:
    assert invoke("build", "profiles/sam.yaml", "--no-pdf").exit_code == 0
    assert not any("plan.pdf" in page.read_text() for page in (project / "site/sam").rglob("*.html"))
    week = (project / "site/sam/week-02.html").read_text()
    assert "cadence step" not in week  # the week's one change is shown in words, not as a key
