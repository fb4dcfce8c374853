"""Renderers: a finished plan in, artifacts (relative path + bytes) out; they make no planning decisions."""

from __future__ import annotations

import importlib
from typing import Any

# Each renderer is imported on first use: `plangen plan` prints text and should not load the HTML and PDF stack.
_HOMES = {"plan_schema": "jsonplan", "render_json": "jsonplan", "render_pdf": "pdf", "render_site": "html", "render_text": "text"}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'plangen.render' has no attribute '{name}'")
    return getattr(importlib.import_module(f"plangen.render.{_HOMES[name]}"), name)


__all__ = ["plan_schema", "render_json", "render_pdf", "render_site", "render_text"]
