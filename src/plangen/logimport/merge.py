"""Add imported entries to a training-log file without touching a byte of what the runner wrote.

ruamel.yaml's round-trip loader gives the line and column of every entry and key, and its
emitter quotes values the YAML 1.2 way plangen's reader expects. New lines are spliced into
the file's own text rather than re-emitting the whole document, so comments, blank lines,
quoting and indentation of existing entries survive exactly; the result is re-read and
checked before anything is written.
"""

from __future__ import annotations

import codecs
import datetime as dt
import io
import os
import re
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from plangen.errors import BuildError, InputError, Problem
from plangen.sources.models import LogEntry, TrainingLog
from plangen.logimport.entries import FIELD_ORDER
from plangen.logimport.match import Existing, MergePlan

NEW_LOG_HEADER = (
    "# Training log: one entry per session, oldest first (plangen log import adds recorded ones).\n"
    "# After each run add pain scores from 0 to 10: pain: {during: 2, after: 3, next_morning: 1}\n"
    "entries:\n"
)
_QUOTED = {"duration", "start_time"}  # "38:00" and ISO times stay strings for every YAML reader


@dataclass(frozen=True)
class _Layout:
    """Where the entries are in the file's lines."""

    starts: list[int]  # first line of each entry (its '-' line)
    key_lines: list[dict[str, int]]
    key_cols: list[int]
    flow: list[bool]
    dash_col: int  # how a new entry is indented, copied from the first one
    item_col: int
    empty_line: int | None  # the 'entries: []' line to turn into 'entries:'


def existing_entries(text: str, path: Path, log: TrainingLog) -> list[Existing]:
    """The log's entries with the keys the runner wrote and whether new fields can be added."""
    if not log.entries:
        return []
    layout = _layout(text, path)
    return [
        Existing(entry, frozenset(keys), editable=not flow)
        for entry, keys, flow in zip(log.entries, layout.key_lines, layout.flow, strict=True)
    ]


def merged_text(text: str, plan: MergePlan, dates: list[dt.date], path: Path) -> str:
    """``text`` with the plan's new entries and added fields spliced in."""
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += newline
    layout = _layout(text, path)
    inserts = [_update(layout, lines, index, fields) for index, fields in sorted(plan.updates.items())]
    inserts += [_new(layout, lines, dates, fields) for fields in plan.new]
    if layout.empty_line is not None:
        lines[layout.empty_line] = re.sub(r"\s*\[\s*\]", "", lines[layout.empty_line], count=1)
    return "".join(_spliced(lines, inserts, newline))


def check_merged(text: str, path: Path, old: TrainingLog, plan: MergePlan) -> TrainingLog:
    """Re-read the new text: every old entry (plus added fields) and every new one, nothing else."""
    from plangen.sources.runner import validate_document
    from plangen.sources.yamlreader import parse_yaml

    merged = validate_document(parse_yaml(text, path), TrainingLog)
    expected = [_with(entry, plan.updates.get(i, {})) for i, entry in enumerate(old.entries)]
    expected += [LogEntry.model_validate(fields) for fields in plan.new]
    if Counter(e.model_dump_json() for e in merged.entries) != Counter(e.model_dump_json() for e in expected):
        raise BuildError(f"{path}: the imported entries could not be added without changing others; nothing written")
    return merged


def write_atomically(path: Path, text: str, bom: bool = False) -> None:
    """Write via a temporary file in the same folder, keep the previous file as <name>.bak."""
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            shutil.copymode(path, temporary)
            shutil.copy2(path, path.with_name(path.name + ".bak"))
        else:
            os.chmod(temporary, 0o666 & ~_umask())  # mkstemp's 0600 is not what a new file gets
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def read_text(path: Path) -> tuple[str, bool]:
    """The log's text and whether it began with a byte-order mark (kept on write)."""
    raw = path.read_bytes()
    return raw.decode("utf-8-sig"), raw.startswith(codecs.BOM_UTF8)


def _layout(text: str, path: Path) -> _Layout:
    root = _round_trip(text, path)  # ruamel's CommentedMap: a dict that knows its lines
    if not _block_mapping_with_entries(root):
        raise InputError([Problem(path, 1, "entries", "an 'entries:' block list to add to", "none")])
    entries = root["entries"]
    if not entries:  # 'entries:' with nothing yet, or 'entries: []'
        empty_line = root.lc.value("entries")[0] if entries is not None else None
        return _Layout([], [], [], [], 2, 4, empty_line)
    if entries.fa.flow_style():
        raise InputError([Problem(path, root.lc.key("entries")[0] + 1, "entries", "a block list (one '- ' per entry)",
                                  "an inline [...] list", hint="rewrite it as a block list to import into it")])
    lines = text.splitlines()
    starts = [_dash_line(lines, *entries.lc.item(i)) for i in range(len(entries))]
    dash_col, item_col = _indent(lines, starts[0], entries.lc.item(0)[1])
    return _Layout(
        starts=starts,
        key_lines=[{key: item.lc.key(key)[0] for key in item} for item in entries],
        key_cols=[item.lc.col for item in entries],
        flow=[bool(item.fa.flow_style()) for item in entries],
        dash_col=dash_col,
        item_col=item_col,
        empty_line=None,
    )


