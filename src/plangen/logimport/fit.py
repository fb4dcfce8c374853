"""Read the session summaries of a Garmin FIT activity file with fitdecode."""

from __future__ import annotations

import datetime as dt
import io
import re
import struct
from typing import Any

from plangen.logimport.activity import Activity, ActivityFileError
from plangen.logimport.entries import finite

_FIELDS = (
    "sport", "sub_sport", "start_time", "total_timer_time", "total_distance", "total_ascent",
    "avg_running_cadence", "avg_walking_cadence", "avg_cadence", "avg_fractional_cadence",
)


# fitdecode meets some damage with Python's own errors rather than its FitError (an assert on a
# field size, a KeyError for an unknown developer field...): each is a damaged file all the same.
_DECODER_SLIPS = (AssertionError, TypeError, ValueError, KeyError, IndexError, struct.error, OverflowError,
                  ZeroDivisionError, UnicodeDecodeError)


def read_fit(data: bytes, name: str) -> list[Activity]:
    """One Activity per session in the file (a multisport file has several)."""
    import fitdecode  # lazily: the CLI must start fast

    summaries: dict[str, list[dict[str, Any]]] = {"session": [], "lap": [], "sport": [], "file_id": []}
    try:
        _decode(fitdecode, data, summaries)
    except (fitdecode.FitError, *_DECODER_SLIPS) as exc:
        # What was read before the damage travels with the error: the importer takes it only
        # when asked (--salvage) and otherwise tells the runner it is there.
        raise ActivityFileError(_explain(exc, data), tuple(_activities(summaries, name))) from None
    _check_is_activity(summaries)
    activities = _activities(summaries, name)
    if not activities:
        raise ActivityFileError("a FIT file with no session or lap summary, so no distance or time to log")
    return activities


def _decode(fitdecode: Any, data: bytes, summaries: dict[str, list[dict[str, Any]]]) -> None:
    # RAISE on both: a damaged file must fail loudly, not import half-read numbers.
    reader = fitdecode.FitReader(
        io.BytesIO(data), check_crc=fitdecode.CrcCheck.RAISE, error_handling=fitdecode.ErrorHandling.RAISE
    )
    with reader:
        for frame in reader:
            if isinstance(frame, fitdecode.FitDataMessage) and frame.name in summaries:
                summaries[frame.name].append(_values(frame))


def _values(frame: Any) -> dict[str, Any]:
    return {f.name: f.value for f in frame.fields if f.name in _FIELDS or f.name == "type"}


def _check_is_activity(summaries: dict[str, list[dict[str, Any]]]) -> None:
    kinds = {ident.get("type") for ident in summaries["file_id"]}
    if kinds and "activity" not in kinds:
        found = ", ".join(sorted(str(k) for k in kinds))
        raise ActivityFileError(f"a FIT {found} file, not a recorded activity")


def _activities(summaries: dict[str, list[dict[str, Any]]], name: str) -> list[Activity]:
    sessions = summaries["session"] or _laps_as_session(summaries["lap"])
    fallback = summaries["sport"][0] if summaries["sport"] else {}
    return [_activity(session, fallback, name) for session in sessions if _aware(session.get("start_time"))]


def _aware(value: Any) -> bool:
    """A start time fitdecode could read as a date (an invalid one stays a number)."""
    return isinstance(value, dt.datetime) and value.tzinfo is not None


def _laps_as_session(laps: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Some apps write laps but no session: add the laps up."""
    if not laps:
        return []
    total = dict(laps[0])
    for key in ("total_timer_time", "total_distance", "total_ascent"):
        values = [value for lap in laps if (value := finite(lap.get(key))) is not None]
        total[key] = sum(values) if values else None
    return [total]


def _activity(session: dict[str, Any], fallback: dict[str, Any], name: str) -> Activity:
    return Activity(
        source=name,
        sport=_text(session.get("sport") or fallback.get("sport")),
        sub_sport=_text(session.get("sub_sport") or fallback.get("sub_sport")),
        start=session["start_time"],
        distance_m=finite(session.get("total_distance")),
        timer_s=finite(session.get("total_timer_time")),
        cadence=_cadence(session),
        elevation_gain_m=finite(session.get("total_ascent")),
    )


def _cadence(session: dict[str, Any]) -> float | None:
    """Whole strides per minute plus FIT's separate fraction (83 + 0.67 -> 83.67)."""
    whole = next(
        (value for key in ("avg_running_cadence", "avg_walking_cadence", "avg_cadence") if (value := finite(session.get(key)))),
        None,
    )
    if whole is None:
        return None
    return whole + (finite(session.get("avg_fractional_cadence")) or 0.0)


def _text(value: Any) -> str | None:
    # An enum value fitdecode does not know comes through as a number.
    return None if value is None else str(value)


def _explain(exc: Exception, data: bytes) -> str:
    """fitdecode's error in words a runner can act on."""
    where = re.search(r"@\s*(\d+)", str(exc))
    at = f" at byte {where.group(1)}" if where else ""
    kind = type(exc).__name__
    if kind == "FitEOFError":
        return f"truncated FIT file: it ends after {len(data)} bytes{_announced(data)}"
    if kind == "FitHeaderError":
        return f"corrupt FIT file: no valid FIT header{at}" if at != " at byte 0" else "not a FIT file"
    if kind == "FitCRCError":
        return f"corrupt FIT file: checksum mismatch{at}"
    if not kind.startswith("Fit"):
        return f"corrupt FIT file: the decoder could not read it ({kind})"
    detail = re.sub(r"^FIT parsing error\s*@\s*\d+:\s*", "", str(exc))
    return f"corrupt FIT file{at}: {detail}"


def _announced(data: bytes) -> str:
    """The length the file's header promises (header + data + 2-byte CRC), when it can be read."""
    if len(data) < 12 or data[8:12] != b".FIT":
        return ""
    size = data[0] + struct.unpack_from("<I", data, 4)[0] + 2
    return f", its header announces {size}" if size > len(data) else ""
