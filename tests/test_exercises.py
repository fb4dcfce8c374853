"""The exercise library: card validation, link integrity, figures, Markdown safety and the CLI."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import get_args

import pytest
from click.testing import CliRunner, Result
from pydantic import ValidationError

from plangen.cli.exercises import exercises
from plangen.errors import InputError
from plangen.sources.exercise_models import EQUIPMENT, Aggravator, Role
from plangen.sources.library import Exercise, Library, load_card, load_library
from plangen.render.cards import draw
from plangen.render.figures import render_svg
from plangen.render.markdown import is_safe_link, render_markdown
from plangen.resources import content_dir

LIBRARY_DIR = Path(__file__).resolve().parents[1] / "content" / "exercises"
SVG = "{http://www.w3.org/2000/svg}"

REQUIRED = {
    "side-lying-hip-abduction", "clamshell", "banded-lateral-walk", "side-plank-knees", "side-plank",
    "single-leg-bridge", "glute-bridge", "hip-thrust", "standing-hip-abduction",
    "forward-step-down-low", "forward-step-down-high", "lateral-step-down", "split-squat", "box-squat",
    "wall-sit", "spanish-squat", "leg-press", "step-up", "terminal-knee-extension", "straight-leg-raise",
    "single-leg-rdl", "hamstring-bridge-walkout", "calf-raise-double", "calf-raise-single",
    "bent-knee-calf-raise", "nordic-hamstring-lower",
    "hip-flexor-stretch", "calf-stretch", "soleus-stretch", "knee-to-wall", "quad-stretch",
    "foam-roll-quads", "foam-roll-calves", "diaphragmatic-breathing",
    "fast-leg-marches", "high-knees", "a-skips", "leg-swings", "cadence-drill", "shake-out-walk", "alignment-check",
    "cycling", "pool-running", "elliptical", "swimming",
}


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(LIBRARY_DIR)


# --- A small valid card to break on purpose --------------------------------------------------

CARD = """\
---
id: {id}
name: Test card
category: strength
level: {level}
roles: [hip_extensor]
targets: [hip]
muscles: [gluteus maximus]
equipment: [mat]
aggravators: []
dosage:
  - {{stage: 1, sets: 2, reps: 8, tempo: "3-1-1", rest_s: 60}}
  - {{stage: 2, sets: 3, reps: 10, tempo: "3-1-1", rest_s: 60}}
  - {{stage: 3, sets: 3, reps: 12, tempo: "3-1-1", rest_s: 60}}
  - {{stage: 4, sets: 3, reps: 10, tempo: "3-1-1", rest_s: 90, load: "a 5 kg weight"}}
easier: {easier}
harder: {harder}
cues: ["Push through the heels", "Squeeze your bottom", "Lower slowly"]
faults:
  - {{fault: "Back arches", fix: "Tighten your belly"}}
  - {{fault: "Knees fall in", fix: "Keep knees over toes"}}
pain_rule: "Knee pain up to 2/10 is fine; over 5/10 use the easier card."
pose:
  start: {{hip: [0, 5], trunk: 270, near_leg: {{end: [30, 3]}}, far_leg: {{end: [30, 3]}}}}
  end: {{hip: [0, 20], trunk: 295, near_leg: {{end: [30, 3]}}, far_leg: {{end: [30, 3]}}}}
---
## How to do it

