"""Log import: FIT, GPX, TCX and Strava exports into a training log, merged without clobbering."""

from __future__ import annotations

import datetime as dt
import gzip
import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from fit_files import make_fit  # a FIT writer shared with the fuzz test

from plangen.cli.log import log
from plangen.sources.models import LogEntry, TrainingLog
from plangen.logimport import ActivityFileError, entry_fields, log_kind, read_file, runs_missing_pain
from plangen.logimport.entries import format_duration, steps_per_minute
from plangen.sources.runner import load_log

DATA = Path(__file__).parent / "data" / "activities"
REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO.parent / "shared" / "fixtures" / "activities"


START = dt.datetime(2026, 11, 22, 6, 30, tzinfo=dt.UTC)


@pytest.fixture
def fit_run(tmp_path: Path) -> Path:
    path = tmp_path / "files" / "morning-run.fit"
    path.parent.mkdir()
    path.write_bytes(make_fit(START))
    return path


def invoke(*args: str, quiet: bool = False):  # type: ignore[no-untyped-def]
    """Run `log ...` under a root group that sets ctx.obj as plangen's main group does."""

    @click.group()
    @click.pass_context
    def root(ctx: click.Context) -> None:
        ctx.obj = {"quiet": quiet, "verbose": 0}

    root.add_command(log)
    return CliRunner().invoke(root, ["log", *args])


# --- reading each format -----------------------------------------------------------------------


def test_fit_session_gives_timer_time_distance_and_cadence_in_steps(fit_run: Path) -> None:
    [activity] = read_file(fit_run)
    fields = entry_fields(activity, log_kind(activity.sport, activity.sub_sport))
    assert fields == {
        "date": dt.date(2026, 11, 22), "activity": "run", "type": "easy", "distance": 9.01,
        "duration": "47:12",  # timer time (2832 s), not the 3000 s elapsed
        "cadence": 163,  # (81 + 0.5) strides per minute per leg -> 163 steps
        "elevation_gain": 64, "start_time": "2026-11-22T06:30:00+00:00", "source": "morning-run.fit",
    }


def test_gpx_uses_moving_time_and_doubles_per_leg_cadence() -> None:
    [activity] = read_file(DATA / "easy-run.gpx")
    fields = entry_fields(activity, "run")
    assert (fields["distance"], fields["duration"], fields["cadence"]) == (1.0, "06:00", 168)
    assert fields["date"] == dt.date(2026, 11, 20)


def test_tcx_adds_up_lap_timer_times_and_weights_cadence_by_lap() -> None:
    [activity] = read_file(DATA / "intervals.tcx")
    fields = entry_fields(activity, log_kind(activity.sport))
    assert (fields["activity"], fields["distance"], fields["duration"], fields["cadence"]) == ("run", 3.0, "15:00", 164)


