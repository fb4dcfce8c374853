"""Jinja filters that turn plan numbers and dates into words, independent of the process locale."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import Any

from markupsafe import Markup

from plangen.dates import MONTHS, WEEKDAYS
from plangen.units import clock
from plangen.wording import say
from plangen.wording.catalogue import MESSAGES
from plangen.wording.numbers import number, percent

# Our own tables: strftime would follow the process locale and change the output per machine.

LABELS = {
    "walk_run": "walk-run",
    "cross_training": "cross-training",
    "pool_running": "pool running",
    "no_running": "no running",
    "after_60_min": "after 60 min",
    "next_morning": "next morning",
    "prolonged_sitting": "long sitting",
    # Week.change keys (R18's one change per week) no setting sizes; `change` words the others with their limits
    "stage": "the next walk-run stage, after 2 green sessions",
    "strides": "short, relaxed strides at the end of one run",
    "tempo": "one steady (tempo) section in one run",
    "hills": "gentle uphill running in one run",
}
UNIT_WORDS = {"km": "km", "mi": "mi"}
_TEMPO = re.compile(r"^(\d+)-(\d+)-(\d+)$")
_HEADING = re.compile(r"<(/?)h([1-6])\b", re.IGNORECASE)


def as_date(value: dt.date | str) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def date_long(value: dt.date | str) -> str:
    """Monday 7 December 2026."""
    day = as_date(value)
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def date_medium(value: dt.date | str) -> str:
    """Mon 7 Dec 2026."""
    day = as_date(value)
    return f"{WEEKDAYS[day.weekday()][:3]} {day.day} {MONTHS[day.month - 1][:3]} {day.year}"


def date_short(value: dt.date | str) -> str:
    """Mon 7 Dec."""
    day = as_date(value)
    return f"{WEEKDAYS[day.weekday()][:3]} {day.day} {MONTHS[day.month - 1][:3]}"


def date_range(start: dt.date | str, days: int = 7) -> str:
    """7-13 Dec 2026, or 28 Dec 2026 - 3 Jan 2027 across a year."""
    first = as_date(start)
    last = first + dt.timedelta(days=days - 1)
    end = f"{last.day} {MONTHS[last.month - 1][:3]} {last.year}"
    if first.year != last.year:
        return f"{first.day} {MONTHS[first.month - 1][:3]} {first.year} – {end}"
    if first.month != last.month:
        return f"{first.day} {MONTHS[first.month - 1][:3]} – {end}"
    return f"{first.day}–{end}"


def weekday_name(value: dt.date | str) -> str:
    return WEEKDAYS[as_date(value).weekday()]


def distance(value: float | None, units: str) -> str:
    """9.5 km; a missing distance is a dash, not zero."""
    if value is None:
        return "–"
    return f"{number(value)} {UNIT_WORDS.get(units, units)}"


def minutes(value: float | None) -> str:
    """45 -> '45 min', 60 -> '1 h', 78 -> '1 h 18 min', 19.5 -> '19 min 30 s', 0.5 -> '30 s'."""
    if value is None:
        return "–"
    total_s = round(float(value) * 60)
    if total_s < 60:
        return f"{total_s} s"
    hours, rest = divmod(total_s, 3600)
    mins, secs = divmod(rest, 60)
    parts = [f"{hours} h"] if hours else []
    parts += [f"{mins} min"] if mins else []
    parts += [f"{secs} s"] if secs else []
    return " ".join(parts)


def seconds(value: float | None) -> str:
    """Rests and holds: 90 -> '90 s', 120 -> '2 min' (a short rest reads better in seconds)."""
    if value is None:
        return "–"
    return f"{round(value)} s" if value < 120 else minutes(value / 60)


def mmss(value: float | None) -> str:
    """38.0 -> '38:00', 62.5 -> '1:02:30': the log's own duration format."""
    return "–" if value is None else clock(float(value) * 60)


def intervals(value: Any) -> str:
    """4 × (3 min run / 2 min walk)."""
    if value is None:
        return ""
    run = f"{minutes(value.run_min)} run"
    if not value.walk_min:
        return f"{value.repeats} × {run}" if value.repeats > 1 else run
    return f"{value.repeats} × ({run} / {minutes(value.walk_min)} walk)"


def tempo(value: str | None) -> str:
    """'3-1-1' -> '3 s down, 1 s pause, 1 s up'; any other notation is shown as written."""
    if not value:
        return ""
    match = _TEMPO.match(value.strip())
    if not match:
        return value
    down, pause, up = match.groups()
    parts = [f"{down} s down"]
    if pause != "0":
        parts.append(f"{pause} s pause")
    parts.append(f"{up} s up")
    return ", ".join(parts)


