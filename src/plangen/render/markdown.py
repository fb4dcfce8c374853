"""The one Markdown configuration for every body of text the project renders."""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt

# Only these schemes may appear in a link; anything else (javascript:, data:, vbscript:,
# file:) is left as plain text. Relative links and #fragments have no scheme and pass.
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")


def is_safe_link(url: str) -> bool:
    """True for relative links and http(s)/mailto links; browsers ignore blanks, so we do too."""
    compact = _INVISIBLE.sub("", url).lower()
    # markdown-it percent-encodes destinations before validation; a hidden scheme may hide in them.
    compact = compact.replace("%09", "").replace("%0a", "").replace("%0d", "").replace("%20", "")
    match = _SCHEME.match(compact)
    return match is None or match.group(1) in SAFE_SCHEMES


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # CommonMark with raw HTML off: <script> and friends come out escaped, never live.
    md = MarkdownIt("commonmark", {"html": False})
    md.validateLink = is_safe_link  # type: ignore[method-assign]  # markdown-it's documented hook
    return md


def render_markdown(text: str) -> str:
    """Markdown -> safe HTML (raw HTML escaped, unsafe links left as text)."""
    html: str = _parser().render(text)
    return html