def test_gzipped_file_reads_like_the_plain_one(tmp_path: Path) -> None:
    packed = tmp_path / "easy-run.gpx.gz"
    packed.write_bytes(gzip.compress((DATA / "easy-run.gpx").read_bytes()))
    assert read_file(packed)[0].timer_s == read_file(DATA / "easy-run.gpx")[0].timer_s


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda data: data[:-40], "truncated FIT file"),
        (lambda data: data[:60] + bytes([data[60] ^ 0xFF]) + data[61:], "corrupt FIT file"),
        (lambda data: b"hello, not a FIT file at all", "not a FIT file"),
    ],
)
def test_damaged_fit_says_what_is_wrong(tmp_path: Path, damage, message: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "broken.fit"
    path.write_bytes(damage(make_fit(START)))
    with pytest.raises(ActivityFileError, match=message):
        read_file(path)


def test_fit_that_is_not_an_activity_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "settings.fit"
    path.write_bytes(make_fit(START, file_type=2))
    with pytest.raises(ActivityFileError, match="not a recorded activity"):
        read_file(path)


# --- sport, units, cadence and time --------------------------------------------------------------


@pytest.mark.parametrize(
    ("sport", "sub_sport", "kind"),
    [
        ("running", "treadmill", "run"), ("Running", None, "run"), ("TrailRun", None, "run"),
        ("Virtual Run", None, "run"), ("walking", None, "walk"), ("hiking", None, "walk"), ("Hike", None, "walk"),
        ("cycling", "indoor_cycling", "cycling"), ("Biking", None, "cycling"), ("Ride", None, "cycling"),
        ("swimming", "open_water", "swimming"), ("Swim", None, "swimming"),
        ("fitness_equipment", "elliptical", "elliptical"), ("Elliptical", None, "elliptical"),
        ("training", "strength_training", "strength"), ("Weight Training", None, "strength"),
        ("cross_country_skiing", None, None), ("Stand Up Paddling", None, None), ("Other", None, None),
        ("generic", None, None), (None, None, None), ("fitness_equipment", "stair_climbing", None),
    ],
)
def test_sport_maps_to_log_kind(sport: str | None, sub_sport: str | None, kind: str | None) -> None:
    assert log_kind(sport, sub_sport) == kind


@pytest.mark.parametrize(
    ("cadence", "kind", "spm"),
    [(81, "run", 162), (83.671875, "run", 167), (61.2265625, "walk", 122), (172, "run", 172),
     (90, "cycling", None), (40, "walk", None), (0, "run", None), (None, "run", None)],
)
def test_cadence_becomes_steps_per_minute(cadence: float | None, kind: str, spm: int | None) -> None:
    assert steps_per_minute(cadence, kind) == spm


@pytest.mark.parametrize(
    ("seconds", "text"), [(2832, "47:12"), (56.887, "00:57"), (3725.4, "1:02:05"), (0, None), (None, None)]
)
def test_duration_is_written_as_the_log_expects(seconds: float | None, text: str | None) -> None:
    assert format_duration(seconds) == text


def test_date_is_the_runner_local_day_and_distance_their_unit(fit_run: Path) -> None:
    [activity] = read_file(fit_run)
    fields = entry_fields(activity, "run", units="mi", timezone="America/Los_Angeles")
    assert fields["date"] == dt.date(2026, 11, 21)  # 06:30 UTC is 22:30 the evening before
    assert fields["start_time"] == "2026-11-21T22:30:00-08:00"
    assert fields["distance"] == 5.6


# --- the command: new log, merging, failures ------------------------------------------------------


def test_import_creates_a_valid_log_and_reports_each_new_entry(tmp_path: Path, fit_run: Path) -> None:
    target = tmp_path / "sam.log.yaml"
    result = invoke("import", str(fit_run), str(DATA), "--into", str(target))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("imported 3 new, 0 already in the log, 0 updated, 0 failed\n")
    assert f"wrote {target} (" in result.stdout
    assert "2026-11-22  run           9.01     47:12  163 spm  (morning-run.fit)" in result.stdout
    assert target.read_text().startswith("# Training log")
    log_ = load_log(target)
    assert [(e.date.isoformat(), e.activity, e.duration) for e in log_.entries] == [
        ("2026-11-20", "run", "06:00"), ("2026-11-22", "run", "47:12"), ("2026-11-22", "run", "15:00"),
    ]
    assert "Add pain scores (0-10) for these runs:" in result.stdout
    assert not (tmp_path / "sam.log.yaml.bak").exists()


def test_second_import_changes_nothing(tmp_path: Path, fit_run: Path) -> None:
    target = tmp_path / "sam.log.yaml"
    invoke("import", str(fit_run), str(DATA), "--into", str(target))
    before = target.read_bytes()
    result = invoke("import", str(DATA), str(fit_run), "--into", str(target))
    assert result.exit_code == 0
    assert result.stdout.startswith("imported 0 new, 3 already in the log, 0 updated, 0 failed\n")
    assert target.read_bytes() == before
    assert not (tmp_path / "sam.log.yaml.bak").exists()  # nothing to write, so nothing rewritten


HAND_LOG = """\
# Sam's log, typed by hand
entries:
  - date: 2026-11-18
    activity: walk_run        # 4 x (2 min run, 3 min walk)
    duration: "20:00"
    pain: {during: 1, after: 1, next_morning: 0}

  # week 2: back to running
  - date: 2026-11-22
    activity: run
    type: long
    distance: 9.2
    duration: '48:30'
    rpe: 5
    pain:
      during: 2
      after: 3
    notes: "felt it on the downhill: ice after"
  - {date: 2026-11-25, activity: cycling, duration: 40}
# (more to come)
"""


def test_hand_typed_entry_is_completed_never_overwritten(tmp_path: Path, fit_run: Path) -> None:
    target = tmp_path / "sam.log.yaml"
    target.write_text(HAND_LOG)
    result = invoke("import", str(fit_run), str(DATA / "easy-run.gpx"), "--into", str(target))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("imported 1 new, 0 already in the log, 1 updated, 0 failed")
    text = target.read_text()
    assert _only_insertions(HAND_LOG, text)
    entry = load_log(target).entries[2]  # 9.2 km typed, 9.01 recorded: within 5%, the same run
    assert (entry.type, entry.distance, entry.duration, entry.rpe) == ("long", 9.2, "48:30", 5)
    assert (entry.pain.during, entry.pain.after, entry.notes) == (2, 3, "felt it on the downhill: ice after")
    assert (entry.cadence, entry.source, entry.start_time) == (163, "morning-run.fit", "2026-11-22T06:30:00+00:00")
    assert (tmp_path / "sam.log.yaml.bak").read_text() == HAND_LOG
    # the new run of 2026-11-20 goes between the two entries, above the "# week 2" comment
    assert text.index("easy-run.gpx") < text.index("# week 2") < text.index("morning-run.fit")
    assert "2026-11-22  run           9.20     48:30  163 spm  (morning-run.fit): next_morning" in result.stdout


def _only_insertions(old: str, new: str) -> bool:
    """Every old line is still there, unchanged and in order (new lines only added between)."""
    lines = iter(new.splitlines())
    return all(any(line == candidate for candidate in lines) for line in old.splitlines())


def test_entry_written_inline_is_left_exactly_as_it_is(tmp_path: Path) -> None:
    target = tmp_path / "sam.log.yaml"
    target.write_text(HAND_LOG)
    ride = tmp_path / "ride.fit"
    ride.write_bytes(make_fit(dt.datetime(2026, 11, 25, 17, 0, tzinfo=dt.UTC), sport=2,
                              timer_s=2400, distance_m=15000))
    result = invoke("import", str(ride), "--into", str(target))
    assert result.stdout.startswith("imported 0 new, 1 already in the log, 0 updated")
    assert target.read_text() == HAND_LOG


def test_duplicates_in_one_batch_are_merged(tmp_path: Path, fit_run: Path) -> None:
    twin = tmp_path / "files" / "same-run-from-the-app.fit.gz"
    twin.write_bytes(gzip.compress(make_fit(START + dt.timedelta(seconds=40), cadence=0, fraction=0)))
    result = invoke("import", str(twin), str(fit_run), "--into", str(tmp_path / "new.log.yaml"))
    assert result.stdout.startswith("imported 1 new, 1 already in the log, 0 updated, 0 failed")
    [entry] = load_log(tmp_path / "new.log.yaml").entries
    assert entry.cadence == 163  # the twin had none; the other file filled it in


def test_bad_files_are_named_and_the_rest_still_go_in(tmp_path: Path, fit_run: Path) -> None:
    broken = tmp_path / "files" / "cut-short.fit"
    broken.write_bytes(make_fit(START)[:-40])
    stray = tmp_path / "files" / "notes.txt"
    stray.write_text("not an activity")
    target = tmp_path / "sam.log.yaml"
    result = invoke("import", str(fit_run), str(broken), str(stray), "--into", str(target))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"error: {broken}: truncated FIT file: it ends after {broken.stat().st_size} bytes, "
        f"its header announces {broken.stat().st_size + 40}; it still holds the summary written before the "
        "damage (running on 2026-11-22): add --salvage to import it",
        f"error: {stray}: not a FIT, GPX or TCX file",
    ]
    assert result.stdout.startswith("imported 1 new, 0 already in the log, 0 updated, 2 failed")
    assert len(load_log(target).entries) == 1