1. Lie on your back.
2. Lift your hips.
"""


def write_card(folder: Path, card_id: str, *, level: int = 1, easier: str = "null", harder: str = "null",
               replace: tuple[tuple[str, str], ...] = (), name: str | None = None) -> Path:
    text = CARD.format(id=card_id, level=level, easier=easier, harder=harder)
    for old, new in replace:
        assert old in text, old
        text = text.replace(old, new)
    path = folder / f"{name or card_id}.md"
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(InputError) as caught:
        load_library(folder)
    return [problem.format() for problem in caught.value.problems]


def line_of(path: Path, start: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if line.startswith(start))


# --- The real library ------------------------------------------------------------------------


def test_library_has_every_required_card(library: Library) -> None:
    assert len(library) >= 38
    assert REQUIRED <= set(library), sorted(REQUIRED - set(library))
    assert {card.category for card in library.values()} == {"strength", "mobility", "drill", "cross_training"}


def test_links_are_consistent_and_levels_rise(library: Library) -> None:
    for card in library.values():
        if card.harder:
            harder = library[card.harder]
            assert harder.easier == card.id and harder.level > card.level, card.id
        if card.easier:
            easier = library[card.easier]
            assert easier.harder == card.id and easier.level < card.level, card.id


def chain(library: Library, card_id: str) -> list[str]:
    """The progression ``card_id`` belongs to, easiest first, by the cards' easier/harder links."""
    card = library[card_id]
    while card.easier is not None:
        card = library[card.easier]
    found = [card.id]
    while library[found[-1]].harder is not None:
        found.append(str(library[found[-1]].harder))
    return found


def test_chains_end_and_start_with_the_card_itself(library: Library) -> None:
    for card_id in library:
        chain_ids = chain(library, card_id)
        assert card_id in chain_ids and len(chain_ids) == len(set(chain_ids))
        assert [library[c].level for c in chain_ids] == sorted(library[c].level for c in chain_ids)


def test_strength_doses_follow_r31(library: Library) -> None:
    for card in library.filter(category="strength"):
        assert [d.step for d in card.dosage] == [1, 2, 3, 4]
        for dose in card.dosage:
            assert dose.sets and 60 <= (dose.rest_s or 0) <= 120, card.id
            if dose.reps is not None:
                assert 8 <= dose.reps <= 12, card.id
                assert dose.tempo and int(dose.tempo.split("-")[0]) in (2, 3), card.id


def test_vocabularies_are_the_planners(library: Library) -> None:
    for card in library.values():
        assert set(card.roles) <= set(get_args(Role))
        assert set(card.equipment) <= set(EQUIPMENT)
        assert set(card.aggravators) <= set(get_args(Aggravator))
        assert re.fullmatch(r"[a-z0-9-]+", card.id)


def test_every_strength_session_can_be_built(library: Library) -> None:
    """R32: a hip abductor/rotator and a knee extensor exist even with no equipment at all."""
    bare = library.filter(category="strength", available=())
    roles = {role for card in bare for role in card.roles}
    assert {"hip_abductor", "knee_extensor", "hip_extensor", "calf", "hamstring"} <= roles


def test_cross_training_cards_say_how_to_swap(library: Library) -> None:
    cards = library.filter(category="cross_training")
    assert {c.id for c in cards} == {"cycling", "pool-running", "elliptical", "swimming"}
    for card in cards:
        assert card.substitute and "minute for minute" in card.substitute and "pain rules" in card.substitute
        assert all(d.duration_min for d in card.dosage)
    assert "saddle" in library["cycling"].body.lower()


def test_pain_rules_use_the_traffic_light(library: Library) -> None:
    # The plan's own limits, not figures: a clinic's rules change them (issue 13).
    for card in library.filter(category="strength"):
        rule = card.pain_rule
        assert "{green_pain_max}/10" in rule and "{strength_pain_max}/10" in rule and "next morning" in rule, card.id


def test_placeholders_are_filled_with_the_words_given(library: Library) -> None:
    from plangen.rules import THRESHOLDS
    from plangen.wording.numbers import setting_words

    limits = {key: t.default for key, t in THRESHOLDS.items()} | {"green_pain_max": 1, "cadence_first_step": 0.03}
    card = library["cadence-drill"].filled(setting_words(limits))
    assert "up to 1/10 is fine" in card.pain_rule and "At 5/10 or more" in card.pain_rule
    assert "about 3% more than your usual" in card.body and "towards 10% more only once 3%" in card.body
    assert card.faults[-1].fix == "Drop back to 3% more than your usual count"
    texts = [card.body, card.pain_rule, *card.cues, *(f.fault + f.fix for f in card.faults)]
    assert not any("{" in text for text in texts) and "{" in library["cadence-drill"].body  # the library's card is unchanged


