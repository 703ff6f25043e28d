"""Load + validate time of a scenario against plain `yaml.safe_load` of the same file,
and the time to load a generated scenario with 2,000 rules.

    python benchmarks/load.py [--repeat 20]
Targets: flagship validate <= 3x safe_load; 2,000 rules <= 0.5 s.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.rules.ruleset import load_ruleset
from game.scenario.registry import resolve


def best_of(repeat: int, fn) -> float:  # type: ignore[no-untyped-def]
    return best_of_both(repeat, fn)[0]


def best_of_both(repeat: int, fn) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """The best wall-clock time and the best CPU time of `repeat` calls (the CPU time
    moves less with other work on a shared machine)."""
    walls, cpus = [], []
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus)


def generated_scenario(base: str, rules: int) -> str:
    """The flagship scenario with `rules` extra (valid, distinct) rules appended."""
    lines = [base.rstrip("\n")]
    if "\nrules:" not in base:
        lines.append("rules:")
    extra = []
    for i in range(rules):
        extra.append(
            f"  - id: generated-{i}\n"
            f"    when: 'apprehensions > {1000 + i} and tariff_rate >= {i % 25} and not deal'\n"
            f"    then:\n"
            f"      - add: {{apprehensions: -1}}\n"
            f"    source: designer\n"
        )
    text = "\n".join(lines) + "\n"
    # Insert the generated rules right after the `rules:` key.
    head, tail = text.split("\nrules:\n", 1)
    return head + "\nrules:\n" + "".join(extra) + tail


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--scenario", default="roosevelt-room-2019")
    args = parser.parse_args()
    path = resolve(args.scenario)
    text = path.read_text()
    safe = best_of(args.repeat, lambda: yaml.safe_load(text))
    full = best_of(args.repeat, lambda: load_ruleset(path))
    print(
        f"{path.name}: yaml.safe_load {safe * 1000:.1f} ms, load+validate+compile "
        f"{full * 1000:.1f} ms, ratio {full / safe:.2f}x (target <= 3x)"
    )
    with tempfile.TemporaryDirectory() as folder:
        big = Path(folder) / "generated.yaml"
        big.write_text(generated_scenario(text, 2000))
        big_safe = best_of(3, lambda: yaml.safe_load(big.read_text()))
        big_full, big_cpu = best_of_both(max(3, args.repeat // 4), lambda: load_ruleset(big))
    print(
        f"generated scenario with 2,000 extra rules: load+validate+compile {big_full:.3f} s "
        f"({big_cpu:.3f} s CPU; target <= 0.5 s); yaml.safe_load {big_safe:.3f} s, "
        f"ratio {big_full / big_safe:.2f}x"
    )


if __name__ == "__main__":
    main()
