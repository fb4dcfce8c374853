"""Exercise cards as the pages show them: the library's data, with the plan's settings in its words, its pictures and Markdown body drawn here."""

from __future__ import annotations

import functools
from collections.abc import Mapping

from plangen.render.figures import render_panels, render_svg
from plangen.render.markdown import render_markdown
from plangen.sources.exercise_models import Exercise, Pose


class DrawnCard(Exercise):
    """One card for the templates: every field of the library's card, plus its pictures and ``body_html``.

    ``svg`` is the start and end side by side (the printed card); ``panels`` the same two as separate
    pictures (the site lays them out for the screen's width)."""

    svg: str
    panels: tuple[str, ...]
    body_html: str


def draw(card: Exercise, words: Mapping[str, str] | None = None) -> DrawnCard:
    """The card with each {setting} in its text written as ``words`` says (the plan's own values), and its pictures."""
    if words is not None:
        card = card.filled(words)
    svg, panels = _pictures(card.pose, card.name, card.id)
    # The card's fields were validated when the library loaded; only the drawings are new, so no second validation.
    return DrawnCard.model_construct(**dict(card), svg=svg, panels=panels, body_html=_markdown(card.body))


@functools.lru_cache(maxsize=512)
def _pictures(pose: Pose, name: str, card_id: str) -> tuple[str, tuple[str, str]]:
    """Drawn once per process: a batch of plans shares the same few dozen pictures, whatever its settings."""
    return render_svg(pose, name, card_id), render_panels(pose, name, card_id)


@functools.lru_cache(maxsize=1024)
def _markdown(body: str) -> str:
    return render_markdown(body)
