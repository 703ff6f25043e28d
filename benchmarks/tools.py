"""Instructor tools: `brink simulate` throughput with one and two jobs (and the speed-up),
and `brink lint` time for every bundled scenario.

    python benchmarks/tools.py [--runs 10000]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.rules.ruleset import load_ruleset
from game.scenario.registry import bundled_scenarios
from game.sim.parallel import simulate
from game.tools.lint import lint

AGENTS = {"us": "random", "mexico": "random"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10_000)
    parser.add_argument("--scenario", default="roosevelt-room-2019")
    args = parser.parse_args()
    ruleset = load_ruleset(args.scenario)
    rates = {}
    for jobs in (1, 2):
        start = time.perf_counter()
        report = simulate(ruleset, args.runs, 1, AGENTS, jobs=jobs)
        rates[jobs] = args.runs / (time.perf_counter() - start)
        print(f"simulate {ruleset.id} --runs {args.runs} --jobs {jobs}: {rates[jobs]:8.0f} games/s")
        assert report.runs == args.runs
    print(f"speed-up with 2 jobs: {rates[2] / rates[1]:.2f}x")
    for scenario_id in bundled_scenarios():
        scenario = load_ruleset(scenario_id)
        start = time.perf_counter()
        result = lint(scenario)
        print(
            f"lint {scenario_id} (200 games): {time.perf_counter() - start:.2f} s, "
            f"{len(result.errors)} errors, {len(result.diagnostics) - len(result.errors)} "
            "warnings"
        )


if __name__ == "__main__":
    main()
