"""A strict YAML reader that keeps the line of every value for error messages.

PyYAML's safe loader still follows YAML 1.1: ``no`` becomes False, ``36:00``
becomes 2160, a duplicate key silently wins and an alias bomb of a few hundred
bytes can exhaust memory. This reader composes the node tree with a YAML 1.2
style resolver, refuses aliases, unknown tags and duplicate keys, and builds
plain Python values itself. libyaml composes the tree when it is installed (about three
times faster); the pure-Python composer takes over for anything that needs its checks
or its wording (tags, aliases, syntax errors), so both give the same result.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import os
import re
import stat
from collections.abc import Iterator
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

# A profile is a few kilobytes and a log of 100,000 sessions about 14 MB: refuse anything bigger
# before reading it, so /dev/zero or a huge file cannot exhaust memory.
MAX_BYTES = 20_000_000
# A profile or log nests four or five levels; far deeper is a mistake or an attack (and the
# recursive composer would hit Python's recursion limit near 500).
MAX_DEPTH = 32
# Numbers here are paces, pains and kilometres; Python refuses to read integers past 4,300 digits.
MAX_DIGITS = 30
# What YAML itself refuses to read (its "printable" set): NUL, BEL, ESC and other control characters.
_NOT_PRINTABLE = re.compile("[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")
_CONTROL_NAMES = {0x00: "NUL", 0x07: "BEL", 0x08: "backspace", 0x1B: "ESC", 0x7F: "DEL"}
# Where a tag (!), an anchor (&) or an alias (*) could begin a node. libyaml has no hook to refuse
# them, so text that may hold one goes to the pure-Python composer (a false alarm only costs speed).
_MAY_HOLD_TAG_OR_ALIAS = re.compile(r"(?:^|[\s\[\]{},:?-])[!&*]", re.MULTILINE)


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


class _Refused(Exception):
    """A node the reader refuses outright, with where it starts and what it is."""

    def __init__(self, mark: yaml.Mark, expected: str, found: str) -> None:
        self.mark, self.expected, self.found = mark, expected, found


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
        self._depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        event = self.peek_event()
        # Refuse aliases outright: they are never needed in a profile or log,
        # and expanding them is how a tiny file exhausts memory.
        if isinstance(event, AliasEvent):
            raise _Refused(event.start_mark, "no YAML aliases (*name)", "an alias")
        # Explicit tags, standard ones too (!!int 0x1F, --- !!seq): a value is what it looks like.
        if getattr(event, "tag", None) not in (None, "!"):
            raise _Refused(event.start_mark, "plain YAML values (tags are not allowed)", f"the tag {event.tag!r}")
        if self._depth > MAX_DEPTH:
            raise _Refused(event.start_mark, f"at most {MAX_DEPTH} levels of nesting", "deeper nesting")
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


try:
    from yaml.cyaml import CParser
except ImportError:  # PyYAML built without libyaml: the pure-Python composer does it all
    CParser = None


if CParser is not None:

    class _CLoader(CParser, _Resolver):  # type: ignore[misc,valid-type]
        """libyaml's scanner, parser and composer with the same resolver."""

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            _Resolver.__init__(self)


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
        return shown(self.text_lines[line - 1])

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
    _check_printable(padded, path)
    with _gc_paused():
        return _parse(padded, path, first_line)


def _parse(padded: str, path: Path, first_line: int) -> YamlDocument:
    try:
        node = _compose(padded)
        if node is None:
            raise _error(path, first_line, "", "a YAML mapping", "an empty document", padded)
        builder = _Builder(path, padded)
        data = builder.build(node, ())
    except _Refused as exc:
        raise _error(path, exc.mark.line + 1, "", exc.expected, exc.found, padded) from None
    except yaml.MarkedYAMLError as exc:
        raise InputError([_syntax_problem(exc, path, padded)]) from None
    except yaml.YAMLError as exc:  # not located by PyYAML: say what it said
        raise _error(path, None, "", "valid YAML", str(exc).splitlines()[0] if str(exc) else "invalid YAML") from None
    if builder.problems:
        raise InputError(builder.problems)
    return YamlDocument(path, data, builder.lines, tuple(padded.splitlines()))


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a tree is built: the nodes and values hold no cycles,
    and a 10,000-entry log allocates enough containers to trigger it hundreds of times (2/3 of the time)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _compose(text: str) -> Node | None:
    """The node tree: by libyaml when the text can need none of the pure-Python composer's refusals."""
    if CParser is not None and not _MAY_HOLD_TAG_OR_ALIAS.search(text):
        try:
            return _CLoader(text).get_single_node()
        except yaml.YAMLError:
            pass  # the pure-Python composer words the same error, in the words the messages below expect
    return _Loader(text).get_single_node()


