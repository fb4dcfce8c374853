"""Run one call in a forked child while this process works on, so one plan's two PDFs lay out on two cores."""

from __future__ import annotations

import multiprocessing
import os
import pickle
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

from plangen.errors import BuildError

T = TypeVar("T")


class Pending(Generic[T]):
    """A call running in a child process (or, where there is no fork, waiting to run here)."""

    def __init__(self, work: Callable[[], T]) -> None:
        self._work = work
        self._pid, self._pipe = (_fork(work) if _can_fork() else (0, -1))

    def result(self) -> T:
        """Wait for the call and return its result, or raise the error it raised."""
        if not self._pid:
            return self._work()
        with os.fdopen(self._pipe, "rb") as pipe:
            data = pipe.read()  # the child writes once it is done: reading first lets it finish
        os.waitpid(self._pid, 0)
        self._pid = 0
        if not data:
            raise BuildError("a PDF worker process stopped without a result")
        ok, value = pickle.loads(data)
        if ok:
            return value  # type: ignore[no-any-return]
        raise value

    def discard(self) -> None:
        """Wait for the child and drop its result (this process failed first)."""
        if self._pid:
            try:
                self.result()
            except Exception:  # noqa: S110  # this process's own error is the one to report
                pass


def _can_fork() -> bool:
    # Batch builds already run a worker process per plan: one more would only compete for the same cores.
    # A process with other threads is not forked: a lock one of them holds would never open in the child.
    return hasattr(os, "fork") and multiprocessing.parent_process() is None and threading.active_count() == 1


def _fork(work: Callable[[], object]) -> tuple[int, int]:
    read, write = os.pipe()
    pid = os.fork()
    if pid:
        os.close(write)
        return pid, read
    os.close(read)  # the child: do the work, hand back the result or the error, and leave at once
    try:
        payload = pickle.dumps((True, work()))
    except BaseException as exc:  # noqa: BLE001  # every failure goes back to the parent to report
        payload = _error(exc)
    with os.fdopen(write, "wb") as pipe:
        pipe.write(payload)
    os._exit(0)


def _error(exc: BaseException) -> bytes:
    try:
        return pickle.dumps((False, exc))
    except Exception:  # an error that cannot travel goes back as its words
        return pickle.dumps((False, BuildError(f"{type(exc).__name__}: {exc}")))
