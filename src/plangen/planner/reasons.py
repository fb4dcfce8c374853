"""Build a Reason with its source filled in from the rule book."""

from __future__ import annotations

from plangen.plan import Reason
from plangen.rules import SOURCES, THRESHOLDS


def reason(rule: str, text: str, data: str = "", setting: str | None = None) -> Reason:
    """A decision, the rule behind it, the data that fired it; ``setting`` marks a configurable default."""
    configurable = setting is not None and setting in THRESHOLDS
    return Reason(rule=rule, text=text, data=data, source=SOURCES.get(rule, ""), configurable=configurable)
