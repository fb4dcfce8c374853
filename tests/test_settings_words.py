"""Words follow the settings, as a property: with every threshold of the rule book overridden by random allowed
values, the plan's text, its site pages (runner pages and the clinician page) and its calendar state each
threshold as overridden, never the default (issue 13, "Done when").

How: every sentence that states a threshold is known here as a phrase (its words, with the value in the slot the
renderer or planner fills). For each phrase whose default wording differs from the overridden wording, the
default wording must appear nowhere; phrases the templates always print must appear with the new value. A
threshold the catalogue does not know fails the coverage test, so a new setting comes with its phrases.
"""

from __future__ import annotations

import html
import math
import re
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from plangen.artifacts import RenderOptions
from plangen.document.assemble import make_document
from plangen.planner import make_plan
from plangen.render.html import render_site
from plangen.render.ics import render_ics
from plangen.render.text import render_text
from plangen.rules import THRESHOLDS, Settings, order_problems
from plangen.sources.runner import load_runner
from plangen.wording.numbers import PERCENT_SETTINGS, number, percent

ROOT = Path(__file__).resolve().parents[1]
PROFILES = ("sam", "jo")  # continuous running with a cadence change and an event; a walk-run restart in miles
DEFAULTS: dict[str, float] = {key: float(t.default) for key, t in THRESHOLDS.items()}
Limits = Mapping[str, float]


# ---- how each threshold is printed -----------------------------------------------------------------

def n(key: str, add: float = 0) -> Callable[[Limits], str]:
    """A plain number: 2, 48, 1.15 (the templates' `number` and the planner's `:g` agree on the values drawn)."""
    return lambda limits: number(limits[key] + add, 3)


def pct(key: str) -> Callable[[Limits], str]:
    return lambda limits: percent(limits[key])


def days(key: str) -> Callable[[Limits], str]:
    return lambda limits: str(math.ceil(limits[key] / 24))


def times(key: str) -> Callable[[Limits], str]:
    """1 + a fraction, as the planner writes a multiplier: 'x 1.1'."""
    return lambda limits: f"{1 + limits[key]:g}"


@dataclass(frozen=True)
class Phrase:
    """One way a sentence states thresholds: a regex with {slots}, each slot filled from the limits.

    ``always``: the site prints it whatever the plan (traffic light, flare-up page, diary, contingencies)."""

    pattern: str
    slots: Mapping[str, Callable[[Limits], str]]
    always: bool = False

    def regex(self, limits: Limits) -> str:
        return self.pattern.format(**{name: re.escape(fill(limits)) for name, fill in self.slots.items()})


G, R, S = n("green_pain_max"), n("red_pain_min"), n("strength_pain_max")
AMBER = {"a": n("green_pain_max", 1), "b": n("red_pain_min", -1)}

