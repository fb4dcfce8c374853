"""Load the exercise library (Markdown cards with YAML front matter) into validated, linked models."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from pathlib import Path

from plangen.errors import InputError, Problem
from plangen.rules import THRESHOLDS
from plangen.sources.exercise_models import PLACEHOLDER, CardMeta, Dose, Exercise, Library
from plangen.sources.runner import validate_document
from plangen.sources.yamlreader import YamlDocument, parse_yaml, read_text

FENCE = "---"
REPS = (8, 12)  # R31: strength sets of 8-12 repetitions
ECCENTRIC_S = (2, 3)  # slow lowering over 2-3 s (clinical-rules R31, a design choice)
REST_S = (60, 120)  # R31: 1-2 min between strength sets
# Only the rule book's settings are {placeholder} names; anything else in braces is a located library
# error, never text printed as it stands.
PLACEHOLDER_NAMES = frozenset(THRESHOLDS)


def load_library(folder: Path) -> Library:
    """Load every ``*.md`` card in ``folder``; raise one InputError listing every problem."""
    paths = _card_paths(folder)
    problems: list[Problem] = []
    loaded: dict[str, tuple[Exercise, YamlDocument]] = {}
    for path in paths:
        try:
            card, document = load_card(path)
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        loaded[card.id] = (card, document)
    # A card whose own file is broken is already reported; links to it are not a second problem.
    broken = {path.name.removesuffix(".md") for path in paths} - set(loaded)
    problems += link_problems(loaded, broken)
    if problems:
        raise InputError(sorted(problems, key=lambda p: (str(p.file), p.line or 0)))
    return Library(card for card, _ in loaded.values())


def _card_paths(folder: Path) -> list[Path]:
    if not folder.is_dir():
        raise InputError([Problem(folder, None, "", "a folder of exercise cards", "no such folder")])
    paths = sorted(folder.glob("*.md"))
    if not paths:
        raise InputError([Problem(folder, None, "", "at least one exercise card (*.md)", "none")])
    return paths


def load_card(path: Path) -> tuple[Exercise, YamlDocument]:
    """Read and validate one card on its own (links to other cards are checked by load_library)."""
    text = read_text(path)
    front, first_line, body = split_front_matter(text, path)
    document = parse_yaml(front, path, first_line=first_line)
    meta = validate_document(document, CardMeta)
    problems = card_problems(meta, document) + placeholder_problems(meta, document, text, front.count("\n") + 2)
    if problems:
        raise InputError(problems)
    return Exercise.model_validate({**dict(meta), "body": body}), document


def split_front_matter(text: str, path: Path) -> tuple[str, int, str]:
    """(front matter, its first line number, Markdown body) of a card's text."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != FENCE:
        found = repr(lines[0].strip()[:40]) if lines else "an empty file"
        raise InputError([Problem(path, 1, "", f"front matter starting with a '{FENCE}' line", found)])
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() == FENCE:
            return "".join(lines[1:index]), 2, "".join(lines[index + 1 :]).strip() + "\n"
    raise InputError([Problem(path, 1, "", f"a closing '{FENCE}' line after the front matter", "none")])


# --- Rules that need more than one field, or more than one card ----------------------------


def card_problems(card: CardMeta, document: YamlDocument) -> list[Problem]:
    """Rules across fields of one card: id vs file name, doses by category, substitutions."""
    problems: list[Problem] = []
    stem = document.path.name.removesuffix(".md")
    if card.id != stem:
        problems.append(document.problem(("id",), f"the file name '{stem}'", repr(card.id)))
    is_cross = card.category == "cross_training"
    if is_cross and card.substitute is None:
        problems.append(document.problem(("substitute",), "how to swap this in for a run (cross_training cards need it)", "nothing"))
    if not is_cross and card.substitute is not None:
        problems.append(document.problem(("substitute",), "no substitute (only cross_training cards have one)", "a substitute"))
    for index, dose in enumerate(card.dosage):
        problems += _dose_problems(card, dose, document, ("dosage", index))
    return problems


def placeholder_problems(card: CardMeta, document: YamlDocument, text: str, body_start: int) -> list[Problem]:
    """Every {name} in the card's text that is not a rule setting, at its field (front matter) or line (body).

    Placeholders are filled in the body, pain_rule, substitute, cues and faults; a dose's ``load`` words are
    copied into the plan as written, so a placeholder there is an error too."""
    found = [document.problem(loc, _PLACEHOLDER_WANTED, "{" + name + "}", _closest(name))
             for loc, value in _worded_fields(card) for name in PLACEHOLDER.findall(value) if name not in PLACEHOLDER_NAMES]
    found += [document.problem(("dosage", i, "load"), "load words without a {placeholder} (they go into the plan as written)",
                               "{" + name + "}") for i, dose in enumerate(card.dosage) for name in PLACEHOLDER.findall(dose.load)]
    for number, line in enumerate(text.splitlines()[body_start:], start=body_start + 1):
        found += [Problem(document.path, number, "body", _PLACEHOLDER_WANTED, "{" + name + "}", _closest(name), line)
                  for name in PLACEHOLDER.findall(line) if name not in PLACEHOLDER_NAMES]
    return found


