"""A WeasyPrint URL fetcher that serves only the theme's own asset files and refuses everything else.

WeasyPrint's default fetcher embeds any local file a ``<link rel="attachment">`` names and
will try HTTP; this one is the only door, so a stray ``file:///etc/passwd``, a ``../``
path or a web address fails the build instead of leaking into the PDF.
"""

from __future__ import annotations

import mimetypes
import os
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from weasyprint.urls import URLFetcher, URLFetcherResponse


class RefusedURL(ValueError):
    """A URL the print document may not use."""


class AssetFetcher(URLFetcher):  # type: ignore[misc]  # WeasyPrint ships no type hints
    """Serve ``<base>/assets/<name>`` from the theme's asset map; ``data:`` URLs pass through."""

    def __init__(self, base: Path, assets: Mapping[str, Path]) -> None:
        # fail_on_errors: a refused or missing resource stops the render instead of being skipped.
        super().__init__(fail_on_errors=True, allowed_protocols=("file", "data"))
        self._root = base / "assets"
        self._assets = dict(assets)

    def fetch(self, url: str, headers: Mapping[str, str] | None = None) -> URLFetcherResponse:
        scheme = url.split(":", 1)[0].lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme != "file":
            raise RefusedURL(f"the PDF may only use the theme's own files, not {url}")
        real = self._asset_file(url)
        content_type = mimetypes.guess_type(real.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, real.read_bytes(), {"Content-Type": content_type})

    def _asset_file(self, url: str) -> Path:
        # Normalise '..' before checking, then look the name up: only mapped files can be read,
        # and the map holds resolved paths already checked to stay inside their assets folder.
        path = Path(os.path.normpath(url2pathname(urlsplit(url).path)))
        if not path.is_relative_to(self._root):
            raise RefusedURL(f"{path} is outside the theme's assets folder {self._root}")
        name = path.relative_to(self._root).as_posix()
        if name not in self._assets:
            raise RefusedURL(f"the theme has no asset named {name!r} ({self._root})")
        return self._assets[name]
