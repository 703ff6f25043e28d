"""Throughput of full random games on the flagship scenario.

Prints games per second on one core and on all cores (via `brink simulate --jobs`),
by the wall clock and per CPU-second, each the median of `--repeat` runs, with the
machine's load average (other work on a shared machine slows the wall clock); and the
ratio to a bare loop that plays the very same moves through the engine with every rule
and event switched off — i.e. what rule evaluation costs.
Targets: >= 1,000 games/s with 2 jobs, and a speed-up >= 1.7x over one job.

    python benchmarks/simulate.py [--runs 2000] [--repeat 3] [--scenario roosevelt-room-2019]
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.engine.api import game_for, new_game
from game.engine.resolution import Resolution
from game.rules.ruleset import load_ruleset
from game.sim.parallel import available_cores, simulate
from game.sim.runner import game_seed, play_game

AGENTS = {"us": "random", "mexico": "random"}


def timed(run: Callable[[], object], games: int) -> tuple[float, float, float, float]:
    """Games per wall-clock second and per CPU-second of this process and its children,
    and the CPU microseconds per game of this process and of its children apart."""
    wall, (parent, children) = time.perf_counter(), _cpu_seconds()
    run()
    elapsed = time.perf_counter() - wall
    parent_after, children_after = _cpu_seconds()
    parent, children = parent_after - parent, children_after - children
    return (
        games / elapsed,
        games / max(1e-9, parent + children),
        1e6 * parent / games,
        1e6 * children / games,
    )


def median_rates(
    run: Callable[[], object], games: int, repeat: int
) -> tuple[float, float, float, float]:
    """`timed`, the median of `repeat` runs of each measure."""
    rates = [timed(run, games) for _ in range(repeat)]
    a, b, c, d = (statistics.median(r[i] for r in rates) for i in range(4))
    return a, b, c, d


def load_average() -> str:
    try:
        return "{:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
    except OSError:  # pragma: no cover - not on every platform
        return "unknown"


def _cpu_seconds() -> tuple[float, float]:
    """CPU seconds of this process, and of its children that have ended (the workers)."""
    t = os.times()
    return t.user + t.system, t.children_user + t.children_system


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--scenario", default="roosevelt-room-2019")
    args = parser.parse_args()
    ruleset = load_ruleset(args.scenario)

    simulate(ruleset, 50, 0, AGENTS)  # warm up caches and imports
    load_before = load_average()
    cores = available_cores()
    one_core, one_cpu, one_us, _ = median_rates(
        lambda: simulate(ruleset, args.runs, 1, AGENTS, jobs=1), args.runs, args.repeat
    )
    all_cores, all_cpu, parent_us, workers_us = median_rates(
        lambda: simulate(ruleset, args.runs, 1, AGENTS, jobs=cores), args.runs, args.repeat
    )

    # The bare loop: the same moves, replayed with rules and events removed.
    recorded = [
        (s, play_game(ruleset, s, AGENTS).moves)
        for s in (game_seed(1, i) for i in range(min(args.runs, 1000)))
    ]
    game = game_for(ruleset)
    bare_game = dataclasses.replace(
        game,
        rules_by_trigger={kind: () for kind in game.rules_by_trigger},
        chance_events=(),
        dated_events=(),
        month_listeners=False,
    )
    start = time.perf_counter()
    for seed, moves in recorded:
        state = bare_game.new_state(seed)
        for move in moves:
            if state.ending is not None:
                break
            Resolution(state).play(move)
    bare = len(recorded) / (time.perf_counter() - start)
    start = time.perf_counter()
    for seed, moves in recorded:
        state = new_game(ruleset, seed)
        for move in moves:
            Resolution(state).play(move)
    full_replay = len(recorded) / (time.perf_counter() - start)
    assert game_for(ruleset) is not bare_game

    print(
        f"scenario {ruleset.id}, {args.runs} random games, medians of {args.repeat} runs; "
        f"{cores} cores, load average {load_before} before, {load_average()} after"
    )
    print(f"  1 core:            {one_core:8.0f} games/s")
    print(
        f"  {cores} cores:           {all_cores:8.0f} games/s  "
        f"(speed-up {all_cores / one_core:.2f}x; targets >= 1000 games/s, speed-up >= 1.7x)"
    )
    # On a shared machine the wall-clock rates move with the other load; games per
    # CPU-second (this process and its workers) show what the parallel mode itself costs.
    print(
        f"  CPU cost:          {one_cpu:8.0f} games/CPU-s on 1 core, {all_cpu:8.0f} with "
        f"{cores} workers (ratio {all_cpu / one_cpu:.2f}; 1.00 = no parallel overhead)"
    )
    print(
        f"  CPU per game:      {one_us:8.0f} us on 1 core; with {cores} workers "
        f"{parent_us:.0f} us in the parent + {workers_us:.0f} us in the workers"
    )
    print(f"  replay with rules: {full_replay:8.0f} games/s")
    print(f"  bare loop (no rules/events): {bare:8.0f} games/s")
    print(f"  ratio full/bare:   {full_replay / bare:8.2f}  (share of time left after rules)")


if __name__ == "__main__":
    main()
