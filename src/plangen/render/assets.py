"""The theme's static files (CSS, fonts, images): the user's override ours, file by file."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from plangen.artifacts import Artifact
from plangen.errors import BuildError
from plangen.resources import theme_dirs


def theme_assets(templates: Path | None = None) -> dict[str, Path]:
    """Map each asset's POSIX name under ``assets/`` to the real file, first theme winning.

    Every file is resolved and must stay inside its theme's assets folder, so a symlink
    cannot smuggle ``/etc/passwd`` into the site or the PDF.
    """
    found: dict[str, Path] = {}
    for theme in theme_dirs(templates):
        root = theme / "assets"
        if not root.is_dir():
            continue
        real_root = root.resolve()
        for path in sorted(root.rglob("*")):
            name = path.relative_to(root).as_posix()
            if name in found or path.is_dir() or _hidden(name):
                continue
            found[name] = _inside(path, real_root)
    return found


def assets_base(templates: Path | None = None) -> Path:
    """The theme folder whose ``assets/`` holds the stylesheets (the print document's base URL)."""
    for theme in theme_dirs(templates):
        if (theme / "assets").is_dir():
            return theme.resolve()
    raise BuildError("the theme has no assets folder (expected templates/assets/plangen.css)")


def asset_artifacts(templates: Path | None = None) -> list[Artifact]:
    """The assets as site files under ``assets/``, shared by every plan."""
    return [
        Artifact(PurePosixPath("assets") / name, path.read_bytes())
        for name, path in sorted(theme_assets(templates).items())
    ]


def _inside(path: Path, real_root: Path) -> Path:
    real = path.resolve()
    if not real.is_relative_to(real_root) or not real.is_file():
        raise BuildError(f"theme asset {path} points outside its assets folder ({real}); refusing to use it")
    return real


def _hidden(name: str) -> bool:
    # Editor backups and dot-files are not part of the theme.
    return any(part.startswith(".") for part in PurePosixPath(name).parts) or name.endswith("~")