# Setting -> the phrases that state it. An empty tuple: the setting is used but never stated in words.
PHRASES: dict[str, tuple[Phrase, ...]] = {
    "green_pain_max": (
        Phrase(r"\(pain {g}/10 or less, settled within an hour", {"g": G}),
        Phrase(r"hop[^.]{{0,60}}pain {g}/10 or less", {"g": G}),
        Phrase(r"Pain during a run is {g}/10 or less", {"g": G}),
        Phrase(r"\b0-{g} and walking feels normal", {"g": G}),
        Phrase(r"Pain rule: 0-{g}/10 during", {"g": G}),
        Phrase(r"Green Go 0 to {g} out of 10", {"g": G}, always=True),
        Phrase(r"knee pain up to {g}/10 is fine", {"g": G}),
        Phrase(r"knee pain at {g}/10 or less", {"g": G}),
        Phrase(r"close to it \({g}/10 or less\)", {"g": G}),
        Phrase(r"pain stays at {g}/10 or less", {"g": G}),
    ),
    "red_pain_min": (
        Phrase(r"Pain {r}/10 or more, a limp", {"r": R}),
        Phrase(r"\. {r} or more, swollen or limping", {"r": R}),
        Phrase(r"\b{a}-{b}, or stiff", AMBER),
        Phrase(r"reaches {r}/10", {"r": R}),
        Phrase(r"; {a}-{b}: slow down", AMBER),
        Phrase(r"; {r} or more, a limp", {"r": R}),
        Phrase(r"Pain of {a} to {b} out of 10", AMBER, always=True),
        Phrase(r"Pain of {r} or more", {"r": R}, always=True),
        Phrase(r"Amber Hold {a} to {b} out of 10", AMBER, always=True),
        Phrase(r"Red Stop {r} or more out of 10", {"r": R}, always=True),
        Phrase(r"Pain during a run is {a}-{b}/10", AMBER),
        Phrase(r"At {r}/10 or more, stop", {"r": R}),
    ),
    "strength_pain_max": (
        Phrase(r"exercise pain {s}/10 or less", {"s": S}),
        Phrase(r"with pain {s}/10 or less and no worse next morning", {"s": S}),
        Phrase(r"hurts more than {s}/10", {"s": S}, always=True),
        Phrase(r"up to {s}/10 during the exercises", {"s": S}),
        Phrase(r"pain up to {s} out of 10 is okay", {"s": S}, always=True),
        Phrase(r"pain of {s} or less and no worse", {"s": S}, always=True),
        Phrase(r"Pain up to {s}/10 is OK", {"s": S}),
        Phrase(r"goes over {s}/10", {"s": S}),
        Phrase(r"Never go over {s}/10", {"s": S}),
    ),
    "strength_sessions_per_step": (Phrase(r"at least {n} sessions at that dose", {"n": n("strength_sessions_per_step")}, always=True),),
    "red_wait_hours": (
        Phrase(r"at least {h} hours", {"h": n("red_wait_hours")}, always=True),
        Phrase(r"wait {d} days", {"d": days("red_wait_hours")}),
        Phrase(r"at least {d} days\)", {"d": days("red_wait_hours")}, always=True),
        Phrase(r"wait at least {d} days", {"d": days("red_wait_hours")}),
    ),
    "weekly_increase_max": (
        Phrase(r"limited by the {p} weekly cap", {"p": pct("weekly_increase_max")}),
        Phrase(r"a little more running \(up to {p}\)", {"p": pct("weekly_increase_max")}),
        Phrase(r"at most \+{p} a week", {"p": pct("weekly_increase_max")}),
        Phrase(r"by at most {p} a week", {"p": pct("weekly_increase_max")}),
        Phrase(r"Week 1 is at most {p} above", {"p": pct("weekly_increase_max")}),
    ),
    "two_week_increase_max": (Phrase(r"the {p} two-week cap", {"p": pct("two_week_increase_max")}),),
    "deload_every": (Phrase(r"a lighter week every {n}(?:th| weeks)", {"n": n("deload_every")}),),
    "deload_cut": (Phrase(r"last week [\d.]+, less {p}", {"p": pct("deload_cut")}),),
    "flare_cut_min": (Phrase(r"at least {p} less running", {"p": pct("flare_cut_min")}, always=True),
                      Phrase(r"at least {n} percent less running", {"n": lambda lim: number(lim["flare_cut_min"] * 100, 0)})),
    "rest_pain_gate": (
        Phrase(r"still, my knee pain is below {x}/10", {"x": n("rest_pain_gate")}),
        Phrase(r"is the knee pain below {x}/10", {"x": n("rest_pain_gate")}),
        Phrase(r"pain at rest is \d+/10 \(running waits until it is below {x}/10", {"x": n("rest_pain_gate")}),
        Phrase(r"pain at rest \d+/10 \(limit {x}\)", {"x": n("rest_pain_gate")}),
    ),
    "daily_pain_gate": (
        Phrase(r"worst knee pain is below {x}/10", {"x": n("daily_pain_gate")}),
        Phrase(r"stay below {x}/10", {"x": n("daily_pain_gate")}),
        Phrase(r"daily life is \d+/10 \(running waits until it is below {x}/10", {"x": n("daily_pain_gate")}),
        Phrase(r"worst daily pain \d+/10 \(limit {x}\)", {"x": n("daily_pain_gate")}),
    ),
    "review_week": (
        Phrase(r"after about {n} weeks", {"n": n("review_week")}, always=True),
        Phrase(r"You are {n} weeks into your plan", {"n": n("review_week")}),
        Phrase(r"Review week \(R3\) Week {n}:", {"n": n("review_week")}),
    ),
    "cadence_first_step": (
        Phrase(r"step rate \(\+{p}\)", {"p": pct("cadence_first_step")}),
        Phrase(r"about {p} more than your usual", {"p": pct("cadence_first_step")}),
        Phrase(r"once {p} feels natural", {"p": pct("cadence_first_step")}),
        Phrase(r"Drop back to {p} more", {"p": pct("cadence_first_step")}),
    ),
    "cadence_max_step": (
        Phrase(r"step rate again \(up to \+{p}\)", {"p": pct("cadence_max_step")}),
        Phrase(r"towards {p} more", {"p": pct("cadence_max_step")}),
    ),
    "single_run_cap": (Phrase(r"No run is longer than {x} x", {"x": n("single_run_cap")}),),
    "long_run_increase_max": (Phrase(r"Your longest run grows at most {p}", {"p": pct("long_run_increase_max")}),
                              Phrase(r"longest run x {x} =", {"x": times("long_run_increase_max")})),
    "spike_ratio": (Phrase(r"one-off above {x} x", {"x": n("spike_ratio")}),),
    "amber_trim": (Phrase(r"holds your running, {p} lighter", {"p": pct("amber_trim")}),),
    "monotony_max": (Phrase(r"monotony above {x}\)", {"x": n("monotony_max")}),),
    "cadence_no_change_min": (Phrase(r"steps a minute \({x} or more\)", {"x": n("cadence_no_change_min")}),),
    "entry_bout_fraction": (Phrase(r"{p} of that", {"p": pct("entry_bout_fraction")}),),
    "stage0_days": (Phrase(r"no running for at least {d} days", {"d": n("stage0_days")}),),
    "taper_volume_max": (Phrase(r"at most {p} of last week", {"p": pct("taper_volume_max")}),
                         Phrase(r"\({p}\), race day", {"p": pct("taper_volume_max")})),
    "taper_easy_min": (Phrase(r"an easy {m} minutes in the", {"m": n("taper_easy_min")}),
                       Phrase(r"an easy run of {m} minutes at most", {"m": n("taper_easy_min")})),
    "taper_days": (Phrase(r"minutes in the {d} days before", {"d": n("taper_days")}),),
    "no_running_cardio_min": (Phrase(r"min a week \(at least {m}\)", {"m": n("no_running_cardio_min")}),),
    "strength_session_max_min": (Phrase(r"last at most {m} minutes", {"m": n("strength_session_max_min")}),),
    "isometric_pain_max": (Phrase(r"holds at {x}/10 or less", {"x": n("isometric_pain_max")}),
                           Phrase(r"hurt over {x}/10, go back to the holds", {"x": n("isometric_pain_max")}),
                           Phrase(r"knee pain is {x}/10 or less", {"x": n("isometric_pain_max")})),
    "isometric_weeks": (Phrase(r"start after {w} week\(s\) of holds", {"w": n("isometric_weeks")}),),
    "bmi_high": (Phrase(r"your BMI is over {x}", {"x": n("bmi_high")}),),
    "bmi_week1_max_km": (Phrase(r"week 1 holds at most {x} km", {"x": n("bmi_week1_max_km")}),),
    "break_medium_weeks": (Phrase(r"A break of {w} weeks or more", {"w": n("break_medium_weeks")}),),
    "child_review_age": (Phrase(r"You are under {x}\.", {"x": n("child_review_age")}),),
    "older_review_age": (Phrase(r"Over {x}, knee pain", {"x": n("older_review_age")}), Phrase(r"Age {x} or over", {"x": n("older_review_age")})),
    "restart_continuous_fraction": (Phrase(r"about {p} of your usual week", {"p": pct("restart_continuous_fraction")}),),
    # Used by the planner, stated in no sentence (only in the clinician's settings table).
    "event_intensity_lock_weeks": (), "recovery_volume_max": (), "event_run_walk_share": (),
    "irritable_rest_pain": (), "irritable_daily_pain": (), "break_long_weeks": (), "restart_stage_short": (),
    "restart_stage_medium": (), "stage0_reds": (),
}


