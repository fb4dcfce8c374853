"""The Jinja2 environment every HTML renderer uses: sandboxed, strict, autoescaped, errors as BuildError."""

from __future__ import annotations

import abc
import os
import traceback
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

from plangen.errors import BuildError
from plangen.render.formats import FILTERS
from plangen.resources import theme_dirs


def make_environment(templates: Path | None = None) -> jinja2.Environment:
    """The environment for a theme folder: made once per process, so each template compiles once.

    Sandboxed, because a user's ``templates/`` is code we did not write: ``{{ lipsum.__globals__ }}``
    and friends are refused. Strict: undefined names fail, and every template is autoescaped.
    """
    global _pass
    _pass += 1  # a new render pass: each template's file is looked at again, once (see _Freshness)
    return _environment(templates.resolve() if templates is not None else None)


_pass = 0


class _ThemeSandbox(ImmutableSandboxedEnvironment):
    """No template may change the data it is given, except a list it builds itself by appending
    (the print theme gathers a session's words that way); lists in the context are rebuilt per page.

    The sandbox's verdict on ``obj.attr`` depends only on the object's type and the name (Jinja's
    checks are isinstance tests and name lists), so it is worked out once per (type, name): the
    checks were 40% of rendering a plan's pages. An ABC registered later invalidates the memo.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._verdicts: dict[tuple[type, str], bool] = {}
        self._abc_token = abc.get_cache_token()

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        key = (type(obj), attr)
        verdict = self._verdicts.get(key)
        if verdict is None or self._abc_token != abc.get_cache_token():
            verdict = self._verdicts[key] = self._judge(obj, attr, value)
        return verdict

    def _judge(self, obj: Any, attr: str, value: Any) -> bool:
        if self._abc_token != abc.get_cache_token():  # an ABC.register may make a type count as mutable
            self._verdicts.clear()
            self._abc_token = abc.get_cache_token()
        if type(obj) is list and attr == "append":
            return jinja2.sandbox.SandboxedEnvironment.is_safe_attribute(self, obj, attr, value)
        return super().is_safe_attribute(obj, attr, value)

    def getattr(self, obj: Any, attribute: str) -> Any:
        # The common case without the detours: an attribute of a type already judged safe (str.format and
        # format_map excepted: Jinja wraps them); a dict's key when a dict has no such attribute. Else Jinja's path.
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            return obj[attribute] if attribute in obj else self.undefined(obj=obj, name=attribute)
        try:
            value = getattr(obj, attribute)
        except AttributeError:
            return super().getattr(obj, attribute)
        if self._verdicts.get((type(obj), attribute)) and attribute not in _FORMATS \
                and self._abc_token == abc.get_cache_token():
            return value
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        # selectattr('part') and friends subscript first: a model has no [], so read the attribute at once.
        if type(argument) is str and not _subscriptable(type(obj)) and not isinstance(obj, type):
            return self.getattr(obj, argument)
        return super().getitem(obj, argument)


@lru_cache(maxsize=256)
def _subscriptable(kind: type) -> bool:
    # Asked per item of every selectattr; a pydantic model class answers a missing attribute slowly (by raising).
    return hasattr(kind, "__getitem__")


_DICT_ATTRIBUTES = frozenset(dir(dict))  # a plain dict has no attributes of its own beyond its type's
_FORMATS = frozenset({"format", "format_map"})  # the only attributes Jinja's sandbox wraps rather than returns


class ThemeLoader(jinja2.BaseLoader):
    """Templates from the theme folders, first folder first; one that resolves outside them all
    (a symlink to /etc/passwd, say) is refused, never read."""

    def __init__(self, folders: list[Path]) -> None:
        self.folders = [folder.resolve() for folder in folders]

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        pieces = jinja2.loaders.split_template_path(template)  # refuses '..' in a template name
        for folder in self.folders:
            path = folder.joinpath(*pieces)
            if path.is_file():
                return self._read(template, path)
        raise jinja2.TemplateNotFound(template)

    def _read(self, template: str, path: Path) -> tuple[str, str, Callable[[], bool]]:
        real = path.resolve()
        if not any(real.is_relative_to(folder) for folder in self.folders):
            raise BuildError(f"template error: {template!r} is a link to a file outside the theme folders; "
                             f"it was not read\n  File \"{path}\"")
        mtime = real.stat().st_mtime
        text = real.read_text(encoding="utf-8")
        return text, str(path), _Freshness(real, mtime)


class _Freshness:
    """Jinja's "is this template still the file?", answered from one stat per render pass.

    Jinja asks every time a page, an extends or an import uses a template (~340 times a plan); a pass
    (one plan's pages, one print document) starts with make_environment, so an edit made between
    passes (``plangen serve`` rebuilding) is seen, and a plan's pages never stat a file twice.
    """

    def __init__(self, path: Path, mtime: float) -> None:
        self.path, self.mtime, self.checked, self.fresh = path, mtime, _pass, True

    def __call__(self) -> bool:
        if self.checked != _pass:
            self.checked, self.fresh = _pass, _mtime(self.path) == self.mtime
        return self.fresh


def _mtime(path: Path) -> float | None:
    try:
        return os.stat(path).st_mtime
    except OSError:
        return None


@lru_cache(maxsize=8)
def _environment(templates: Path | None) -> jinja2.Environment:
    env = _ThemeSandbox(
        loader=ThemeLoader(theme_dirs(templates)),
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
    except BuildError:
        raise
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
