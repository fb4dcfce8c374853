"""Which guidance a week carries (form focus, progress checks, flare-up rules, contingencies); the words are the catalogue's."""

from __future__ import annotations

from plangen.document.plan import Contingency
from plangen.planner.volume import Decision
from plangen.rules import Settings
from plangen.wording import say


def cadence_target(cadence: int | None, step: int, settings: Settings) -> int | None:
    """R34: +5% of the runner's own step rate first, at most +10%; never a fixed number like 180."""
    if cadence is None or step == 0:
        return None
    rise = settings.cadence_first_step if step == 1 else settings.cadence_max_step
    return round(cadence * (1 + rise))


def focus(cadence: int | None, step: int, settings: Settings, decision: Decision | None) -> list[str]:
    keys = ["week.focus.kneecaps", "week.focus.tall"]
    target = cadence_target(cadence, step, settings)
    items = [say(key, settings) for key in keys]
    if target is not None:
        items.insert(0, say("week.focus.step_rate", settings, target=target, cadence=cadence))
    if decision is not None and decision.change and decision.change.startswith("cadence"):
        items.append(say("week.focus.film", settings))
    if cadence is None:
        items.append(say("week.focus.count_steps", settings))
    return items


_CHECKS = {
    "walk_run": ("week.check.walk_run", "week.check.walk_run_amber"),
    "no_running": ("week.check.no_running", "week.check.ready_to_run"),
    "deload": ("week.check.deload",),
}


def progress_check(phase: str, number: int, settings: Settings) -> list[str]:
    keys = [*_CHECKS.get(phase, ("week.check.run", "week.check.run_amber")), "week.check.strength"]
    if number == int(settings.review_week):
        keys.append("week.check.review")
    return [say(key, settings) for key in keys]


def flare_rules(phase: str, settings: Settings) -> list[str]:
    after_red = "week.flare.walk_run" if phase == "walk_run" else "week.flare.run"
    return [say("week.flare.stop", settings), say(after_red, settings)]


def morning_rule(settings: Settings) -> str:
    """How the morning's knee score picks the planned, easier or cross-training version of a run."""
    return say("week.morning_rule", settings)


# What to do when: the catalogue's "if.<case>" pairs, in the order the flare-up page lists them.
_CONTINGENCIES = (("green", "R11"), ("amber", "R28"), ("red", "R26"), ("after_hour", "R8"), ("next_morning", "R9"),
                  ("two_ambers", "R27"), ("two_reds", "R29"), ("no_drop", "R3"), ("red_flags", "R2"), ("strength", "R30"))


def contingencies(settings: Settings) -> list[Contingency]:
    return [Contingency(when=say(f"if.{case}.when", settings), do=say(f"if.{case}.do", settings), rule=rule)
            for case, rule in _CONTINGENCIES]
