"""Build a Reason with its source filled in from the rule book."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from plangen.document.plan import Reason
from plangen.rules import SOURCES, THRESHOLDS

# The planner knows where a reason's words come from, so it marks what a published plan must leave out:
# "data" when the data are the runner's pain record, "answer" when even the text tells a health answer.
Private = Literal["", "data", "answer"]
Fact = float | int | str


def reason(rule: str, text: str, data: str = "", setting: str | None = None, private: Private = "",
           facts: Mapping[str, Fact] | None = None) -> Reason:
    """A decision, the rule behind it, the data that fired it; ``setting`` marks a configurable default.

    ``facts`` is the decision as data (what changed, by how much, under which setting), so a
    renderer can make its own words from the numbers instead of parsing ``text``.
    """
    configurable = setting is not None and setting in THRESHOLDS
    return Reason(rule=rule, text=text, data=data, source=SOURCES.get(rule, ""), configurable=configurable,
                  private=private, facts=dict(facts or {}))
