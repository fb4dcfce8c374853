"""Strict YAML and input validation: every problem located, worded for people, all at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from plangen.errors import InputError
from plangen.sources.runner import load_runner
from plangen.sources.yamlreader import read_yaml

GOOD = """\
id: kim
availability:
  run_days: [mon, thu]
start: 2026-12-07
"""


def write(tmp_path: Path, text: str, name: str = "kim.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems(path: Path) -> str:
    with pytest.raises(InputError) as info:
        load_runner(path)
    return info.value.format_message()


def test_yaml_1_1_surprises_stay_strings(tmp_path: Path) -> None:
    doc = read_yaml(write(tmp_path, "a: no\nb: 36:00\nc: on\nd: 012\n"))
    assert doc.data == {"a": "no", "b": "36:00", "c": "on", "d": 12}


def test_duplicate_keys_are_refused_with_both_lines(tmp_path: Path) -> None:
    message = problems(write(tmp_path, GOOD + "start: 2026-12-14\n"))
    assert "start: expected each key once, found a second 'start' (first on line 4)" in message
    assert ", line 5" in message


def test_aliases_are_refused(tmp_path: Path) -> None:
    bomb = 'a: &a ["x","x"]\nb: &b [*a,*a]\nc: [*b,*b]\n'
    assert "expected no YAML aliases (*name), found an alias" in problems(write(tmp_path, bomb))


def test_python_tags_are_refused(tmp_path: Path) -> None:
    message = problems(write(tmp_path, "id: !!python/object/apply:os.system ['echo hi']\n"))
    assert "expected plain YAML values" in message and ", line 1" in message


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ("weeks: 20\n", "weeks: expected a value at most 16, found 20"),
        ("units: miles\n", "units: expected one of 'km' or 'mi', found 'miles'"),
        ("anonymous: no\n", "anonymous: expected true or false, found 'no'"),
        ("runner: {age: '34'}\n", "runner.age: expected a whole number, found '34'"),
        ("symptoms: {worst_pain_last_week: 11}\n", "symptoms.worst_pain_last_week: expected a value at most 10, found 11"),
        ("runner: {nmae: Kim}\n", "runner.nmae: expected one of: name, age, experience, knee, bmi, found the unknown key 'nmae' (did you mean 'name'?)"),
        ("rules: {deload_evry: 3}\n", "rules: expected a known rule setting, found 'deload_evry' (did you mean 'deload_every'?)"),
        ("timezone: Mars/Base\n", "timezone: expected an IANA time zone such as Europe/London, found 'Mars/Base'"),
    ],
)
def test_field_errors_name_field_expected_and_found(tmp_path: Path, extra: str, expected: str) -> None:
    message = problems(write(tmp_path, GOOD + extra))
    assert expected in message
    assert f'File "{tmp_path / "kim.yaml"}", line 5' in message


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    message = problems(write(tmp_path, GOOD + "weeks: 2\nunits: parsecs\nstart_date: 2026-01-01\n"))
    assert message.count("error:") == 3 and message.endswith("3 problems found")


def test_log_errors_point_into_the_log_file(tmp_path: Path) -> None:
    write(tmp_path, "entries:\n  - {date: 2026-11-02, activity: run, distance: -3, pain: {during: 12}}\n  - {date: 2026-02-30, activity: jog}\n", "kim.log.yaml")
    message = problems(write(tmp_path, GOOD))
    assert "entries[0].distance: expected a value at least 0, found -3" in message
    assert "entries[0].pain.during: expected a value at most 10, found 12" in message
    assert "entries[1].date: expected a real date as YYYY-MM-DD, found '2026-02-30'" in message
    assert "entries[1].activity: expected one of" in message
    assert "kim.log.yaml\", line 3" in message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "expected a YAML mapping, found an empty document"),
        ("a: [1, 2\n", "expected ',' or ']', found '<stream end>' (the list [ that began on line 1 is not closed)"),
        ("- just\n- a list\n", "expected a YAML mapping of keys to values, found a list"),
    ],
)
def test_broken_files(tmp_path: Path, text: str, expected: str) -> None:
    assert expected in problems(write(tmp_path, text))


def test_missing_log_file_is_named_at_the_profiles_log_line(tmp_path: Path) -> None:
    message = problems(write(tmp_path, GOOD + "log: nowhere.log.yaml\n"))
    assert f"log: expected an existing log file, found no file at {tmp_path / 'nowhere.log.yaml'}" in message
    assert f'File "{tmp_path / "kim.yaml"}", line 5\n    log: nowhere.log.yaml' in message


def test_an_id_that_could_escape_the_output_folder_is_refused(tmp_path: Path) -> None:
    message = problems(write(tmp_path, GOOD.replace("id: kim", "id: ../../etc")))
    assert "id: expected up to 64 letters, digits and '-', starting with a letter or digit, found '../../etc'" in message


def test_duration_formats(tmp_path: Path) -> None:
    write(tmp_path, "entries:\n  - {date: 2026-11-02, activity: run, duration: '1:02:30'}\n  - {date: 2026-11-03, activity: run, duration: 40}\n", "kim.log.yaml")
    runner = load_runner(write(tmp_path, GOOD))
    assert [e.minutes for e in runner.log.entries] == [62.5, 40.0]
