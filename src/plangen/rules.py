"""The clinical rule book: rule ids, their sources, and the thresholds a clinician may change.

Numbers tagged [D] in clinical-rules.md are design defaults, not findings; they
live here as settings so a clinic can override them (profile ``rules:`` or the
project config) and the plan can say which ones were changed.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping

# Rule id -> short citation shown beside every reason that uses the rule.
SOURCES: Mapping[str, str] = MappingProxyType(
    {
        "R1": "Willy 2019 JOSPT CPG (PFP definition)",
        "R2": "NHS knee pathway red flags; Ottawa knee rules (Stiell 1995)",
        "R3": "RACGP HANDI exercise for PFP (4-8 week trials)",
        "R4": "Crossley 2016 and Collins 2018 PFP consensus; Willy 2019 CPG",
        "R5": "Esculier 2018 RCT; Rathleff 2019",
        "R7": "Crossley 2016 consensus; Wallis 2021 review of PFP guidelines",
        "R8": "La Trobe TREK runners guide (Esculier); Silbernagel 2007",
        "R9": "Silbernagel 2007 pain-monitoring model",
        "R10": "Crossley 2004 (2-point change on 0-10)",
        "R11": "TREK / Esculier PFP running thresholds",
        "R12": "Return-to-run programmes (physioadvisor, UW/Heiderscheit)",
        "R13": "Military return-to-run protocol (Trials 2023, Table 1)",
        "R14": "Military return-to-run protocol (Trials 2023): each phase twice",
        "R15": "SEMC return to running; sports-injury physio guidance",
        "R16": "Military return-to-run protocol (Trials 2023): level ground, no hills",
        "R17": "The Running Clinic interval programmes",
        "R18": "La Trobe TREK runners guide; SEMC return to running",
        "R19": "Frandsen 2025 BJSM (5,205 runners: spikes >10% raise injury risk)",
        "R20": "Nielsen 2014 JOSPT (>30% over 2 weeks); Buist 2008",
        "R21": "Gabbett 2016; Impellizzeri 2020 (ACWR is not a safe gate)",
        "R22": "Foster 2001 session-RPE method",
        "R23": "Coaching convention: lighter week every 3-6 weeks",
        "R23a": "plangen design rule after a lighter week",
        "R24": "Nielsen 2014 IJSPT (BMI > 30 in novices)",
        "R25": "La Trobe TREK runners guide; SEMC heavy-light-medium weeks",
        "R26": "SEMC return to running; Physiotivity walk-to-run",
        "R27": "Silbernagel 2007 week-to-week rule; Crossley 2004 MCID",
        "R28": "La Trobe TREK runners guide (load modifiers)",
        "R29": "plangen design rule for escalation",
        "R30": "La Trobe 'my kneecap' PFP patient site",
        "R31": "NHS PFP exercise advice; ACSM 2009 progression position stand",
        "R32": "Barton 2015 best-practice guide; ACSM 2009",
        "R33": "SEMC return to running (cross-training)",
        "R34": "Heiderscheit 2011; Lenhart 2014; Bramah 2019",
        "R35": "Willy, Scholz & Davis 2012 (mirror feedback)",
        "R36": "Teng & Powers 2014 (trunk lean)",
        "R37": "Vannatta 2015 (foot strike moves load to the calf)",
        "R38": "plangen design rule: one gait change at a time",
        "R39": "La Trobe TREK runners guide (more, shorter runs); plangen design rule",
        "R40": "Frandsen 2025 BJSM (single-run spikes); plangen design rule",
        "R41": "Frandsen 2025 BJSM (spikes); Nielsen 2014 JOSPT (>30% over 2 weeks)",
        "R42": "Silbernagel 2007 pain-monitoring model; La Trobe TREK (load modifiers)",
        "R43": "The Running Clinic return-after-break guidance",
        "R44": "plangen design rule (repeated reds: stop, review, restart)",
        "R45": "Silbernagel 2007 week-to-week rule; Crossley 2004 MCID",
        "R48": "Heiderscheit 2011; La Trobe TREK (cadence change helps most at 170 or less)",
        "R52": "plangen design rule: the runner's own weekdays",
        "R46": "plangen design rule for events, built on the R19-R20 caps (Frandsen 2025; Nielsen 2014)",
        "R47": "plangen design rule: the goal projected with the R19-R20 caps",
        "R49": "SEMC return to running (cross-training); return-to-run readiness tests",
        "R50": "Rio 2015 isometric holds ease pain (tendon study; PFP evidence low)",
        "R51": "Barton 2015 best-practice guide; NHS PFP exercise advice; ACSM 2009",
    }
)


@dataclass(frozen=True)
class Threshold:
    default: float
    rule: str
    meaning: str
    low: float
    high: float


# Every configurable design default, with its rule and the range a clinician may set.
THRESHOLDS: Mapping[str, Threshold] = MappingProxyType(
    {
        "child_review_age": Threshold(16, "R2", "Runners younger than this see a clinician before any plan (growing knees)", 12, 18),
        "older_review_age": Threshold(50, "R2", "Runners this age or older are advised a clinician check early on", 40, 65),
        "green_pain_max": Threshold(2, "R11", "Most pain (0-10) during a run that still counts as green", 0, 4),
        "red_pain_min": Threshold(5, "R11", "Pain (0-10) during a run that makes it red", 3, 8),
        "single_run_cap": Threshold(1.10, "R19", "Longest planned run as a multiple of the longest run in 30 days", 1.0, 1.3),
        "weekly_increase_max": Threshold(0.10, "R20", "Largest rise in weekly running from one week to the next", 0.0, 0.3),
        "two_week_increase_max": Threshold(0.30, "R20", "Largest rise in weekly running over any two weeks", 0.0, 0.6),
        "deload_every": Threshold(4, "R23", "A lighter week every this many build weeks", 3, 6),
        "deload_cut": Threshold(0.20, "R23", "How much lighter the lighter week is", 0.1, 0.3),
        "red_wait_hours": Threshold(48, "R26", "Hours to wait after a red session before running again", 24, 96),
        "flare_cut_min": Threshold(0.10, "R27", "Smallest cut in weekly running after a flare-up", 0.05, 0.3),
        "rest_pain_gate": Threshold(4, "R2", "Pain at rest (0-10) that stops running until a clinician checks", 2, 8),
        "daily_pain_gate": Threshold(7, "R2", "Worst pain in daily life (0-10) that stops running", 4, 10),
        "review_week": Threshold(6, "R3", "Week by which worst pain should have dropped 2 points", 4, 8),
        "cadence_first_step": Threshold(0.05, "R34", "First rise in step rate (fraction of the runner's own)", 0.03, 0.05),
        "cadence_max_step": Threshold(0.10, "R34", "Largest rise in step rate (fraction of the runner's own)", 0.05, 0.10),
        "monotony_max": Threshold(2.0, "R22", "Weekly training monotony that triggers a warning", 1.5, 3.0),
        "strength_pain_max": Threshold(5, "R30", "Most pain (0-10) during a strength exercise that still allows a step up", 2, 6),
        "strength_sessions_per_step": Threshold(4, "R31", "Fewest sessions at one dose before an exercise steps up", 2, 8),
        "entry_bout_fraction": Threshold(0.5, "R14", "Walk-run entry: jog bout as a fraction of the longest pain-free run", 0.25, 0.75),
        "long_run_increase_max": Threshold(0.10, "R40", "Largest rise in the long run from one week to the next", 0.0, 0.3),
        "spike_ratio": Threshold(1.5, "R41", "A one-off run longer than this many times the runner's median run is left out of the start", 1.2, 3.0),
        "amber_trim": Threshold(0.10, "R42", "How much a runner with amber runs trims last week's running (0 = hold)", 0.0, 0.2),
        "break_medium_weeks": Threshold(4, "R43", "A break at least this many weeks long restarts lower on the walk-run ladder", 3, 6),
        "break_long_weeks": Threshold(8, "R43", "A break longer than this many weeks restarts at walk-run stage 1", 6, 16),
        "restart_stage_short": Threshold(7, "R43", "Walk-run stage after a pain-free break shorter than break_medium_weeks", 4, 10),
        "restart_continuous_fraction": Threshold(0.0, "R43", "After a pain-free break shorter than break_medium_weeks, continuous running restarts at this share of the weekly running before it (0 = walk-run ladder; R43 suggests 0.5)", 0.0, 0.7),
        "restart_stage_medium": Threshold(4, "R43", "Walk-run stage in the middle of a medium break", 2, 7),
        "stage0_reds": Threshold(3, "R44", "Red sessions within 14 days that stop running (Stage 0)", 3, 5),
        "stage0_days": Threshold(7, "R44", "Fewest days without running after Stage 0 starts", 7, 21),
        "cadence_no_change_min": Threshold(175, "R48", "Step rate (steps a minute) at or above which no cadence change is planned", 165, 190),
        "taper_volume_max": Threshold(0.70, "R46", "Race-week running as a fraction of the week before", 0.4, 0.9),
        "taper_easy_min": Threshold(30, "R46", "Longest easy run (minutes) in the days just before an event", 15, 45),
        "taper_days": Threshold(2, "R46", "Days before an event that hold only a short easy run", 1, 4),
        "event_intensity_lock_weeks": Threshold(3, "R46", "Weeks before an event in which no new speed or hill work starts", 2, 6),
        "recovery_volume_max": Threshold(0.70, "R46", "Running in the week after an event, as a fraction of the week before race week", 0.4, 0.9),
        "event_run_walk_share": Threshold(0.80, "R46", "Share of an event's distance that is run when run-walking it", 0.5, 0.9),
        "no_running_cardio_min": Threshold(60, "R49", "Fewest minutes of non-impact cardio a week while running is on hold", 30, 180),
        "irritable_rest_pain": Threshold(1, "R50", "Pain at rest (0-10) that starts strength with isometric holds", 1, 4),
        "irritable_daily_pain": Threshold(5, "R50", "Worst daily pain (0-10) that starts strength with isometric holds", 3, 8),
        "isometric_pain_max": Threshold(3, "R50", "Most pain (0-10) during holds that lets full-range exercises start", 1, 5),
        "isometric_weeks": Threshold(1, "R50", "Weeks of holds at or under that pain before full-range exercises", 1, 4),
        "bmi_high": Threshold(30, "R24", "A new runner with a BMI above this starts with a capped first week", 25, 40),
        "bmi_week1_max_km": Threshold(3, "R24", "Most running (km) in week 1 for a new runner with a BMI above bmi_high", 1, 6),
        "strength_session_max_min": Threshold(40, "R51", "Longest strength session (minutes)", 25, 60),
    }
)


@dataclass(frozen=True)
class Settings:
    """The thresholds in force for one plan: defaults overlaid with a clinic's overrides."""

    overrides: Mapping[str, float] = field(default_factory=dict)

    def __getattr__(self, name: str) -> float:
        if name not in THRESHOLDS:
            raise AttributeError(name)
        return float(self.overrides.get(name, THRESHOLDS[name].default))


