"""Read profiles and logs from disk into validated models, reporting every problem at once."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from plangen.errors import InputError, Problem
from plangen.sources.models import Profile, TrainingLog, model_fields_at, slug_problem
from plangen.sources.yamlreader import YamlDocument, read_yaml

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class RunnerInput:
    """A profile, its log, and the slug its output goes under."""

    profile: Profile
    log: TrainingLog
    profile_path: Path
    log_path: Path | None

    @property
    def slug(self) -> str:
        return (self.profile.id or self.profile_path.name.removesuffix(".yaml")).lower()


def load_runner(profile_path: Path) -> RunnerInput:
    """Load a profile and its log; raise one InputError listing every problem in both."""
    problems: list[Problem] = []
    document, profile = _validated(profile_path, Profile, problems)
    log, log_path = TrainingLog(), None
    if profile is not None and document is not None:
        problems.extend(_slug_problems(profile_path, profile))
        log_path = _log_path(profile_path, profile)
        if log_path is not None:
            log = _log(document, log_path, problems) or log
        if profile.start is None and not log.entries:
            problems.append(Problem(profile_path, None, "start", "a start date (YYYY-MM-DD) or a log to start after", "neither"))
    if problems or profile is None:
        raise InputError(problems)
    return RunnerInput(profile, log, profile_path, log_path)


def load_log(path: Path) -> TrainingLog:
    problems: list[Problem] = []
    _document, log = _validated(path, TrainingLog, problems)
    if problems or log is None:
        raise InputError(problems)
    return log


def profile_paths(paths: list[Path]) -> list[Path]:
    """Expand folders into their profiles (``*.yaml`` that are not logs), sorted for stable output; a log named on
    its own stands for the profile beside it, which reads it (``plangen validate profiles/sam.log.yaml``)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.glob("*.yaml") if not p.name.endswith(".log.yaml")))
        else:
            found.append(profile_beside(path) or path)
    return list(dict.fromkeys(found))


def profile_beside(log_path: Path) -> Path | None:
    """profiles/sam.log.yaml -> profiles/sam.yaml, when there is one."""
    if not log_path.name.endswith(".log.yaml"):
        return None
    profile = log_path.with_name(log_path.name.removesuffix(".log.yaml") + ".yaml")
    return profile if profile.is_file() else None


def _validated(path: Path, model: type[M], problems: list[Problem]) -> tuple[YamlDocument | None, M | None]:
    document = None
    try:
        document = read_yaml(path)
        return document, validate_document(document, model)
    except InputError as exc:
        problems.extend(exc.problems)
        return document, None


def _log(profile: YamlDocument, log_path: Path, problems: list[Problem]) -> TrainingLog | None:
    """The profile's log; a log the profile names but that is not there points at its ``log:`` line."""
    named = "log" in profile.data
    if named and not log_path.exists():
        problems.append(profile.problem(("log",), "an existing log file", f"no file at {log_path}"))
        return None
    target = log_path.resolve().name
    if not target.lower().endswith((".yaml", ".yml")):
        # a link named like a log that leads to another kind of file is never read (or quoted)
        found = f"a link to {target!r}"
        problems.append(profile.problem(("log",), "a .yaml file", found) if named
                        else Problem(log_path, None, "", "a .yaml file", found))
        return None
    return _validated(log_path, TrainingLog, problems)[1]


def validate_document(document: YamlDocument, model: type[M]) -> M:
    """Validate parsed YAML against ``model``; every problem located by file and line."""
    if not isinstance(document.data, dict):
        # Say what kind of thing it is, never what it holds: it may be a file that was never meant for us.
        raise InputError([Problem(document.path, document.line_of(()), "", "a YAML mapping of keys to values", _kind(document.data))])
    try:
        return model.model_validate(document.data)
    except ValidationError as exc:
        raise InputError(_translate(document, model, exc)) from None


def _slug_problems(path: Path, profile: Profile) -> list[Problem]:
    """A profile without ``id:`` is named by its file, which must then make a usable folder name."""
    if profile.id is not None:
        return []
    stem = path.name.removesuffix(".yaml")
    problem = slug_problem(stem)
    if not problem:
        return []
    return [Problem(path, None, "id", f"a file name of {problem} (or an id: field)", repr(stem))]


def _log_path(profile_path: Path, profile: Profile) -> Path | None:
    if profile.log is not None:
        return profile_path.parent / profile.log
    sibling = profile_path.with_name(profile_path.name.removesuffix(".yaml") + ".log.yaml")
    return sibling if sibling.exists() else None


def _translate(document: YamlDocument, model: type[BaseModel], exc: ValidationError) -> list[Problem]:
    errors = [{**error, "loc": _data_loc(document.data, error["loc"])} for error in exc.errors(include_url=False)]
    errors = _without_echoes(errors, model)
    problems = [_problem(document, model, error) for error in errors]
    return sorted(problems, key=lambda p: p.line or 0)


