"""How a number reads in a sentence: no trailing '.0', shares as percents, the settings as a runner reads them."""

from __future__ import annotations

from collections.abc import Mapping

from plangen.rules import THRESHOLDS


def number(value: float | None, places: int = 1) -> str:
    """9.5 -> '9.5', 10.0 -> '10': no trailing '.0' to read past."""
    if value is None:
        return "–"
    text = f"{float(value):.{places}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def percent(fraction: float) -> str:
    """0.1 -> '10%', 0.025 -> '2.5%': a setting's fraction as the runner reads it."""
    return f"{number(fraction * 100)}%"


# The settings that are shares of something (a rise, a cut, a part of a week): a runner reads them as percents.
PERCENT_SETTINGS = frozenset({
    "weekly_increase_max", "two_week_increase_max", "deload_cut", "flare_cut_min", "cadence_first_step", "cadence_max_step",
    "entry_bout_fraction", "long_run_increase_max", "amber_trim", "taper_volume_max", "recovery_volume_max",
    "event_run_walk_share", "restart_continuous_fraction",
})


def setting_words(limits: Mapping[str, float]) -> dict[str, str]:
    """Every setting as a card's {placeholder} reads it: '10%' for a share, '2' or '1.1' otherwise."""
    return {key: percent(limits[key]) if key in PERCENT_SETTINGS else number(limits[key], 2) for key in THRESHOLDS}