def dose(value: Any) -> str:
    """3 × 10, 3 × 30 s hold, or 1 × 10 min: sets times reps or hold, never both."""
    sets = getattr(value, "sets", None)
    reps = getattr(value, "reps", None)
    hold = getattr(value, "hold_s", None)
    amount = f"{reps}" if reps else (f"{hold} s hold" if hold else "")
    if not amount:
        amount = _other_amount(value)
    if sets and amount:
        return f"{sets} × {amount}"
    return amount or (f"{sets} set{'s' if sets != 1 else ''}" if sets else "")


def amount(session: Any, units: str) -> str:
    """A session's size: '3 km · 30 min', or a dash when the plan gives neither."""
    bits = []
    if session.distance:
        bits.append(distance(session.distance, units))
    if session.duration_min:
        bits.append(minutes(session.duration_min))
    return " · ".join(bits) or "–"


def _other_amount(value: Any) -> str:
    # Library doses may be timed or measured instead of counted (drills, cross-training).
    if getattr(value, "duration_min", None):
        return minutes(value.duration_min)
    if getattr(value, "duration_s", None):
        return seconds(value.duration_s)
    if getattr(value, "distance_m", None):
        return f"{value.distance_m} m"
    return ""


def label(value: Any) -> str:
    """An enum value in plain words: 'walk_run' -> 'walk-run'."""
    if value is None:
        return ""
    text = str(value)
    return LABELS.get(text, text.replace("_", " "))


# The catalogue's words for each change a setting sizes, in full and short (a table cell); the rest are LABELS'.
_CHANGE_MESSAGES = {
    "volume": ("pages.change.volume", "pages.change.volume_short"),
    "cadence step 1": ("pages.change.cadence_first", "pages.change.cadence_first_short"),
    "cadence step 2": ("pages.change.cadence_again", "pages.change.cadence_again_short"),
    "stage": (None, "pages.change.stage_short"),
}


def phase(value: Any, short: bool = False) -> str:
    """A week's phase in the runner's words ('deload' -> 'Lighter week'); ``short`` for a table cell."""
    key = f"pages.phase_short.{value}" if short and f"pages.phase_short.{value}" in MESSAGES else f"pages.phase.{value}"
    return say(key, {}) if key in MESSAGES else label(value).capitalize()


def change(value: Any, limits: Mapping[str, float], short: bool = False) -> str:
    """A week's one change in plain words with the plan's own limit: 'a little more running (up to 10% more than
    last week)'; ``short`` for a table cell: 'more running (up to 10%)'."""
    key = _CHANGE_MESSAGES.get(str(value), (None, None))[short]
    return say(key, limits) if key else label(value)


def listing(value: Any) -> str:
    """A list of enum values as words: ['band', 'step'] -> 'band, step'; text stays as it is."""
    if value is None:
        return ""
    if isinstance(value, str):
        return label(value)
    return ", ".join(label(item) for item in value)


def capital(value: Any) -> str:
    text = label(value)
    return text[:1].upper() + text[1:]


def demote(html: str, top: int) -> Markup:
    """Shift the headings of an exercise card's body (project content) so the highest is ``<h{top}>``.

    The cards' Markdown starts at ``##``; on a page or in the print document the card
    title sits at a different level, and the outline must stay in order.
    """
    levels = [int(level) for _, level in _HEADING.findall(html)]
    if not levels:
        return Markup(html)
    shift = top - min(levels)
    return Markup(_HEADING.sub(lambda m: f"<{m.group(1)}h{min(int(m.group(2)) + shift, 6)}", html))


def week_runs(doses: Sequence[tuple[int, Any]]) -> list[tuple[int, int, Any]]:
    """Consecutive weeks with the same dose as one row: [(1, 3, dose), (4, 4, dose), ...]."""
    runs: list[tuple[int, int, Any]] = []
    for week, item in doses:
        if runs and runs[-1][1] == week - 1 and _same_dose(runs[-1][2], item):
            runs[-1] = (runs[-1][0], week, runs[-1][2])
        elif not (runs and runs[-1][1] == week and _same_dose(runs[-1][2], item)):
            runs.append((week, week, item))
    return runs


def _same_dose(a: Any, b: Any) -> bool:
    fields = ("sets", "reps", "hold_s", "tempo", "load")
    return all(getattr(a, f, None) == getattr(b, f, None) for f in fields)


FILTERS = {
    "date_long": date_long,
    "date_medium": date_medium,
    "date_short": date_short,
    "date_range": date_range,
    "weekday_name": weekday_name,
    "number": number,
    "distance": distance,
    "minutes": minutes,
    "mmss": mmss,
    "seconds": seconds,
    "intervals": intervals,
    "tempo": tempo,
    "dose": dose,
    "amount": amount,
    "label": label,
    "capital": capital,
    "listing": listing,
    "change": change,
    "phase": phase,
    "percent": percent,
    "demote": demote,
    "week_runs": week_runs,
}
