"""What every template sees, read from the plan document: the plan, who it is for (unless anonymous), links, the cards used."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from plangen.document.model import PlanDocument
from plangen.document.plan import ExerciseDose, Plan
from plangen.errors import BuildError
from plangen.render.branding import branding
from plangen.render.cards import DrawnCard, draw
from plangen.render.chart import load_chart
from plangen.wording import say, setting_words

_SAFE_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
_EMPHASIS = re.compile(r"\*\*(.+?)\*\*")
TITLES = {
    "plan": "Return-to-run plan",
    "no_running": "Knee strength and cross-training plan",
    "referral": "Please see a clinician first",
}
PAPER_SIZES = {"a4": "A4", "letter": "letter"}


@dataclass(frozen=True)
class Links:
    """Where links point: separate pages on the site, in-document anchors in the print version."""

    print_mode: bool = False
    to_plan: str = ""  # "" on the plan's own pages, "../" on exercise cards

    def index(self) -> str:
        return "#overview" if self.print_mode else f"{self.to_plan}index.html"

    def week(self, number: int) -> str:
        return f"#week-{number}" if self.print_mode else f"{self.to_plan}week-{number:02d}.html"

    def exercise(self, exercise_id: str) -> str:
        return f"#ex-{exercise_id}" if self.print_mode else f"{self.to_plan}exercises/{exercise_id}.html"

    def page(self, name: str) -> str:
        return f"#{name}" if self.print_mode else f"{self.to_plan}{name}.html"

    def anchor(self, page: str, fragment: str) -> str:
        """A place inside a page: 'index.html#x' on the site, '#x' in the single print document."""
        return f"#{fragment}" if self.print_mode else f"{self.to_plan}{page}.html#{fragment}"

    def file(self, name: str) -> str:
        return f"{self.to_plan}{name}"

    def asset(self, name: str) -> str:
        # The site's assets folder is a sibling of every plan folder; print.html sits beside it.
        return f"assets/{name}" if self.print_mode else f"{self.to_plan}../assets/{name}"


def safe_id(value: str, what: str) -> str:
    """Ids become file names and URLs: refuse anything that is not a plain slug."""
    if not _SAFE_ID.match(value):
        raise BuildError(f"cannot render: {what} {value!r} is not letters, digits and '-' only")
    return value


def exercise_usage(plan: Plan) -> dict[str, list[tuple[int, ExerciseDose]]]:
    """Each exercise id in first-use order, with the distinct doses per week that use it."""
    usage: dict[str, list[tuple[int, ExerciseDose]]] = {}
    for week in plan.weeks:
        for day in week.days:
            for session in day.sessions:
                for dose in session.exercises:
                    entries = usage.setdefault(safe_id(dose.id, "exercise id"), [])
                    if (week.number, dose) not in entries:
                        entries.append((week.number, dose))
    return usage


def exercise_name(dose: ExerciseDose, cards: Mapping[str, DrawnCard]) -> str:
    if dose.name:
        return dose.name
    card = cards.get(dose.id)
    return str(card.name) if card is not None else dose.id.replace("-", " ").capitalize()


def plan_context(doc: PlanDocument) -> dict[str, Any]:
    """Everything shared by the site pages and the print document, read from the plan document alone."""
    plan, info = doc.plan, doc.info
    limits = plan.limits()
    words = setting_words(limits)  # the cards' {setting} placeholders, in this plan's values
    everything = {ex_id: draw(card, words) for ex_id, card in doc.cards.items()}
    usage = exercise_usage(plan)
    cards = {ex_id: everything[ex_id] for ex_id in usage if ex_id in everything}
    person = info.who.model_dump() if info.who else None
    return {
        "plan": plan,
        "units": plan.units,
        "anonymous": info.presentation.anonymous,
        "who": person,
        "runner_name": person["name"] if person else None,
        "goal": info.goal,
        "clinician": info.clinician.model_dump() if info.clinician else None,
        "plan_title": TITLES[plan.status],
        "cards": cards,
        "usage": usage,
        "library": everything,
        "exercise_name": lambda dose: exercise_name(dose, cards),
        "charts": _charts(plan),
        "has_done": any(day.done for week in plan.weeks for day in week.days),
        "generated": info.edition.generated,
        "version": info.edition.plangen_version,
        "plan_version": info.edition.version,
        "limits": limits,
        "say": page_words(limits),
        "once": drawn_once(),
        "large_print": info.presentation.large_print,
        "has_pdf": info.presentation.pdf,
        "paper_size": PAPER_SIZES.get(info.presentation.paper, "A4"),
        **branding(doc),
    }


def drawn_once() -> Callable[..., Markup]:
    """The templates' once(macro, *args): a macro's HTML for the same arguments is made once per plan context.

    The warm-up and cool-down routine is the same on every run day; drawing it once made a plan's pages ~10%
    cheaper. Only for macros whose output depends on their arguments and the plan alone (not on the page).
    """
    made: dict[tuple[Any, ...], Markup] = {}

    def once(macro: Callable[..., Markup], *args: Any) -> Markup:
        key = (getattr(macro, "name", macro), *(tuple(a) if isinstance(a, list) else a for a in args))
        if key not in made:
            made[key] = macro(*args)
        return made[key]
    return once


def page_words(limits: Mapping[str, float]) -> Callable[..., Markup]:
    """The templates' say(key, **facts): a catalogue sentence stating this plan's own thresholds, escaped,
    with the catalogue's **emphasis** as <strong> (so a sentence stays whole in the catalogue)."""
    def say_on_page(key: str, **facts: Any) -> Markup:
        return Markup(_EMPHASIS.sub(r"<strong>\1</strong>", str(escape(say(key, limits, **facts)))))
    return say_on_page


def _charts(plan: Plan) -> dict[str, Any]:
    return {
        "distance": load_chart(plan.weeks, "distance", plan.units),
        "minutes": load_chart(plan.weeks, "minutes", plan.units),
    }