def _check_printable(text: str, path: Path) -> None:
    """A control character (BEL, ESC, NUL...) is refused with its line, as YAML would, but in words."""
    match = _NOT_PRINTABLE.search(text)
    if match is None:
        return
    code = ord(match.group())
    name = _CONTROL_NAMES.get(code, f"U+{code:04X}")
    line = text.count("\n", 0, match.start()) + 1
    raise _error(path, line, "", "text without control characters", f"the control character {name}", text)


def _syntax_problem(exc: yaml.MarkedYAMLError, path: Path, text: str) -> Problem:
    """PyYAML's parser message in plain words, with the line where the problem shows."""
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else None
    problem = (exc.problem or "invalid YAML").strip()
    expected, found = "valid YAML", problem.removeprefix("found ")
    if "'\\t'" in problem or " tab " in problem:
        found = "a tab; indent with spaces"
    elif ", but got " in problem or ", but found " in problem:
        expected, _, found = re.split(r", but (got|found) ", problem, maxsplit=1)
        expected = expected.removeprefix("expected ")
    return Problem(path, line, "", expected, found, hint=_opened_at(exc), source_line=_line_text(text, line))


def _opened_at(exc: yaml.MarkedYAMLError) -> str:
    """'the list that began on line 3 is not closed', for an unclosed [, { or quote."""
    context = exc.context or ""
    what = next((word for key, word in _OPENERS.items() if key in context), None)
    if what is None or exc.context_mark is None:
        return ""
    return f"the {what} that began on line {exc.context_mark.line + 1} is not closed"


_OPENERS = {"flow sequence": "list [", "flow mapping": "mapping {", "quoted scalar": "quoted text"}


def read_text(path: Path) -> str:
    """A UTF-8 text file, or an InputError naming it (missing, not a regular file, too big, not UTF-8)."""
    raw = _read_regular_file(path)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _error(path, None, "", "UTF-8 text", f"a byte that is not UTF-8 at offset {exc.start}") from None


def _read_regular_file(path: Path) -> bytes:
    """The bytes of a regular file of at most MAX_BYTES, judged by its size before reading.

    O_NONBLOCK keeps a FIFO from blocking the open; devices, pipes and folders are refused.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise _error(path, None, "", "an existing file", "no such file") from None
    except IsADirectoryError:
        raise _error(path, None, "", "a file", "a folder") from None
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the path
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "a path that cannot be opened"
        raise _error(path, None, "", "a readable file", reason) from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
        os.close(fd)
        _refuse_unread(path, info)
    with os.fdopen(fd, "rb") as handle:
        raw = handle.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:  # it grew while we read it
        raise _error(path, None, "", f"a file of at most {MAX_BYTES // 1_000_000} MB", "more")
    return raw


def _refuse_unread(path: Path, info: os.stat_result) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise _error(path, None, "", "a regular file", "a folder")
    if not stat.S_ISREG(info.st_mode):
        raise _error(path, None, "", "a regular file", "a device, pipe or socket")
    raise _error(path, None, "", f"a file of at most {MAX_BYTES // 1_000_000} MB", f"{info.st_size} bytes")


def _error(path: Path, line: int | None, field_: str, expected: str, found: str, text: str = "") -> InputError:
    return InputError([Problem(path, line, field_, expected, found, source_line=_line_text(text, line))])


def _line_text(text: str, line: int | None) -> str:
    lines = text.splitlines()
    return shown(lines[line - 1]) if line and 0 < line <= len(lines) else ""


_SHOWN_CHARS = 120  # an error quotes the line, not a megabyte of it


def shown(line: str) -> str:
    """A source line safe to print: control characters escaped (no terminal tricks), long lines cut."""
    safe = _NOT_PRINTABLE.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 256 else "?", line)
    return safe if len(safe) <= _SHOWN_CHARS else safe[: _SHOWN_CHARS - 3] + "..."


class _Builder:
    """Turns composed nodes into plain values, collecting every problem."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.text_lines = text.splitlines()
        self.lines: dict[Loc, int] = {}
        self.problems: list[Problem] = []

    def build(self, node: Node, loc: Loc) -> Any:
        self.lines.setdefault(loc, node.start_mark.line + 1)
        if len(loc) > MAX_DEPTH:  # libyaml allows 1,000 levels; we allow what the Python composer does
            raise _Refused(node.start_mark, f"at most {MAX_DEPTH} levels of nesting", "deeper nesting")
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
        if node.tag in (_INT, _FLOAT) and len(value) > MAX_DIGITS:
            self._problem(node, loc, f"a number of at most {MAX_DIGITS} digits", f"a number of {len(value)} characters")
            return None
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
        source = shown(self.text_lines[line - 1]) if 0 < line <= len(self.text_lines) else ""
        self.problems.append(Problem(self.path, line, dotted(loc), expected, found, source_line=source))
