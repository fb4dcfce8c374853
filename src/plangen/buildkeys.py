"""What each plan's files depend on, as hashes: a plan is skipped only when none of them changed."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from importlib import metadata
from pathlib import Path
from typing import Any

import plangen
from plangen import __version__
from plangen.artifacts import RenderOptions

FORMAT = "plangen-manifest/1"
# Libraries whose output lands in the files: a new version may change a page, a PDF or a calendar.
_LIBRARIES = ("jinja2", "markdown-it-py", "weasyprint", "segno", "icalendar", "pydantic")
_CHUNK = 1 << 20


def shared_parts(config_file: Path, theme: Iterable[Path], content: Path) -> dict[str, str]:
    """The parts every plan shares: plangen itself, plangen.yaml, the theme and the exercise library."""
    return {
        "plangen": _digest([__version__, _code_digest(), *(_version(name) for name in _LIBRARIES)]),
        "config": file_digest(config_file),
        "theme": _digest(tree_digest(folder) for folder in theme),
        "content": tree_digest(content),
    }


def plan_parts(profile: Path, log: Path | None, slug: str, render: RenderOptions) -> dict[str, str]:
    """One plan's own parts: its profile, its log, and how it is shown (the build date included: pages print it)."""
    return {
        "profile": file_digest(profile),
        "log": file_digest(log) if log is not None else "",
        "options": _digest([slug, _options_text(render)]),
    }


def plan_key(shared: Mapping[str, str], own: Mapping[str, str]) -> str:
    return _digest(f"{name}={value}" for name, value in sorted({**shared, **own}.items()))


def changed(old: Mapping[str, Any] | None, parts: Mapping[str, str]) -> str:
    """Why a plan is built again, in words: which of its parts differ from the last build's."""
    if not old or not isinstance(old.get("parts"), dict):
        return "not in the last build"
    names = [name for name, value in parts.items() if old["parts"].get(name) != value]
    if not names:
        return "its last build is incomplete"
    return ", ".join(_PART_WORDS.get(n, n) for n in names) + " changed"


_PART_WORDS = {"plangen": "plangen or a library it uses", "config": "plangen.yaml", "theme": "the theme",
               "content": "the exercise library", "profile": "the profile", "log": "the log",
               "options": "the build options or date"}


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes ("missing" when there is none)."""
    sha = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            while chunk := handle.read(_CHUNK):
                sha.update(chunk)
    except FileNotFoundError:
        return "missing"
    return sha.hexdigest()


def tree_digest(folder: Path) -> str:
    """SHA-256 over every file under ``folder``: names, link targets and bytes, in a stable order."""
    sha = hashlib.sha256()
    for here, dirs, files in sorted(os.walk(folder)):
        dirs.sort()
        for name in sorted([*files, *(d for d in dirs if os.path.islink(os.path.join(here, d)))]):
            path = Path(here, name)
            sha.update(f"{path.relative_to(folder).as_posix()}\0".encode())
            if path.is_symlink():
                sha.update(f"-> {os.readlink(path)}\0".encode())
            if path.is_file():
                sha.update(file_digest(path).encode())
    return sha.hexdigest()


def _code_digest() -> str:
    # The version number stays the same between releases while the code changes: hash the code too.
    package = Path(plangen.__file__).parent
    return _digest(f"{p.relative_to(package)}:{file_digest(p)}" for p in sorted(package.rglob("*.py")))


def _version(name: str) -> str:
    try:
        return f"{name} {metadata.version(name)}"
    except metadata.PackageNotFoundError:
        return f"{name} -"


def _options_text(render: RenderOptions) -> str:
    fields = dataclasses.asdict(render)
    if render.logo is not None:
        fields["logo"] = [render.logo[0], hashlib.sha256(render.logo[1]).hexdigest()]
    return json.dumps(fields, sort_keys=True, default=str)


def _digest(parts: Iterable[str]) -> str:
    sha = hashlib.sha256()
    for part in parts:
        sha.update(part.encode("utf-8"))
        sha.update(b"\0")
    return sha.hexdigest()
