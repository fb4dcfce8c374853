"""Issue #16: every bad input a person types, or an attacker plants, gets a located error, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from plangen.errors import InputError
from plangen.sources import yamlreader
from plangen.sources.runner import load_runner
from plangen.sources.yamlreader import parse_yaml, read_yaml

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


def yaml_problem(tmp_path: Path, text: str) -> str:
    with pytest.raises(InputError) as info:
        read_yaml(write(tmp_path, text))
    return info.value.format_message()


def problems(path: Path) -> str:
    with pytest.raises(InputError) as info:
        load_runner(path)
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
