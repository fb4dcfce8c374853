"""The only code that writes the site: each build fills a fresh folder of its own, and one rename makes it the site.

The output folder holds what people open and plangen's own state beside it::

    site/.plangen-site                 says "plangen writes here" (a user's other files stay as they are)
    site/.plangen/lock                 one build at a time
    site/.plangen/builds/b-XXXXXXXX/   one complete build each (unpredictable names, made with mkdtemp)
    site/.plangen/builds/b-XXXXXXXX.json   its manifest: beside the build, not in it, so a copy that follows
                                       links finds no list of the plans at a fixed address (.plangen/current/...)
    site/.plangen/current              -> builds/b-XXXXXXXX: replacing this one link switches the whole site
    site/sam, site/assets, ...         -> .plangen/current/<name>: links plangen made, so URLs never change

A build that fails or is killed never touched ``current``: the previous site stays whole, and the next
build removes what the killed one left. No link plangen did not make is ever followed or replaced.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import secrets
import shutil
import stat
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from plangen.artifacts import Artifact
from plangen.errors import BuildError, OutputPathError

MARKER = ".plangen-site"  # says "plangen made this folder", so a rebuild may replace the names it made
STATE = ".plangen"
CURRENT = "current"
BUILDS = "builds"
_MANIFEST_SUFFIX = ".json"  # a build's manifest is builds/<build>.json (see manifest_path)
_MANIFEST_CAP = 16 * 1024 * 1024  # far above 10,000 plans' summaries; a bigger file is not ours
_BUILD_NAME = re.compile(r"^b-[A-Za-z0-9_]+$")
_LEGACY = re.compile(r"^\.(staging-\d+|old-.+-\d+)$")  # what builds before the one-link swap left when killed
_PART = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_MARKER_TEXT = ("This folder is written by plangen. The names it builds are links into .plangen/, "
                "which it replaces whole on every build; your own files here are left as they are.\n")

log = logging.getLogger(__name__)


def check_path(path: PurePosixPath) -> PurePosixPath:
    """Refuse absolute paths, '..', and names outside a plain safe alphabet."""
    if path.is_absolute() or not path.parts or any(not _PART.match(p) or p in (".", "..") for p in path.parts):
        raise OutputPathError(f"refusing to write '{path}': outputs must be plain relative paths inside the output folder")
    return path


@dataclass
class Staging:
    """One build in progress: its own folder, the build it replaces, and the lock that keeps other builds out."""

    out: Path
    root: Path
    previous: Path | None
    lock: int
    linked: list[str] = field(default_factory=list)  # top-level links this build made, undone if it fails
    done: bool = False

    def __enter__(self) -> Staging:
        return self

    def __exit__(self, kind: object, *_: object) -> None:
        if not self.done:
            abort(self)


def begin(out: Path, names: Iterable[str] = ()) -> Staging:
    """Lock the output folder, clear what killed builds left, and make this build's folder.

    ``names`` are the top-level names the build expects to write: one the user owns is refused now,
    before any work is done.
    """
    with _as_build_error(out):
        out = _prepare(out)
        state = _real_dir(out / STATE)
        lock = _lock(state)
    try:
        with _as_build_error(out):
            builds = _real_dir(state / BUILDS)
            previous = _current_build(state)
            _clean_leftovers(out, state, previous)
            _check_names(out, names)
            root = Path(tempfile.mkdtemp(prefix="b-", dir=builds))
    except BaseException:
        os.close(lock)
        raise
    return Staging(out, root, previous, lock)


def write_files(root: Path, artifacts: Iterable[Artifact]) -> int:
    """Write each artifact as a new file under the build folder ``root``; no link is followed, nothing overwritten."""
    count = 0
    with _Folders(root) as folders, _as_build_error(root):
        for artifact in artifacts:
            relative = check_path(artifact.path)
            _write_new(folders.open(relative.parts[:-1]), relative, artifact.data)
            count += 1
    return count


def carry(staging: Staging, name: str) -> int | None:
    """Hard-link the previous build's ``name`` into this build (no bytes copied); None when that cannot be done."""
    if staging.previous is None:
        return None
    try:
        return _link_tree(staging.previous / name, staging.root / name)
    except (OSError, OutputPathError) as exc:
        log.info("cannot reuse %s from the last build (%s); building it again", name, exc)
        _remove(staging.root / name)
        return None


