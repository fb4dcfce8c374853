"""Red flags and gates (clinical-rules.md R1-R3, R12, section 4): who gets a plan, and what kind."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from plangen.sources.models import LogEntry, Profile
from plangen.document.plan import ReadinessCheck, Reason, Referral, Status
from plangen.planner.reasons import explain
from plangen.rules import SOURCES, Settings
from plangen.wording import say, say_data

# Screening answer -> urgency ("today" = urgent care now); what the runner is told is "screening.flag.<answer>".
_RED_FLAGS: dict[str, str] = {
    "cannot_bear_weight": "today", "hot_red_knee": "today", "locking": "today", "kneecap_slipped": "today",
    "numbness_or_calf_pain": "today", "recent_trauma": "days", "swelling": "days", "giving_way": "days",
    "night_pain": "days", "feeling_unwell": "days", "rapidly_worsening": "days",
}
Answer = Literal["yes", "no", "not_answered"]


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
        return _referral(flags, settings)
    review, reasons = _review_prompts(profile, settings)
    no_running = _no_running_reasons(profile, settings)
    if no_running:
        if any(r.rule == "R2" for r in no_running):  # item 17: a pain gate asks for a clinician; a readiness test does not (R49)
            review.append(say("screening.review.pain_gate", settings))
        return Gate("no_running", None, review, False, reasons + no_running)
    maintain = profile.screening.not_improving_6_weeks
    return Gate("plan", None, review, maintain, reasons)


def _red_flags(profile: Profile, settings: Settings) -> list[tuple[str, str, str]]:
    """Each red flag as (answer, urgency, what the runner is told)."""
    answers = profile.screening.model_dump()
    flags = [(key, urgency, say(f"screening.flag.{key}", settings)) for key, urgency in _RED_FLAGS.items() if answers[key]]
    if profile.screening.swelling and profile.screening.recent_trauma:
        flags.append(("swelling", "today", say("screening.flag.swelling_after_injury", settings)))
    if profile.symptoms.pain_location == "elsewhere":
        flags.append(("pain_location", "days", say("screening.flag.pain_location", settings)))
    if profile.runner.age is not None and profile.runner.age < settings.child_review_age:
        # Section 4 item 13: under-16s see a clinician before any plan, sooner with the signs it names.
        flags += [("age", "review", say(key, settings))
                  for key in ("screening.flag.growing_knee", "screening.flag.growing_knee_signs")]
    return flags


def _referral(flags: list[tuple[str, str, str]], settings: Settings) -> Gate:
    order = ["today", "days", "review"]
    urgency = min((f[1] for f in flags), key=order.index)
    texts = list(dict.fromkeys(f[2] for f in flags))
    why = explain("R2", "screening.referral", settings, private="answer", flags=sorted({f[0] for f in flags}))
    return Gate("referral", Referral(urgency=urgency, reasons=texts), [], False, [why])  # type: ignore[arg-type]


def _review_prompts(profile: Profile, settings: Settings) -> tuple[list[str], list[Reason]]:
    review: list[str] = []
    reasons: list[Reason] = []
    if profile.screening.not_improving_6_weeks:
        review.append(say("screening.review.not_improving", settings))
        reasons.append(explain("R3", "screening.not_improving", settings, private="answer"))
    if profile.screening.swelling_after_runs:
        review.append(say("screening.review.swelling_after_runs", settings))
        reasons.append(explain("R2", "screening.swelling_after_runs", settings, private="answer"))
    if profile.runner.age is not None and profile.runner.age >= settings.older_review_age:
        review.append(say("screening.review.older", settings))
        reasons.append(explain("R2", "screening.older", settings, setting="older_review_age", private="answer",
                               age=profile.runner.age))
    return review, reasons


def _no_running_reasons(profile: Profile, settings: Settings) -> list[Reason]:
    symptoms = profile.symptoms
    out = []
    if symptoms.pain_at_rest >= settings.rest_pain_gate:
        out.append(explain("R2", "screening.rest_pain", settings, setting="rest_pain_gate", private="answer",
                           pain_at_rest=symptoms.pain_at_rest))
    daily = symptoms.worst_daily_pain
    if daily is not None and daily >= settings.daily_pain_gate:
        out.append(explain("R2", "screening.daily_pain", settings, setting="daily_pain_gate", private="answer",
                           worst_daily_pain=daily))
    walk, hops = profile.readiness.brisk_walk_30_min, profile.readiness.single_leg_hops_10
    if walk is False or hops is False:
        out.append(explain("R12", "screening.not_ready", settings, private="answer", brisk_walk_30_min=_answer(walk),
                           single_leg_hops_10=_answer(hops), brisk_walk_result=_tested(walk, settings), hops_result=_tested(hops, settings)))
    return out


def irritable_knee(profile: Profile, recent: Iterable[LogEntry], settings: Settings) -> str:
    """R50: why the knee counts as irritable ('' when it does not): rest pain, daily pain, or strength pain over the lane."""
    symptoms = profile.symptoms
    if symptoms.pain_at_rest >= settings.irritable_rest_pain:
        return say("screening.irritable.rest_pain", settings, pain=symptoms.pain_at_rest)
    if symptoms.worst_daily_pain is not None and symptoms.worst_daily_pain >= settings.irritable_daily_pain:
        return say("screening.irritable.daily_pain", settings, pain=symptoms.worst_daily_pain)
    sore = [(e.date, x.pain) for e in recent for x in e.exercises if x.pain is not None and x.pain > settings.strength_pain_max]
    if sore:
        day, pain = max(sore)
        return say("screening.irritable.strength_pain", settings, pain=pain, day=day)
    return ""


def _tested(value: bool | None, settings: Settings) -> str:
    """A readiness test's result in words: pain-free, not yet, or not tested."""
    return say(f"screening.test.{_answer(value)}", settings)


