"""Read one activity file (FIT, GPX or TCX, gzipped or not) with the parser for its format."""

from __future__ import annotations

import gzip
import io
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from plangen.logimport.activity import Activity, ActivityFileError

# A day-long recording at one point a second is a few MB as FIT and about 20 MB as GPX or TCX.
# Anything bigger is refused by its size before it is read: the XML parsers need some 13 bytes of
# memory per byte of file, so a 95 MB GPX took 31 s and 1.26 GB before failing. Also caps a gzip bomb.
MAX_BYTES = 25_000_000
SUFFIXES = (".fit", ".gpx", ".tcx")


@dataclass(frozen=True)
class Source:
    """One thing to import: an activity file, or one row of a Strava export's activities.csv."""

    path: Path
    label: str  # how the report names it
    row: dict[str, str] | None = field(default=None, compare=False)
    problem: str | None = None  # already known to be unreadable (say, a broken activities.csv)


def read_file(path: Path) -> list[Activity]:
    """Read a FIT, GPX or TCX file, gzipped or not."""
    data = _unzipped(path, _read_bytes(path))
    suffix = format_of(path.name) or _sniff(data)
    if suffix is None and data[:4] == b"PK\x03\x04":
        raise ActivityFileError("a zip archive: unpack it first (a Strava export is imported from its folder)")
    if suffix is None:
        raise ActivityFileError("not a FIT, GPX or TCX file")
    return _reader(suffix)(data, path.name)


def format_of(name: str) -> str | None:
    """'.fit' for 'run.fit' or 'run.FIT.gz'; None for anything else."""
    lowered = name.lower().removesuffix(".gz")
    return next((suffix for suffix in SUFFIXES if lowered.endswith(suffix)), None)


def _reader(suffix: str) -> Callable[[bytes, str], list[Activity]]:
    if suffix == ".fit":
        from plangen.logimport.fit import read_fit

        return read_fit
    if suffix == ".gpx":
        from plangen.logimport.gpx import read_gpx

        return read_gpx
    from plangen.logimport.tcx import read_tcx

    return read_tcx


def _read_bytes(path: Path) -> bytes:
    """A regular file's bytes, refused by its size before reading (O_NONBLOCK: a FIFO cannot hang us)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise ActivityFileError("no such file") from None
    except OSError as exc:
        raise ActivityFileError(f"cannot be read: {exc.strerror or exc}") from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
        os.close(fd)
        raise ActivityFileError(_too_large(info.st_size) if stat.S_ISREG(info.st_mode) else "not a regular file")
    with os.fdopen(fd, "rb") as handle:
        data = handle.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ActivityFileError(_too_large(len(data)))
    if not data:
        raise ActivityFileError("an empty file")
    return data


def _too_large(size: int) -> str:
    return (f"{size / 1_000_000:.0f} MB, more than the {MAX_BYTES // 1_000_000} MB a day-long recording "
            "takes: not read (export the activity on its own)")


def _unzipped(path: Path, data: bytes) -> bytes:
    if not (path.name.lower().endswith(".gz") or data[:2] == b"\x1f\x8b"):
        return data
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as handle:
            plain = handle.read(MAX_BYTES + 1)
    except (OSError, EOFError) as exc:
        raise ActivityFileError(f"a damaged gzip file: {exc}") from None
    if len(plain) > MAX_BYTES:
        raise ActivityFileError(f"unpacks to more than {MAX_BYTES // 1_000_000} MB, too large for one activity")
    return plain


def _sniff(data: bytes) -> str | None:
    """Recognise a file whose name does not say its format."""
    if len(data) >= 12 and data[8:12] == b".FIT":
        return ".fit"
    head = data[:2048].decode("utf-8", "ignore")
    if "<gpx" in head:
        return ".gpx"
    if "<TrainingCenterDatabase" in head:
        return ".tcx"
    return None