def discard(staging: Staging, name: str) -> None:
    """Remove what this build wrote under ``name`` (a plan that failed half-way), links inside not followed."""
    _remove(staging.root / check_path(PurePosixPath(name)))


def previous_manifest(staging: Staging) -> dict[str, Any] | None:
    """The manifest the replaced build wrote, or None when there is none or it cannot be trusted."""
    if staging.previous is None:
        return None
    try:
        data = json.loads(_read_capped(manifest_path(staging.previous)))
    except (OSError, ValueError) as exc:
        log.info("the last build's manifest is unreadable (%s): building everything", exc)
        return None
    if not isinstance(data, dict) or data.get("build") != staging.previous.name:
        log.info("the last build's manifest is not its own: building everything")
        return None
    return data


def manifest_path(build: Path) -> Path:
    """Where a build's manifest lives: beside its folder, never inside what the site's links lead to.

    A published site's plan folders have unguessable names; a manifest inside the build would list them all
    at .plangen/current/... for anyone, once an upload tool follows the links and keeps dot-folders.
    """
    return build.parent / f"{build.name}{_MANIFEST_SUFFIX}"


def commit(staging: Staging, manifest: dict[str, Any] | None = None) -> list[str]:
    """Make this build the site in one step (one rename of the ``current`` link); returns the top-level names."""
    try:
        with _as_build_error(staging.out):
            names = _stage_names(staging, manifest)
            _switch(staging)
    except BaseException:
        abort(staging)
        raise
    _retire(staging, names)
    return names


def _stage_names(staging: Staging, manifest: dict[str, Any] | None) -> list[str]:
    """Everything short of the switch: the manifest, the owner check, permissions, links for new names."""
    if manifest is not None:
        text = json.dumps({**manifest, "build": staging.root.name}, indent=1, sort_keys=True)
        _write_one(staging.root.parent, manifest_path(staging.root).name, text.encode("utf-8"))
    names = sorted(e.name for e in os.scandir(staging.root) if not e.name.startswith("."))
    _check_names(staging.out, names)
    _make_readable(staging.root)
    _link_names(staging, names)
    return names


def abort(staging: Staging) -> None:
    """Undo a build that will not be the site: its folder and the links it made go; the site stays as it was."""
    if staging.done:
        return
    staging.done = True
    for name in staging.linked:
        if _is_our_link(staging.out, name):
            os.unlink(staging.out / name)
    _remove(staging.root)
    _remove(manifest_path(staging.root))
    os.close(staging.lock)


def write_site(out: Path, artifacts: Iterable[Artifact]) -> list[Path]:
    """Write exactly ``artifacts`` as the whole site under ``out``, all or nothing."""
    items = list(artifacts)
    check_unique(items)
    with begin(out, {check_path(a.path).parts[0] for a in items}) as staging:
        write_files(staging.root, items)
        commit(staging)
    return [staging.out / Path(*a.path.parts) for a in items]


def check_unique(items: list[Artifact]) -> None:
    """Two outputs for one path (compared without case, as some file systems do) are refused before writing."""
    seen: set[str] = set()
    for artifact in items:
        key = str(artifact.path).lower()
        if key in seen:
            raise OutputPathError(f"two outputs would both be written to '{artifact.path}' (do two profiles share an id?)")
        seen.add(key)


def site_files(out: Path) -> dict[str, Path]:
    """Every file of the site as people see it (through plangen's links, without its state), by POSIX path."""
    found: dict[str, Path] = {}
    for top in sorted(out.iterdir()):
        if top.name.startswith("."):
            continue
        paths = [top] if top.is_file() else sorted(p for p in top.rglob("*") if p.is_file())
        found.update((p.relative_to(out).as_posix(), p) for p in paths)
    return found


# --- the output folder and plangen's state in it ---------------------------------------------------------

def _prepare(out: Path) -> Path:
    try:
        info = _lstat(out)
        if info is None:
            out.mkdir(parents=True)
            info = os.lstat(out)
    except OSError as exc:
        raise BuildError(f"cannot use the output folder '{out}': {exc.strerror or exc}") from None
    if stat.S_ISLNK(info.st_mode):
        raise BuildError(f"output folder '{out}' is a symbolic link (to '{os.readlink(out)}'); "
                         "plangen follows no link it did not make: give the folder itself with -o")
    if not stat.S_ISDIR(info.st_mode):
        raise BuildError(f"output folder '{out}' is a file")
    _mark(out)
    return out.resolve()


