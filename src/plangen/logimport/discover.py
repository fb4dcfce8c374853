"""Find what to import in the paths given (files, folders, Strava exports), and read each source."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from plangen.logimport.activity import Activity, ActivityFileError
from plangen.logimport.files import Source, format_of, read_file
from plangen.logimport.strava import read_strava_row, strava_sources


def discover(paths: Sequence[Path]) -> list[Source]:
    """Expand folders (recursively; a folder with activities.csv is a Strava export) into sources."""
    sources: list[Source] = []
    seen: set[Path] = set()
    for path in paths:
        if path.name == "activities.csv" and path.is_file():  # the export's index names the export
            path = path.parent
        sources.extend(_folder(path, seen) if path.is_dir() else [Source(path, str(path))])
    return sources


def _folder(folder: Path, seen: set[Path]) -> list[Source]:
    real = folder.resolve()
    if real in seen:  # a symlink loop, or the same folder named twice
        return []
    seen.add(real)
    if (folder / "activities.csv").is_file():
        return strava_sources(folder)
    found: list[Source] = []
    for child in sorted(folder.iterdir()):
        if child.is_dir():
            found.extend(_folder(child, seen))
        elif format_of(child.name):  # other files in a folder (notes, photos) are not ours to judge
            found.append(Source(child, str(child)))
    return found


def read_source(source: Source) -> list[Activity]:
    """The activities in one source; ActivityFileError says what is wrong with it."""
    if source.problem:
        raise ActivityFileError(source.problem)
    if source.row is not None:
        return read_strava_row(source)
    return read_file(source.path)
