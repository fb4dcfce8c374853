"""Strength, mobility and drill selection from the exercise library (R4, R30-R32)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from plangen.document.plan import ExerciseDose
from plangen.sources.exercise_models import Exercise, Library

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



@dataclass(frozen=True)
class Slot:
    """One exercise of a session: the movements it may train, best first, and the roles that stand in (R51)."""

    moves: tuple[str, ...]
    roles: frozenset[str]


_HIP = Slot(("hip_abduction",), frozenset({"hip_abductor", "hip_external_rotator"}))
_KNEE_HOLD = Slot(("knee_hold",), frozenset({"knee_extensor"}))
# Two alternating sessions that between them cover every movement SPEC.md section 5 names (R51);
# the first two slots are R32's minimum: a hip abductor / rotator and a knee extensor.
SESSION_SLOTS: tuple[tuple[Slot, ...], ...] = (
    (_HIP, Slot(("squat", "knee_extension"), frozenset({"knee_extensor"})),
     Slot(("single_leg_bridge", "bridge"), frozenset({"hip_extensor"})), Slot(("calf",), frozenset({"calf"})),
     Slot(("hip_adduction",), frozenset({"hip_adductor"}))),
    (_HIP, Slot(("step_down", "squat", "knee_extension"), frozenset({"knee_extensor"})),
     Slot(("hinge", "hamstring"), frozenset({"hamstring", "hip_extensor"})), Slot(("hip_adduction",), frozenset({"hip_adductor"})),
     Slot(("calf",), frozenset({"calf"}))),
)
# The movements a block should cover (R51), in the order a runner reads them (words: strength.covers.<id>).
COVERED = ("squat", "step_down", "single_leg_bridge", "hinge", "hip_abduction", "hip_adduction", "calf")


def usable(library: Library, equipment: Iterable[str], aggravators: Iterable[str]) -> list[Exercise]:
    """Cards the runner has the kit for and that do not load their aggravators, in id order."""
    kit = HOUSEHOLD | set(equipment)
    avoid = set().union(*(_AVOID.get(a, set()) for a in aggravators))
    return [
        ex for _, ex in sorted(library.items())
        if set(ex.equipment) <= kit and not set(ex.aggravators) & avoid
    ]


def session_slots(session_index: int, holds: bool) -> tuple[Slot, ...]:
    """The slots of one session; while the knee is irritable the knee slot is an isometric hold (R50)."""
    slots = SESSION_SLOTS[session_index % len(SESSION_SLOTS)]
    return tuple(_KNEE_HOLD if holds and "knee_extensor" in slot.roles else slot for slot in slots)


def strength_block(pool: list[Exercise], session_index: int, max_level: int, used: set[str],
                   kit: Iterable[str] = (), holds: bool = False) -> list[Exercise]:
    """One session's exercises, a card per slot; the runner's own ``kit`` first, then cards ``used`` does not hold."""
    chosen: list[Exercise] = []
    for slot in session_slots(session_index, holds):
        pick = _pick(_fits(pool, slot, {ex.id for ex in chosen}, holds), max_level, used, set(kit) - HOUSEHOLD)
        if pick is not None:
            chosen.append(pick)
    return chosen


def _fits(pool: list[Exercise], slot: Slot, taken: set[str], holds: bool) -> list[Exercise]:
    """Cards for the slot's first movement that has any, else cards with one of its roles."""
    strength = [ex for ex in pool if ex.category == "strength" and ex.id not in taken]
    for move in slot.moves:
        fits = [ex for ex in strength if ex.movement == move]
        if fits:
            return fits if holds and move == "knee_hold" else ([ex for ex in fits if _rep_based(ex)] or fits)
    fits = [ex for ex in strength if slot.roles & set(ex.roles)]
    return [ex for ex in fits if _rep_based(ex)] or fits