def test_salvage_imports_the_summary_of_a_damaged_fit(tmp_path: Path) -> None:
    broken = tmp_path / "crashed.fit"
    broken.write_bytes(make_fit(START)[:-40])
    result = invoke("import", str(broken), "--salvage", "--into", str(tmp_path / "s.log.yaml"))
    assert result.exit_code == 0
    assert f"note: {broken}: truncated FIT file" in result.stdout
    assert load_log(tmp_path / "s.log.yaml").entries[0].duration == "47:12"


def test_unnamed_sport_is_skipped_unless_the_runner_names_it(tmp_path: Path) -> None:
    mystery = tmp_path / "mystery.fit"
    mystery.write_bytes(make_fit(START, sport=0))
    skiing = tmp_path / "skiing.fit"
    skiing.write_bytes(make_fit(START + dt.timedelta(hours=3), sport=12))
    target = tmp_path / "s.log.yaml"
    result = invoke("import", str(mystery), str(skiing), "--into", str(target))
    assert result.exit_code == 0
    assert "imported 0 new, 0 already in the log, 0 updated, 0 failed, 2 skipped" in result.stdout
    assert f"skipped {skiing}: cross_country_skiing is not a session the log tracks" in result.stdout
    assert not target.exists()
    result = invoke("import", str(mystery), str(skiing), "--activity", "walk", "--into", str(target))
    assert [e.activity for e in load_log(target).entries] == ["walk"]


