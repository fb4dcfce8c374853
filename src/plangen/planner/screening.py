"""Red flags and gates (clinical-rules.md R1-R3, R12, section 4): who gets a plan, and what kind."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from plangen.sources.models import LogEntry, Profile
from plangen.document.plan import ReadinessCheck, Reason, Referral, Status
from plangen.planner.reasons import reason
from plangen.rules import SOURCES, Settings

# Screening answer -> (urgency, what we tell the runner). "today" = urgent care now.
_RED_FLAGS: dict[str, tuple[str, str]] = {
    "cannot_bear_weight": ("today", "You cannot put weight on the leg."),
    "hot_red_knee": ("today", "Your knee is hot, red or swollen, which can mean an infection."),
    "locking": ("today", "Your knee locks and you cannot fully straighten it."),
    "kneecap_slipped": ("today", "Your kneecap slipped out of place or the knee changed shape."),
    "numbness_or_calf_pain": ("today", "You have numbness, pins and needles, or a painful, swollen calf."),
    "recent_trauma": ("days", "Your pain started with a fall, twist, collision or blow."),
    "swelling": ("days", "Your knee is swollen."),
    "giving_way": ("days", "Your knee gives way or feels unstable."),
    "night_pain": ("days", "You have pain at night or when resting."),
    "feeling_unwell": ("days", "You feel unwell, or have had fever or weight loss you cannot explain."),
    "rapidly_worsening": ("days", "Your pain is getting worse quickly even though you do less."),
}


@dataclass(frozen=True)
class Gate:
    """What screening allows: a referral, a plan without running, or a running plan."""

    status: Status
    referral: Referral | None
    review: list[str]
    maintain_only: bool
    reasons: list[Reason]


def screen(profile: Profile, settings: Settings) -> Gate:
    """Apply the red-flag gate first, then the pain-severity and readiness gates."""
    flags = _red_flags(profile, settings)
    if flags:
        return _referral(flags)
    review, reasons = _review_prompts(profile, settings)
    no_running = _no_running_reasons(profile, settings)
    if no_running:
        if any(r.rule == "R2" for r in no_running):  # item 17: a pain gate asks for a clinician; a readiness test does not (R49)
            review.append("Your pain is too high to run for now: see a clinician, and keep up the strength work.")
        return Gate("no_running", None, review, False, reasons + no_running)
    maintain = profile.screening.not_improving_6_weeks
    return Gate("plan", None, review, maintain, reasons)


def _red_flags(profile: Profile, settings: Settings) -> list[tuple[str, str, str]]:
    answers = profile.screening.model_dump()
    flags = [(key, *_RED_FLAGS[key]) for key in _RED_FLAGS if answers[key]]
    if profile.screening.swelling and profile.screening.recent_trauma:
        flags.append(("swelling", "today", "Your knee swelled after an injury."))
    if profile.symptoms.pain_location == "elsewhere":
        flags.append(("pain_location", "days", "Your pain is not at the front of the knee, so it may be something else."))
    if profile.runner.age is not None and profile.runner.age < settings.child_review_age:
        flags += [("age", "review", text) for text in _growing_knee_words(settings)]
    return flags


def _growing_knee_words(settings: Settings) -> list[str]:
    """Section 4 item 13: under-16s see a clinician before any plan, sooner with the signs it names."""
    age = f"{settings.child_review_age:g}"
    return [f"You are under {age}. In a growing knee, pain at the front can come from the growth areas of the bones, "
            "not only from behind the kneecap, so a clinician should check your knee before you start a running plan.",
            "Go within a few days, rather than waiting, if you have a tender bump below the kneecap, pain at the "
            "bottom tip of the kneecap, a limp, or pain in the hip, groin or thigh."]


def _referral(flags: list[tuple[str, str, str]]) -> Gate:
    order = ["today", "days", "review"]
    urgency = min((f[1] for f in flags), key=order.index)
    texts = list(dict.fromkeys(f[2] for f in flags))
    data = ", ".join(sorted({f[0] for f in flags}))
    why = reason("R2", "A screening answer needs a clinician before any running or strength progression.", data, private="answer")
    return Gate("referral", Referral(urgency=urgency, reasons=texts), [], False, [why])  # type: ignore[arg-type]


def _review_prompts(profile: Profile, settings: Settings) -> tuple[list[str], list[Reason]]:
    review: list[str] = []
    reasons: list[Reason] = []
    if profile.screening.not_improving_6_weeks:
        review.append("Your knee has not improved after 6 weeks of exercise: book a clinician review.")
        reasons.append(reason("R3", "No improvement after 6 weeks: volume is held, not raised, until a clinician reviews.", "not_improving_6_weeks: true", private="answer"))
    if profile.screening.swelling_after_runs:
        review.append("Your knee has swollen after runs more than once: ask a clinician to check it.")
        reasons.append(reason("R2", "Swelling after runs is worth a clinician's check.", "swelling_after_runs: true", private="answer"))
    if profile.runner.age is not None and profile.runner.age >= settings.older_review_age:
        age = f"{settings.older_review_age:g}"
        review.append(f"Over {age}, knee pain can have other causes: have a clinician check the knee early on.")
        reasons.append(reason("R2", f"Age {age} or over: a clinician check is advised.", f"age {profile.runner.age}",
                              "older_review_age", private="answer"))
    return review, reasons


def _no_running_reasons(profile: Profile, settings: Settings) -> list[Reason]:
    symptoms = profile.symptoms
    out = []
    if symptoms.pain_at_rest >= settings.rest_pain_gate:
        data = f"pain at rest {symptoms.pain_at_rest}/10 (limit {settings.rest_pain_gate:g})"
        out.append(reason("R2", "Pain at rest is high: strength and cross-training only, no running yet.", data, "rest_pain_gate", "answer"))
    daily = symptoms.worst_daily_pain
    if daily is not None and daily >= settings.daily_pain_gate:
        data = f"worst daily pain {daily}/10 (limit {settings.daily_pain_gate:g})"
        out.append(reason("R2", "Daily-life pain is high: strength and cross-training only, no running yet.", data, "daily_pain_gate", "answer"))
    readiness = profile.readiness
    if readiness.brisk_walk_30_min is False or readiness.single_leg_hops_10 is False:
        data = f"30-min brisk walk: {_yes_no(readiness.brisk_walk_30_min)}, 10 hops: {_yes_no(readiness.single_leg_hops_10)}"
        out.append(reason("R12", "Not ready to run yet: build up walking and strength until the readiness tests are pain-free.", data, private="answer"))
    return out


def irritable_knee(profile: Profile, recent: Iterable[LogEntry], settings: Settings) -> str:
    """R50: why the knee counts as irritable ('' when it does not): rest pain, daily pain, or strength pain over the lane."""
    symptoms = profile.symptoms
    if symptoms.pain_at_rest >= settings.irritable_rest_pain:
        return f"pain at rest {symptoms.pain_at_rest}/10"
    if symptoms.worst_daily_pain is not None and symptoms.worst_daily_pain >= settings.irritable_daily_pain:
        return f"worst daily pain {symptoms.worst_daily_pain}/10"
    sore = [(e.date, x.pain) for e in recent for x in e.exercises if x.pain is not None and x.pain > settings.strength_pain_max]
    if sore:
        day, pain = max(sore)
        return f"strength exercise pain {pain}/10 on {day}"
    return ""


def _yes_no(value: bool | None) -> str:
    return {True: "pain-free", False: "not yet", None: "not tested"}[value]


# Where the checklist's tests come from when the rule's own citation does not cover them.
_SPORTS_PHYSIO = "Sports-injury physio return-to-run guidance (10 pain-free hops)"
_PAIN_GATE_SOURCE = "plangen design default, as no study gives a number (clinical rules, section 4, item 17)"


def readiness_checklist(profile: Profile, settings: Settings) -> list[ReadinessCheck]:
    """The gates above as a checklist to tick before running, with the runner's own answers (R2, R12)."""
    return [*_readiness_tests(profile, settings), *_pain_checks(profile, settings), _red_flag_check(profile)]


