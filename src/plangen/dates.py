"""Dates in words from the project's own tables (never the process locale), for the planner and the pages."""

from __future__ import annotations

import datetime as dt

MONTHS = ("January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def day_month_year(day: dt.date) -> str:
    """31 May 2027: how a runner's sentence names a date (ISO dates stay in the clinician's data)."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
