"""Run one function over many plans, in this process or in worker processes, one small result back per plan."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

Job = TypeVar("Job")
Result = TypeVar("Result")


def run_jobs(jobs: Sequence[Job], work: Callable[[Job], Result], processes: int,
             crashed: Callable[[Job, BaseException], Result], on_done: Callable[[Result], None]) -> list[Result]:
    """``work`` on every job; a job whose worker crashed becomes ``crashed(job, error)``, never the batch's end.

    Workers return small summaries (each writes its own files), so the parent's memory does not grow with the batch.
    """
    if processes <= 1 or len(jobs) <= 1:
        return [_done(work(job), on_done) for job in jobs]
    # Imported here: `validate`, `plan` and `--help` never start workers and need not load these.
    from concurrent.futures import ProcessPoolExecutor, as_completed

    results: list[Result] = []
    with ProcessPoolExecutor(max_workers=min(processes, len(jobs))) as pool:
        futures = {pool.submit(work, job): job for job in jobs}
        for future in as_completed(futures):
            try:
                result = future.result()
            except Exception as exc:  # a worker crash is one plan's failure, not the batch's
                result = crashed(futures[future], exc)
            results.append(_done(result, on_done))
            del futures[future]  # let the finished job's inputs go
    return results


def _done(result: Result, on_done: Callable[[Result], None]) -> Result:
    on_done(result)
    return result