def test_profile_gives_units_time_zone_and_log(tmp_path: Path, fit_run: Path) -> None:
    profile = tmp_path / "sam.yaml"
    profile.write_text("units: mi\ntimezone: America/New_York\navailability: {run_days: [mon, sat]}\n")
    result = invoke("import", str(fit_run), "--profile", str(profile))
    assert result.exit_code == 0, result.stderr
    [entry] = load_log(tmp_path / "sam.log.yaml").entries
    assert (entry.date, entry.distance, entry.start_time) == (dt.date(2026, 11, 22), 5.6, "2026-11-22T01:30:00-05:00")
    invoke("import", str(fit_run), "--into", str(tmp_path / "sam.log.yaml"))  # finds sam.yaml beside it
    assert len(load_log(tmp_path / "sam.log.yaml").entries) == 1


def test_empty_inline_list_becomes_a_block_list(tmp_path: Path, fit_run: Path) -> None:
    target = tmp_path / "sam.log.yaml"
    target.write_text("# new log\nentries: []   # add sessions below\n# e.g. - {date: 2026-11-20, activity: rest}\n")
    assert invoke("import", str(fit_run), "--into", str(target)).exit_code == 0
    text = target.read_text()
    assert text.startswith("# new log\nentries:   # add sessions below\n  - date: 2026-11-22\n")
    assert text.endswith("# e.g. - {date: 2026-11-20, activity: rest}\n")


def test_quiet_prints_nothing_on_success(tmp_path: Path, fit_run: Path) -> None:
    result = invoke("import", str(fit_run), "--into", str(tmp_path / "q.log.yaml"), quiet=True)
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.fit", "--into", "x.log.yaml"], "Path 'missing.fit' does not exist"),
        (["{data}"], "say which log to import into"),
    ],
)
def test_bad_usage_exits_2(args: list[str], message: str) -> None:
    result = invoke("import", *[arg.format(data=DATA) for arg in args])
    assert result.exit_code == 2
    assert message in result.stderr


def test_invalid_target_log_names_file_and_line(tmp_path: Path, fit_run: Path) -> None:
    target = tmp_path / "bad.log.yaml"
    target.write_text("entries:\n  - date: 2026-11-20\n    activity: jog\n")
    result = invoke("import", str(fit_run), "--into", str(target))
    assert result.exit_code == 2
    assert f'File "{target}", line 3' in result.stderr
    assert target.read_text() == "entries:\n  - date: 2026-11-20\n    activity: jog\n"


STRAVA_HEADER = (
    "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,"
    "Max Heart Rate,Relative Effort,Commute,Activity Private Note,Activity Gear,Filename,Athlete Weight,"
    "Bike Weight,Elapsed Time,Moving Time,Distance,Max Speed,Average Speed,Elevation Gain"
)


def test_strava_export_folder(tmp_path: Path) -> None:
    export = tmp_path / "export_123"
    (export / "activities").mkdir(parents=True)
    (export / "activities" / "111.gpx.gz").write_bytes(gzip.compress((DATA / "easy-run.gpx").read_bytes()))
    rows = [  # Activity Date is UTC; the last Distance is in metres; Moving Time in seconds
        '111,"Nov 20, 2026, 7:30:00 AM","Morning Run, easy",Run,,420,1.00,,,false,,,activities/111.gpx.gz,,,'
        "420.0,360.0,1001.9,,,10",
        '222,"Nov 21, 2026, 6:00:00 PM",Gym,Weight Training,,2700,0.00,,,false,,,,,,2700.0,2700.0,0.0,,,',
        '333,"Nov 22, 2026, 9:00:00 AM",Slopes,Alpine Ski,,3600,5.00,,,false,,,,,,3600.0,3000.0,5000.0,,,',
        '444,"Nov 23, 2026, 7:15:00 AM",Lost file,Run,,1900,5.10,,,false,,,activities/444.fit.gz,,,'
        "1900.0,1800.0,5100.0,,,12",
    ]
    (export / "activities.csv").write_text(STRAVA_HEADER + "\n" + "\n".join(rows) + "\n")
    result = invoke("import", str(export), "--into", str(tmp_path / "s.log.yaml"))
    assert result.exit_code == 0, result.stderr
    assert "imported 3 new, 0 already in the log, 0 updated, 0 failed, 1 skipped" in result.stdout
    entries = load_log(tmp_path / "s.log.yaml").entries
    assert [(e.date.isoformat(), e.activity, e.distance, e.duration, e.cadence, e.source) for e in entries] == [
        ("2026-11-20", "run", 1.0, "06:00", 168, "111.gpx.gz"),
        ("2026-11-21", "strength", None, "45:00", None, "activities.csv#222"),
        ("2026-11-23", "run", 5.1, "30:00", None, "activities.csv#444"),
    ]
    assert "activities/444.fit.gz: no such file; imported from activities.csv instead" in result.stdout


