"""Run a batch of games on one core or several, with the same result either way.

Several cores: a pool of forked workers (spawned ones where fork does not exist), each
holding the compiled scenario once: inherited from the parent, or loaded from its file.
A task is three integers (batch seed, first and last game of a chunk); its answer is a
compact row per game, turned back into summaries in the parent, in submission order.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from game.rules.ruleset import Ruleset, load_ruleset
from game.scenario.models import RoleId
from game.sim.runner import GameSummary, play_batch
from game.sim.stats import BatchReport, aggregate

Progress = Callable[[int, int], None]
# A game's summary as plain values: seed, ending, moves, final meters (in the scenario's
# order), success and scores (US, Mexico), rules fired with counts, clocks imposed.
Row = tuple[
    int,
    str,
    int,
    tuple[float, ...],
    tuple[bool, bool],
    tuple[int, int],
    tuple[tuple[str, int], ...],
    tuple[str, ...],
]
# Chunks per worker: enough that a slow chunk does not leave the other workers idle,
# few enough that per-task overhead (a pickled list of summaries back) stays small.
_CHUNKS_PER_JOB = 4
_MAX_CHUNK = 500

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


def _run_chunk(seed: int, start: int, stop: int) -> list[Row]:
    assert _worker_ruleset is not None
    return [_row(g) for g in play_batch(_worker_ruleset, seed, range(start, stop), _worker_agents)]


def _row(game: GameSummary) -> Row:
    return (
        game.seed,
        game.ending,
        game.moves,
        tuple(game.meters.values()),
        (game.success["us"], game.success["mexico"]),
        (game.scores["us"], game.scores["mexico"]),
        tuple(game.rules_fired.items()),
        tuple(sorted(game.imposed)),
    )


def _summary(row: Row, meters: Sequence[str]) -> GameSummary:
    seed, ending, moves, values, success, scores, fired, imposed = row
    roles: tuple[RoleId, RoleId] = ("us", "mexico")
    return GameSummary(
        seed,
        ending,
        moves,
        dict(zip(meters, values, strict=True)),
        dict(zip(roles, success, strict=True)),
        dict(zip(roles, scores, strict=True)),
        Counter(dict(fired)),
        frozenset(imposed),
    )


def chunk_bounds(runs: int, jobs: int) -> list[tuple[int, int]]:
    chunk = max(1, min(_MAX_CHUNK, runs // (jobs * _CHUNKS_PER_JOB) or 1))
    return [(i, min(i + chunk, runs)) for i in range(0, runs, chunk)]


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
    games: list[GameSummary] = []
    if jobs <= 1 or len(bounds) < 2:
        for start, stop in bounds:
            games.extend(play_batch(ruleset, seed, range(start, stop), agents))
            if progress:
                progress(len(games), runs)
    else:
        games = _in_workers(ruleset, seed, agents, jobs, bounds, runs, progress)
    return aggregate(ruleset, seed, agents, games)


def _in_workers(
    ruleset: Ruleset,
    seed: int,
    agents: dict[RoleId, str],
    jobs: int,
    bounds: list[tuple[int, int]],
    runs: int,
    progress: Progress | None,
) -> list[GameSummary]:
    global _worker_ruleset
    path = str(Path(ruleset.file.path).resolve())
    forking = "fork" in multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if forking else None)
    # With fork the workers inherit the ruleset through this module global: no reload,
    # and each task ships three integers.
    _worker_ruleset = ruleset if forking else None
    meters = list(ruleset.scenario.meters)
    games: list[GameSummary] = []
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
                games.extend(_summary(row, meters) for row in future.result())
                if progress:
                    progress(len(games), runs)
    finally:
        _worker_ruleset = None
    return games


def available_cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
