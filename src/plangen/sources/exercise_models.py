"""Frozen, validated models of an exercise card (front matter, illustration, body) and of the library of cards."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    Strict,
    StrictBool,
    field_validator,
    model_validator,
)

from plangen.sources.equipment import Equipment  # shared with profiles; kept importable from here

# The planner matches on these words, so they are closed vocabularies, not free text.
Category = Literal["strength", "mobility", "drill", "cross_training"]
Role = Literal[
    "hip_abductor", "hip_external_rotator", "hip_adductor", "hip_extensor", "knee_extensor", "hamstring", "calf",
    "trunk", "mobility", "warmup", "cooldown", "breathing", "aerobic", "alignment",
]
# The movement a strength card trains, so a block can cover each one SPEC.md section 5 names (R51).
Movement = Literal[
    "squat", "knee_hold", "knee_extension", "step_down", "step_up", "single_leg_bridge", "bridge", "hinge",
    "hamstring", "hip_abduction", "hip_adduction", "calf", "trunk",
]
Target = Literal["hip", "knee", "posterior_chain", "calf", "ankle", "trunk", "whole_body"]
Aggravator = Literal["stairs", "downhill", "squatting", "deep_knee_bend", "kneeling", "jumping", "prolonged_sitting", "hills"]

CATEGORIES: tuple[str, ...] = get_args(Category)
EQUIPMENT: tuple[str, ...] = get_args(Equipment)
# Things nearly every home has: a card needing only these suits any runner.
HOUSEHOLD: frozenset[str] = frozenset({"wall", "chair", "mat", "mirror"})

Int = Annotated[int, Strict()]
Num = Annotated[float, Field(allow_inf_nan=False)]
Text = Annotated[str, Field(min_length=1, max_length=300)]
_CARD_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_TEMPO = re.compile(r"^\d{1,2}-\d{1,2}-\d{1,2}$")


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _items(low: int, high: int | None = None) -> AfterValidator:
    """Count list items after the items themselves are valid, so one bad item is one problem."""

    def check(value: tuple[Any, ...]) -> tuple[Any, ...]:
        if len(value) < low or (high is not None and len(value) > high):
            wanted = f"at least {low}" if high is None else f"{low} to {high}"
            raise ValueError(f"{wanted} item{'s' if (high or low) > 1 else ''} (this list has {len(value)})")
        return value

    return AfterValidator(check)




def check_card_id(value: str | None) -> str | None:
    """Ids become file and URL names, so only kebab-case is allowed."""
    if value is not None and not _CARD_ID.match(value):
        raise ValueError("a kebab-case id: lowercase letters, digits and single '-'")
    return value


class Dose(_Frozen):
    """How much of a card to do at one dose step (1 = first weeks ... 4 = late)."""

    # A card's file says ``stage:`` (authors' own libraries keep working); the code says step, since a
    # stage is the walk-run's 1-12.
    model_config = ConfigDict(populate_by_name=True)

    step: Int = Field(ge=1, le=4, validation_alias="stage")
    sets: Int | None = Field(None, ge=1, le=10)
    reps: Int | None = Field(None, ge=1, le=50)
    hold_s: Int | None = Field(None, ge=5, le=300)
    tempo: str | None = None
    rest_s: Int | None = Field(None, ge=0, le=300)
    load: Text = "bodyweight"
    duration_min: Int | None = Field(None, ge=1, le=120)
    distance_m: Int | None = Field(None, ge=5, le=400)
    duration_s: Int | None = Field(None, ge=5, le=900)
    # Kit this dose needs beyond the card's own equipment (a loaded step: "dumbbells" for any small hand or
    # ankle weight); the planner never prescribes it to a runner without that kit (R32: bodyweight before load).
    needs: tuple[Equipment, ...] = ()

    @field_validator("tempo")
    @classmethod
    def _tempo_shape(cls, value: str | None) -> str | None:
        if value is not None and not _TEMPO.match(value):
            raise ValueError("a tempo as down-pause-up seconds, such as \"3-1-1\"")
        return value

    @model_validator(mode="after")
    def _one_amount(self) -> Dose:
        amounts = [name for name in ("reps", "hold_s", "duration_min", "distance_m", "duration_s") if getattr(self, name)]
        if len(amounts) != 1:
            raise ValueError("exactly one of reps, hold_s, duration_min, distance_m or duration_s")
        return self

    @property
    def amount(self) -> str:
        """The dose in words, e.g. '3 x 10 reps', '2 x 30 s hold', '20 min'."""
        sets = f"{self.sets} x " if self.sets else ""
        if self.reps:
            return f"{sets}{self.reps} reps"
        if self.hold_s:
            return f"{sets}{self.hold_s} s hold"
        if self.distance_m:
            return f"{sets}{self.distance_m} m"
        if self.duration_s:
            return f"{sets}{self.duration_s} s"
        return f"{sets}{self.duration_min} min"


class Fault(_Frozen):
    fault: Text
    fix: Text


# --- Illustration -------------------------------------------------------------------------
# A pose is a stick figure drawn from a few numbers. Units: the figure stands about 100 high;
# y points up and the floor is y = 0. Angles are directions in degrees: 0 = down, 90 = the way
# the figure faces (right), 180 = up, 270 = back (left).

JOINTS = (
    "hip", "neck", "head", "hip_near", "hip_far", "shoulder_near", "shoulder_far",
    "knee_near", "ankle_near", "toe_near", "knee_far", "ankle_far", "toe_far",
    "elbow_near", "hand_near", "elbow_far", "hand_far",
)
Point = tuple[Num, Num]
# A prop end is a point, a joint name, or a joint with an offset: ["hand_near", 0, -4].
Anchor = Point | str | tuple[str, Num, Num]
PropKind = Literal[
    "mat", "step", "box", "bench", "chair", "wall", "mirror", "roller", "water", "bike", "metronome",
    "weight", "band", "pad", "line", "arrow", "label", "circle",
]


class Prop(_Frozen):
    """Something drawn besides the figure: equipment, a motion arrow or a short label."""

    kind: PropKind
    x: Num = 0
    y: Num = 0
    w: Num | None = Field(None, gt=0, le=200)
    h: Num | None = Field(None, gt=0, le=200)
    r: Num | None = Field(None, gt=0, le=60)
    at: Anchor | None = None
    to: Anchor | None = None
    bend: Num = 0
    text: str | None = Field(None, max_length=24)
    flip: StrictBool = False

    @field_validator("at", "to")
    @classmethod
    def _known_joint(cls, value: Any) -> Any:
        name = value if isinstance(value, str) else value[0] if isinstance(value, tuple) else None
        if isinstance(name, str) and name not in JOINTS:
            raise ValueError("a point [x, y] or a joint: " + ", ".join(JOINTS))
        return value


class Limb(_Frozen):
    """A limb by directions, ``[upper, lower, foot]``, or by where its end is (the middle joint is solved)."""

    angles: Annotated[tuple[Num, ...], _items(2, 3)] | None = None
    end: Point | None = None
    mid: Point | None = None
    tip: Num | None = None  # direction of the foot (ankle -> toe); arms ignore it

    @model_validator(mode="before")
    @classmethod
    def _list_means_angles(cls, value: Any) -> Any:
        return {"angles": value} if isinstance(value, (list, tuple)) else value

    @model_validator(mode="after")
    def _placed_one_way(self) -> Limb:
        if (self.angles is None) == (self.end is None):
            raise ValueError("either a list of directions or a mapping with end: [x, y]")
        return self


class Posture(_Frozen):
    """One panel of the illustration: where the hip is and where every limb points."""

    hip: Point
    trunk: Num = 180
    head: Num | None = None
    near_leg: Limb = Limb(angles=(0, 0, 90))
    far_leg: Limb = Limb(angles=(0, 0, 90))
    near_arm: Limb = Limb(angles=(10, 15))
    far_arm: Limb = Limb(angles=(-10, -5))
    props: tuple[Prop, ...] = ()


class Pose(_Frozen):
    """Start and end positions of an exercise, and what to draw around them."""

    view: Literal["side", "front"] = "side"
    work: Literal["near_leg", "far_leg", "both_legs", "trunk", "none"] = "near_leg"
    props: tuple[Prop, ...] = ()
    start: Posture
    end: Posture


# --- The card -----------------------------------------------------------------------------


class CardMeta(_Frozen):
    """The YAML front matter of one exercise card, exactly as an author writes it."""

    id: str
    name: Annotated[str, Field(min_length=2, max_length=80)]
    category: Category
    level: Int = Field(ge=1, le=4)
    roles: Annotated[tuple[Role, ...], _items(1)]
    targets: Annotated[tuple[Target, ...], _items(1)]
    muscles: Annotated[tuple[Text, ...], _items(1)]
    equipment: tuple[Equipment, ...] = ()
    aggravators: tuple[Aggravator, ...] = ()
    movement: Movement | None = None  # strength cards: what the block-coverage rule counts (R51)
    unilateral: StrictBool = False  # the dose is for each side
    dosage: tuple[Dose, ...]
    easier: str | None
    harder: str | None
    cues: Annotated[tuple[Text, ...], _items(3, 5)]
    faults: Annotated[tuple[Fault, ...], _items(2, 4)]
    pain_rule: Annotated[str, Field(min_length=20, max_length=600)]
    substitute: Annotated[str, Field(min_length=20, max_length=600)] | None = None
    pose: Pose
    sources: tuple[Text, ...] = ()

    @field_validator("id", "easier", "harder")
    @classmethod
    def _kebab_ids(cls, value: str | None) -> str | None:
        return check_card_id(value)

    @field_validator("dosage")
    @classmethod
    def _stages_one_to_four(cls, value: tuple[Dose, ...]) -> tuple[Dose, ...]:
        if [dose.step for dose in value] != [1, 2, 3, 4]:
            raise ValueError("one dose for each stage 1, 2, 3 and 4, in that order")
        return value


# --- The library ---------------------------------------------------------------------------

# A card states a plan's threshold as {setting_name}: the renderer writes in the plan's own value, so a
# clinic's "rules:" change the cards' words too (the loader checks each name is a setting).
PLACEHOLDER = re.compile(r"\{([^{}\n]*)\}")


class Exercise(CardMeta):
    """One validated exercise card: its front matter plus the Markdown body."""

    body: str = ""

    def filled(self, words: Mapping[str, str]) -> Exercise:
        """This card with each {setting} in its text replaced by ``words[setting]`` (the plan's value in words)."""
        def fill(text: str) -> str:
            return PLACEHOLDER.sub(lambda m: words[m.group(1)], text)

        return self.model_copy(update={
            "body": fill(self.body),
            "pain_rule": fill(self.pain_rule),
            "substitute": fill(self.substitute) if self.substitute else self.substitute,
            "cues": tuple(fill(cue) for cue in self.cues),
            "faults": tuple(Fault(fault=fill(f.fault), fix=fill(f.fix)) for f in self.faults),
        })

    def dose(self, step: int) -> Dose:
        """The dose at step 1-4 (a step past 4 keeps the step-4 dose)."""
        wanted = min(max(step, 1), 4)
        return next(d for d in self.dosage if d.step == wanted)


class Library(Mapping[str, Exercise]):
    """A frozen mapping id -> Exercise, sorted by id, with the look-ups the planner needs."""

    def __init__(self, cards: Iterable[Exercise]) -> None:
        self._cards = MappingProxyType({card.id: card for card in sorted(cards, key=lambda c: c.id)})

    def __getitem__(self, card_id: str) -> Exercise:
        return self._cards[card_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._cards)

    def __len__(self) -> int:
        return len(self._cards)

    def filter(
        self,
        category: str | None = None,
        equipment: str | None = None,
        role: str | None = None,
        available: Iterable[str] | None = None,
        avoid: Iterable[str] = (),
    ) -> tuple[Exercise, ...]:
        """Cards in ``category`` that use ``equipment``, have ``role``, need only ``available``
        equipment (household items always count as available) and load none of ``avoid``."""
        have = None if available is None else HOUSEHOLD | set(available)
        shun = set(avoid)
        return tuple(
            card
            for card in self.values()
            if (category is None or card.category == category)
            and (equipment is None or equipment in card.equipment)
            and (role is None or role in card.roles)
            and (have is None or set(card.equipment) <= have)
            and not shun & set(card.aggravators)
        )

    def suggest(self, card_id: str) -> str | None:
        """The closest id, for a "did you mean" hint."""
        close = difflib.get_close_matches(card_id, list(self), n=1, cutoff=0.5)
        return close[0] if close else None