def test_cli_offers_every_kind_the_importer_knows() -> None:
    from plangen.cli.log import _KINDS
    from plangen.logimport.activity import KINDS

    assert _KINDS == KINDS


def test_runs_missing_pain_lists_runs_without_a_next_morning_score() -> None:
    day = dt.date(2026, 11, 20)
    log_ = TrainingLog(entries=(
        LogEntry(date=day, activity="run", pain={"during": 1, "after": 1}),
        LogEntry(date=day, activity="walk_run", pain={"next_morning": 0}),
        LogEntry(date=day, activity="cycling"),
        LogEntry(date=day, activity="walk_run"),
    ))
    assert runs_missing_pain(log_) == [log_.entries[0], log_.entries[3]]


# --- the real files recorded by devices (shared/fixtures, not in this repository) -----------------

needs_fixtures = pytest.mark.skipif(not FIXTURES.is_dir(), reason=f"no shared fixtures at {FIXTURES}")


@needs_fixtures
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("fit/activity-small-fenix2-run.fit", ("2015-08-15", "run", 9.01, "47:12", 162)),
        ("fit/garmin-fenix-5-run.fit", ("2017-06-11", "run", 0.16, "00:57", 167)),
        ("fit/garmin-fenix-5-walk.fit", ("2017-06-11", "walk", 0.07, "00:45", 122)),
        ("fit/garmin-fenix-5-bike.fit", ("2017-06-12", "cycling", 0.46, "01:00", None)),
        ("tcx/mapmyride_biking.tcx", ("2022-11-12", "cycling", 15.35, "51:51", None)),
    ],
)
def test_real_files_import_as_their_summaries_say(name: str, expected: tuple) -> None:  # type: ignore[type-arg]
    [activity] = read_file(FIXTURES / name)
    fields = entry_fields(activity, log_kind(activity.sport, activity.sub_sport))
    got = (fields["date"].isoformat(), fields["activity"], fields["distance"], fields["duration"])
    assert (*got, fields.get("cadence")) == expected


@needs_fixtures
@pytest.mark.parametrize("name", ["activity-small-fenix2-run.fit", "garmin-fenix-5-run.fit", "garmin-fenix-5-walk.fit"])
def test_real_fit_cross_checked_against_its_session_record(name: str) -> None:
    import fitdecode

    with fitdecode.FitReader(str(FIXTURES / "fit" / name)) as reader:
        session = next(f for f in reader if isinstance(f, fitdecode.FitDataMessage) and f.name == "session")
    values = {field.name: field.value for field in session.fields}
    per_leg = next(values[k] for k in ("avg_running_cadence", "avg_cadence") if values.get(k) is not None)
    fields = entry_fields(read_file(FIXTURES / "fit" / name)[0], "run")
    assert fields["distance"] == round(values["total_distance"] / 1000, 2)
    assert fields["duration"] == format_duration(values["total_timer_time"])
    assert fields["cadence"] == round(2 * (per_leg + (values.get("avg_fractional_cadence") or 0)))