def readiness_checklist(profile: Profile, settings: Settings) -> list[ReadinessCheck]:
    """The gates above as a checklist to tick before running, with the runner's own answers (R2, R12)."""
    return [*_readiness_tests(profile, settings), *_pain_checks(profile, settings), _red_flag_check(profile, settings)]


def _readiness_tests(profile: Profile, settings: Settings) -> list[ReadinessCheck]:
    readiness = profile.readiness
    return [
        ReadinessCheck(text=say("screening.check.brisk_walk", settings), rule="R12",
                       source=SOURCES["R12"], answer=_answer(readiness.brisk_walk_30_min)),
        ReadinessCheck(text=say("screening.check.hops", settings), rule="R12",
                       source=say("screening.source.hops", settings),
                       answer=_answer(readiness.single_leg_hops_10), configurable=True),
    ]


def _pain_checks(profile: Profile, settings: Settings) -> list[ReadinessCheck]:
    rest, daily = profile.symptoms.pain_at_rest, profile.symptoms.worst_daily_pain
    rest_gate, daily_gate = int(settings.rest_pain_gate), int(settings.daily_pain_gate)
    gate_source = say("screening.source.pain_gate", settings)
    return [
        ReadinessCheck(text=say("screening.check.rest_pain", settings), rule="R2", source=gate_source,
                       answer=_answer(rest < rest_gate), data=say_data("screening.check.rest_pain", settings, pain=rest),
                       configurable=True),
        ReadinessCheck(text=say("screening.check.daily_pain", settings), rule="R2", source=gate_source,
                       answer=_answer(None if daily is None else daily < daily_gate),
                       data="" if daily is None else say_data("screening.check.daily_pain", settings, pain=daily),
                       configurable=True),
    ]


def _red_flag_check(profile: Profile, settings: Settings) -> ReadinessCheck:
    answers = profile.screening.model_dump()
    flags = [say(f"screening.flag_name.{key}", settings) for key in _RED_FLAGS if answers[key]]
    # A sign left out of the profile is not a "no": the check reads yes only when every sign was answered.
    answered = set(_RED_FLAGS) <= profile.screening.model_fields_set
    return ReadinessCheck(
        text=say("screening.check.red_flags", settings), rule="R2", source=SOURCES["R2"],
        answer=_answer(False if flags else True if answered else None),
        data=say_data("screening.check.red_flags", settings, flags=flags) if flags else "",
    )


def _answer(value: bool | None) -> Answer:
    return "not_answered" if value is None else "yes" if value else "no"
