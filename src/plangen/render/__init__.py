"""Renderers: a finished plan in, artifacts (relative path + bytes) out; they make no planning decisions."""

from __future__ import annotations

from plangen.render.html import render_site
from plangen.render.jsonplan import plan_schema, render_json
from plangen.render.pdf import render_pdf
from plangen.render.text import render_text

__all__ = ["plan_schema", "render_json", "render_pdf", "render_site", "render_text"]
