"""Next week's running volume and its one change (R18, R20, R23, R23a, R27, R34, R38)."""

from __future__ import annotations

from dataclasses import dataclass, field

from plangen.document.plan import Reason
from plangen.planner.progress import AT_GOAL, State, floor1
from plangen.planner.reasons import reason
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
        return _first_week(state, cadence_known, units)
    if state.flare:
        return _step_back(state, settings, units)
    if state.since_deload >= settings.deload_every - 1:
        return _deload(state, settings, units)
    if state.volumes[-1][1]:
        return _after_deload(state, cadence_known, units)
    if state.hold_why:  # an amber week repeats, keeping its walk breaks if it had them (R42)
        text = "Not every run last week was green, so this week repeats it."
        return Decision(state.volumes[-1][0], "build", None, walk_breaks=state.walk_breaks,
                        reasons=[reason("R14", text, state.hold_why, private="data")])
    if state.walk_breaks:
        return _without_walk_breaks(state, goal, units)
    if maintain:
        return Decision(state.volumes[-1][0], "maintain", None, reasons=[reason("R3", "Volume held while a clinician reviews your slow progress.", f"{state.volumes[-1][0]:g} {units}", private="answer")])
    if goal is not None and state.last_non_deload() >= AT_GOAL * goal:
        return _at_target(state, settings, goal, avoid_hills, units)
    if cadence_known and state.cadence_step == 0:
        return _cadence_week(state, units, state.volumes[-1][0])
    return _volume_up(state, settings, goal, units)


def _first_week(state: State, cadence_known: bool, units: str) -> Decision:
    """The first build week: the entry's volume and its reasons (R27, R41-R45); amber starts keep walk breaks."""
    volume = floor1(state.green_volume)
    why = reason("R27", "Continuous running starts at your last all-green week.", f"{volume:g} {units}", private="data",
                 facts={"volume": volume})
    reasons, walk_breaks, hold = state.first_reasons or [why], state.first_walk_breaks, state.first_hold  # the entry's own, when given
    if cadence_known and not walk_breaks and not hold:
        return _cadence_week(state, units, volume, reasons)
    return Decision(volume, "build", None, walk_breaks=walk_breaks, reasons=reasons)


def _without_walk_breaks(state: State, goal: float | None, units: str) -> Decision:
    """R18: after a week with walk breaks, the one change is running without them, at the same volume (never past the goal)."""
    volume = floor1(min(state.volumes[-1][0], goal)) if goal else state.volumes[-1][0]
    text = "Last week had walk breaks and every run was green: this week's one change is running without them, at the same volume."
    why = reason("R18", text, f"{volume:g} {units}", facts={"volume": volume})
    return Decision(volume, "build", "without_walk_breaks", reasons=[why])


def _cadence_week(state: State, units: str, volume: float, extra: list[Reason] | None = None) -> Decision:
    step = state.cadence_step + 1
    text = "This week's one change: a slightly quicker step rate, with volume held (one change at a time)."
    why = reason("R38", text, f"cadence step {step}", "cadence_first_step")
    return Decision(volume, "build", f"cadence step {step}", reasons=[*(extra or []), why])


def _step_back(state: State, settings: Settings, units: str) -> Decision:
    last = state.volumes[-1][0]
    volume = floor1(min(state.green_volume, last * (1 - settings.flare_cut_min)))
    data = f"{state.flare_why}; last all-green week {state.green_volume:g} {units}; this week {last:g} -> {volume:g} {units}"
    text = "Pain went up, so this week steps back to your last all-green week, with walk breaks and no hard sessions."
    return Decision(volume, "build", None, walk_breaks=True, reasons=[reason("R27", text, data, "flare_cut_min", "data")])


def _deload(state: State, settings: Settings, units: str) -> Decision:
    peak = max(v for v, _ in state.volumes[-3:])
    # Lighter than the peak and than last week, even when last week already came down.
    volume = floor1(min(peak, state.volumes[-1][0]) * (1 - settings.deload_cut))
    data = f"peak of the last 3 weeks {peak:g} {units}, last week {state.volumes[-1][0]:g}, less {settings.deload_cut * 100:g}%"
    return Decision(volume, "deload", None, deload=True, reasons=[reason("R23", "A lighter week lets the knee and body catch up.", data, "deload_cut")])


def _after_deload(state: State, cadence_known: bool, units: str) -> Decision:
    volume = state.last_non_deload()
    why = reason("R23a", "After the lighter week, back to the week before it, no higher.", f"{volume:g} {units}")
    if cadence_known and state.cadence_step == 1:
        return _cadence_week(state, units, volume, [why])
    return Decision(volume, "build", None, reasons=[why])


def _at_target(state: State, settings: Settings, goal: float, avoid_hills: bool, units: str) -> Decision:
    volume = floor1(min(goal, *_caps(state, settings).values()))  # a goal just above last week still obeys R20
    steps = [s for s in INTENSITY_STEPS if not (avoid_hills and s == "hills")]
    hold = reason("R18", "You have reached your goal volume; it is held while other things change.", f"goal {goal:g} {units}")
    if state.green_weeks_at_target >= 2 and state.intensity_step < len(steps):
        step = steps[state.intensity_step]
        why = reason("R18", f"Two all-green weeks at your goal volume: this week adds {step}, the one change.", f"{state.green_weeks_at_target} green weeks at {goal:g} {units}", private="data")
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


def _cap_words(binding: str, settings: Settings) -> str:
    if binding == "goal":
        return "your goal"
    span = "weekly" if binding == "weekly_increase_max" else "two-week"
    return f"the {getattr(settings, binding) * 100:g}% {span} cap"


def _volume_up(state: State, settings: Settings, goal: float | None, units: str) -> Decision:
    base = state.last_non_deload()
    limits = _caps(state, settings)
    if goal is not None:
        limits["goal"] = goal
    binding = min(limits, key=limits.__getitem__)
    volume = floor1(min(limits.values()))
    data = f"from {base:g} to {volume:g} {units} (limited by {_cap_words(binding, settings)})"
    text = "Every run last week was green, so weekly running rises a little."
    facts = {"from": base, "to": volume, "limited_by": binding, "setting": "weekly_increase_max"}
    return Decision(volume, "build", "volume", reasons=[reason("R20", text, data, "weekly_increase_max", facts=facts)])
