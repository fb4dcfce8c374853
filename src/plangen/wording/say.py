"""Fill a catalogue message from its facts and the plan's settings: the one place numbers become words."""

from __future__ import annotations

import datetime as dt
import math
import string
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import lru_cache
from typing import Any

from plangen.dates import day_month_year
from plangen.rules import THRESHOLDS, Settings
from plangen.wording.catalogue import MESSAGES
from plangen.wording.message import Message
from plangen.wording.numbers import number, percent

Limits = Mapping[str, float]


# Values the words need that follow from two settings: worked out here once, never in a template or a module.
DERIVED: Mapping[str, tuple[Callable[[Limits], float], tuple[str, ...]]] = {
    "amber_low": (lambda s: s["green_pain_max"] + 1, ("green_pain_max",)),
    "amber_high": (lambda s: s["red_pain_min"] - 1, ("red_pain_min",)),
    "red_wait_days": (lambda s: math.ceil(s["red_wait_hours"] / 24), ("red_wait_hours",)),
    "long_run_factor": (lambda s: 1 + s["long_run_increase_max"], ("long_run_increase_max",)),
}


def limits_of(settings: Settings | Limits) -> Limits:
    """Every threshold in force: a planner's Settings, or a plan document's {key: value} (a renderer's view)."""
    if isinstance(settings, Settings):
        return _settings_limits(tuple(sorted(settings.overrides.items())))
    return settings


@lru_cache(maxsize=64)
def _settings_limits(overrides: tuple[tuple[str, float], ...]) -> Limits:
    given = dict(overrides)
    return {key: float(given.get(key, t.default)) for key, t in THRESHOLDS.items()}


def say(key: str, settings: Settings | Limits, **facts: Any) -> str:
    """The runner's words for message ``key``."""
    return _fill(key, _message(key).text, settings, facts)[0]


def say_data(key: str, settings: Settings | Limits, **facts: Any) -> str:
    """The clinician's data line of message ``key`` ('' when it has none)."""
    return _fill(key, _message(key).data, settings, facts)[0]


def referenced_settings(key: str, settings: Settings | Limits, **facts: Any) -> tuple[str, str, dict[str, float]]:
    """Text, data, and the settings the two state (with their values): a decision's facts include its limits."""
    message = _message(key)
    text, used = _fill(key, message.text, settings, facts)
    data, used_in_data = _fill(key, message.data, settings, facts)
    return text, data, {**used, **used_in_data}


def _message(key: str) -> Message:
    found = MESSAGES.get(key)
    if found is None:
        raise KeyError(f"no message {key!r} in the wording catalogue")
    return found


def _fill(key: str, template: str, settings: Settings | Limits, facts: Mapping[str, Any]) -> tuple[str, dict[str, float]]:
    if not template:
        return "", {}
    names, parts = _Names(facts, limits_of(settings)), _parsed(template)
    try:
        if parts is None:
            return _FORMATTER.vformat(template, (), names), names.used
        return "".join(text if name is None else text + _FORMATTER.format_field(names[name], spec)
                       for text, name, spec in parts), names.used
    except KeyError as missing:
        raise KeyError(f"message {key!r} needs {missing} (give it as a fact)") from None


@lru_cache(maxsize=None)
def _parsed(template: str) -> tuple[tuple[str, str | None, str], ...] | None:
    """A message's text and plain-named fields, parsed once (the parse was most of a message's cost); None when a
    field is more than a name ({a.b}, {x!r}, a nested spec): Python's own vformat reads those."""
    parts = []
    for text, name, spec, conversion in _FORMATTER.parse(template):
        if name is not None and (not name.isidentifier() or conversion or "{" in spec):
            return None
        parts.append((text, name, spec))
    return tuple(parts)


class _Names(Mapping[str, Any]):
    """A message's names: its facts first, then values derived from settings, then the settings themselves."""

    def __init__(self, facts: Mapping[str, Any], limits: Limits) -> None:
        self.facts, self.limits, self.used = facts, limits, {}

    def __getitem__(self, name: str) -> Any:
        if name in self.facts:
            return self.facts[name]
        if name in DERIVED:
            compute, sources = DERIVED[name]
            self.used.update({s: self.limits[s] for s in sources})
            return compute(self.limits)
        if name in self.limits:
            self.used[name] = self.limits[name]
            return self.limits[name]
        raise KeyError(name)

    def __iter__(self) -> Iterator[str]:
        return iter(self.facts)

    def __len__(self) -> int:
        return len(self.facts)


def _count(value: int, words: str) -> str:
    """{n:count run|runs} -> '1 run', '3 runs'."""
    one, _, many = words.partition("|")
    return f"{value} {one if value == 1 else many or one + 's'}"


def _times(value: int) -> str:
    return {1: "once", 2: "twice"}.get(value, f"{value} times")


def _date(value: dt.date | str) -> str:
    return day_month_year(value if isinstance(value, dt.date) else dt.date.fromisoformat(value))


def _join(value: Sequence[str], word: str) -> str:
    """A list as a sentence reads it: 'a, b, c' or 'a; b' for a mark, 'a, b and c' for a word."""
    items = list(value)
    if word in (",", ";"):
        return f"{word} ".join(items)
    return f" {word} ".join([", ".join(items[:-1]), items[-1]] if len(items) > 2 else items)


def _word(prefix: str, value: object) -> str:
    """{kit:word strength.kit} -> the catalogue's word for an id ('a band'), so a fact keeps the id, not the word;
    an id without a word of its own reads as itself."""
    found = MESSAGES.get(f"{prefix}.{value}")
    return found.text if found is not None else str(value)


class _Words(string.Formatter):
    """Python's format specs, plus a few for words: pct, date, times, count one|many, join ,|;|or|and, word PREFIX
    and words PREFIX MARK (an id's word from the catalogue), and a plain number for an empty spec (2.0 reads '2',
    0.35 reads '0.35')."""

    def format_field(self, value: Any, format_spec: str) -> str:
        spec, _, arg = format_spec.partition(" ")
        if spec == "pct":
            return percent(float(value))
        if spec == "date":
            return _date(value)
        if spec == "times":
            return _times(int(value))
        if spec == "count":
            return _count(int(value), arg)
        if spec == "join":
            return _join(value, arg or ",")
        if spec == "word":
            return _word(arg, value)
        if spec == "words":
            prefix, _, mark = arg.partition(" ")
            return _join([_word(prefix, item) for item in value], mark or ",")
        if spec == "" and isinstance(value, float):
            return number(value, 2)
        return super().format_field(value, format_spec)


_FORMATTER = _Words()
