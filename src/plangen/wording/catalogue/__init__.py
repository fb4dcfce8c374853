"""The English catalogue: every runner-facing sentence plangen writes, by message key, gathered from its parts.

Each part holds the words of one stage of the plan (keys start with the part's name); a key may be defined
once only, so two parts cannot quietly disagree.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from plangen.wording.catalogue import calendar, entry, events, load, pages, runs, screening, strength, week
from plangen.wording.message import Message

_PARTS = (week, load, runs, entry, screening, events, strength, pages, calendar)


def _merge() -> Mapping[str, Message]:
    merged: dict[str, Message] = {}
    for part in _PARTS:
        for key, value in part.MESSAGES.items():
            if key in merged:
                raise ValueError(f"wording: message {key!r} is defined twice (second time in {part.__name__})")
            merged[key] = value if isinstance(value, Message) else Message(value)
    return MappingProxyType(merged)


MESSAGES: Mapping[str, Message] = _merge()
