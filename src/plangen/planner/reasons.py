"""Build a Reason: the decision as a catalogue message with its facts, the rule, and the rule's source."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Literal

from plangen.document.plan import Reason
from plangen.rules import SOURCES, THRESHOLDS, Settings
from plangen.wording import referenced_settings

# The planner knows where a reason's words come from, so it marks what a published plan must leave out:
# "data" when the data are the runner's pain record, "answer" when even the text tells a health answer.
Private = Literal["", "data", "answer"]
Fact = float | int | str | dt.date | Sequence[str] | None


def explain(rule: str, message: str, settings: Settings, *, setting: str | None = None, private: Private = "",
            **facts: Fact) -> Reason:
    """A decision as data: ``message`` names its words in the catalogue, ``facts`` are what changed and by how
    much; the words, and every threshold they state, are filled from the plan's settings. ``setting`` marks a
    decision a clinic may tune. The facts are kept whole, so the message and its facts remake the words.
    """
    text, data, used = referenced_settings(message, settings, **facts)
    kept = {key: _fact(value) for key, value in facts.items() if value is not None}
    return Reason(rule=rule, text=text, data=data, message=message, source=SOURCES.get(rule, ""),
                  configurable=setting is not None and setting in THRESHOLDS, private=private,
                  facts={**kept, **used})


def _fact(value: Fact) -> float | int | str | list[str]:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (str, int, float)):
        return value
    return [str(v) for v in value]  # type: ignore[union-attr]