def _data_loc(data: Any, loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """``loc`` without the union members pydantic inserts ("str", "function-after[...]").

    A part is the runner's own when the data holds it there, so a key such as 'a[b' stays.
    """
    kept: list[Any] = []
    for index, part in enumerate(loc):
        if isinstance(data, dict) and part in data:
            data = data[part]
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        elif _is_union_tag(part) and index < len(loc) - 1:
            continue
        else:
            data = None  # a missing key: nothing below it
        kept.append(part)
    return tuple(kept)


def _is_union_tag(part: Any) -> bool:
    return isinstance(part, str) and (part in {"str", "int", "float", "bool"} or "[" in part)


def _without_echoes(errors: list[dict[str, Any]], model: type[BaseModel]) -> list[dict[str, Any]]:
    """One mistake, one problem: drop what pydantic reports as a consequence of another error.

    - a list that is "too short" only because its items were wrong (run_days: [monday]);
    - a required key reported missing when an unknown key beside it is its misspelling.
    """
    locs = [error["loc"] for error in errors]
    misspelt = {error["loc"][:-1] + (hint,) for error in errors
                if error["type"] == "extra_forbidden" and (hint := _closest_key(model, error["loc"]))}
    return [
        error for error in errors
        if not (error["type"] == "too_short" and any(len(o) > len(error["loc"]) and o[: len(error["loc"])] == error["loc"] for o in locs))
        and not (error["type"] == "missing" and error["loc"] in misspelt)
    ]


def _problem(document: YamlDocument, model: type[BaseModel], error: Any) -> Problem:
    loc = error["loc"]
    kind = error["type"]
    if kind == "extra_forbidden":
        return _unknown_key(document, model, loc)
    if kind == "missing":
        return document.problem(loc, "this field (it is required)", "nothing")
    if kind == "value_error":
        # our validators phrase their message as "EXPECTED, found FOUND"
        expected, _, found = _expected(error).rpartition(", found ")
        if expected:
            return document.problem(loc, expected, found)
    return document.problem(loc, _expected(error), _describe(error.get("input")), _value_hint(error))


def _closest_key(model: type[BaseModel], loc: tuple[Any, ...]) -> str:
    close = difflib.get_close_matches(str(loc[-1]), model_fields_at(model, loc[:-1]), n=1, cutoff=0.6)
    return close[0] if close else ""


def _unknown_key(document: YamlDocument, model: type[BaseModel], loc: tuple[Any, ...]) -> Problem:
    known = model_fields_at(model, loc[:-1])
    close = _closest_key(model, loc)
    hint = f"did you mean '{close}'?" if close else ""
    expected = "one of: " + ", ".join(known) if known else "no keys here"
    return document.problem(loc, expected, f"the unknown key {_describe(str(loc[-1]))}", hint)


def _value_hint(error: Any) -> str:
    """'did you mean 'mon'?' for a value that is close to one of the allowed words."""
    found = error.get("input")
    if error["type"] != "literal_error" or not isinstance(found, str):
        return ""
    allowed = re.findall(r"'([^']*)'", (error.get("ctx") or {}).get("expected", ""))
    lowered = found.strip().lower()
    starts = [word for word in allowed if lowered.startswith(word) or word.startswith(lowered)] if lowered else []
    close = starts or difflib.get_close_matches(lowered, allowed, n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""


_EXPECTED = {
    "bool_type": "true or false",
    "int_type": "a whole number",
    "float_type": "a number",
    "string_type": "text",
    "date_type": "a date as YYYY-MM-DD",
    "dict_type": "a mapping of keys to values",
    "model_type": "a mapping of keys to values",
    "tuple_type": "a list",
    "list_type": "a list",
    "int_from_float": "a whole number",
    "date_from_datetime_parsing": "a real date as YYYY-MM-DD",
    "date_parsing": "a real date as YYYY-MM-DD",
}


# The models' patterns in words (models.ExerciseId, config.Clinic.accent); a profile id is checked by slug_problem.
_PATTERNS = {
    r"^[A-Za-z0-9-]{1,64}$": "letters, digits and '-' only",
    r"^#[0-9a-fA-F]{6}$": "a colour as # and six hex digits, such as #1f5f8b",
}


def _expected(error: Any) -> str:
    ctx = error.get("ctx") or {}
    kind = error["type"]
    if kind in _EXPECTED:
        return _EXPECTED[kind]
    if kind == "literal_error":
        return "one of " + ctx.get("expected", "")
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        return _bound_phrase(kind, ctx)
    if kind in ("too_short", "too_long"):
        return f"{ctx.get('min_length', ctx.get('max_length'))} {'or more' if kind == 'too_short' else 'at most'} items"
    if kind == "string_too_long":
        return f"text of at most {ctx.get('max_length')} characters"
    if kind == "string_pattern_mismatch":
        return _PATTERNS.get(ctx.get("pattern", ""), f"text matching {ctx.get('pattern')}")
    if kind == "value_error":
        return str(ctx.get("error", error["msg"])).removeprefix("Value error, ")
    return error["msg"].lower()


def _bound_phrase(kind: str, ctx: dict[str, Any]) -> str:
    words = {
        "greater_than_equal": "at least",
        "greater_than": "more than",
        "less_than_equal": "at most",
        "less_than": "less than",
    }
    limit = next(iter(ctx.values()))
    return f"a value {words[kind]} {limit:g}" if isinstance(limit, (int, float)) else f"a value {words[kind]} {limit}"


def _kind(value: Any) -> str:
    """What a whole document is, without quoting it."""
    if isinstance(value, list):
        return "a list"
    return "text" if isinstance(value, str) else f"a single value ({type(value).__name__})"


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str):
        return repr(value) if len(value) < 60 else repr(value[:57] + "...")
    return str(value)
