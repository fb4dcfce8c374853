"""``plangen serve``: a local preview on 127.0.0.1 that rebuilds when a profile, log, card or template changes."""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from plangen.build import BuildOptions, build
from plangen.errors import BuildError, PlangenError

HOST = "127.0.0.1"  # the preview shows names and pain scores: never on the network


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's name
        pass  # one line per request drowns the rebuild messages


def start_server(directory: Path, port: int) -> ThreadingHTTPServer:
    """Serve ``directory`` on localhost only (never on the network) in a background thread; port 0 picks a free one."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    try:
        server = ThreadingHTTPServer((HOST, port), handler)
    except OSError as exc:
        raise BuildError(f"cannot serve on {HOST}:{port}: {exc.strerror} (is another preview running? try --port)") from None
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@dataclass
class Preview:
    """A running preview: the server, and the watcher thread that rebuilds on change."""

    server: ThreadingHTTPServer
    watcher: threading.Thread
    stopping: threading.Event

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}/"

    def wait(self) -> None:
        """Block until the watcher ends (Ctrl+C interrupts the short joins)."""
        while self.watcher.is_alive():
            self.watcher.join(0.5)

    def stop(self) -> None:
        if self.stopping.is_set():
            return
        self.stopping.set()
        self.server.shutdown()
        self.server.server_close()
        self.watcher.join(10)


def start_preview(paths: list[Path], options: BuildOptions, port: int, say: Callable[[str], None]) -> Preview:
    """Build once, serve the output folder (even empty, if that build failed), and rebuild on every change."""
    rebuild(paths, options, say)
    options.out.mkdir(parents=True, exist_ok=True)
    server = start_server(options.out, port)
    stopping = threading.Event()
    watcher = threading.Thread(target=watch_and_rebuild, args=(paths, options, say), kwargs={"stop": stopping}, daemon=True)
    watcher.start()
    return Preview(server, watcher, stopping)


def watched(paths: list[Path], root: Path) -> list[Path]:
    """What a rebuild depends on: the folders holding the profiles (and so their logs), the content, templates and plangen.yaml.

    Folders, not files: editors that save by writing a new file and renaming it would end a watch on the old one.
    """
    folders = [p if p.is_dir() else p.parent for p in paths]
    candidates = [*folders, *_log_folders(paths), root / "content", root / "templates", root / "plangen.yaml"]
    return sorted({p.resolve() for p in candidates if p.exists()})


def _log_folders(paths: list[Path]) -> list[Path]:
    # A profile may name a log elsewhere (log: ../logs/sam.log.yaml); profiles that do not load yet add nothing.
    from plangen.sources.runner import load_runner, profile_paths

    folders = []
    for path in profile_paths(paths):
        try:
            log = load_runner(path).log_path
        except PlangenError:
            continue
        if log is not None:
            folders.append(log.parent)
    return folders


def rebuild(paths: list[Path], options: BuildOptions, say: Callable[[str], None]) -> bool:
    """Build once; a bad input is reported and the last good site keeps being served."""
    try:
        report = build(paths, options)
    except PlangenError as exc:
        say(exc.format_message())
        return False
    for result in report.plans:
        if result.error is not None:
            say(f"failed {result.source}: {result.error}")
        elif not result.skipped:
            say(f"built {result.slug}")
    for bad in report.bad:
        say(f"bad profile {bad.source}:\n{bad.message}")
    return report.exit_code == 0


def watch_and_rebuild(paths: list[Path], options: BuildOptions, say: Callable[[str], None],
                      changes: Iterable[object] | None = None, stop: threading.Event | None = None) -> None:
    """Rebuild on every batch of file changes until ``stop`` is set (``changes`` is injectable for tests)."""
    if changes is None:
        from watchfiles import DefaultFilter, watch

        # The output folder may sit inside a watched folder: its own writes must not trigger a rebuild.
        ignore = DefaultFilter(ignore_paths=[str(options.out.resolve())])
        changes = watch(*watched(paths, options.root), watch_filter=ignore, stop_event=stop, debounce=300)
    for _batch in changes:
        say("change detected, rebuilding...")
        rebuild(paths, options, say)