@pytest.mark.parametrize("where, text, line", [
    ("pain_rule", 'pain_rule: "Keep knee pain at {green_pain_mx}/10 or less, always, every time."', 0),
    ("body", "Keep it under {rest_pain}/10.", 0),
    ("dosage[0].load", None, 13),
])
def test_an_unknown_placeholder_is_a_located_library_error(tmp_path: Path, where: str, text: str | None, line: int) -> None:
    source = (LIBRARY_DIR / "glute-bridge.md").read_text()
    if where == "pain_rule":
        source = re.sub(r"^pain_rule: .*$", text, source, count=1, flags=re.M)
    elif where == "body":
        source = source.rstrip("\n") + "\n\n" + text + "\n"
    else:
        source = source.replace("load: bodyweight}", 'load: "{green_pain_max} more"}', 1)
    path = tmp_path / "glute-bridge.md"
    path.write_text(source)
    with pytest.raises(InputError) as caught:
        load_card(path)
    [problem] = caught.value.problems
    assert problem.field == where and problem.file == path
    if where == "pain_rule":
        assert problem.found == "{green_pain_mx}" and "did you mean '{green_pain_max}'" in problem.hint
        assert problem.line == source.splitlines().index(text) + 1
    elif where == "body":
        assert problem.found == "{rest_pain}" and problem.line == len(source.splitlines()) and problem.source_line == text
    else:
        assert "without a {placeholder}" in problem.expected and problem.line == line


def test_no_card_prescribes_what_r7_forbids(library: Library) -> None:
    banned = re.compile(r"\b(TENS|ultrasound|dry needling|brace|bracing|complete rest|180 steps)\b", re.IGNORECASE)
    for card in library.values():
        text = " ".join([card.body, card.pain_rule, card.substitute or "", *card.cues])
        assert not banned.search(text.replace("Never aim for a fixed number such as 180", "")), card.id


# --- Library helpers -------------------------------------------------------------------------


def test_filters(library: Library) -> None:
    assert all(c.category == "mobility" for c in library.filter(category="mobility"))
    assert {c.id for c in library.filter(equipment="band")} >= {"banded-lateral-walk", "spanish-squat"}
    no_kit = library.filter(available=[])
    assert "wall-sit" in {c.id for c in no_kit}  # a wall counts as household
    assert "leg-press" not in {c.id for c in no_kit}
    assert not any("stairs" in c.aggravators for c in library.filter(avoid=["stairs"]))
    assert all("hip_abductor" in c.roles for c in library.filter(role="hip_abductor"))


def test_dose_by_stage(library: Library) -> None:
    card = library["single-leg-bridge"]
    assert card.dose(1).reps == 8 and card.dose(2).sets == 3
    assert card.dose(7) == card.dose(4) and card.dose(0) == card.dose(1)
    assert card.dose(2).amount == "3 x 10 reps"


def test_library_is_a_frozen_mapping(library: Library) -> None:
    with pytest.raises(TypeError):
        library["x"] = library["clamshell"]  # type: ignore[index]
    with pytest.raises(ValidationError):
        library["clamshell"].level = 3


# --- Figures ---------------------------------------------------------------------------------


@pytest.mark.parametrize("path", sorted(LIBRARY_DIR.glob("*.md")), ids=lambda p: p.stem)
def test_every_figure_is_valid_accessible_svg(path: Path) -> None:
    card, _ = load_card(path)
    svg = draw(card).svg
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    title = root.find(f"{SVG}title")
    assert title is not None and title.text == f"{card.name}: start and end positions"
    assert root.get("aria-labelledby") == title.get("id") == f"fig-{card.id}-title"
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert texts[:1] == ["Start"] and "End" in texts
    assert "href" not in svg and "<script" not in svg and "url(" not in svg


