"""Strength, mobility and drill selection from the exercise library (R4, R30-R32)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol

from plangen.document.plan import ExerciseDose

# Always at hand at home, so never a reason to skip an exercise.
HOUSEHOLD = frozenset({"chair", "wall", "mat", "mirror", "metronome"})  # a metronome is a free phone app

# Runner's aggravator -> card aggravators that load the knee the same way.
_AVOID = {
    "stairs": {"stairs"},
    "squatting": {"squatting", "deep_knee_bend"},
    "kneeling": {"kneeling"},
    "jumping": {"jumping"},
    "downhill": {"downhill"},
    "hills": {"hills"},
    "prolonged_sitting": {"prolonged_sitting"},
}

# Two alternating sessions; each slot is a set of roles, and the first two slots are the
# R32 minimum: a hip abductor / external-rotator exercise and a knee-extensor exercise.
SESSION_SLOTS: tuple[tuple[frozenset[str], ...], ...] = (
    (frozenset({"hip_abductor", "hip_external_rotator"}), frozenset({"knee_extensor"}), frozenset({"hip_extensor"}), frozenset({"calf"})),
    (frozenset({"hip_abductor", "hip_external_rotator"}), frozenset({"knee_extensor"}), frozenset({"hamstring"}), frozenset({"trunk", "hip_extensor"})),
)


class DoseLike(Protocol):
    sets: int | None
    reps: int | None
    hold_s: int | None
    tempo: str | None
    load: str | None


class ExerciseLike(Protocol):
    id: str
    name: str
    category: str
    level: int
    roles: Sequence[str]
    equipment: Sequence[str]
    aggravators: Sequence[str]

    def dose(self, stage: int) -> Any: ...


Library = Mapping[str, Any]  # id -> ExerciseLike


def usable(library: Library, equipment: Iterable[str], aggravators: Iterable[str]) -> list[ExerciseLike]:
    """Cards the runner has the kit for and that do not load their aggravators, in id order."""
    kit = HOUSEHOLD | set(equipment)
    avoid = set().union(*(_AVOID.get(a, set()) for a in aggravators))
    return [
        ex for _, ex in sorted(library.items())
        if set(ex.equipment) <= kit and not set(ex.aggravators) & avoid
    ]


def strength_block(pool: list[ExerciseLike], session_index: int, max_level: int, used: set[str]) -> list[ExerciseLike]:
    """3-4 exercises for one session; cards up to ``max_level``, preferring ones ``used`` does not hold."""
    chosen: list[ExerciseLike] = []
    for roles in SESSION_SLOTS[session_index % len(SESSION_SLOTS)]:
        pick = _pick(_fits(pool, roles, {ex.id for ex in chosen}), max_level, used)
        if pick is not None:
            chosen.append(pick)
    return chosen


def _fits(pool: list[ExerciseLike], roles: frozenset[str], taken: set[str]) -> list[ExerciseLike]:
    fits = [ex for ex in pool if ex.category == "strength" and roles & set(ex.roles) and ex.id not in taken]
    return [ex for ex in fits if _rep_based(ex)] or fits


def _pick(fits: list[ExerciseLike], max_level: int, used: set[str]) -> ExerciseLike | None:
    """The hardest card the runner is ready for; a card the other session uses before a harder one."""
    within = [ex for ex in fits if ex.level <= max_level]
    for candidates in ([ex for ex in within if ex.id not in used], within):
        if candidates:  # ties broken by id, for determinism
            return sorted(candidates, key=lambda ex: (-ex.level, ex.id))[0]
    return sorted(fits, key=lambda ex: (ex.level, ex.id))[0] if fits else None


def _rep_based(ex: ExerciseLike) -> bool:
    # R31 doses strength in 8-12 reps; holds (wall sit, plank) go to mobility or warm-ups.
    return ex.dose(1).reps is not None


def mobility_menu(pool: list[ExerciseLike]) -> list[ExerciseLike]:
    """One stretch or release per region (hips, calves, ankles, thighs), then breathing."""
    picks: list[ExerciseLike] = []
    for target in ("hip", "calf", "ankle", "knee"):
        options = [ex for ex in by_role(pool, "mobility", 1) if target in getattr(ex, "targets", ()) and ex not in picks]
        picks += options[:1]
    return picks[:3] + by_role(pool, "breathing", 1)[:1]


def by_role(pool: list[ExerciseLike], role: str, max_level: int = 4) -> list[ExerciseLike]:
    """Cards with ``role`` up to ``max_level``, easiest first."""
    return sorted((ex for ex in pool if role in ex.roles and ex.level <= max_level), key=lambda ex: (ex.level, ex.id))


def dose(ex: ExerciseLike, stage: int, part: str | None = None) -> ExerciseDose:
    """This week's dose of ``ex`` at strength ``stage`` (1-4)."""
    stage = max(1, min(stage, 4))
    d = ex.dose(stage)
    return ExerciseDose(
        id=ex.id,
        name=ex.name,
        level=ex.level,
        sets=getattr(d, "sets", None),
        reps=getattr(d, "reps", None),
        hold_s=getattr(d, "hold_s", None),
        tempo=getattr(d, "tempo", None),
        load=getattr(d, "load", None),
        stage=stage,
        part=part,
    )
