"""The only code that writes the site: inside the output folder, all or nothing, never over a user's files."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from plangen.artifacts import Artifact
from plangen.errors import BuildError, OutputPathError

MARKER = ".plangen-site"  # says "plangen made this folder", so a rebuild may replace what is in it
_PART = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def check_path(path: PurePosixPath) -> PurePosixPath:
    """Refuse absolute paths, '..', and names outside a plain safe alphabet."""
    if path.is_absolute() or not path.parts or any(not _PART.match(p) or p in (".", "..") for p in path.parts):
        raise OutputPathError(f"refusing to write '{path}': outputs must be plain relative paths inside the output folder")
    return path


def write_site(out: Path, artifacts: Iterable[Artifact]) -> list[Path]:
    """Write every artifact under ``out``; each top-level folder is swapped in whole, or not at all."""
    items = list(artifacts)
    _check_unique(items)
    out = _prepare(out)
    staging = out / f".staging-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        for artifact in items:
            _write_file(staging, check_path(artifact.path), artifact.data)
        for entry in sorted(staging.iterdir()):
            _swap_in(entry, out / entry.name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [out / Path(*a.path.parts) for a in items]


def _check_unique(items: list[Artifact]) -> None:
    seen: set[str] = set()
    for artifact in items:
        key = str(artifact.path).lower()  # case-insensitive file systems would merge these
        if key in seen:
            raise OutputPathError(f"two outputs would both be written to '{artifact.path}' (do two profiles share an id?)")
        seen.add(key)


def _prepare(out: Path) -> Path:
    if out.exists() and not out.is_dir():
        raise BuildError(f"output folder '{out}' is a file")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).exists():
        raise BuildError(f"output folder '{out}' has files plangen did not write; choose an empty or new folder")
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text("This folder is written by plangen; its contents are replaced on every build.\n")
    return out.resolve()


def _write_file(root: Path, relative: PurePosixPath, data: bytes) -> None:
    target = root.joinpath(*relative.parts)
    if not target.resolve().is_relative_to(root.resolve()):
        raise OutputPathError(f"refusing to write '{relative}': it resolves outside the output folder")
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(target.name + ".tmp")
    temp.write_bytes(data)
    os.replace(temp, target)


def _swap_in(new: Path, target: Path) -> None:
    """Replace ``target`` with ``new`` so that a reader sees the old version or the new, never half."""
    if target.is_symlink():
        raise OutputPathError(f"refusing to replace '{target}': it is a symbolic link")
    old = target.with_name(f".old-{target.name}-{os.getpid()}")
    if target.exists():
        os.replace(target, old)
    os.replace(new, target)
    if old.is_dir():
        shutil.rmtree(old)
    elif old.exists():
        old.unlink()
