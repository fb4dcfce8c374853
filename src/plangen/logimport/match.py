"""Decide, for each imported activity, whether the log already has it, has it without some fields, or lacks it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from plangen.sources.models import LogEntry, duration_minutes
from plangen.logimport.entries import FIELD_ORDER

SAME_START = dt.timedelta(minutes=2)  # two recordings of one session start within seconds of each other
SAME_SIZE = 0.05  # a hand-typed distance or time within 5% of the recorded one is the same session
# What an import may add to an entry it matches; never date, kind, type, rpe, pain or notes.
FILLABLE = ("distance", "duration", "cadence", "elevation_gain", "start_time", "source")
# A run the runner typed as walk-run is still the run the watch recorded.
_SAME_KIND = {"walk_run": "run"}

NEW, UPDATED, ALREADY = "new", "updated", "already"


@dataclass(frozen=True)
class Existing:
    """An entry already in the log: its validated values and the keys the runner wrote."""

    entry: LogEntry
    keys: frozenset[str]
    editable: bool = True  # False for an entry written inline ({...}): left exactly as it is


@dataclass
class _Slot:
    fields: dict[str, Any]
    index: int | None  # position in the file; None for an entry this import adds
    editable: bool = True
    added: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Outcome:
    """What became of one imported entry: new, updated or already there (and which entry it met)."""

    fields: dict[str, Any]
    result: str
    index: int | None = None  # the existing entry it matched


@dataclass
class MergePlan:
    """What to write: new entries (date order) and fields to add to existing ones (by index)."""

    new: list[dict[str, Any]]
    updates: dict[int, dict[str, Any]]
    outcomes: list[Outcome]

    @property
    def changes_file(self) -> bool:
        return bool(self.new or self.updates)


def plan_merge(existing: list[Existing], candidates: list[dict[str, Any]]) -> MergePlan:
    """Match every candidate against the log and against the candidates before it."""
    slots = [_slot(index, item) for index, item in enumerate(existing)]
    outcomes = [_merge_one(slots, candidate) for candidate in sorted(candidates, key=_order)]
    new = sorted((slot.fields for slot in slots if slot.index is None), key=_order)
    updates = {slot.index: _ordered(slot.added) for slot in slots if slot.index is not None and slot.added}
    return MergePlan(new, updates, outcomes)


def _slot(index: int, item: Existing) -> _Slot:
    fields = {key: getattr(item.entry, key) for key in FIELD_ORDER if key in item.keys}
    return _Slot(fields, index, item.editable)


def _merge_one(slots: list[_Slot], candidate: dict[str, Any]) -> Outcome:
    slot = _find(slots, candidate)
    if slot is None:
        slots.append(_Slot(dict(candidate), None))
        return Outcome(candidate, NEW)
    added = _fill(slot, candidate)
    return Outcome(candidate, UPDATED if added and slot.index is not None else ALREADY, slot.index)


def _find(slots: list[_Slot], candidate: dict[str, Any]) -> _Slot | None:
    same_kind = [slot for slot in slots if _kind(slot.fields) == _kind(candidate)]
    start = _start(candidate)
    for slot in same_kind:
        other = _start(slot.fields)
        if start and other and abs(start - other) <= SAME_START:
            return slot
    typed = [slot for slot in same_kind if _start(slot.fields) is None and slot.fields.get("date") == candidate["date"]]
    return next((slot for slot in typed if _same_size(slot.fields, candidate)), None)


def _same_size(typed: dict[str, Any], recorded: dict[str, Any]) -> bool:
    """Same distance (else same time) within 5%; an entry with neither is the day's session."""
    for key, value in (("distance", _number), ("duration", duration_minutes)):
        mine, theirs = value(typed.get(key)), value(recorded.get(key))
        if mine is not None and theirs is not None:
            return abs(mine - theirs) <= SAME_SIZE * max(mine, theirs)
    return typed.get("distance") is None and typed.get("duration") is None


def _fill(slot: _Slot, candidate: dict[str, Any]) -> dict[str, Any]:
    """Add the fields the entry lacks; never change one it has."""
    if not slot.editable:
        return {}
    added = {key: candidate[key] for key in FILLABLE if key in candidate and key not in slot.fields}
    slot.fields.update(added)
    slot.added.update(added)
    return added


def _kind(fields: dict[str, Any]) -> str:
    return _SAME_KIND.get(fields["activity"], fields["activity"])


def _start(fields: dict[str, Any]) -> dt.datetime | None:
    text = fields.get("start_time")
    try:
        start = dt.datetime.fromisoformat(text) if isinstance(text, str) else None
    except ValueError:
        return None  # a hand-typed start time we cannot read matches by date instead
    return start if start is None or start.tzinfo else start.replace(tzinfo=dt.UTC)


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _order(fields: dict[str, Any]) -> tuple[dt.date, float]:
    start = _start(fields)
    return fields["date"], start.timestamp() if start else 0.0


def _ordered(fields: dict[str, Any]) -> dict[str, Any]:
    return {key: fields[key] for key in FIELD_ORDER if key in fields}