def _readiness_tests(profile: Profile, settings: Settings) -> list[ReadinessCheck]:
    readiness, green = profile.readiness, int(settings.green_pain_max)
    return [
        ReadinessCheck(text="I can walk briskly for 30 minutes with no knee pain and no limp.", rule="R12",
                       source=SOURCES["R12"], answer=_answer(readiness.brisk_walk_30_min)),
        ReadinessCheck(text=f"I can hop 10 times on my sore leg, with knee pain {green}/10 or less.", rule="R12",
                       source=f"{_SPORTS_PHYSIO}; needing both tests is a plangen default",
                       answer=_answer(readiness.single_leg_hops_10), configurable=True),
    ]


def _pain_checks(profile: Profile, settings: Settings) -> list[ReadinessCheck]:
    rest, daily = profile.symptoms.pain_at_rest, profile.symptoms.worst_daily_pain
    rest_gate, daily_gate = int(settings.rest_pain_gate), int(settings.daily_pain_gate)
    return [
        ReadinessCheck(text=f"When I sit or lie still, my knee pain is below {rest_gate}/10.", rule="R2",
                       source=_PAIN_GATE_SOURCE, answer=_answer(rest < rest_gate), data=f"pain at rest {rest}/10",
                       configurable=True),
        ReadinessCheck(text=f"In daily life, such as walking and stairs, my worst knee pain is below {daily_gate}/10.",
                       rule="R2", source=_PAIN_GATE_SOURCE, answer=_answer(None if daily is None else daily < daily_gate),
                       data="" if daily is None else f"worst daily pain {daily}/10", configurable=True),
    ]


def _red_flag_check(profile: Profile) -> ReadinessCheck:
    answers = profile.screening.model_dump()
    flags = [key.replace("_", " ") for key in _RED_FLAGS if answers[key]]
    return ReadinessCheck(
        text="My knee has none of the warning signs, such as swelling, locking, giving way, pain at night, or feeling unwell.",
        rule="R2", source=SOURCES["R2"], answer=_answer(not flags),
        data=f"you said yes to: {', '.join(flags)}" if flags else "",
    )


def _answer(value: bool | None) -> Literal["yes", "no", "not_answered"]:
    return "not_answered" if value is None else "yes" if value else "no"
