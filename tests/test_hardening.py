"""Issue #16: every bad input a person types, or an attacker plants, gets a located error, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_inputs import GOOD, problems, write  # the same small profile and helpers as the input tests

from plangen.errors import InputError
from plangen.sources import yamlreader
from plangen.sources.runner import load_runner
from plangen.sources.yamlreader import parse_yaml, read_yaml


def yaml_problem(tmp_path: Path, text: str) -> str:
    with pytest.raises(InputError) as info:
        read_yaml(write(tmp_path, text))
    return info.value.format_message()


# --- the YAML reader --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("char", "name"), [("\x07", "BEL"), ("\x1b", "ESC"), ("\x00", "NUL"), ("\x01", "U+0001")]
)
def test_control_characters_are_located_and_never_echoed_raw(tmp_path: Path, char: str, name: str) -> None:
    message = yaml_problem(tmp_path, f"id: kim\nname: Sam{char}Rivera\n")
    assert f"expected text without control characters, found the control character {name}" in message
    assert ", line 2" in message
    assert char not in message  # the quoted line shows \x07, so a terminal never sees an escape sequence


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("a: !!int 0x1F\n", "int"),
        ("a: !!int abc\n", "int"),
        ("a: !!float ''\n", "float"),
        ("a: !!int 12\n", "int"),
        ("--- !!seq\na: 1\n", "seq"),
        ("a: [1, !!str 2]\n", "str"),
    ],
)
def test_explicit_standard_tags_are_refused(tmp_path: Path, text: str, tag: str) -> None:
    message = yaml_problem(tmp_path, text)
    assert f"expected plain YAML values (tags are not allowed), found the tag 'tag:yaml.org,2002:{tag}'" in message
    assert ", line 1" in message


@pytest.mark.parametrize("depth", [33, 600, 100_000])
def test_deep_nesting_is_refused_with_its_line(tmp_path: Path, depth: int) -> None:
    message = yaml_problem(tmp_path, "id: kim\nx: " + "[" * depth + "]" * depth + "\n")
    assert f"expected at most {yamlreader.MAX_DEPTH} levels of nesting, found deeper nesting" in message
    assert ", line 2" in message
    assert len(message) < 600  # the quoted line is cut short


def test_nesting_up_to_the_limit_is_read(tmp_path: Path) -> None:
    depth = yamlreader.MAX_DEPTH - 1
    doc = read_yaml(write(tmp_path, "x: " + "[" * depth + "1" + "]" * depth + "\n"))
    assert str(doc.data["x"]).count("[") == depth


def test_huge_integers_are_refused_with_their_line(tmp_path: Path) -> None:
    message = yaml_problem(tmp_path, "id: kim\nweeks: " + "9" * 4301 + "\n")
    assert "weeks: expected a number of at most 30 digits, found a number of 4301 characters" in message
    assert ", line 2" in message


def test_a_tab_says_indent_with_spaces(tmp_path: Path) -> None:
    message = yaml_problem(tmp_path, "availability:\n\trun_days: [mon]\n")
    assert "error: expected valid YAML, found a tab; indent with spaces" in message
    assert "found found" not in message and ", line 2" in message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("id: kim\nrun_days: [mon, wed\nstart: 2026-12-07\n",
         "expected ',' or ']', found ':' (the list [ that began on line 2 is not closed)"),
        ("id: kim\nrunner: {name: Kim\nstart: 2026-12-07\n",
         "expected ',' or '}', found ':' (the mapping { that began on line 2 is not closed)"),
        ("id: kim\nname: \"Kim\nstart: 2026-12-07\n",
         "found unexpected end of stream (the quoted text that began on line 2 is not closed)"),
    ],
)
def test_an_unclosed_bracket_says_where_it_began(tmp_path: Path, text: str, expected: str) -> None:
    assert expected in yaml_problem(tmp_path, text)


def test_libyaml_and_pure_python_read_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = (Path(__file__).parents[1] / "profiles" / "sam.log.yaml").read_text(encoding="utf-8")
    fast = parse_yaml(text, Path("sam.log.yaml"))
    monkeypatch.setattr(yamlreader, "CParser", None)
    slow = parse_yaml(text, Path("sam.log.yaml"))
    assert (fast.data, fast.lines) == (slow.data, slow.lines)


@pytest.mark.parametrize(
    "text",
    ["a: 1\na: 2\n", "a: &x [1]\nb: *x\n", "a:\n\tb: 1\n", "a: [1\n", "a: !!int 3\n", "x: " + "[" * 40 + "]" * 40],
)
def test_libyaml_refuses_what_pure_python_refuses_in_the_same_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    fast = yaml_problem(tmp_path, text)
    monkeypatch.setattr(yamlreader, "CParser", None)
    assert yaml_problem(tmp_path, text) == fast


def test_libyaml_is_used_when_installed() -> None:
    assert yamlreader.CParser is not None  # the suite runs with PyYAML's C extension, as users get from the wheel


# --- profiles and logs: what people type, and what an attacker does -----------------------------


def with_field(extra: str) -> str:
    return GOOD + extra + "\n"


@pytest.mark.parametrize(
    ("value", "found"),
    [("Europe", "'Europe'"), ("E" * 300, "'EEEE"), ('"Europe/\\0"', "'Europe/\\x00'"), ("../../../etc/passwd", "'../../../etc/passwd'")],
)
def test_a_timezone_that_is_not_a_zone_is_located(tmp_path: Path, value: str, found: str) -> None:
    message = problems(write(tmp_path, with_field(f"timezone: {value}")))
    assert f"timezone: expected an IANA time zone such as Europe/London, found {found}" in message
    assert ", line 5" in message


def test_a_misspelt_timezone_gets_a_did_you_mean(tmp_path: Path) -> None:
    message = problems(write(tmp_path, with_field("timezone: Europe/Londn")))
    assert "found 'Europe/Londn' (did you mean 'Europe/London'?)" in message


def test_an_unknown_key_with_a_bracket_is_reported(tmp_path: Path) -> None:
    message = problems(write(tmp_path, with_field("a[b: 1")))
    assert "a[b: expected one of: id, runner," in message and "found the unknown key 'a[b'" in message


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ("start: 9999-12-30", "start"),
        ("start: 0001-01-02", "start"),
        ("goal: {event: {name: Far, date: 9999-12-31, distance: 10}}", "goal.event.date"),
    ],
)
def test_dates_outside_1900_to_2100_are_refused(tmp_path: Path, extra: str, field: str) -> None:
    text = GOOD.replace("start: 2026-12-07\n", "") if extra.startswith("start") else GOOD
    message = problems(write(tmp_path, text + extra + "\n"))
    assert f"{field}: expected a date from 1900-01-01 to 2100-12-31, found" in message


def test_log_dates_outside_1900_to_2100_are_refused(tmp_path: Path) -> None:
    write(tmp_path, "entries:\n  - {date: 0001-01-02, activity: run}\n", "kim.log.yaml")
    message = problems(write(tmp_path, GOOD))
    assert "entries[0].date: expected a date from 1900-01-01 to 2100-12-31, found 0001-01-02" in message
    assert "kim.log.yaml\", line 2" in message


def test_dates_at_the_edges_plan_without_overflow(tmp_path: Path) -> None:
    """validate ok means the plan can be made: the latest start and the earliest log date."""
    from plangen.build import load_library, plan_for

    write(tmp_path, "entries:\n  - {date: 1900-01-01, activity: run, distance: 3.0, duration: '20:00'}\n", "kim.log.yaml")
    path = write(tmp_path, GOOD.replace("2026-12-07", "2100-12-31") + "weeks: 16\n"
                 "goal: {event: {name: Last, date: 2100-12-31, distance: 10}}\n")
    plan = plan_for(load_runner(path), load_library(Path(__file__).parents[1]))
    assert plan.weeks


@pytest.mark.parametrize("ident", ["'-'", "-x", "assets", "Index", "a/b"])
def test_ids_that_cannot_name_a_folder_of_their_own_are_refused(tmp_path: Path, ident: str) -> None:
    message = problems(write(tmp_path, GOOD.replace("id: kim", f"id: {ident}")))
    assert "id: expected" in message and ", line 1" in message


def test_a_file_named_dash_x_without_an_id_is_refused(tmp_path: Path) -> None:
    message = problems(write(tmp_path, GOOD.replace("id: kim\n", ""), "-x.yaml"))
    assert "id: expected a file name of up to 64 letters, digits and '-', starting with a letter or digit" in message


def test_a_file_named_like_a_shared_folder_is_refused(tmp_path: Path) -> None:
    message = problems(write(tmp_path, GOOD.replace("id: kim\n", ""), "assets.yaml"))
    assert "an id other than assets" in message


def test_a_misspelt_weekday_is_one_problem_with_a_did_you_mean(tmp_path: Path) -> None:
    message = problems(write(tmp_path, GOOD.replace("[mon, thu]", "[monday]")))
    assert message.endswith("1 problem found")
    assert "availability.run_days[0]: expected one of 'mon', 'tue', 'wed', 'thu', 'fri', 'sat' or 'sun', found 'monday' (did you mean 'mon'?)" in message


@pytest.mark.parametrize(
    ("extra", "hint"),
    [
        ("units: kms", "did you mean 'km'?"),
        ("runner: {experience: recreatonal}", "did you mean 'recreational'?"),
        ("symptoms: {aggravators: [stair]}", "did you mean 'stairs'?"),
        ("cross_training: [cycle]", "did you mean 'cycling'?"),
    ],
)
def test_wrong_values_get_a_did_you_mean(tmp_path: Path, extra: str, hint: str) -> None:
    assert f"({hint})" in problems(write(tmp_path, with_field(extra)))


def test_a_misspelt_required_key_is_reported_once(tmp_path: Path) -> None:
    message = problems(write(tmp_path, GOOD.replace("availability:", "availabilty:")))
    assert message.endswith("1 problem found")
    assert "found the unknown key 'availabilty' (did you mean 'availability'?)" in message


def test_a_missing_required_key_is_still_reported(tmp_path: Path) -> None:
    message = problems(write(tmp_path, "id: kim\nstart: 2026-12-07\n"))
    assert "availability: expected this field (it is required), found nothing" in message


@pytest.mark.parametrize(("duration", "minutes"), [("60:30", 60.5), ("38:00", 38.0), ("1:02:30", 62.5), ("150:00", 150.0), (45, 45.0)])
def test_durations_as_runners_write_them(duration: object, minutes: float) -> None:
    from plangen.sources.models import LogEntry

    assert LogEntry.model_validate({"date": "2026-11-02", "activity": "run", "duration": duration}).minutes == minutes


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ("duration: '99999999999999:00:00'", "duration: expected a duration as mm:ss or h:mm:ss"),
        ("duration: '25:00:00'", "duration: expected a duration of at most 24 hours, found '25:00:00'"),
        ("duration: '1441:00'", "duration: expected a duration of at most 24 hours"),
        ("duration: 2000", "duration: expected a duration of at most 24 hours, found 2000"),
        ("distance: 251", "distance: expected a value at most 250, found 251"),
        ("distance: 1e999", "distance: expected a value at most 250, found inf"),
    ],
)
def test_sessions_are_bounded_to_what_a_person_can_run(tmp_path: Path, extra: str, expected: str) -> None:
    write(tmp_path, "entries:\n  - {date: 2026-11-02, activity: run, " + extra + "}\n", "kim.log.yaml")
    message = problems(write(tmp_path, GOOD))
    assert f"entries[0].{expected}" in message


# --- reading what it should not ------------------------------------------------------------------


@pytest.mark.parametrize("target", ['"\\0"', "/dev/zero", "/etc/passwd", "/etc", "sam.log"])
def test_log_must_name_a_yaml_file(tmp_path: Path, target: str) -> None:
    message = problems(write(tmp_path, with_field(f"log: {target}")))
    assert "log: expected a .yaml file name, relative to the profile" in message
    assert "root:" not in message


def test_a_log_that_is_a_fifo_or_folder_is_refused_before_reading(tmp_path: Path) -> None:
    import os

    os.mkfifo(tmp_path / "fifo.log.yaml")  # opening it for reading must not wait for a writer
    (tmp_path / "dir.log.yaml").mkdir()
    for name, found in (("fifo", "a device, pipe or socket"), ("dir", "a folder")):
        message = problems(write(tmp_path, with_field(f"log: {name}.log.yaml")))
        assert f"expected a regular file, found {found}" in message
        assert f'File "{tmp_path / name}.log.yaml"' in message


def test_the_reader_refuses_a_device() -> None:
    with pytest.raises(InputError) as info:
        read_yaml(Path("/dev/zero"))
    assert "expected a regular file, found a device, pipe or socket" in info.value.format_message()


def test_a_log_linked_to_a_file_that_is_not_yaml_is_never_quoted(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("root:TOP-SECRET:0:0\n")
    (tmp_path / "kim.log.yaml").symlink_to(secret)
    message = problems(write(tmp_path, with_field("log: kim.log.yaml")))
    assert "TOP-SECRET" not in message and "log: expected a .yaml file, found a link to 'secret.txt'" in message


def test_a_yaml_file_that_is_not_a_mapping_is_described_not_quoted(tmp_path: Path) -> None:
    write(tmp_path, "root:TOP-SECRET:0:0\ndaemon:x:1:1\n", "kim.log.yaml")
    message = problems(write(tmp_path, GOOD))
    assert "expected a YAML mapping of keys to values, found text" in message and "TOP-SECRET" not in message


def test_a_log_over_the_size_cap_is_refused_by_its_size_before_reading(tmp_path: Path) -> None:
    import os

    huge = write(tmp_path, "entries:\n", "kim.log.yaml")
    os.truncate(huge, 50 * 2**30)  # 50 GiB, sparse: reading it first would take minutes and all memory
    message = problems(write(tmp_path, GOOD))
    assert f"expected a file of at most 20 MB, found {50 * 2**30} bytes" in message


def test_plangen_yaml_logo_with_a_nul_is_located(tmp_path: Path) -> None:
    from plangen.sources.config import load_config

    write(tmp_path, 'clinic: {logo: "\\0"}\n', "plangen.yaml")
    with pytest.raises(InputError) as info:
        load_config(tmp_path)
    assert "clinic.logo: expected an image file" in info.value.format_message() and ", line 1" in info.value.format_message()


# --- log import: one bad file never stops the good ones -------------------------------------------

ACTIVITIES = Path(__file__).parent / "data" / "activities"
EASY_GPX = (ACTIVITIES / "easy-run.gpx").read_text(encoding="utf-8")
INTERVALS_TCX = (ACTIVITIES / "intervals.tcx").read_text(encoding="utf-8")


def import_cli(*args: str):  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from plangen.cli import main

    return CliRunner().invoke(main, ["log", "import", *args])


def good_and_bad(tmp_path: Path, name: str, text: str | bytes) -> tuple[Path, Path]:
    folder = tmp_path / "files"
    folder.mkdir(exist_ok=True)
    bad = folder / name
    bad.write_bytes(text if isinstance(text, bytes) else text.encode())
    good = folder / "intervals.tcx"
    good.write_text(INTERVALS_TCX, encoding="utf-8")
    return bad, good


def assert_good_one_imported(result, log: Path, bad: Path) -> None:  # type: ignore[no-untyped-def]
    from plangen.sources.runner import load_log

    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)
    assert [e.source for e in load_log(log).entries] == ["intervals.tcx"]
    assert f"error: {bad}: " in result.stderr


@pytest.mark.parametrize(
    ("name", "text", "why"),
    [
        ("lat-inf.gpx", EASY_GPX.replace('lat="51.5015"', 'lat="inf"'), "track point 2 has an impossible position"),
        ("lat-nan.gpx", EASY_GPX.replace('lat="51.5015"', 'lat="nan"'), "track point 2 has an impossible position"),
        ("year-1.gpx", EASY_GPX.replace("2026-11-20T07:30:00Z", "0001-01-01T00:00:00Z"), "starts in the year 1"),
    ],
)
def test_a_damaged_activity_fails_alone(tmp_path: Path, name: str, text: str, why: str) -> None:
    bad, good = good_and_bad(tmp_path, name, text)
    log = tmp_path / "kim.log.yaml"
    result = import_cli(str(bad), str(good), "--into", str(log))
    assert result.exit_code == 1
    assert_good_one_imported(result, log, bad)
    assert why in result.stderr


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("cadence-nan.gpx", EASY_GPX.replace("<gpxtpx:cad>82<", "<gpxtpx:cad>nan<")),
        ("cadence-inf.gpx", EASY_GPX.replace("<gpxtpx:cad>82<", "<gpxtpx:cad>inf<")),
        ("elevation-inf.gpx", EASY_GPX.replace("<ele>10.0<", "<ele>inf<").replace("<ele>12.0<", "<ele>-inf<")),
        ("mixed-zones.gpx", EASY_GPX.replace("2026-11-20T07:31:00Z", "2026-11-20T07:31:00")),
        ("time-nan.tcx", INTERVALS_TCX.replace("<TotalTimeSeconds>600.0<", "<TotalTimeSeconds>nan<")),
        ("distance-inf.tcx", INTERVALS_TCX.replace("<DistanceMeters>2000.0<", "<DistanceMeters>inf<")),
    ],
)
def test_non_numbers_in_a_recording_are_left_out_not_crashed_on(tmp_path: Path, name: str, text: str) -> None:
    from plangen.logimport import read_file
    from plangen.logimport.entries import entry_fields

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    [activity] = read_file(path)
    fields = entry_fields(activity, "run", "km", "Europe/London")
    assert all(value == value and value not in (float("inf"), float("-inf")) for value in fields.values())
    assert fields["date"].year == 2026


def test_an_unexpected_parser_crash_is_that_files_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import plangen.logimport.gpx as gpx

    def crash(data: bytes, name: str) -> list:  # type: ignore[type-arg]
        raise RecursionError("deep inside a parser")

    monkeypatch.setattr(gpx, "read_gpx", crash)
    bad, good = good_and_bad(tmp_path, "any.gpx", EASY_GPX)
    log = tmp_path / "kim.log.yaml"
    result = import_cli(str(bad), str(good), "--into", str(log))
    assert result.exit_code == 1
    assert_good_one_imported(result, log, bad)
    assert "could not be read: the file looks damaged (RecursionError)" in result.stderr


@pytest.mark.parametrize("error", [AssertionError, TypeError, ValueError, KeyError])
def test_fitdecode_slips_are_a_corrupt_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: type) -> None:
    import datetime as dt

    import fitdecode
    from fit_files import make_fit

    def broken(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        raise error("fitdecode tripped")
        yield

    monkeypatch.setattr(fitdecode.FitReader, "__iter__", broken)
    bad, good = good_and_bad(tmp_path, "watch.fit", make_fit(dt.datetime(2026, 11, 22, 6, 30, tzinfo=dt.UTC)))
    log = tmp_path / "kim.log.yaml"
    result = import_cli(str(bad), str(good), "--into", str(log))
    assert_good_one_imported(result, log, bad)
    assert f"corrupt FIT file: the decoder could not read it ({error.__name__})" in result.stderr


def test_a_huge_gpx_is_refused_by_its_size_before_parsing(tmp_path: Path) -> None:
    import os
    import time

    bad, good = good_and_bad(tmp_path, "huge.gpx", EASY_GPX)
    os.truncate(bad, 95_000_000)  # sparse: parsing it would take half a minute and a gigabyte
    log = tmp_path / "kim.log.yaml"
    began = time.perf_counter()
    result = import_cli(str(bad), str(good), "--into", str(log))
    assert time.perf_counter() - began < 5
    assert_good_one_imported(result, log, bad)
    assert "95 MB, more than the 25 MB a day-long recording takes: not read" in result.stderr


def test_start_time_is_written_in_the_runners_time_zone(tmp_path: Path) -> None:
    import datetime as dt

    from fit_files import make_fit

    from plangen.sources.runner import load_log

    (tmp_path / "kim.yaml").write_text(GOOD + "timezone: Europe/London\n", encoding="utf-8")
    late = tmp_path / "late.fit"  # 23:30 UTC in June is 00:30 the next day in London
    late.write_bytes(make_fit(dt.datetime(2026, 6, 10, 23, 30, tzinfo=dt.UTC)))
    result = import_cli(str(late), "--profile", str(tmp_path / "kim.yaml"))
    [entry] = load_log(tmp_path / "kim.log.yaml").entries
    assert (entry.date, entry.start_time) == (dt.date(2026, 6, 11), "2026-06-11T00:30:00+01:00")
    assert "this computer's time zone" not in result.output


def test_without_a_profile_the_import_says_whose_time_zone_it_used(tmp_path: Path) -> None:
    result = import_cli(str(ACTIVITIES / "easy-run.gpx"), "--into", str(tmp_path / "kim.log.yaml"))
    assert result.exit_code == 0
    assert "note: start times are in this computer's time zone" in result.stdout


def test_implausible_and_old_sessions_are_pointed_out(tmp_path: Path) -> None:
    import datetime as dt

    from fit_files import make_fit

    folder = tmp_path / "watch"
    folder.mkdir()
    (folder / "blip.fit").write_bytes(make_fit(dt.datetime(2026, 11, 1, 7, tzinfo=dt.UTC), timer_s=14, elapsed_s=14, distance_m=10))
    (folder / "ride.fit").write_bytes(make_fit(dt.datetime(2026, 11, 3, 7, tzinfo=dt.UTC), timer_s=1800, elapsed_s=1800, distance_m=15000))
    for year in (2010, 2013, 2017):
        (folder / f"{year}.fit").write_bytes(make_fit(dt.datetime(year, 5, 2, 7, tzinfo=dt.UTC)))
    result = import_cli(str(folder), "--into", str(tmp_path / "kim.log.yaml"))
    assert result.stdout.startswith("imported 5 new, 0 already in the log")
    assert "note: blip.fit: only 14 seconds long: is it a real session?" in result.stdout
    assert "note: ride.fit: a pace of 2:00 per km is faster than any runner: was it a ride?" in result.stdout
    assert "note: import: 3 of the 5 imported sessions are more than a year old (2010-05-02 to 2017-05-02)" in result.stdout


# --- themes and content --------------------------------------------------------------------------


def theme(tmp_path: Path, name: str, text: str) -> Path:
    folder = tmp_path / "templates"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_a_theme_cannot_run_code(tmp_path: Path) -> None:
    from plangen.errors import BuildError
    from plangen.render.environment import make_environment, render_template

    marker = tmp_path / "ran"
    folder = theme(tmp_path, "evil.html", "{{ lipsum.__globals__['os'].popen('touch " + str(marker) + "').read() }}")
    with pytest.raises(BuildError) as info:
        render_template(make_environment(folder), "evil.html")
    assert "SecurityError" in str(info.value) and "__globals__" in str(info.value)
    assert not marker.exists()


def test_a_theme_cannot_call_mutating_methods_on_its_data(tmp_path: Path) -> None:
    from plangen.errors import BuildError
    from plangen.render.environment import make_environment, render_template

    folder = theme(tmp_path, "grab.html", "{{ plan.update({'x': 1}) }}{% set words = [] %}{{ words.append('ok') }}")
    with pytest.raises(BuildError, match="SecurityError"):
        render_template(make_environment(folder), "grab.html", plan={})


def test_a_template_linked_outside_the_theme_is_never_read(tmp_path: Path) -> None:
    from plangen.errors import BuildError
    from plangen.render.environment import make_environment, render_template

    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    folder = theme(tmp_path, "page.html", "{% include 'leak.html' %}")
    (folder / "leak.html").symlink_to(secret)
    with pytest.raises(BuildError) as info:
        render_template(make_environment(folder), "page.html")
    assert "'leak.html' is a link to a file outside the theme folders; it was not read" in str(info.value)
    assert "TOP-SECRET" not in str(info.value)


@pytest.mark.parametrize("name", ["../secret.txt", "/etc/passwd", "sub/../../secret.txt"])
def test_template_names_cannot_leave_the_theme(tmp_path: Path, name: str) -> None:
    from plangen.errors import BuildError
    from plangen.render.environment import make_environment, render_template

    (tmp_path / "secret.txt").write_text("TOP-SECRET")
    folder = theme(tmp_path, "page.html", "{% include '" + name + "' %}")
    with pytest.raises(BuildError) as info:
        render_template(make_environment(folder), "page.html")
    assert "TOP-SECRET" not in str(info.value)


def test_one_environment_per_theme_folder_that_still_sees_edits(tmp_path: Path) -> None:
    import os

    from plangen.render.environment import make_environment, render_template

    folder = theme(tmp_path, "page.html", "one")
    env = make_environment(folder)
    assert make_environment(tmp_path / "templates" / ".." / "templates") is env
    assert make_environment(None) is make_environment(None) is not env
    assert render_template(env, "page.html") == "one"
    (folder / "page.html").write_text("two")
    os.utime(folder / "page.html", (1, 1))  # a different mtime, as an editor's save gives (serve rebuilds)
    assert render_template(env, "page.html") == "one"  # within one render pass a template is read once
    assert render_template(make_environment(folder), "page.html") == "two"  # the next pass sees the edit


def test_build_with_a_hostile_theme_fails_cleanly(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from plangen.cli import main

    root = Path(__file__).parents[1]
    (tmp_path / "secret.txt").write_text("TOP-SECRET")
    folder = theme(tmp_path, "flare-up.html", "{{ lipsum.__globals__['os'].popen('id').read() }}")
    (folder / "diary.html").symlink_to(tmp_path / "secret.txt")
    result = CliRunner().invoke(main, ["build", str(root / "profiles" / "sam.yaml"), "--no-pdf",
                                       "--root", str(tmp_path), "-o", str(tmp_path / "site")])
    assert result.exit_code in (1, 2) and isinstance(result.exception, SystemExit), result.output
    assert "template error:" in result.output
    assert "TOP-SECRET" not in result.output and "uid=" not in result.output
    site = tmp_path / "site"
    assert not any("TOP-SECRET" in p.read_text(errors="ignore") for p in site.rglob("*") if p.is_file())


@pytest.mark.parametrize(
    "link",
    ["[see](../../etc/passwd)", "[see](file:///etc/passwd)", "[see](week-01.html)", "[see](//host/share/x)",
     "<file:///etc/passwd>", "![see](../secret.png)", "[see](FILE:///C:/x)"],
)
def test_card_links_never_become_local_paths(link: str) -> None:
    from plangen.render.markdown import render_markdown

    html = render_markdown(f"Try this: {link} today.")
    assert "href" not in html and "src" not in html and "passwd" not in html and "file:" not in html.lower()
    assert html.startswith("<p>Try this:")


def test_card_links_to_the_web_and_the_page_stay() -> None:
    from plangen.render.markdown import render_markdown

    html = render_markdown("[a](https://example.org) [b](#dose) [c](mailto:a@b.c) <https://ok.org>")
    assert html.count("<a href=") == 4


# --- inputs people actually type: the scaffold and the examples -----------------------------------

PROFILES = Path(__file__).parents[1] / "profiles"
QUESTION_SECTIONS = ("runner", "baseline", "symptoms", "screening", "readiness")


def asked(data: dict, section: str) -> set[str]:  # type: ignore[type-arg]
    return set(data.get(section) or {})


def unanswered_checks(path: Path) -> list[str]:
    from plangen.build import load_library, plan_for

    plan = plan_for(load_runner(path), load_library(Path(__file__).parents[1]))
    return [check.text for check in plan.readiness_checklist if check.answer == "not_answered"]


def test_new_asks_every_question_the_planner_reads(tmp_path: Path) -> None:
    import datetime as dt

    from plangen.cli.scaffold import scaffold
    from plangen.sources.models import Profile, model_fields_at

    profile = scaffold("kim", tmp_path, dt.date(2026, 11, 30))[0]
    data = read_yaml(profile).data
    for section in QUESTION_SECTIONS:
        unread = {"bmi"} if section == "runner" else set()  # the planner never reads it
        assert asked(data, section) == set(model_fields_at(Profile, (section,))) - unread, section
    lines = profile.read_text().splitlines()
    screening = lines[lines.index(next(line for line in lines if line.startswith("screening:"))) + 1:]
    assert all("#" in line for line in screening[:13]), "every screening question is explained"
    assert unanswered_checks(profile) == []


@pytest.mark.parametrize("name", ["sam", "jo", "lee"])
def test_examples_answer_every_question(name: str) -> None:
    from plangen.sources.models import Profile, model_fields_at

    data = read_yaml(PROFILES / f"{name}.yaml").data
    for section in ("screening", "readiness"):
        assert asked(data, section) == set(model_fields_at(Profile, (section,))), section
    assert "worst_daily_pain" in data["symptoms"]
    assert unanswered_checks(PROFILES / f"{name}.yaml") == []


@pytest.mark.parametrize("path", sorted(PROFILES.glob("*.yaml")), ids=lambda p: p.name)
def test_example_headers_point_at_no_missing_file(path: Path) -> None:
    import re

    for target in re.findall(r"\$schema=(\S+)", path.read_text()):
        assert (path.parent / target).is_file(), f"{path.name} points at {target}, which is not there"


def test_a_sibling_log_linked_to_a_file_that_is_not_yaml_is_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "passwd"
    secret.write_text("root:TOP-SECRET:0:0\n")
    (tmp_path / "kim.log.yaml").symlink_to(secret)
    message = problems(write(tmp_path, GOOD))
    assert f"expected a .yaml file, found a link to 'passwd'\n  File \"{tmp_path / 'kim.log.yaml'}\"" in message
    assert "TOP-SECRET" not in message