# Pain scores, ages, counts, weeks, days, hours and minutes are whole numbers: the plan's words state
# them as such ("5/10 or more"), so 5.5 would be printed as a limit the planner does not use.
WHOLE_NUMBERS = frozenset({
    "child_review_age", "older_review_age", "green_pain_max", "red_pain_min", "deload_every", "red_wait_hours",
    "rest_pain_gate", "daily_pain_gate", "review_week", "strength_pain_max", "strength_sessions_per_step",
    "break_medium_weeks", "break_long_weeks", "restart_stage_short", "restart_stage_medium", "stage0_reds",
    "stage0_days", "cadence_no_change_min", "taper_easy_min", "taper_days", "event_intensity_lock_weeks",
    "no_running_cardio_min", "irritable_rest_pain", "irritable_daily_pain", "isometric_pain_max",
    "isometric_weeks", "strength_session_max_min",
})

# Settings that only make sense in order: (lower, higher, least gap, why). The amber band lies between
# green and red, so red must be at least green + 2 for a score to be amber at all.
ORDER = (
    ("green_pain_max", "red_pain_min", 2, "an amber band between green and red"),
    ("cadence_first_step", "cadence_max_step", 0, "the first step rate rise is the smaller one"),
    ("weekly_increase_max", "two_week_increase_max", 0, "two weeks allow at least one week's rise"),
    ("break_medium_weeks", "break_long_weeks", 1, "a long break is longer than a medium one"),
    ("restart_stage_medium", "restart_stage_short", 0, "a longer break restarts lower on the ladder"),
    ("irritable_rest_pain", "rest_pain_gate", 1, "holds start below the pain that stops running"),
    ("isometric_pain_max", "strength_pain_max", 0, "holds ask no more pain than strength work"),
)


