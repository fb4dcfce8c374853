"""Where the theme and the exercise library come from: the user's folders first, then ours."""

from __future__ import annotations

from pathlib import Path

import plangen

_PACKAGE = Path(plangen.__file__).resolve().parent


def _bundled(*parts: str) -> Path:
    # A wheel carries the defaults in plangen/_data; a source checkout has them at the repo root.
    wheel = _PACKAGE.joinpath("_data", *parts)
    return wheel if wheel.is_dir() else _PACKAGE.parents[1].joinpath(*parts)


def content_dir(root: Path) -> Path:
    """The exercise library: ``<root>/content/exercises`` if the user has one, else the bundled one."""
    own = root / "content" / "exercises"
    return own if own.is_dir() else _bundled("content", "exercises")


def templates_dir(root: Path) -> Path:
    """The theme: ``<root>/templates`` if the user has one, else the bundled default theme."""
    own = root / "templates"
    return own if own.is_dir() else _bundled("templates")


def default_templates_dir() -> Path:
    """The bundled theme, used as the fallback for templates a user's theme does not override."""
    return _bundled("templates")


def theme_dirs(templates: Path | None) -> list[Path]:
    """The user's theme first, then the bundled default for whatever the user does not override."""
    default = default_templates_dir()
    if templates is None or templates.resolve() == default.resolve():
        return [default]
    return [templates, default]
