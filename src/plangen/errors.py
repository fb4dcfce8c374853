"""The project's own small exception tree, mapped to exit codes by the CLI."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import click


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one input: where it is, what was expected, what was found."""

    file: Path
    line: int | None
    field: str
    expected: str
    found: str
    hint: str = ""
    source_line: str = ""

    def format(self) -> str:
        head = f"{self.field}: " if self.field else ""
        lines = [f"error: {head}expected {self.expected}, found {self.found}"]
        if self.hint:
            lines[0] += f" ({self.hint})"
        where = f'  File "{self.file}"'
        if self.line is not None:
            where += f", line {self.line}"
        lines.append(where)
        if self.source_line.strip():
            lines.append(f"    {self.source_line.strip()}")
        return "\n".join(lines)


class PlangenError(click.ClickException):
    """Root of every expected failure: printed as a message, never a traceback."""

    exit_code = 1

    def show(self, file=None) -> None:  # type: ignore[no-untyped-def]
        click.echo(self.format_message(), err=True)


class InputError(PlangenError):
    """Bad input from the user: every problem found, reported at once (exit 2)."""

    exit_code = 2

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        count = len(problems)
        summary = f"{count} problem{'s' if count != 1 else ''} found"
        super().__init__("\n".join([p.format() for p in problems] + [summary]))


class BuildError(PlangenError):
    """The inputs were fine but an artifact could not be made (exit 1)."""

    exit_code = 1


class OutputPathError(BuildError):
    """A file would land outside the output folder."""