# ---- random allowed settings ----------------------------------------------------------------------------

def allowed(key: str) -> st.SearchStrategy[float]:
    """Values the profile validator accepts for ``key``, on the grid a clinic would use: whole numbers for
    scores, weeks, hours and counts; half percents for shares; 0.05 steps for multipliers. Never the default."""
    t = THRESHOLDS[key]
    if key in PERCENT_SETTINGS:
        values = st.integers(math.ceil(t.low * 200), math.floor(t.high * 200)).map(lambda v: v / 200)
    elif float(t.default).is_integer():
        values = st.integers(math.ceil(t.low), math.floor(t.high)).map(float)
    else:
        values = st.integers(math.ceil(t.low * 20), math.floor(t.high * 20)).map(lambda v: v / 20)
    return values.filter(lambda v: abs(v - t.default) > 1e-9)


def coherent(limits: Limits) -> bool:
    """Settings a clinic may combine: the validator's own order checks (an amber band between green and red...)."""
    return not order_problems(Settings(dict(limits)))


def every_threshold() -> st.SearchStrategy[dict[str, float]]:
    return st.fixed_dictionaries({key: allowed(key) for key in THRESHOLDS}).filter(lambda o: coherent({**DEFAULTS, **o}))


# ---- the plan, its site and calendar, in-process like `plangen build --no-pdf` --------------------------

def with_rules(name: str, overrides: Mapping[str, float], folder: Path) -> Path:
    """profiles/<name>.yaml and its log copied to ``folder``, the overrides appended as its ``rules:``."""
    for suffix in (".yaml", ".log.yaml"):
        (folder / f"{name}{suffix}").write_text((ROOT / "profiles" / f"{name}{suffix}").read_text(encoding="utf-8"), encoding="utf-8")
    rules = ", ".join(f"{key}: {value!r}" for key, value in overrides.items())
    with (folder / f"{name}.yaml").open("a", encoding="utf-8") as profile:
        profile.write(f"rules: {{{rules}}}\n")
    return folder / f"{name}.yaml"


