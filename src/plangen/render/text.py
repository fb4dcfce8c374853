"""The plan explained in plain words for the terminal (``plangen plan --format text``)."""

from __future__ import annotations

from collections.abc import Iterable

from plangen.document.plan import Baseline, Plan, Reason, Session, Week
from plangen.render.formats import amount, date_long, date_range, distance, dose, intervals, label, minutes

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
    lines += _baseline(plan.baseline, plan.units) + _checklist(plan) + _unscored(plan)
    for week in plan.weeks:
        lines += _week(week, plan.units)
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


def _week(week: Week, units: str) -> list[str]:
    stage = f", stage {week.stage}" if week.stage is not None else ""
    cadence = f", cadence {week.cadence_target} steps/min" if week.cadence_target else ""
    lines = [
        f"Week {week.number} ({date_range(week.start)}): {label(week.phase)}{stage}",
        f"  running {distance(week.running_distance, units)} / {minutes(week.running_minutes)}{cadence}",
        f"  the one change: {label(week.change) if week.change else 'none, repeat and settle in'}",
    ]
    for day in week.days:
        for session in day.sessions:
            lines.append(f"  {date_long(day.date)[:-5]}: {session_line(session, units)}")
    return lines + _reasons(week.reasons, "  because:", indent="    ") + [""]


def session_line(session: Session, units: str) -> str:
    """One session in one line: what, how much, how hard, and the exercises with their dose."""
    parts = [f"{label(session.kind)}: {session.title}"]
    if session.intervals:
        parts.append(intervals(session.intervals))
    if session.distance or session.duration_min:
        parts.append(amount(session, units))
    if session.intensity:
        parts.append(label(session.intensity))
    if session.exercises:
        parts.append("; ".join(f"{d.name or d.id} {dose(d)}".strip() for d in session.exercises))
    return ", ".join(parts)


def _reasons(reasons: Iterable[Reason], title: str, indent: str = "  ") -> list[str]:
    lines = [f"{indent}{r.rule}: {r.text}" + (f" ({r.data})" if r.data else "") for r in reasons]
    return [title, *lines] if lines else []


def _score(value: int | None) -> str:
    return "-" if value is None else str(value)