def _block_mapping_with_entries(root: Any) -> bool:
    if not (isinstance(root, dict) and "entries" in root):
        return False
    style: Any = getattr(root, "fa", None)  # ruamel's format attribute: block or flow
    return style is not None and not style.flow_style()


def _round_trip(text: str, path: Path) -> Any:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        return YAML(typ="rt").load(text)
    except YAMLError as exc:
        raise InputError([Problem(path, None, "", "valid YAML", str(exc).splitlines()[0])]) from None


def _dash_line(lines: list[str], line: int, col: int) -> int:
    """The line of an entry's '-' (usually the line of its first key)."""
    while line > 0 and "-" not in lines[line][:col] and lines[line - 1].strip() == "-":
        line -= 1
    return line


def _indent(lines: list[str], start: int, item_col: int) -> tuple[int, int]:
    dash = lines[start].find("-")
    dash = dash if 0 <= dash < item_col or lines[start].strip() == "-" else max(item_col - 2, 0)
    return dash, max(item_col, dash + 2)


def _update(layout: _Layout, lines: list[str], index: int, fields: dict[str, Any]) -> tuple[int, int, list[str]]:
    """New fields go after the entry's last recorded-data key (date ... source), before rpe, pain, notes."""
    keys = sorted(layout.key_lines[index].items(), key=lambda item: item[1])
    lead = max((i for i, (key, _) in enumerate(keys) if key in FIELD_ORDER), default=len(keys) - 1)
    boundary = keys[lead + 1][1] if lead + 1 < len(keys) else _entry_end(layout, lines, index)
    indent = " " * layout.key_cols[index]
    return _after_content(lines, boundary), 0, [indent + line for line in _render(fields)]


def _new(layout: _Layout, lines: list[str], dates: list[dt.date], fields: dict[str, Any]) -> tuple[int, int, list[str]]:
    """A new entry goes after the last entry on or before its date."""
    slot = max((i + 1 for i, day in enumerate(dates) if day <= fields["date"]), default=0)
    boundary = layout.starts[slot] if slot < len(layout.starts) else len(lines)
    rendered = _render(fields)
    first = " " * layout.dash_col + "-" + " " * (layout.item_col - layout.dash_col - 1) + rendered[0]
    return _after_content(lines, boundary), 1, [first] + [" " * layout.item_col + line for line in rendered[1:]]


def _entry_end(layout: _Layout, lines: list[str], index: int) -> int:
    return layout.starts[index + 1] if index + 1 < len(layout.starts) else len(lines)


def _after_content(lines: list[str], boundary: int) -> int:
    """Just after the last line before ``boundary`` that is not blank or a comment.

    Comments and blank lines just above an entry belong to it, so nothing is slipped in between.
    """
    line = boundary - 1
    while line >= 0 and (not lines[line].strip() or lines[line].lstrip().startswith("#")):
        line -= 1
    return line + 1


def _render(fields: dict[str, Any]) -> list[str]:
    """'key: value' lines, quoted the YAML 1.2 way by ruamel."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    data = CommentedMap(
        (key, DoubleQuotedScalarString(value) if key in _QUOTED else value) for key, value in fields.items()
    )
    yaml = YAML(typ="rt")
    yaml.width = 4096  # never fold a long value over two lines
    yaml.allow_unicode = True
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    return buffer.getvalue().splitlines(keepends=True)


def _spliced(lines: list[str], inserts: list[tuple[int, int, list[str]]], newline: str) -> list[str]:
    # Bottom up, so earlier line numbers stay right; at one spot, added fields before new entries.
    ordered = sorted(((at, rank, seq, block) for seq, (at, rank, block) in enumerate(inserts)), reverse=True)
    for at, _, _, block in ordered:
        lines[at:at] = [line.rstrip("\n") + newline for line in block]
    return lines


def _with(entry: LogEntry, added: dict[str, Any]) -> LogEntry:
    return LogEntry.model_validate({**entry.model_dump(exclude_unset=True), **added}) if added else entry
