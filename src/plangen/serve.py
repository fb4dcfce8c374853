"""``plangen serve``: a local preview on 127.0.0.1 that rebuilds when a profile, log, card or template changes."""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterable
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from plangen.build import BuildOptions, build
from plangen.errors import PlangenError


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's name
        pass  # one line per request drowns the rebuild messages


def start_server(directory: Path, port: int) -> ThreadingHTTPServer:
    """Serve ``directory`` on localhost only (never on the network) in a background thread."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def watched(paths: list[Path], root: Path) -> list[Path]:
    """What a rebuild depends on: the profiles (and their logs), the project's content and templates."""
    candidates = [*paths, root / "content", root / "templates", root / "plangen.yaml"]
    return [p for p in candidates if p.exists()]


def rebuild(paths: list[Path], options: BuildOptions, say: Callable[[str], None]) -> bool:
    """Build once; a bad input is reported and the last good site keeps being served."""
    try:
        results = build(paths, options)
    except PlangenError as exc:
        say(exc.format_message())
        return False
    for result in results:
        say(f"built {result.slug}" if result.error is None else f"failed {result.source}: {result.error}")
    return all(r.error is None for r in results)


def watch_and_rebuild(paths: list[Path], options: BuildOptions, say: Callable[[str], None],
                      changes: Iterable[object] | None = None) -> None:
    """Rebuild on every batch of file changes until interrupted (``changes`` is injectable for tests)."""
    if changes is None:
        from watchfiles import watch

        changes = watch(*watched(paths, options.root))
    for _batch in changes:
        say("change detected, rebuilding...")
        rebuild(paths, options, say)
