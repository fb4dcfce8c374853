"""The runner-facing words the planner attaches to a week: form focus, progress checks, flare-up rules."""

from __future__ import annotations

import math

from plangen.document.plan import Contingency
from plangen.planner.volume import Decision
from plangen.rules import Settings

BASE_FOCUS = (
    "Kneecaps point the same way as your toes when you land.",
    "Run tall, with a slight lean forward from the hips, and keep your belly gently firm.",
)


def cadence_target(cadence: int | None, step: int, settings: Settings) -> int | None:
    """R34: +5% of the runner's own step rate first, at most +10%; never a fixed number like 180."""
    if cadence is None or step == 0:
        return None
    rise = settings.cadence_first_step if step == 1 else settings.cadence_max_step
    return round(cadence * (1 + rise))


def focus(cadence: int | None, step: int, settings: Settings, decision: Decision | None) -> list[str]:
    items = list(BASE_FOCUS)
    target = cadence_target(cadence, step, settings)
    if target is not None:
        items.insert(0, f"Step rate: about {target} steps a minute (your own {cadence}, a little quicker). "
                        "Use a metronome app, keep the same easy pace: shorter, quicker steps.")
    if decision is not None and decision.change and decision.change.startswith("cadence"):
        items.append("Film yourself or run past a mirror once this week to check your knees and step.")
    if cadence is None:
        items.append("Count your steps for 30 seconds on an easy run and double it: that is your step rate.")
    return items


def progress_check(phase: str, number: int, settings: Settings) -> list[str]:
    green, strength, wait = int(settings.green_pain_max), int(settings.strength_pain_max), _wait_days(settings)
    checks = {
        "walk_run": [f"Move to the next stage after 2 green sessions in a row (pain {green}/10 or less, settled within an hour, no worse next morning).",
                     f"Amber session: repeat the stage. Red session: go back one stage and wait {wait} days."],
        "no_running": ["Keep going with strength and cardio. Ask your clinician when you may start walk-running.",
                       f"Ready to run when you can walk briskly for 30 minutes and hop 10 times on the sore leg with pain {green}/10 or less."],
        "deload": ["This lighter week is planned: enjoy it. Next week goes back to the week before this one."],
    }.get(phase, [f"Next week only goes up if every run this week is green (pain {green}/10 or less, settled within an hour, no worse next morning).",
                  "One amber run: repeat this week. Two ambers, or a red run: step back (see the flare-up page)."])
    checks = checks + [f"Strength: move an exercise up a step only after 2 sessions with 1 more rep than the target, exercise pain {strength}/10 or less, and no worse next morning."]
    if number == int(settings.review_week):
        checks.append("Check-in: compare your worst pain with week 1. If it has not dropped by 2 points or more, book a clinician review.")
    return checks


def flare_rules(phase: str, settings: Settings) -> list[str]:
    red, wait = int(settings.red_pain_min), _wait_days(settings)
    rules = [f"Pain {red}/10 or more, a limp or swelling during a run: stop, walk home, and read the flare-up page."]
    if phase == "walk_run":
        rules.append(f"After a red session, wait at least {wait} days and go back one stage.")
    else:
        rules.append(f"After a red run, wait at least {wait} days; the next run is no longer than your last green run.")
    return rules


def readiness_rule(settings: Settings) -> str:
    """How the morning's knee score picks the planned, easier or cross-training version of a run."""
    green, red = int(settings.green_pain_max), int(settings.red_pain_min)
    return (f"Score your knee when you wake up. 0-{green} and walking feels normal: do the planned session. "
            f"{green + 1}-{red - 1}, or stiff: do the easier version. {red} or more, swollen or limping: cross-train or rest "
            "and follow the flare-up page.")


def _wait_days(settings: Settings) -> int:
    return math.ceil(settings.red_wait_hours / 24)


def contingencies(settings: Settings) -> list[Contingency]:
    green, red = int(settings.green_pain_max), int(settings.red_pain_min)
    wait = int(settings.red_wait_hours)
    return [
        Contingency(when=f"Pain during a run is {green}/10 or less", do="Carry on. This is the green zone.", rule="R11"),
        Contingency(when=f"Pain during a run is {green + 1}-{red - 1}/10", do="Slow down 10-20%, add walk breaks (run 4 min, walk 1 min), keep to flat ground. Repeat this step next time instead of moving on.", rule="R28"),
        Contingency(when=f"Pain during a run reaches {red}/10, keeps rising, or you limp", do=f"Stop and walk home. No running for at least {wait} hours and until walking is pain-free and morning pain is back to normal.", rule="R26"),
        Contingency(when="Pain an hour after is still above where it started", do="Count the run as amber: repeat it next time, do not progress.", rule="R8"),
        Contingency(when="Next-morning pain is 2 or more points higher than usual", do="Count the run as red: replace the next run with easy cycling, pool running or a walk, and go back one step.", rule="R9"),
        Contingency(when="Two amber runs in a week, or next-morning pain 2 points worse than last week", do=f"Next week goes back to your last all-green week (at least {settings.flare_cut_min * 100:g}% less running), with walk breaks and no hills or speed.", rule="R27"),
        Contingency(when="Two red sessions within 14 days", do="Book a clinician review. Keep up strength work and easy cardio.", rule="R29"),
        Contingency(when=f"No 2-point drop in your worst pain after about {settings.review_week:g} weeks", do="Book a clinician review; most knee pain improves within 6-12 weeks with this kind of plan.", rule="R3"),
        Contingency(when="Swelling, locking, the knee giving way, night pain, fever, or you cannot put weight on the leg", do="Stop the plan and see a clinician. If the knee is hot and red with fever, or you cannot bear weight, get care today.", rule="R2"),
        Contingency(when=f"A strength exercise hurts more than {int(settings.strength_pain_max)}/10 or is worse next morning", do="Use the easier version, less weight, or a smaller range until it settles.", rule="R30"),
    ]