def override_problems(overrides: Mapping[str, float]) -> list[str]:
    """What is wrong with a clinic's overrides, as 'expected ..., found ...' sentences."""
    problems = [problem for key, value in overrides.items() if (problem := _value_problem(key, value))]
    return problems or [f"{expected}, found {found}" for expected, found in order_problems(Settings(dict(overrides)))]


def _value_problem(key: str, value: float) -> str | None:
    if key not in THRESHOLDS:
        close = difflib.get_close_matches(key, list(THRESHOLDS), n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        return f"a known rule setting, found '{key}'{hint}"
    limits = THRESHOLDS[key]
    if not limits.low <= value <= limits.high:
        return f"{key} from {limits.low:g} to {limits.high:g}, found {value:g}"
    if key in WHOLE_NUMBERS and value != int(value):
        return f"{key} as a whole number, found {value:g}"
    return None


def order_problems(settings: Settings) -> list[tuple[str, str]]:
    """(expected, found) for settings whose order is wrong once combined (a profile's over a clinic's over the defaults)."""
    return [(f"{low} at least {gap:g} below {high} ({why})", f"{getattr(settings, low):g} and {getattr(settings, high):g}")
            for low, high, gap, why in ORDER if getattr(settings, high) - getattr(settings, low) < gap]


def checked_overrides(overrides: dict[str, float]) -> dict[str, float]:
    """``overrides`` unchanged, or a ValueError (for a model validator) listing what is wrong."""
    problems = override_problems(overrides)
    if problems:
        raise ValueError("; ".join(problems))
    return overrides
