"""Run a batch of games on one core or several, with the same result either way."""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from game.rules.ruleset import Ruleset, load_ruleset
from game.sim.runner import GameSummary, play_batch
from game.sim.stats import BatchReport, aggregate

Progress = Callable[[int, int], None]
_worker_ruleset: Ruleset | None = None


def _init_worker(path: str) -> None:
    # Compiled expressions are closures and cannot be pickled: each worker loads the
    # scenario once, from the same file.
    global _worker_ruleset
    _worker_ruleset = load_ruleset(path)


def _run_chunk(seed: int, start: int, stop: int, agents: dict[str, str]) -> list[GameSummary]:
    assert _worker_ruleset is not None
    return play_batch(_worker_ruleset, seed, range(start, stop), agents)


def simulate(
    ruleset: Ruleset,
    runs: int,
    seed: int,
    agents: dict[str, str],
    jobs: int = 1,
    progress: Progress | None = None,
) -> BatchReport:
    """Play `runs` games; `progress(done, runs)` is called as chunks finish."""
    chunk = max(1, min(250, runs // (jobs * 4) or 1))
    bounds = [(i, min(i + chunk, runs)) for i in range(0, runs, chunk)]
    games: list[GameSummary] = []
    if jobs <= 1 or runs < 2 * chunk:
        for start, stop in bounds:
            games.extend(play_batch(ruleset, seed, range(start, stop), agents))
            if progress:
                progress(len(games), runs)
    else:
        path = str(Path(ruleset.file.path).resolve())
        with ProcessPoolExecutor(
            max_workers=jobs, initializer=_init_worker, initargs=(path,)
        ) as pool:
            futures = [pool.submit(_run_chunk, seed, a, b, agents) for a, b in bounds]
            done = 0
            results: list[list[GameSummary]] = []
            for future in futures:  # in submission order: the merge never depends on timing
                part = future.result()
                results.append(part)
                done += len(part)
                if progress:
                    progress(done, runs)
        games = [g for part in results for g in part]
    return aggregate(ruleset, seed, agents, games)


def available_cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