@needs_fixtures
def test_whole_fixture_folder_imports_once_and_names_the_broken_files(tmp_path: Path) -> None:
    target = tmp_path / "sam.log.yaml"
    first = invoke("import", str(FIXTURES), "--into", str(target))
    assert first.exit_code == 1
    failed = [line.split(": ")[1] for line in first.stderr.splitlines()]
    assert str(FIXTURES / "fit" / "activity-unexpected-eof.fit") in failed
    assert str(FIXTURES / "fit" / "activity-settings-corruptheader.fit") in failed
    assert first.stdout.startswith("imported 5 new, 0 already in the log, 0 updated, 5 failed, 5 skipped")
    assert len(load_log(target).entries) == 5
    written = target.read_bytes()
    second = invoke("import", str(FIXTURES), "--into", str(target))
    assert second.stdout.startswith("imported 0 new, 5 already in the log, 0 updated, 5 failed, 5 skipped\n")
    assert target.read_bytes() == written


@needs_fixtures
def test_crashed_app_recording_is_named_and_kept_only_on_request(tmp_path: Path) -> None:
    """Strava's Android app crashed mid-file: the session summary came first, the damage after it."""
    crashed = FIXTURES / "fit" / "strava-android-app-201.10-b1218918.fit"
    target = tmp_path / "sam.log.yaml"
    refused = invoke("import", str(crashed), "--into", str(target))
    assert refused.exit_code == 1
    assert refused.stderr == (
        f"error: {crashed}: corrupt FIT file at byte 7471: local message 11 not defined; it still holds the "
        "summary written before the damage (running on 2021-09-27): add --salvage to import it\n"
    )
    assert not target.exists()
    kept = invoke("import", str(crashed), "--salvage", "--into", str(target))
    assert kept.exit_code == 0
    [entry] = load_log(target).entries
    # The session record says 11274.04 m over a 3558 s timer.
    assert (entry.date.isoformat(), entry.activity, entry.distance, entry.duration) == ("2021-09-27", "run", 11.27, "59:18")


@needs_fixtures
def test_hand_entries_survive_importing_the_fixtures(tmp_path: Path) -> None:
    target = tmp_path / "sam.log.yaml"
    target.write_text(HAND_LOG)
    shutil.copy(target, tmp_path / "typed.yaml")
    invoke("import", str(FIXTURES), "--into", str(target))
    invoke("import", str(FIXTURES), "--into", str(target))
    assert _only_insertions(HAND_LOG, target.read_text())
    typed = {(e.date, e.activity): e for e in load_log(tmp_path / "typed.yaml").entries}
    merged = {(e.date, e.activity): e for e in load_log(target).entries}
    assert all(merged[key] == entry for key, entry in typed.items())


# --- from the watch to the plan -------------------------------------------------------------------


def test_a_new_runner_plans_from_imported_runs_once_they_score_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """new -> log import -> plan: the watch gives the history and cadence; pain scores unlock progression."""
    import json

    from plangen.cli import main

    runner = CliRunner()
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(main, ["new", "ana"]).exit_code == 0
    profile = Path("profiles/ana.yaml")
    profile.write_text(profile.read_text().replace("start: ", "start: 2026-11-30  #", 1))
    Path("profiles/ana.log.yaml").write_text("entries: []\n")
    Path("watch").mkdir()
    for day in (17, 19, 21, 24, 26, 28):  # 5 km in 30 min, 83.5 strides/min per leg = 167 steps/min
        when = dt.datetime(2026, 11, day, 7, 0, tzinfo=dt.UTC)
        Path(f"watch/{day}.fit").write_bytes(make_fit(when, timer_s=1800, elapsed_s=1900, distance_m=5000,
                                                      cadence=83, fraction=0.5))
    imported = invoke("import", "watch", "--profile", str(profile))
    assert imported.exit_code == 0, imported.output
    assert imported.stdout.startswith("imported 6 new")

    unscored = json.loads(runner.invoke(main, ["plan", str(profile), "--format", "json"]).stdout)
    assert unscored["baseline"]["cadence"] == 167
    assert any(r["rule"] == "R34" and "watch" in r["data"] for r in unscored["baseline"]["reasons"])
    assert len(unscored["unscored_runs"]) == 6
    # No pain scores yet, so no run counts as pain-free: the plan starts at walk-run.
    assert unscored["weeks"][0]["phase"] == "walk_run"

    log_file = Path("profiles/ana.log.yaml")
    log_file.write_text(log_file.read_text().replace(
        "    source:", "    pain: {during: 0, after: 0, next_morning: 0}\n    source:"))
    scored = json.loads(runner.invoke(main, ["plan", str(profile), "--format", "json"]).stdout)
    assert scored["unscored_runs"] == []
    assert scored["weeks"][0]["phase"] == "build"
    assert scored["baseline"]["weekly_distance"] == 15.0