def _pick(fits: list[Exercise], max_level: int, used: set[str], kit: set[str]) -> Exercise | None:
    """The hardest card the runner is ready for, one that uses their own kit first (R51).

    A card using the runner's own equipment (leg press, dumbbells, step) may sit one level up:
    its load can start light. A card the other session uses comes before a harder one.
    """
    def owns(ex: Exercise) -> bool:
        return bool(kit & set(ex.equipment))

    within = [ex for ex in fits if ex.level <= max_level + owns(ex)]
    for candidates in ([ex for ex in within if ex.id not in used], within):
        if candidates:  # ties broken by id, for determinism
            return sorted(candidates, key=lambda ex: (not owns(ex), -ex.level, ex.id))[0]
    return sorted(fits, key=lambda ex: (ex.level, ex.id))[0] if fits else None


def uncovered(pool: list[Exercise]) -> list[str]:
    """The R51 movements no card in the runner's pool trains (for lack of kit or because of an aggravator)."""
    have = {ex.movement for ex in pool if ex.category == "strength"}
    return [move for move in COVERED if move not in have]


def _rep_based(ex: Exercise) -> bool:
    # R31 doses strength in 8-12 reps; holds (wall sit, plank) go to mobility or warm-ups.
    return ex.dose(1).reps is not None


def mobility_menu(pool: list[Exercise]) -> list[Exercise]:
    """One stretch or release per region (hips, calves, ankles, thighs), then breathing."""
    picks: list[Exercise] = []
    for target in ("hip", "calf", "ankle", "knee"):
        options = [ex for ex in by_role(pool, "mobility", 1) if target in ex.targets and ex not in picks]
        picks += options[:1]
    return picks[:3] + by_role(pool, "breathing", 1)[:1]


def by_role(pool: list[Exercise], role: str, max_level: int = 4) -> list[Exercise]:
    """Cards with ``role`` up to ``max_level``, easiest first."""
    return sorted((ex for ex in pool if role in ex.roles and ex.level <= max_level), key=lambda ex: (ex.level, ex.id))


def minutes(doses: Iterable[ExerciseDose], library: Library) -> float:
    """About how long a session of ``doses`` takes: each set's work, both sides if one-sided, and its rest (R31)."""
    total = 5.0  # a few minutes to set up and warm up
    for d in doses:
        card = library[d.id]
        step = card.dose(d.step or 1)
        work = (d.hold_s or 0) or (d.reps or 0) * _rep_seconds(d.tempo) or (step.distance_m or 0) * 2
        sides = 2 if card.unilateral else 1
        total += (d.sets or 1) * (work * sides + (step.rest_s or 60)) / 60
    return round(total)


def _rep_seconds(tempo: str | None) -> float:
    return float(sum(int(part) for part in tempo.split("-"))) if tempo else 4.0


def owned(equipment: Iterable[str]) -> frozenset[str]:
    """The runner's kit with home basics; a kettlebell does what a dose written for dumbbells asks."""
    kit = HOUSEHOLD | set(equipment)
    return frozenset(kit | ({"dumbbells"} if "kettlebell" in kit else set()))


def kit_step(ex: Exercise, step: int, kit: frozenset[str]) -> int:
    """The highest dose step up to ``step`` whose extra kit the runner has (R32: bodyweight before load)."""
    fitting = [s for s in range(1, max(1, min(step, 4)) + 1) if set(ex.dose(s).needs) <= kit]
    return max(fitting, default=1)


def dose(ex: Exercise, step: int, part: str | None = None) -> ExerciseDose:
    """This week's dose of ``ex`` at dose ``step`` (1-4)."""
    step = max(1, min(step, 4))
    d = ex.dose(step)
    return ExerciseDose(
        id=ex.id,
        name=ex.name,
        level=ex.level,
        sets=d.sets,
        reps=d.reps,
        hold_s=d.hold_s,
        tempo=d.tempo,
        load=d.load,
        step=step,
        part=part,
    )
