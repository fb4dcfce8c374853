"""The plan explained in plain words for the terminal (``plangen plan --format text``)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from plangen.document.plan import Baseline, Plan, Reason, Session, Week
from plangen.render.formats import amount, change, date_long, date_range, distance, dose, intervals, label, minutes, phase

STATUS = {
    "plan": "Return-to-run plan",
    "no_running": "Strength and cross-training plan, no running for now",
    "referral": "No plan: please see a clinician first",
}
URGENCY = {
    "today": "get medical help today",
    "days": "see a doctor or physiotherapist within a few days",
    "review": "ask a clinician to review your knee before running",
}


def render_text(plan: Plan) -> str:
    """Status, baseline, then each week: phase, running total, the one change, each day, the reasons."""
    lines = [f"{STATUS[plan.status]} ({plan.id}), starting {date_long(plan.start)}", ""]
    lines += _referral(plan) + _notes(plan)
    lines += _baseline(plan.baseline, plan.units) + _goal(plan) + _event(plan) + _checklist(plan) + _unscored(plan)
    limits = plan.limits()
    for week in plan.weeks:
        lines += _week(week, plan.units, limits)
    if plan.contingencies:
        lines += ["If your knee flares up:"]
        lines += [f"  - {c.when}: {c.do}" + (f" [{c.rule}]" if c.rule else "") for c in plan.contingencies]
    lines += [""] + _reasons(plan.reasons, "Why the plan looks like this:")
    return "\n".join(lines).rstrip("\n") + "\n"


def _referral(plan: Plan) -> list[str]:
    if plan.referral is None:
        return []
    lines = [f"Please {URGENCY[plan.referral.urgency]}, because:"]
    return lines + [f"  - {reason}" for reason in plan.referral.reasons] + [""]


def _notes(plan: Plan) -> list[str]:
    lines = [f"Clinician review: {item}" for item in plan.clinician_review]
    lines += [f"Warning: {item}" for item in plan.warnings]
    return lines + [""] if lines else []


def _baseline(b: Baseline, units: str) -> list[str]:
    cadence = f"{b.cadence} steps/min" if b.cadence else "not measured"
    lines = [
        "Where you are starting from:",
        (
            f"  pain-free running {distance(b.weekly_distance, units)} a week; "
            f"longest run in 30 days {distance(b.longest_run_30d, units)}; cadence {cadence}"
        ),
        (
            f"  worst pain during/after/next morning: {_score(b.pain.worst_during)}/"
            f"{_score(b.pain.worst_after)}/{_score(b.pain.worst_next_morning)} out of 10, trend {b.pain.trend}"
        ),
    ]
    return lines + _reasons(b.reasons, "  because:", indent="    ") + [""]


def _goal(plan: Plan) -> list[str]:
    """R47: the goal, the week the limits would reach it, and what comes after the last week."""
    goal = plan.goal
    if goal is None:
        return []
    wanted = [distance(goal.weekly_distance, plan.units) + " a week" if goal.weekly_distance else "", goal.event or ""]
    lines = ["Your goal: " + (" and ".join(w for w in wanted if w) or "none set yet")]
    if goal.reached_week is not None and goal.reached_date is not None:
        where = "after this plan, if every week stays green" if goal.beyond_plan else "inside this plan"
        lines.append(f"  the limits reach {distance(goal.weekly_distance, plan.units)} a week in week {goal.reached_week} "
                     f"(from {date_long(goal.reached_date)}), {where}")
    return lines + [f"  after the last week: {goal.after}", ""]


def _event(plan: Plan) -> list[str]:
    """R46: the event, whether its distance is safe by then, the safe options and the race-day stop rule."""
    event = plan.event
    if event is None:
        return []
    where = f"week {event.week} of this plan" if event.in_plan else (f"week {event.week}, after this plan" if event.week else "outside this plan")
    lines = [f"Your event: {event.name}, {distance(event.distance, plan.units)} on {date_long(event.date)} ({where})"]
    if event.reachable:
        lines.append(f"  the distance is within your safe limits by then (longest safe run {distance(event.longest_safe, plan.units)})")
    else:
        lines.append(f"  not safe at full distance by then (longest safe run {distance(event.longest_safe, plan.units)}); safe options:")
        lines += [f"    - {option.text}" for option in event.options]
    if event.taper_week is not None:
        lines.append(f"  week {event.taper_week} is a lighter race week" + (f"; week {event.recovery_week} is a recovery week" if event.recovery_week else ""))
    return lines + [f"  race day: {event.stop_rule}", ""]


def _checklist(plan: Plan) -> list[str]:
    answers = {"yes": "you said yes", "no": "you said not yet", "not_answered": "no answer yet"}
    lines = [f"  [ ] {c.text} ({answers[c.answer] if c.answer else 'tick when true'}) [{c.rule}]"
             for c in plan.readiness_checklist]
    return ["Ready to run? Tick each test when it is true, then ask your clinician to sign:", *lines, ""] if lines else []


def _unscored(plan: Plan) -> list[str]:
    lines = [
        f"  {date_long(r.date)}: {label(r.activity)} {amount(r, plan.units)}, missing pain "
        + ", ".join(label(m) for m in r.missing)
        for r in plan.unscored_runs
    ]
    title = "Runs still missing pain scores (a run without them never counts as green; add them to your log):"
    return [title, *lines, ""] if lines else []


def _week(week: Week, units: str, limits: Mapping[str, float]) -> list[str]:
    stage = f", stage {week.stage}" if week.stage is not None else ""
    cadence = f", cadence {week.cadence_target} steps/min" if week.cadence_target else ""
    lines = [
        f"Week {week.number} ({date_range(week.start)}): {phase(week.phase).lower()}{stage}",
        f"  running {distance(week.running_distance, units)} / {minutes(week.running_minutes)}{cadence}"
        if week.running_distance or week.running_minutes else "  no running this week",
        f"  the one change: {change(week.change, limits) if week.change else 'none, repeat and settle in'}",
    ]
    if week.event:
        lines.append(f"  this week: {week.event}")
    lines += [f"  re-test: {test}" for test in week.retests]
    for day in week.days:
        for session in day.sessions:
            lines.append(f"  {date_long(day.date)[:-5]}: {session_line(session, units)}")
    return lines + _reasons(week.reasons, "  because:", indent="    ") + [""]


def session_line(session: Session, units: str) -> str:
    """One session in one line: what, how much, how hard, and the exercises with their dose."""
    parts = [f"{label(session.kind)}: {session.title}"]
    if session.intervals and session.intervals.walk_min:  # a continuous jog's title already gives its minutes
        parts.append(intervals(session.intervals))
    size = _size(session, units)
    if size:
        parts.append(size)
    if session.intensity and not _names(session.title.lower(), label(session.intensity)):
        parts.append(label(session.intensity))  # 'Pool running, 30 min easy' says its effort already
    if session.exercises:
        parts.append("; ".join(f"{d.name or d.id} {dose(d)}".strip() for d in session.exercises))
    return ", ".join(parts)


def _size(session: Session, units: str) -> str:
    """Distance and time, less what the title already says: 'Long easy run: 22 km' needs no second '22 km'."""
    sizes = (distance(session.distance, units) if session.distance else "",
             minutes(session.duration_min) if session.duration_min else "")
    return " · ".join(size for size in sizes if size and not _names(session.title, size))


def _names(title: str, size: str) -> bool:
    # Whole figures only: '2.7 km' is not named by '12.7 km'.
    return re.search(rf"(?<![\d.]){re.escape(size)}(?![\w.])", title) is not None


def _reasons(reasons: Iterable[Reason], title: str, indent: str = "  ") -> list[str]:
    lines = [f"{indent}{r.rule}: {r.text}" + (f" ({r.data})" if r.data else "") for r in reasons]
    return [title, *lines] if lines else []


def _score(value: int | None) -> str:
    return "-" if value is None else str(value)