@pytest.mark.parametrize("card_id", ["glute-bridge", "cadence-drill", "pool-running"])
def test_each_pose_is_its_own_accessible_svg_showing_one_panel(library: Library, card_id: str) -> None:
    """The site's two pictures: one panel each, titled start and end, the same drawing as the printed pair's halves."""
    card = library[card_id]
    panels = draw(card).panels
    assert len(panels) == 2
    combined = ET.fromstring(draw(card).svg)
    ids = set()
    for word, svg in zip(("start", "end"), panels):
        root = ET.fromstring(svg)
        title = root.find(f"{SVG}title")
        assert title is not None and title.text == f"{card.name}: {word} position"
        assert root.get("aria-labelledby") == title.get("id") == f"fig-{card.id}-{word}-title" and root.get("role") == "img"
        ids.add(title.get("id"))
        x, _, width, height = (float(v) for v in root.get("viewBox").split())
        assert width == float(root.get("width")) < float(combined.get("width")) / 2 and height == float(combined.get("height"))
        assert [t.text for t in root.iter(f"{SVG}text")][:1] == [word.capitalize()]
        assert all(x - 0.5 <= float(r.get("x")) < x + width for r in root.iter(f"{SVG}rect") if r.get("rx") == "6")
    assert len(ids) == 2  # unique ids on one page


def test_figures_are_deterministic(library: Library) -> None:
    card = library["glute-bridge"]
    again, _ = load_card(LIBRARY_DIR / "glute-bridge.md")
    assert render_svg(card.pose, card.name, card.id) == render_svg(again.pose, again.name, again.id)


# --- Markdown --------------------------------------------------------------------------------


def test_markdown_escapes_raw_html() -> None:
    html = render_markdown("Hi <script>alert(1)</script>\n\n<img src=x onerror=alert(1)>")
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize(
    "link", ["javascript:alert(1)", "JavaScript:alert(1)", "jAvAsCrIpT&#58;alert(1)", "data:text/html,x", "vbscript:x"]
)
def test_markdown_refuses_unsafe_links(link: str) -> None:
    html = render_markdown(f"[click]({link}) and <{link}>")
    assert "<a " not in html


def test_markdown_keeps_safe_links() -> None:
    html = render_markdown("[a](https://example.org) [b](week-01.html) [c](#top) [d](mailto:a@b.c)")
    assert html.count("<a href=") == 3 and " b " in html  # a local path is no link in a plan (issue #16)
    assert not is_safe_link(" java\tscript:x") and not is_safe_link("../exercises/clamshell.html")


# --- Validation messages ---------------------------------------------------------------------


def test_missing_field(tmp_path: Path) -> None:
    write_card(tmp_path, "a", replace=(('pain_rule: "Knee pain up to 2/10 is fine; over 5/10 use the easier card."\n', ""),))
    assert problems_of(tmp_path) == [
        f'error: pain_rule: expected this field (it is required), found nothing\n  File "{tmp_path / "a.md"}", line 2\n    id: a'
    ]


def test_unknown_key_has_did_you_mean_and_real_line(tmp_path: Path) -> None:
    path = write_card(tmp_path, "a", replace=(("aggravators: []", "aggrevators: []"),))
    [message] = problems_of(tmp_path)
    assert message.startswith("error: aggrevators: expected one of: id, name, category")
    assert message.endswith(
        f"found the unknown key 'aggrevators' (did you mean 'aggravators'?)\n"
        f'  File "{path}", line {line_of(path, "aggrevators")}\n    aggrevators: []'
    )
    assert line_of(path, "aggrevators") == 10


def test_unknown_equipment(tmp_path: Path) -> None:
    path = write_card(tmp_path, "a", replace=(("equipment: [mat]", "equipment: [mat, dumbells]"),))
    [message] = problems_of(tmp_path)
    assert message.startswith("error: equipment[1]: expected one of 'band', 'step', 'box', 'dumbbells'")
    assert message.endswith(f"found 'dumbells' (did you mean 'dumbbells'?)\n  File \"{path}\", line 9\n    equipment: [mat, dumbells]")


def test_bad_id(tmp_path: Path) -> None:
    write_card(tmp_path, "Bad_Id", name="bad-id")
    assert problems_of(tmp_path) == [
        (
            "error: id: expected a kebab-case id: lowercase letters, digits and single '-', found 'Bad_Id'\n"
            f'  File "{tmp_path / "bad-id.md"}", line 2\n    id: Bad_Id'
        )
    ]


