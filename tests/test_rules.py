"""A clinic's rule overrides: each in range, whole where the words print whole numbers, and in order."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from plangen.cli import main
from plangen.rules import THRESHOLDS, WHOLE_NUMBERS, Settings, order_problems, override_problems

ROOT = Path(__file__).resolve().parents[1]


def test_the_defaults_are_in_range_whole_where_they_must_be_and_in_order() -> None:
    assert override_problems({key: t.default for key, t in THRESHOLDS.items()}) == []
    assert WHOLE_NUMBERS <= set(THRESHOLDS)
    assert order_problems(Settings()) == []


def test_a_pain_limit_must_be_a_whole_number() -> None:
    # "5/10 or more" is what the pages say: 5.5 would print a limit the planner does not use.
    assert override_problems({"red_pain_min": 5.5}) == ["red_pain_min as a whole number, found 5.5"]
    assert override_problems({"red_pain_min": 6}) == []


@pytest.mark.parametrize("overrides, words", [
    ({"green_pain_max": 4, "red_pain_min": 5}, "green_pain_max at least 2 below red_pain_min"),
    ({"cadence_first_step": 0.05, "cadence_max_step": 0.05 - 0.01}, None),  # out of range first
    ({"break_medium_weeks": 6, "break_long_weeks": 6}, "break_medium_weeks at least 1 below break_long_weeks"),
    ({"weekly_increase_max": 0.3, "two_week_increase_max": 0.2}, "weekly_increase_max at least 0 below two_week_increase_max"),
])
def test_settings_out_of_order_are_refused(overrides: dict[str, float], words: str | None) -> None:
    problems = override_problems(overrides)
    assert problems
    if words:
        assert any(words in p for p in problems), problems


def _project(tmp_path: Path, clinic_rules: str, profile_rules: str) -> Path:
    (tmp_path / "plangen.yaml").write_text(f"rules: {clinic_rules}\n")
    profiles = tmp_path / "profiles"
    profiles.mkdir()
    text = (ROOT / "profiles" / "sam.yaml").read_text()
    (profiles / "sam.yaml").write_text(text + f"\nrules: {profile_rules}\n" if "\nrules:" not in text else text)
    (profiles / "sam.log.yaml").write_text((ROOT / "profiles" / "sam.log.yaml").read_text())
    return tmp_path


def test_a_profile_and_its_clinic_must_agree_once_combined(tmp_path: Path) -> None:
    # Each file is fine against the defaults (clinic red 4 over green 2; runner green 3 under red 5),
    # but together no amber band is left: a located error on the profile, exit 2.
    project = _project(tmp_path, "{red_pain_min: 4}", "{green_pain_max: 3}")
    result = CliRunner().invoke(main, ["validate", "--root", str(project), str(project / "profiles" / "sam.yaml")])
    assert result.exit_code == 2, result.output
    assert "green_pain_max at least 2 below red_pain_min" in result.stderr and "found 3 and 4" in result.stderr
    assert "sam.yaml" in result.stderr and "plangen.yaml" in result.stderr