def visible(page: str) -> str:
    """A page's text as a reader sees it; the clinician's settings table keeps its values but not its defaults."""
    page = re.sub(r'<td[^>]*data-label="Default"[^>]*>.*?</td>', " ", page, flags=re.S)
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page)))


def calendar(ics: str) -> str:
    return re.sub(r"\r?\n[ \t]", "", ics).replace("\\n", " ").replace("\\,", ",").replace("\\;", ";")


def everything_said(profile: Path, library: Any) -> dict[str, str]:
    """What `plangen plan` prints, each site page and the calendar, by name."""
    runner = load_runner(profile)
    plan = make_plan(runner.profile, runner.log, library, runner.slug)
    doc = make_document(runner, plan, library, RenderOptions(pdf=False, generated="2026-11-29", review_by="2027-01-10"))
    texts = {"plangen plan": render_text(plan)}
    for artifact in render_site(doc):
        if artifact.path.suffix == ".html":
            texts[str(artifact.path)] = visible(artifact.data.decode("utf-8"))
    texts.update({str(a.path): calendar(a.data.decode("utf-8")) for a in render_ics(doc)})
    return texts


def said(overrides: Mapping[str, float], library: Any) -> dict[str, str]:
    with tempfile.TemporaryDirectory() as folder:
        return {f"{name}: {page}": text for name in PROFILES
                for page, text in everything_said(with_rules(name, overrides, Path(folder)), library).items()}


def defaults_stated(texts: Mapping[str, str], limits: Limits) -> list[str]:
    """Each place a phrase states a default where the plan's own value reads differently."""
    found: dict[str, None] = {}  # each leak once, in the order found
    for key, phrases in PHRASES.items():
        for phrase in phrases:
            old, new = phrase.regex(DEFAULTS), phrase.regex(limits)
            if old == new:
                continue
            for name, text in texts.items():
                for match in re.finditer(old, text, flags=re.I):
                    found[f"{key}={limits[key]:g}: {name}: …{text[max(0, match.start() - 70):match.end() + 30]}…"] = None
    return list(found)


def always_missing(texts: Mapping[str, str], limits: Limits) -> list[str]:
    everything = "\n".join(texts.values())
    return [f"{key}: /{p.regex(limits)}/" for key, phrases in PHRASES.items() for p in phrases
            if p.always and not re.search(p.regex(limits), everything, flags=re.I)]


# ---- the tests ------------------------------------------------------------------------------------

def test_every_threshold_is_in_the_catalogue() -> None:
    """A new setting comes with the phrases that state it (or an empty tuple: used, never stated)."""
    assert set(THRESHOLDS) - set(PHRASES) == set(), "add these settings' phrases to PHRASES"
    assert set(PHRASES) - set(THRESHOLDS) == set(), "these are no longer settings"
    assert PERCENT_SETTINGS <= set(THRESHOLDS)


@pytest.fixture(scope="module")
def default_texts(library: Any) -> dict[str, str]:
    return said({}, library)


def test_the_phrases_find_the_defaults_in_a_default_build(default_texts: dict[str, str]) -> None:
    """The catalogue is alive: a default build states most phrases with the defaults, or the property proves nothing."""
    everything = "\n".join(default_texts.values())
    found = {(key, p.pattern) for key, phrases in PHRASES.items() for p in phrases if re.search(p.regex(DEFAULTS), everything, flags=re.I)}
    keys = {key for key, _ in found}
    assert always_missing(default_texts, DEFAULTS) == []
    assert {"green_pain_max", "red_pain_min", "strength_pain_max", "red_wait_hours", "weekly_increase_max",
            "deload_cut", "flare_cut_min", "rest_pain_gate", "daily_pain_gate", "review_week", "cadence_first_step",
            "cadence_max_step", "single_run_cap", "spike_ratio", "strength_sessions_per_step", "deload_every",
            "strength_session_max_min"} <= keys
    assert len(found) >= 45, sorted(found)


# No shrinking: each example renders two whole sites, and the failure message already names every leak and where.
@settings(max_examples=20, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate],
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(overrides=every_threshold())
def test_with_every_threshold_overridden_no_default_is_stated(library: Any, overrides: dict[str, float]) -> None:
    limits = {**DEFAULTS, **overrides}
    texts = said(overrides, library)
    leaks, missing = defaults_stated(texts, limits), always_missing(texts, limits)
    assert not leaks, "defaults stated:\n" + "\n".join(leaks)
    assert not missing, "the plan's own values missing:\n" + "\n".join(missing)