def test_id_must_match_file_name(tmp_path: Path) -> None:
    write_card(tmp_path, "other", name="card")
    assert problems_of(tmp_path) == [
        f"error: id: expected the file name 'card', found 'other'\n  File \"{tmp_path / 'card.md'}\", line 2\n    id: other"
    ]


def test_broken_link(tmp_path: Path) -> None:
    write_card(tmp_path, "a", harder="no-such-card")
    write_card(tmp_path, "no-such-cart", level=2)
    assert problems_of(tmp_path) == [
        (
            "error: harder: expected the id of another card or null, found no card 'no-such-card' "
            f"(did you mean 'no-such-cart'?)\n  File \"{tmp_path / 'a.md'}\", line 17\n    harder: no-such-card"
        )
    ]


def test_one_way_link_and_falling_level(tmp_path: Path) -> None:
    write_card(tmp_path, "a", level=2, harder="b")
    write_card(tmp_path, "b", level=1)
    where = f'  File "{tmp_path / "a.md"}", line 17\n    harder: b'
    assert problems_of(tmp_path) == [
        f"error: harder: expected 'b' to name 'a' as its easier card, found 'b' has easier: null\n{where}",
        f"error: harder: expected a harder card with a higher level than 2, found 'b' at level 1\n{where}",
    ]


def test_loops_are_reported_once(tmp_path: Path) -> None:
    write_card(tmp_path, "a", harder="a", easier="a")
    messages = problems_of(tmp_path)
    assert any("found a loop: a -> a" in m for m in messages)
    assert len(messages) == 2  # one per direction


def test_strength_reps_and_tempo(tmp_path: Path) -> None:
    path = write_card(tmp_path, "a", replace=(('reps: 12, tempo: "3-1-1"', 'reps: 20, tempo: "1-0-1"'),))
    messages = problems_of(tmp_path)
    where = f'  File "{path}", line {line_of(path, "  - {stage: 3")}\n'
    where += '    - {stage: 3, sets: 3, reps: 20, tempo: "1-0-1", rest_s: 60}'
    assert messages == [
        f"error: dosage[2].reps: expected 8-12 reps for strength (R31), found 20\n{where}",
        f"error: dosage[2].tempo: expected a tempo that lowers over 2-3 s, such as \"3-1-1\", found '1-0-1'\n{where}",
    ]


def test_stages_must_be_one_to_four(tmp_path: Path) -> None:
    write_card(tmp_path, "a", replace=(("{stage: 4,", "{stage: 3,"),))
    [message] = problems_of(tmp_path)
    assert message.startswith("error: dosage: expected one dose for each stage 1, 2, 3 and 4, in that order")


def test_cross_training_needs_a_substitute(tmp_path: Path) -> None:
    write_card(tmp_path, "a", replace=(("category: strength", "category: cross_training"),))
    messages = problems_of(tmp_path)
    assert messages[0].startswith("error: substitute: expected how to swap this in for a run")
    assert any("dosage[0].duration_min" in m for m in messages)