def _worded_fields(card: CardMeta) -> list[tuple[tuple[str | int, ...], str]]:
    """The front matter's text that ``Exercise.filled`` fills, each with its location."""
    fields: list[tuple[tuple[str | int, ...], str]] = [(("pain_rule",), card.pain_rule), (("substitute",), card.substitute or "")]
    fields += [(("cues", i), cue) for i, cue in enumerate(card.cues)]
    return fields + [(("faults", i, key), getattr(f, key)) for i, f in enumerate(card.faults) for key in ("fault", "fix")]


_PLACEHOLDER_WANTED = "a rule setting's name in {braces}, such as {green_pain_max}"


def _closest(name: str) -> str:
    close = difflib.get_close_matches(name, sorted(PLACEHOLDER_NAMES), n=1)
    return f"did you mean '{{{close[0]}}}'?" if close else ""


def _dose_problems(card: CardMeta, dose: Dose, document: YamlDocument, loc: tuple[str | int, ...]) -> list[Problem]:
    found: list[Problem] = []
    if card.category == "cross_training" and dose.duration_min is None:
        found.append(document.problem(loc + ("duration_min",), "duration_min (cross-training is dosed in minutes)", "nothing"))
    if card.category != "strength":
        return found
    if dose.sets is None:
        found.append(document.problem(loc + ("sets",), "a number of sets (strength cards need it)", "nothing"))
    if dose.rest_s is None or not REST_S[0] <= dose.rest_s <= REST_S[1]:
        found.append(document.problem(loc + ("rest_s",), f"{REST_S[0]}-{REST_S[1]} s rest between sets (R31)", str(dose.rest_s)))
    if dose.reps is not None:
        found += _reps_problems(dose, document, loc)
    return found


def _reps_problems(dose: Dose, document: YamlDocument, loc: tuple[str | int, ...]) -> list[Problem]:
    found: list[Problem] = []
    if not REPS[0] <= dose.reps <= REPS[1]:  # type: ignore[operator]
        found.append(document.problem(loc + ("reps",), f"{REPS[0]}-{REPS[1]} reps for strength (R31)", str(dose.reps)))
    lowering = int(dose.tempo.split("-")[0]) if dose.tempo else None
    if lowering is None or not ECCENTRIC_S[0] <= lowering <= ECCENTRIC_S[1]:
        found.append(
            document.problem(loc + ("tempo",), "a tempo that lowers over 2-3 s, such as \"3-1-1\"", repr(dose.tempo) if dose.tempo else "nothing")
        )
    return found


Loaded = Mapping[str, tuple[CardMeta, YamlDocument]]


def link_problems(loaded: Loaded, broken: set[str] | frozenset[str] = frozenset()) -> list[Problem]:
    """Easier/harder links: they exist, they agree both ways, levels rise, and nothing loops.

    ``broken`` holds ids whose files exist but failed validation: links to them are not judged.
    """
    problems: list[Problem] = []
    for card, document in loaded.values():
        for key, back in (("easier", "harder"), ("harder", "easier")):
            if getattr(card, key) not in broken:
                problems += _link_problems(card, document, key, back, loaded)
    return problems + _cycle_problems(loaded)


def _link_problems(card: CardMeta, document: YamlDocument, key: str, back: str, loaded: Loaded) -> list[Problem]:
    target_id = getattr(card, key)
    if target_id is None or target_id == card.id:
        return []  # a self-link is reported as a cycle
    if target_id not in loaded:
        others = [other for other in loaded if other != card.id]
        close = difflib.get_close_matches(target_id, others, n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else ""
        return [document.problem((key,), "the id of another card or null", f"no card '{target_id}'", hint)]
    target, _ = loaded[target_id]
    problems = []
    if getattr(target, back) != card.id:
        where = f"'{target_id}' has {back}: {getattr(target, back) or 'null'}"
        problems.append(document.problem((key,), f"'{target_id}' to name '{card.id}' as its {back} card", where))
    rises = target.level > card.level if key == "harder" else target.level < card.level
    if not rises:
        relation = "higher" if key == "harder" else "lower"
        problems.append(document.problem((key,), f"a {key} card with a {relation} level than {card.level}", f"'{target_id}' at level {target.level}"))
    return problems


def _cycle_problems(loaded: Loaded) -> list[Problem]:
    problems: list[Problem] = []
    for key in ("harder", "easier"):
        for card_id, (card, document) in loaded.items():
            seen, current = [card_id], getattr(card, key)
            while current in loaded and current not in seen:
                seen.append(current)
                current = getattr(loaded[current][0], key)
            if current == card_id and card_id == min(seen):  # report each loop once
                path = " -> ".join(seen + [card_id])
                problems.append(document.problem((key,), f"a chain of {key} cards that ends", f"a loop: {path}"))
    return problems
