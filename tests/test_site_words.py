"""Words follow the settings: with every stated threshold overridden, no runner page and no calendar event
states a default figure, and the overridden figures appear where the defaults used to (issue 13, fault 1)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from plangen.cli import main

ROOT = Path(__file__).resolve().parents[1]
OVERRIDES = {
    "weekly_increase_max": 0.05,
    "cadence_first_step": 0.03,
    "cadence_max_step": 0.08,
    "flare_cut_min": 0.2,
    "review_week": 8,
    "red_pain_min": 6,
    "red_wait_hours": 72,
}
# Each default as a sentence would state it; none may appear once the setting is changed.
DEFAULT_FIGURES = {
    "weekly_increase_max 10%": r"(?<![-–])\b10 ?(%|percent)",  # not a load range such as "5-10% heavier"
    "single run 1.10 x (weekly cap wording)": r"\b1\.10?\s*[x×]",
    "cadence_first_step +5%": r"\+\s?5 ?%",
    "review_week 6 weeks": r"\b6 weeks",
    "red_pain_min 5 or more": r"\b5(/10| out of 10)? or more",
    "red_pain_min 5+": r"\b5\+",
    "red_wait_hours 48": r"\b48\b",
    "red wait 2 days": r"at least 2 days|wait 2 days",
}


def build(root: Path, out: Path, overrides: dict[str, float] | None) -> Path:
    """sam's profile and log copied to ``root`` (with ``rules:`` when given), built without a PDF."""
    for name in ("sam.yaml", "sam.log.yaml"):
        shutil.copy(ROOT / "profiles" / name, root / name)
    if overrides:
        rules = ", ".join(f"{key}: {value:g}" for key, value in overrides.items())
        with (root / "sam.yaml").open("a", encoding="utf-8") as profile:
            profile.write(f"rules: {{{rules}}}\n")
    result = CliRunner().invoke(main, ["-q", "build", str(root / "sam.yaml"), "--root", str(ROOT), "-o", str(out), "--no-pdf"])
    assert result.exit_code == 0, result.output
    return out / "sam"


def runner_texts(plan_dir: Path) -> dict[str, str]:
    """The plan's pages the runner reads, as visible text, and the calendar. Not the clinician page (it lists the
    defaults on purpose) and not the exercise cards, whose text is the library's content, not the plan's words."""
    texts = {}
    for page in sorted(plan_dir.glob("*.html")):
        if page.name != "clinician.html":
            html = page.read_text(encoding="utf-8")
            html = re.sub(r"<script>.*?</script>", " ", html, flags=re.S)
            texts[page.relative_to(plan_dir).as_posix()] = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    ics = (plan_dir / "plan.ics").read_text(encoding="utf-8")
    texts["plan.ics"] = re.sub(r"\r?\n[ \t]", "", ics).replace("\\n", " ").replace("\\,", ",").replace("\\;", ";")
    return texts


@pytest.fixture(scope="module")
def overridden(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    root = tmp_path_factory.mktemp("overridden")
    return runner_texts(build(root, root / "site", OVERRIDES))


@pytest.fixture(scope="module")
def default_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("defaults")
    return build(root, root / "site", None)


@pytest.fixture(scope="module")
def defaults(default_site: Path) -> dict[str, str]:
    return runner_texts(default_site)


def found(texts: dict[str, str]) -> dict[str, list[str]]:
    hits: dict[str, list[str]] = {}
    for name, text in texts.items():
        for what, pattern in DEFAULT_FIGURES.items():
            for match in re.finditer(pattern, text):
                hits.setdefault(name, []).append(f"{what}: …{text[max(0, match.start() - 60):match.end() + 30]}…")
    return hits


def test_default_figures_show_in_a_default_build(defaults: dict[str, str]) -> None:
    # The patterns must find the defaults where they are stated, or the next test proves nothing.
    hits = found(defaults)
    stated = {line.split(":")[0] for lines in hits.values() for line in lines}
    assert {"weekly_increase_max 10%", "cadence_first_step +5%", "review_week 6 weeks", "red_pain_min 5 or more"} <= stated


def test_no_default_figure_shows_once_every_threshold_is_overridden(overridden: dict[str, str]) -> None:
    assert found(overridden) == {}


def test_the_overridden_figures_are_what_the_pages_state(overridden: dict[str, str]) -> None:
    everything = " ".join(overridden.values())
    assert "up to 5%" in everything  # a volume week's one change
    assert "+3%" in everything  # the first cadence step
    assert "about 8 weeks" in overridden["flare-up.html"]
    assert "at least 20% less running" in overridden["flare-up.html"]
    assert "6 or more out of 10" in overridden["index.html"]
    assert "at least 3 days" in overridden["index.html"]
    assert "6 or more" in overridden["plan.ics"]


CLINICIAN_ONLY = {"rule id": r"\bR\d{1,2}a?\b", "settings key": r"\b[a-z]+(?:_[a-z0-9]+)+\b", "ACWR": r"ACWR|[Aa]cute.{0,5}chronic",
                  "citation": r"\b(?:19|20)\d\d\b(?= (?:JOSPT|BJSM|IJSPT|RCT|review|consensus|CPG))|Source:"}


def test_runner_pages_carry_plain_words_and_the_clinician_page_the_rules(defaults: dict[str, str], default_site: Path) -> None:
    hits = {f"{name}: {what}": re.findall(pattern, text)[:3] for name, text in defaults.items() if name != "plan.ics"
            for what, pattern in CLINICIAN_ONLY.items() if re.search(pattern, text)}
    assert hits == {}
    clinician = (default_site / "clinician.html").read_text(encoding="utf-8")
    for pattern in CLINICIAN_ONLY.values():
        assert re.search(pattern, clinician), pattern
    assert 'href="clinician.html"' in (default_site / "index.html").read_text(encoding="utf-8")
