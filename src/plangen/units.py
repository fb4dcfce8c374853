"""Distances and clock times: one definition of a mile and one way to write a duration, for every stage."""

from __future__ import annotations

METRES_PER = {"km": 1000.0, "mi": 1609.344}  # the international mile, exactly
KM_PER = {unit: metres / 1000.0 for unit, metres in METRES_PER.items()}


def clock(seconds: float) -> str:
    """3725.4 -> '1:02:05'; 2832 -> '47:12'; 56.9 -> '00:57': the log's own h:mm:ss / mm:ss."""
    hours, rest = divmod(round(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"
