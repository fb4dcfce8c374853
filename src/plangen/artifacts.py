"""What a renderer hands to the writer: a relative path inside the output folder and its bytes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath


@dataclass(frozen=True)
class Artifact:
    """One output file. ``path`` is relative to the output folder, POSIX style, never absolute."""

    path: PurePosixPath
    data: bytes

    @classmethod
    def text(cls, path: str, text: str) -> Artifact:
        return cls(PurePosixPath(path), text.encode("utf-8"))


@dataclass(frozen=True)
class RenderOptions:
    """Presentation choices that are not planning decisions."""

    paper: str = "a4"  # a4 | letter
    anonymous: bool = False
    large_print: bool = False
    pdf: bool = True  # whether plan.pdf is made, so pages never link a missing file
    generated: str = ""  # ISO date of the build (from SOURCE_DATE_EPOCH when set)
    base_url: str | None = None  # where the site is published (QR codes point here)
    review_by: str = ""  # ISO date by which a clinician should review the plan (else review_weeks decides it)
    review_weeks: int = 0  # the clinic's review: this many weeks after issue, or after the start if that is later
    publish: bool = False  # published build: noindex, no personal details
    clinic_name: str | None = None
    clinic_contact: str | None = None
    disclaimer: str | None = None
    accent: str = "#1f5f8b"
    logo: tuple[str, bytes] | None = None  # (file name, bytes) of the clinic's logo
