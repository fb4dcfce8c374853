"""The ``plangen exercises`` command: list the exercise library or show one card as text."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:  # the loader (Markdown, figures) and the models (pydantic) are imported only when a command runs
    from plangen.sources.exercise_models import Dose
    from plangen.sources.library import Exercise, Library

_ROOT_KEY = "plangen.exercises.root"


class _ModelChoice(click.Choice):  # type: ignore[type-arg]
    """A choice of one of the card model's value lists, read when first needed: `plangen --help` loads no pydantic."""

    def __init__(self, name: str) -> None:
        self._name = name
        self.case_sensitive = True

    @property
    def choices(self) -> tuple[str, ...]:  # type: ignore[override]
        from plangen.sources import exercise_models

        return tuple(getattr(exercise_models, self._name))


@click.group("exercises", invoke_without_command=True)
@click.option(
    "--root",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="Project folder; its content/exercises overrides the bundled library.",
)
@click.option("--category", type=_ModelChoice("CATEGORIES"), help="Only cards in this category.")
@click.option("--equipment", type=_ModelChoice("EQUIPMENT"), help="Only cards that use this equipment.")
@click.pass_context
def exercises(ctx: click.Context, root: Path, category: str | None, equipment: str | None) -> None:
    """List the exercise library, or show one card with 'exercises show ID'."""
    ctx.meta[_ROOT_KEY] = root
    if ctx.invoked_subcommand is None:
        cards = _library(root).filter(category=category, equipment=equipment)
        click.echo(format_table(cards))


@exercises.command("show")
@click.argument("card_id", metavar="ID")
@click.pass_context
def show(ctx: click.Context, card_id: str) -> None:
    """Print one exercise card as readable text."""
    library = _library(ctx.meta.get(_ROOT_KEY, Path(".")))
    if card_id not in library:
        close = library.suggest(card_id)
        hint = f" (did you mean '{close}'?)" if close else ""
        raise click.BadParameter(f"no exercise with the id '{card_id}'{hint}", param_hint="ID")
    from plangen.rules import THRESHOLDS
    from plangen.wording.numbers import setting_words

    # A card's {setting} placeholders read as the rule book's defaults here; a plan writes in its own values.
    click.echo(format_card(library[card_id].filled(setting_words({k: t.default for k, t in THRESHOLDS.items()}))))


def _library(root: Path) -> Library:
    from plangen.sources.library import load_library
    from plangen.resources import content_dir

    return load_library(content_dir(root))


def format_table(cards: tuple[Exercise, ...]) -> str:
    """Cards as an aligned text table: id, name, category, level, equipment."""
    rows = [("ID", "NAME", "CATEGORY", "LEVEL", "EQUIPMENT")]
    rows += [(c.id, c.name, c.category, str(c.level), ", ".join(c.equipment) or "-") for c in cards]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)) + "  " + row[4] for row in rows]
    lines.append(f"{len(cards)} exercise{'s' if len(cards) != 1 else ''}")
    return "\n".join(line.rstrip() for line in lines)


def format_card(card: Exercise) -> str:
    """One card as plain text, in the order a runner reads it."""
    side = " each side" if card.unilateral else ""
    parts = [
        f"{card.name} ({card.id})",
        f"Category: {card.category}   Level: {card.level}",
        f"Targets: {', '.join(card.targets)}   Muscles: {', '.join(card.muscles)}",
        f"Equipment: {', '.join(card.equipment) or 'none'}",
        "",
        "Dose by step:",
        *(f"  Step {d.step}: {_dose_line(d, side)}" for d in card.dosage),
        "",
        _steps(card.body),
        "",
        "Form cues:",
        *(f"  - {cue}" for cue in card.cues),
        "",
        "Common faults:",
        *(f"  - {f.fault} -> {f.fix}" for f in card.faults),
        "",
        _wrap("Pain rule: " + card.pain_rule),
    ]
    if card.substitute:
        parts += ["", _wrap("Instead of a run: " + card.substitute)]
    parts += ["", f"Easier: {card.easier or '-'}   Harder: {card.harder or '-'}"]
    return "\n".join(parts)


def _dose_line(dose: Dose, side: str) -> str:
    extras = [f"tempo {dose.tempo}" if dose.tempo else "", f"rest {dose.rest_s} s" if dose.rest_s else "", dose.load]
    return ", ".join([dose.amount + side] + [e for e in extras if e])


def _steps(body: str) -> str:
    """The Markdown body as text: headings lose their #, paragraphs are wrapped."""
    out: list[str] = []
    for block in body.strip().split("\n\n"):
        heading = re.match(r"^#+\s*(.*)$", block)
        text = heading.group(1) + ":" if heading else "\n".join(_wrap(line) for line in block.splitlines())
        # a heading sits right on top of its text; other blocks keep a blank line between them
        out.append(text if not out or not out[-1].endswith(":") else out.pop() + "\n" + text)
    return "\n\n".join(out)


def _wrap(text: str, width: int = 88) -> str:
    indent = "   " if re.match(r"^\d+\. ", text) else ""
    return textwrap.fill(text, width=width, subsequent_indent=indent)
