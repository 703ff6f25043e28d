"""Run a batch of games on one core or several, with the same result either way.

Several cores: a pool of forked workers (spawned ones where fork does not exist), each
holding the compiled scenario once: inherited from the parent, or loaded from its file.
A task is three integers (batch seed, first and last game of a chunk); its answer is
one `Tally` of the chunk's games, a few counters and lists, merged by the parent in
submission order. The parent only waits and adds up: every game is played in a worker.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Mapping
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from game.rules.ruleset import Ruleset, load_ruleset
from game.scenario.models import RoleId
from game.sim.runner import game_seed, play_game, summarise
from game.sim.stats import BatchReport, batch_report
from game.sim.tally import Tally

Progress = Callable[[int, int], None]
# In one process, chunks only pace the progress reports.
_CHUNKS_PER_RUN = 32
_MAX_CHUNK = 100
# Across workers, guided self-scheduling: each chunk is a share of the games not yet
# handed out, so the first are long (few tasks: little work for the parent) and the last
# are a few games each, so the workers finish within milliseconds of each other. Each
# answer is one small tally, whatever the chunk's length.
_SHARE_DIVISOR_PER_JOB = 2
_MIN_SHARED_CHUNK = 8
_MAX_SHARED_CHUNK = 1000  # a progress report every second or so, even in huge batches

_worker_ruleset: Ruleset | None = None
_worker_agents: Mapping[RoleId, str] = {}


def _adopt(ruleset: Ruleset | None, path: str, agents: Mapping[RoleId, str]) -> None:
    """Worker start-up, once per process. A forked worker already holds the parent's
    compiled ruleset (and its built machines); a spawned one loads the scenario from the
    same file, since compiled expressions are closures and cannot be pickled."""
    global _worker_ruleset, _worker_agents
    _worker_ruleset = ruleset if ruleset is not None else load_ruleset(path)
    _worker_agents = dict(agents)


def _inherit(path: str, agents: Mapping[RoleId, str]) -> None:
    _adopt(_worker_ruleset, path, agents)


def _run_chunk(seed: int, start: int, stop: int) -> Tally:
    assert _worker_ruleset is not None
    return play_chunk(_worker_ruleset, seed, start, stop, _worker_agents)


def play_chunk(
    ruleset: Ruleset, seed: int, start: int, stop: int, agents: Mapping[RoleId, str]
) -> Tally:
    """Games `start` to `stop - 1` of the batch, folded as they end (no list of them)."""
    result = Tally()
    for i in range(start, stop):
        result.add(summarise(play_game(ruleset, game_seed(seed, i), agents)))
    return result


def chunk_bounds(runs: int, jobs: int) -> list[tuple[int, int]]:
    """Consecutive (first, stop) game ranges covering `runs` games; for several jobs,
    shrinking towards the end of the batch. Results never depend on them."""
    if jobs <= 1:
        chunk = max(1, min(_MAX_CHUNK, runs // _CHUNKS_PER_RUN))
        return [(i, min(i + chunk, runs)) for i in range(0, runs, chunk)]
    bounds = []
    start = 0
    while start < runs:
        share = -(-(runs - start) // (_SHARE_DIVISOR_PER_JOB * jobs))  # rounded up
        size = max(_MIN_SHARED_CHUNK, min(_MAX_SHARED_CHUNK, share))
        bounds.append((start, min(start + size, runs)))
        start += size
    return bounds


def simulate(
    ruleset: Ruleset,
    runs: int,
    seed: int,
    agents: dict[RoleId, str],
    jobs: int = 1,
    progress: Progress | None = None,
) -> BatchReport:
    """Play `runs` games; `progress(done, runs)` is called as chunks finish."""
    bounds = chunk_bounds(runs, jobs)
    total = Tally()
    if jobs <= 1 or len(bounds) < 2:
        for start, stop in bounds:
            total.merge(play_chunk(ruleset, seed, start, stop, agents))
            if progress:
                progress(total.games, runs)
    else:
        total = _in_workers(ruleset, seed, agents, jobs, bounds, runs, progress)
    return batch_report(ruleset, seed, agents, total)


def _in_workers(
    ruleset: Ruleset,
    seed: int,
    agents: dict[RoleId, str],
    jobs: int,
    bounds: list[tuple[int, int]],
    runs: int,
    progress: Progress | None,
) -> Tally:
    global _worker_ruleset
    path = str(Path(ruleset.file.path).resolve())
    forking = "fork" in multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if forking else None)
    # With fork the workers inherit the ruleset through this module global: no reload,
    # and each task ships three integers.
    _worker_ruleset = ruleset if forking else None
    total = Tally()
    try:
        with ProcessPoolExecutor(
            max_workers=jobs, mp_context=context, initializer=_inherit, initargs=(path, agents)
        ) as pool:
            # The heap the workers inherit is set aside from the cycle collector while
            # they fork: their collections then never walk (and so never copy) the
            # parent's pages, the scenario's among them.
            gc.freeze()
            try:
                futures = [pool.submit(_run_chunk, seed, a, b) for a, b in bounds]
            finally:
                gc.unfreeze()
            for future in futures:  # in submission order: the merge never depends on timing
                total.merge(future.result())
                if progress:
                    progress(total.games, runs)
    finally:
        _worker_ruleset = None
    return total


def available_cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
