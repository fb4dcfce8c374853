"""The Jinja2 environment every HTML renderer uses: strict, autoescaped, errors as BuildError."""

from __future__ import annotations

import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jinja2

from plangen.errors import BuildError
from plangen.render.formats import FILTERS
from plangen.resources import default_templates_dir


def theme_dirs(templates: Path | None) -> list[Path]:
    """The user's theme first, then the bundled default for whatever the user does not override."""
    default = default_templates_dir()
    if templates is None or templates.resolve() == default.resolve():
        return [default]
    return [templates, default]


def make_environment(templates: Path | None = None) -> jinja2.Environment:
    """A strict environment: undefined names fail, and every template is autoescaped."""
    loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(d)) for d in theme_dirs(templates)])
    env = jinja2.Environment(
        loader=loader,
        undefined=jinja2.StrictUndefined,
        # default=True: .txt, .svg and anything else are escaped too; nothing is trusted by extension.
        autoescape=jinja2.select_autoescape(default_for_string=True, default=True),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(FILTERS)
    return env


def render_template(env: jinja2.Environment, name: str, **context: Any) -> str:
    """Render one template; any Jinja failure becomes a BuildError naming the file and line."""
    try:
        return env.get_template(name).render(**context)
    except jinja2.TemplateSyntaxError as exc:
        raise BuildError(_message(exc.message or str(exc), exc.filename or name, exc.lineno)) from None
    except jinja2.TemplateNotFound as exc:
        raise BuildError(f"template error: template {exc.name!r} not found in the theme") from None
    except Exception as exc:
        filename, lineno = _template_frame(exc, name)
        raise BuildError(_message(f"{type(exc).__name__}: {exc}", filename, lineno)) from exc


def _template_frame(exc: BaseException, name: str) -> tuple[str, int | None]:
    # Jinja rewrites tracebacks so template frames carry the template's file name and line.
    found: tuple[str, int | None] = (name, None)
    for frame in _frames(exc):
        if frame.filename.endswith((".html", ".svg", ".xml", ".txt", ".css")):
            found = (frame.filename, frame.lineno)
    return found


def _frames(exc: BaseException) -> Iterator[traceback.FrameSummary]:
    yield from traceback.extract_tb(exc.__traceback__)


def _message(message: str, filename: str, lineno: int | None) -> str:
    lines = [f"template error: {message}", f'  File "{filename}"' + (f", line {lineno}" if lineno else "")]
    source = _source_line(filename, lineno)
    if source:
        lines.append(f"    {source}")
    return "\n".join(lines)


def _source_line(filename: str, lineno: int | None) -> str:
    path = Path(filename)
    if lineno is None or not path.is_file():
        return ""
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    return lines[lineno - 1].strip() if 0 < lineno <= len(lines) else ""
