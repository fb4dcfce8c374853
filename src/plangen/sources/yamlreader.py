"""A strict YAML reader that keeps the line of every value for error messages.

PyYAML's safe loader still follows YAML 1.1: ``no`` becomes False, ``36:00``
becomes 2160, a duplicate key silently wins and an alias bomb of a few hundred
bytes can exhaust memory. This reader composes the node tree with a YAML 1.2
style resolver, refuses aliases, unknown tags and duplicate keys, and builds
plain Python values itself.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from plangen.errors import InputError, Problem

Loc = tuple[str | int, ...]

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_DATE = "tag:yaml.org,2002:timestamp"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_KNOWN_TAGS = {_STR, _INT, _FLOAT, _BOOL, _NULL, _DATE, _MAP, _SEQ}

MAX_BYTES = 2_000_000  # a profile or log is a few kilobytes; refuse anything absurd


class _Resolver(yaml.resolver.BaseResolver):
    """YAML 1.2 core schema, plus ISO calendar dates (and only dates)."""


_Resolver.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
_Resolver.add_implicit_resolver(_INT, re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
_Resolver.add_implicit_resolver(
    _FLOAT,
    re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$"),
    list("-+.0123456789"),
)
_Resolver.add_implicit_resolver(_NULL, re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])
_Resolver.add_implicit_resolver(_DATE, re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"), list("0123456789"))


class _AliasFound(Exception):
    def __init__(self, mark: yaml.Mark) -> None:
        self.mark = mark


class _Loader(
    yaml.reader.Reader,
    yaml.scanner.Scanner,
    yaml.parser.Parser,
    yaml.composer.Composer,
    _Resolver,
):
    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        _Resolver.__init__(self)

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        # Refuse aliases outright: they are never needed in a profile or log,
        # and expanding them is how a tiny file exhausts memory.
        if self.check_event(AliasEvent):
            raise _AliasFound(self.peek_event().start_mark)
        return super().compose_node(parent, index)


@dataclass(frozen=True)
class YamlDocument:
    """Plain data from one YAML file plus the line of every value and key."""

    path: Path
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)
    text_lines: tuple[str, ...] = ()

    def line_of(self, loc: Loc) -> int | None:
        """The line of the deepest known part of ``loc`` (a missing key points at its parent)."""
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.lines:
                return self.lines[loc[:end]]
        return None

    def source_at(self, line: int | None) -> str:
        if line is None or not 1 <= line <= len(self.text_lines):
            return ""
        return self.text_lines[line - 1]

    def problem(self, loc: Loc, expected: str, found: str, hint: str = "") -> Problem:
        line = self.line_of(loc)
        return Problem(
            file=self.path,
            line=line,
            field=dotted(loc),
            expected=expected,
            found=found,
            hint=hint,
            source_line=self.source_at(line),
        )


def dotted(loc: Loc) -> str:
    """``("entries", 3, "pain")`` -> ``entries[3].pain`` (0-based index as written)."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def read_yaml(path: Path) -> YamlDocument:
    """Read and parse ``path`` strictly; raise InputError naming file and line."""
    return parse_yaml(read_text(path), path)


def parse_yaml(text: str, path: Path, first_line: int = 1) -> YamlDocument:
    """Parse YAML ``text`` that came from ``path``, starting at ``first_line`` of that file.

    ``first_line`` lets front matter inside a Markdown file report its real lines.
    """
    padded = "\n" * (first_line - 1) + text
    try:
        node = _Loader(padded).get_single_node()
    except _AliasFound as exc:
        raise _error(path, exc.mark.line + 1, "", "no YAML aliases (*name)", "an alias", padded) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        found = (exc.problem or "invalid YAML").strip()
        raise _error(path, line, "", "valid YAML", found, padded) from None
    if node is None:
        raise _error(path, first_line, "", "a YAML mapping", "an empty document", padded)
    builder = _Builder(path, padded)
    data = builder.build(node, ())
    if builder.problems:
        raise InputError(builder.problems)
    return YamlDocument(path, data, builder.lines, tuple(padded.splitlines()))


def read_text(path: Path) -> str:
    """A small UTF-8 text file, or an InputError naming it (missing, a folder, too big, not UTF-8)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise _error(path, None, "", "an existing file", "no such file") from None
    except IsADirectoryError:
        raise _error(path, None, "", "a file", "a folder") from None
    except OSError as exc:
        raise _error(path, None, "", "a readable file", exc.strerror or str(exc)) from None
    if len(raw) > MAX_BYTES:
        raise _error(path, None, "", f"a file under {MAX_BYTES // 1_000_000} MB", f"{len(raw)} bytes")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _error(path, None, "", "UTF-8 text", f"a byte that is not UTF-8 at offset {exc.start}") from None


def _error(path: Path, line: int | None, field_: str, expected: str, found: str, text: str = "") -> InputError:
    lines = text.splitlines()
    source = lines[line - 1] if line and 0 < line <= len(lines) else ""
    return InputError([Problem(path, line, field_, expected, found, source_line=source)])


class _Builder:
    """Turns composed nodes into plain values, collecting every problem."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.text_lines = text.splitlines()
        self.lines: dict[Loc, int] = {}
        self.problems: list[Problem] = []

    def build(self, node: Node, loc: Loc) -> Any:
        self.lines.setdefault(loc, node.start_mark.line + 1)
        if node.tag not in _KNOWN_TAGS:
            self._problem(node, loc, "plain YAML values", f"the tag {node.tag!r}")
            return None
        if isinstance(node, MappingNode):
            return self._mapping(node, loc)
        if isinstance(node, SequenceNode):
            return [self.build(item, loc + (i,)) for i, item in enumerate(node.value)]
        return self._scalar(node, loc)

    def _mapping(self, node: MappingNode, loc: Loc) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self._problem(key_node, loc, "a plain key", "a complex key")
                continue
            key = str(key_node.value)
            if key in result:
                first = self.lines.get(loc + (key,))
                self._problem(key_node, loc + (key,), "each key once", f"a second {key!r} (first on line {first})")
                continue
            self.lines[loc + (key,)] = key_node.start_mark.line + 1
            result[key] = self.build(value_node, loc + (key,))
        return result

    def _scalar(self, node: ScalarNode, loc: Loc) -> Any:
        value = node.value
        if node.tag == _INT:
            return int(value)
        if node.tag == _FLOAT:
            return float(value)
        if node.tag == _BOOL:
            return value.lower() == "true"
        if node.tag == _NULL:
            return None
        if node.tag == _DATE:
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                return value  # not a real date: the model says so where a date is expected
        return value

    def _problem(self, node: Node, loc: Loc, expected: str, found: str) -> None:
        line = node.start_mark.line + 1
        source = self.text_lines[line - 1] if 0 < line <= len(self.text_lines) else ""
        self.problems.append(Problem(self.path, line, dotted(loc), expected, found, source_line=source))
