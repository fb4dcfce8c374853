"""Next week's running volume and its one change (R18, R20, R23, R23a, R27, R34, R38)."""

from __future__ import annotations

from dataclasses import dataclass, field

from plangen.document.plan import Reason
from plangen.planner.progress import AT_GOAL, State, floor1
from plangen.planner.reasons import explain
from plangen.rules import Settings

INTENSITY_STEPS = ("strides", "tempo", "hills")  # volume first, then speed, hills last (R16, R18)


@dataclass(frozen=True)
class Decision:
    volume: float
    phase: str
    change: str | None = None
    deload: bool = False
    walk_breaks: bool = False
    intensity: str | None = None
    reasons: list[Reason] = field(default_factory=list)


def cadence_helps(cadence: int | None, settings: Settings) -> bool:
    """R48: a cadence change only for a known step rate below cadence_no_change_min."""
    return cadence is not None and cadence < settings.cadence_no_change_min


def decide(state: State, settings: Settings, goal: float | None, cadence_known: bool, maintain: bool,
           avoid_hills: bool, units: str) -> Decision:
    """The volume and the single change for the next build week, with the reason for each."""
    if not state.volumes:
        return _first_week(state, settings, cadence_known, units)
    if state.flare:
        return _step_back(state, settings, units)
    if state.since_deload >= settings.deload_every - 1:
        return _deload(state, settings, units)
    if state.volumes[-1][1]:
        return _after_deload(state, settings, cadence_known, units)
    if state.hold_why:  # an amber week repeats, keeping its walk breaks if it had them (R42)
        why = explain("R14", "load.repeat_amber", settings, private="data", why=state.hold_why)
        return Decision(state.volumes[-1][0], "build", None, walk_breaks=state.walk_breaks, reasons=[why])
    if state.walk_breaks:
        return _without_walk_breaks(state, settings, goal, units)
    if maintain:
        why = explain("R3", "load.held_for_review", settings, private="answer", volume=state.volumes[-1][0], units=units)
        return Decision(state.volumes[-1][0], "maintain", None, reasons=[why])
    if goal is not None and state.last_non_deload() >= AT_GOAL * goal:
        return _at_target(state, settings, goal, avoid_hills, units)
    if cadence_known and state.cadence_step == 0:
        return _cadence_week(state, settings, state.volumes[-1][0])
    return _volume_up(state, settings, goal, units)


def _first_week(state: State, settings: Settings, cadence_known: bool, units: str) -> Decision:
    """The first build week: the entry's volume and its reasons (R27, R41-R45); amber starts keep walk breaks."""
    volume = floor1(state.green_volume)
    why = explain("R27", "load.first_green_week", settings, private="data", volume=volume, units=units)
    reasons, walk_breaks, hold = state.first_reasons or [why], state.first_walk_breaks, state.first_hold  # the entry's own, when given
    if cadence_known and not walk_breaks and not hold:
        return _cadence_week(state, settings, volume, reasons)
    return Decision(volume, "build", None, walk_breaks=walk_breaks, reasons=reasons)


def _without_walk_breaks(state: State, settings: Settings, goal: float | None, units: str) -> Decision:
    """R18: after a week with walk breaks, the one change is running without them, at the same volume (never past the goal)."""
    volume = floor1(min(state.volumes[-1][0], goal)) if goal else state.volumes[-1][0]
    why = explain("R18", "load.without_walk_breaks", settings, volume=volume, units=units)
    return Decision(volume, "build", "without_walk_breaks", reasons=[why])


def _cadence_week(state: State, settings: Settings, volume: float, extra: list[Reason] | None = None) -> Decision:
    step = state.cadence_step + 1
    why = explain("R38", "load.cadence_week", settings, setting="cadence_first_step", step=step)
    return Decision(volume, "build", f"cadence step {step}", reasons=[*(extra or []), why])


def _step_back(state: State, settings: Settings, units: str) -> Decision:
    last = state.volumes[-1][0]
    volume = floor1(min(state.green_volume, last * (1 - settings.flare_cut_min)))
    why = explain("R27", "load.step_back", settings, setting="flare_cut_min", private="data", why=state.flare_why,
                  green_volume=state.green_volume, units=units, **{"from": last, "to": volume})
    return Decision(volume, "build", None, walk_breaks=True, reasons=[why])


def _deload(state: State, settings: Settings, units: str) -> Decision:
    peak = max(v for v, _ in state.volumes[-3:])
    # Lighter than the peak and than last week, even when last week already came down.
    volume = floor1(min(peak, state.volumes[-1][0]) * (1 - settings.deload_cut))
    why = explain("R23", "load.deload", settings, setting="deload_cut", peak=peak, last=state.volumes[-1][0], units=units)
    return Decision(volume, "deload", None, deload=True, reasons=[why])


def _after_deload(state: State, settings: Settings, cadence_known: bool, units: str) -> Decision:
    volume = state.last_non_deload()
    why = explain("R23a", "load.after_deload", settings, volume=volume, units=units)
    if cadence_known and state.cadence_step == 1:
        return _cadence_week(state, settings, volume, [why])
    return Decision(volume, "build", None, reasons=[why])


def _at_target(state: State, settings: Settings, goal: float, avoid_hills: bool, units: str) -> Decision:
    volume = floor1(min(goal, *_caps(state, settings).values()))  # a goal just above last week still obeys R20
    steps = [s for s in INTENSITY_STEPS if not (avoid_hills and s == "hills")]
    hold = explain("R18", "load.goal_held", settings, goal=goal, units=units)
    if state.green_weeks_at_target >= 2 and state.intensity_step < len(steps):
        step = steps[state.intensity_step]
        why = explain("R18", "load.intensity_added", settings, private="data", step=step,
                      green_weeks=state.green_weeks_at_target, goal=goal, units=units)
        return Decision(volume, "intensity", step, intensity=step, reasons=[hold, why])
    current = steps[state.intensity_step - 1] if state.intensity_step else None
    return Decision(volume, "intensity" if current else "maintain", None, intensity=current, reasons=[hold])


def _caps(state: State, settings: Settings) -> dict[str, float]:
    """R20 (invariant 5): the weekly cap on the last full week, the two-week cap unless last week was light.

    A planned light week (deload, taper, recovery) is never the two-week reference: the
    cap reads the last ordinary week before it, so a lighter week does not drag the
    next ones down (R23a), while the weekly cap still holds them to +weekly_increase_max
    on the last ordinary week. Keyed by the setting that makes each cap, so the words can name its value.
    """
    limits = {"weekly_increase_max": state.last_non_deload() * (1 + settings.weekly_increase_max)}
    ordinary_before = [v for v, light in state.volumes[:-1] if not light]
    if state.volumes and not state.volumes[-1][1] and ordinary_before:
        limits["two_week_increase_max"] = ordinary_before[-1] * (1 + settings.two_week_increase_max)
    return limits


def _volume_up(state: State, settings: Settings, goal: float | None, units: str) -> Decision:
    base = state.last_non_deload()
    limits = _caps(state, settings)
    if goal is not None:
        limits["goal"] = goal
    binding = min(limits, key=limits.__getitem__)
    volume = floor1(min(limits.values()))
    message = {"goal": "load.up.goal", "weekly_increase_max": "load.up.weekly"}.get(binding, "load.up.two_week")
    why = explain("R20", message, settings, setting="weekly_increase_max", limited_by=binding, units=units,
                  **{"from": base, "to": volume})
    return Decision(volume, "build", "volume", reasons=[why])
