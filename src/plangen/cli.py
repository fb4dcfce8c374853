"""Thin Click commands: parse options, call the pipeline, map failures to exit codes."""

from __future__ import annotations

import logging

import click

from plangen import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="plangen")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing on success.")
@click.option("-v", "--verbose", count=True, help="Say more (-vv for debug output).")
@click.pass_context
def main(ctx: click.Context, quiet: bool, verbose: int) -> None:
    """Build return-to-run plans for runner's knee as a static site and a printable PDF."""
    ctx.obj = {"quiet": quiet, "verbose": verbose}
    level = logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    logging.basicConfig(level=level, format="%(levelname)s: %(message)s")
