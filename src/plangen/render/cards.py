"""Exercise cards as the pages show them: the library's data, with its picture and Markdown body drawn here."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from plangen.render.figures import render_svg
from plangen.render.markdown import render_markdown


@dataclass(frozen=True)
class DrawnCard:
    """One card for the templates: every field of the library's card, plus ``svg`` and ``body_html``."""

    card: Any
    svg: str
    body_html: str

    def __getattr__(self, name: str) -> Any:
        # Only reached for names the dataclass does not have: the card's own fields (name, cues, dose...).
        return getattr(self.card, name)


@functools.lru_cache(maxsize=512)
def draw(card: Any) -> DrawnCard:
    """Draw a card once per process: a batch of plans shares the same few dozen pictures."""
    svg = render_svg(card.pose, card.name, card.id) if card.pose is not None else ""
    return DrawnCard(card, svg, render_markdown(card.body))
