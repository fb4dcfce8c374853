"""The command line: thin Click commands over build, plan, validate, serve, new, exercises and log import."""

from plangen.cli.commands import main

__all__ = ["main"]