def test_missing_front_matter(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# Just a heading\n", encoding="utf-8")
    assert problems_of(tmp_path) == [
        f"error: expected front matter starting with a '---' line, found '# Just a heading'\n  File \"{tmp_path / 'a.md'}\", line 1"
    ]


def test_yaml_errors_point_at_the_md_line(tmp_path: Path) -> None:
    path = write_card(tmp_path, "a", replace=(("level: 1\n", "level: 1\nlevel: 2\n"),))
    [message] = problems_of(tmp_path)
    assert "expected each key once, found a second 'level' (first on line 5)" in message
    assert f'File "{path}", line 6' in message


def test_problems_from_all_cards_at_once(tmp_path: Path) -> None:
    write_card(tmp_path, "a", replace=(("equipment: [mat]", "equipment: [rope]"),))
    write_card(tmp_path, "b", replace=(("roles: [hip_extensor]", "roles: [glutes]"),))
    with pytest.raises(InputError) as caught:
        load_library(tmp_path)
    assert [(p.file.name, p.field) for p in caught.value.problems] == [("a.md", "equipment[0]"), ("b.md", "roles[0]")]
    assert caught.value.exit_code == 2 and str(caught.value).endswith("2 problems found")


def test_empty_and_missing_folders(tmp_path: Path) -> None:
    assert problems_of(tmp_path) == [f'error: expected at least one exercise card (*.md), found none\n  File "{tmp_path}"']
    assert "no such folder" in problems_of(tmp_path / "nope")[0]


def test_valid_fixture_card_loads(tmp_path: Path) -> None:
    write_card(tmp_path, "a", harder="b")
    write_card(tmp_path, "b", level=2, easier="a")
    lib = load_library(tmp_path)
    assert isinstance(lib["a"], Exercise) and lib["b"].easier == "a"
    assert "<ol>" in draw(lib["a"]).body_html


# --- The command line ------------------------------------------------------------------------


def invoke(*args: str) -> Result:
    return CliRunner().invoke(exercises, list(args))


def test_cli_lists_the_library() -> None:
    result = invoke("--root", str(LIBRARY_DIR.parents[1]))
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["ID", "NAME", "CATEGORY", "LEVEL", "EQUIPMENT"]
    assert any(line.startswith("single-leg-bridge ") for line in lines)
    assert re.fullmatch(r"\d+ exercises", lines[-1]) and int(lines[-1].split()[0]) >= 38
    assert result.stderr == ""


def test_cli_filters() -> None:
    result = invoke("--category", "cross_training")
    assert result.exit_code == 0
    assert [line.split()[0] for line in result.stdout.splitlines()[1:-1]] == ["cycling", "elliptical", "pool-running", "swimming"]
    result = invoke("--equipment", "band", "--category", "strength")
    assert "banded-lateral-walk" in result.stdout and "clamshell" not in result.stdout


def test_cli_rejects_unknown_category() -> None:
    result = invoke("--category", "yoga")
    assert result.exit_code == 2 and "'yoga' is not one of" in result.stderr and result.stdout == ""


def test_cli_shows_one_card() -> None:
    result = invoke("show", "single-leg-bridge")
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("Single-leg bridge (single-leg-bridge)\nCategory: strength   Level: 2")
    assert "  Step 2: 3 x 10 reps each side, tempo 3-1-1, rest 60 s, bodyweight" in out
    for part in ("How to do it:", "1. Lie on your back", "Form cues:", "Common faults:", "Pain rule:",
                 "Easier: glute-bridge   Harder: hip-thrust", "Targets: hip, posterior_chain", "Equipment: mat"):
        assert part in out, part


def test_cli_show_cross_training_has_substitute() -> None:
    assert "Instead of a run: Swap it for a run minute for minute" in invoke("show", "pool-running").stdout


def test_cli_unknown_id_suggests() -> None:
    result = invoke("show", "single-leg-brige")
    assert result.exit_code == 2
    assert "no exercise with the id 'single-leg-brige' (did you mean 'single-leg-bridge'?)" in result.stderr
    assert result.stdout == ""


def test_cli_root_overrides_bundled_library(tmp_path: Path) -> None:
    folder = tmp_path / "content" / "exercises"
    folder.mkdir(parents=True)
    write_card(folder, "my-own-card")
    assert content_dir(tmp_path) == folder
    result = invoke("--root", str(tmp_path))
    assert result.exit_code == 0 and "my-own-card" in result.stdout and result.stdout.endswith("1 exercise\n")
    assert invoke("--root", str(tmp_path), "show", "my-own-card").exit_code == 0


def test_cli_bad_library_exits_2_with_located_problems(tmp_path: Path) -> None:
    folder = tmp_path / "content" / "exercises"
    folder.mkdir(parents=True)
    write_card(folder, "a", replace=(("equipment: [mat]", "equipment: [rope]"),))
    result = invoke("--root", str(tmp_path))
    assert result.exit_code == 2
    assert f'File "{folder / "a.md"}", line 9' in result.stderr and "1 problem found" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_registered_in_main_cli() -> None:
    from plangen.cli import main

    if "exercises" not in main.commands:
        pytest.skip("plangen.cli does not register the exercises command yet")
    result = CliRunner().invoke(main, ["exercises", "show", "clamshell"])
    assert result.exit_code == 0 and result.stdout.startswith("Clamshell (clamshell)")
