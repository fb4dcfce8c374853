"""Exercise cards as the pages show them: the library's data, with the plan's settings in its words, its pictures and Markdown body drawn here."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from plangen.render.figures import render_panels, render_svg
from plangen.render.markdown import render_markdown


@dataclass(frozen=True)
class DrawnCard:
    """One card for the templates: every field of the library's card, plus its pictures and ``body_html``.

    ``svg`` is the start and end side by side (the printed card); ``panels`` the same two as separate
    pictures (the site lays them out for the screen's width)."""

    card: Any
    svg: str
    panels: tuple[str, ...]
    body_html: str

    def __getattr__(self, name: str) -> Any:
        # Only reached for names the dataclass does not have: the card's own fields (name, cues, dose...).
        return getattr(self.card, name)


def draw(card: Any, words: Mapping[str, str] | None = None) -> DrawnCard:
    """The card with each {setting} in its text written as ``words`` says (the plan's own values), and its pictures."""
    if words is not None:
        card = card.filled(words)
    svg, panels = _pictures(card.pose, card.name, card.id) if card.pose is not None else ("", ())
    return DrawnCard(card, svg, panels, _markdown(card.body))


@functools.lru_cache(maxsize=512)
def _pictures(pose: Any, name: str, card_id: str) -> tuple[str, tuple[str, str]]:
    """Drawn once per process: a batch of plans shares the same few dozen pictures, whatever its settings."""
    return render_svg(pose, name, card_id), render_panels(pose, name, card_id)


@functools.lru_cache(maxsize=1024)
def _markdown(body: str) -> str:
    return render_markdown(body)
