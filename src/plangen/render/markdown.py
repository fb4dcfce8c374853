"""The one Markdown configuration for every body of text the project renders."""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

# A link may go to the web, to an e-mail address, or to a place on the same page. Anything else
# stays plain text: javascript:, data: and vbscript: run code; file: and relative paths name files
# on the machine that built the plan, which mean nothing to its reader and leak the folder layout
# (WeasyPrint turns a relative link into a file:/// URL in the PDF).
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
_RUNS_CODE = frozenset({"javascript", "vbscript", "data"})


def _compact(url: str) -> str:
    compact = _INVISIBLE.sub("", url).lower()
    # markdown-it percent-encodes destinations before validation; a hidden scheme may hide in them.
    return compact.replace("%09", "").replace("%0a", "").replace("%0d", "").replace("%20", "")


def is_safe_link(url: str) -> bool:
    """True for http(s) and mailto links and #anchors on the same page; browsers ignore blanks, so we do too."""
    compact = _compact(url)
    if compact.startswith("#"):
        return True
    match = _SCHEME.match(compact)
    return match is not None and match.group(1) in SAFE_SCHEMES


def _parseable(url: str) -> bool:
    """markdown-it's validateLink: a link that could run code is not even parsed as a link."""
    match = _SCHEME.match(_compact(url))
    return match is None or match.group(1) not in _RUNS_CODE


def _drop_unsafe_links(state: StateCore) -> None:
    """Unwrap every link that is_safe_link refuses, keeping its words; an unsafe image becomes its alt text."""
    for block in state.tokens:
        if block.type == "inline" and block.children:
            block.children = _unwrapped(block.children)


def _unwrapped(tokens: list[Token]) -> list[Token]:
    kept: list[Token] = []
    dropped: list[bool] = []  # one entry per open link: was it dropped?
    for index, token in enumerate(tokens):
        if token.type == "link_open":
            dropped.append(not is_safe_link(str(token.attrGet("href") or "")))
            if dropped[-1]:
                continue
        elif token.type == "link_close" and dropped.pop():
            continue
        elif dropped and dropped[-1] and index and tokens[index - 1].markup == "autolink":
            continue  # <file:///etc/x>: its words are the path itself
        elif token.type == "image" and not _safe_image(token):
            token = Token("text", "", 0, content=token.content)
        kept.append(token)
    return kept


def _safe_image(token: Token) -> bool:
    src = _compact(str(token.attrGet("src") or ""))
    return src.startswith(("https://", "http://"))


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # CommonMark with raw HTML off: <script> and friends come out escaped, never live.
    md = MarkdownIt("commonmark", {"html": False})
    md.validateLink = _parseable  # type: ignore[method-assign]  # markdown-it's documented hook
    md.core.ruler.push("drop_unsafe_links", _drop_unsafe_links)
    return md


def render_markdown(text: str) -> str:
    """Markdown -> safe HTML (raw HTML escaped, code-running links left as text, local links unwrapped)."""
    html: str = _parser().render(text)
    return html