def _mark(out: Path) -> None:
    marker = _lstat(out / MARKER)
    if marker is not None and not stat.S_ISREG(marker.st_mode):
        raise BuildError(f"refusing to use '{out / MARKER}': it is not a plain file (a link?); remove it or choose another folder")
    if marker is None:
        if any(out.iterdir()):
            raise BuildError(f"output folder '{out}' has files plangen did not write; choose an empty or new folder")
        _write_one(out, MARKER, _MARKER_TEXT.encode("utf-8"))


def _real_dir(path: Path) -> Path:
    """``path`` as a real folder (made if missing); a link or a file there is refused, never followed."""
    info = _lstat(path)
    if info is None:
        with contextlib.suppress(FileExistsError):
            path.mkdir()
        info = os.lstat(path)
    if not stat.S_ISDIR(info.st_mode) or stat.S_ISLNK(info.st_mode):
        raise BuildError(f"refusing to use '{path}': plangen keeps its builds there and it is not a plain folder "
                         "(a link or a file); remove it")
    return path


def _lock(state: Path) -> int:
    """One build at a time per output folder: a second waits, so neither clears the other's folder."""
    try:
        fd = os.open(state / "lock", os.O_RDWR | os.O_CREAT | _NOFOLLOW | os.O_CLOEXEC, 0o644)
    except OSError:
        raise BuildError(f"refusing to use '{state / 'lock'}': it is not a plain file (a link?); remove it") from None
    try:
        import fcntl
    except ImportError:  # no flock (Windows): builds are not serialised there
        return fd
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        log.warning("another plangen build is writing %s; waiting for it to finish", state.parent)
        fcntl.flock(fd, fcntl.LOCK_EX)
    return fd


def _current_build(state: Path) -> Path | None:
    """The build the ``current`` link names, if it is one of ours; anything else there is refused or ignored."""
    link = state / CURRENT
    info = _lstat(link)
    if info is None:
        return None
    if not stat.S_ISLNK(info.st_mode):
        raise BuildError(f"refusing to replace '{link}': plangen makes it as a link and it is not one; remove it")
    target = os.readlink(link)
    name = target.removeprefix(f"{BUILDS}/")
    build = state / BUILDS / name
    if target != f"{BUILDS}/{name}" or not _BUILD_NAME.match(name) or not _is_real_dir(build):
        log.info("'%s' does not name one of plangen's builds: building everything", link)
        return None
    return build


def _clean_leftovers(out: Path, state: Path, previous: Path | None) -> None:
    """Remove what killed or failed builds left: their folders, half-made links, and older plangens' staging."""
    keep = () if previous is None else (previous.name, manifest_path(previous).name)
    for entry in os.scandir(state / BUILDS):
        if entry.name not in keep:
            _remove(Path(entry.path))
    for entry in os.scandir(state):
        if entry.name.startswith(f"{CURRENT}.") and entry.is_symlink():
            os.unlink(entry.path)
    for entry in os.scandir(out):
        if _LEGACY.match(entry.name):
            _remove(Path(entry.path))
        elif _is_our_link(out, entry.name) and (previous is None or _lstat(previous / entry.name) is None):
            os.unlink(entry.path)  # a link a killed build made to a name that never became the site


def _check_names(out: Path, names: Iterable[str]) -> None:
    taken = [name for name in sorted(set(names)) if _lstat(out / name) is not None and not _is_our_link(out, name)]
    if taken:
        listed = ", ".join(f"'{out / name}'" for name in taken)
        raise OutputPathError(f"refusing to replace {listed}: plangen did not make "
                              f"{'it' if len(taken) == 1 else 'them'} (move {'it' if len(taken) == 1 else 'them'} away, "
                              "or build into another folder)")


def _link_target(name: str) -> str:
    return f"{STATE}/{CURRENT}/{name}"


def _is_our_link(out: Path, name: str) -> bool:
    try:
        return os.readlink(out / name) == _link_target(name)
    except OSError:  # missing, or not a link
        return False


def _link_names(staging: Staging, names: list[str]) -> None:
    for name in names:
        if _lstat(staging.out / name) is None:
            os.symlink(_link_target(name), staging.out / name)
            staging.linked.append(name)


def _switch(staging: Staging) -> None:
    """The one step: a new link to this build replaces ``current`` by rename, which is atomic."""
    state = staging.out / STATE
    temporary = state / f"{CURRENT}.{secrets.token_hex(8)}"
    os.symlink(f"{BUILDS}/{staging.root.name}", temporary)
    os.replace(temporary, state / CURRENT)
    staging.done = True


def _retire(staging: Staging, names: list[str]) -> None:
    """After the switch: links to names the new site lacks, and the replaced build, go (failures are harmless)."""
    try:
        for entry in os.scandir(staging.out):
            if entry.name not in names and _is_our_link(staging.out, entry.name):
                os.unlink(entry.path)
        if staging.previous is not None:
            _remove(staging.previous)
            _remove(manifest_path(staging.previous))
    finally:
        os.close(staging.lock)


def _make_readable(root: Path) -> None:
    # mkdtemp makes the folder private (0700); the site is read by web servers and other users as usual.
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(root, 0o777 & ~umask)


# --- files and folders without following links -----------------------------------------------------------

class _Folders:
    """Open folders under a build root by relative parts, each step with O_NOFOLLOW, made when missing."""

    def __init__(self, root: Path) -> None:
        self.fds: dict[tuple[str, ...], int] = {(): _open_dir(str(root), None)}

    def open(self, parts: tuple[str, ...]) -> int:
        if parts not in self.fds:
            parent = self.open(parts[:-1])
            with contextlib.suppress(FileExistsError):
                os.mkdir(parts[-1], dir_fd=parent)
            self.fds[parts] = _open_dir(parts[-1], parent, "/".join(parts))
        return self.fds[parts]

    def __enter__(self) -> _Folders:
        return self

    def __exit__(self, *_: object) -> None:
        for fd in self.fds.values():
            os.close(fd)


def _open_dir(name: str, parent: int | None, shown: str | None = None) -> int:
    try:
        return os.open(name, os.O_RDONLY | _DIRECTORY | _NOFOLLOW | os.O_CLOEXEC, dir_fd=parent)
    except OSError:
        raise OutputPathError(f"refusing to write into '{shown or name}': it is not a plain folder (a link?)") from None


def _write_one(folder: Path, name: str, data: bytes) -> None:
    with _Folders(folder) as folders:
        _write_new(folders.open(()), PurePosixPath(name), data)


def _write_new(folder: int, relative: PurePosixPath, data: bytes) -> None:
    try:
        fd = os.open(relative.name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | os.O_CLOEXEC, 0o666, dir_fd=folder)
    except FileExistsError:
        raise OutputPathError(f"refusing to write '{relative}': something is already there") from None
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)


def _read_capped(path: Path) -> bytes:
    fd = os.open(path, os.O_RDONLY | _NOFOLLOW | os.O_CLOEXEC)
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise ValueError("not a plain file")
        data = handle.read(_MANIFEST_CAP + 1)
    if len(data) > _MANIFEST_CAP:
        raise ValueError("too large")
    return data


def _link_tree(source: Path, target: Path) -> int:
    """Hard-link every file under ``source`` into a new ``target``; any link or odd file inside is refused."""
    info = os.lstat(source)
    if stat.S_ISREG(info.st_mode):
        os.link(source, target, follow_symlinks=False)
        return 1
    if not stat.S_ISDIR(info.st_mode):
        raise OutputPathError(f"'{source}' is neither a file nor a folder")
    os.mkdir(target)
    return sum(_link_tree(Path(entry.path), target / entry.name) for entry in _entries(source))


def _entries(folder: Path) -> Iterator[os.DirEntry[str]]:
    with os.scandir(folder) as entries:
        yield from sorted(entries, key=lambda e: e.name)


def _remove(path: Path) -> None:
    """Delete ``path`` without following links: a link is unlinked, a folder removed with what is in it."""
    info = _lstat(path)
    if info is None:
        return
    if stat.S_ISDIR(info.st_mode):
        shutil.rmtree(path, ignore_errors=True)  # fd-based on Linux: links inside are removed, not followed
    else:
        with contextlib.suppress(OSError):
            os.unlink(path)
    if _lstat(path) is not None:
        log.warning("could not remove %s; remove it by hand", path)


@contextlib.contextmanager
def _as_build_error(out: Path) -> Iterator[None]:
    """A file-system failure (full disk, no permission) is a located message, never a traceback."""
    try:
        yield
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        raise BuildError(f"cannot write the site in '{out}': {exc.strerror or exc}{where}") from None


def _lstat(path: Path) -> os.stat_result | None:
    try:
        return os.lstat(path)
    except FileNotFoundError:
        return None


def _is_real_dir(path: Path) -> bool:
    info = _lstat(path)
    return info is not None and stat.S_ISDIR(info.st_mode)
