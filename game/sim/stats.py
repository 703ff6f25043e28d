"""Aggregate statistics over a batch of simulated games."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from game.rules.ruleset import Ruleset
from game.scenario.models import RoleId
from game.sim.runner import GameSummary
from game.sim.tally import Tally, tally


def wilson_interval(hits: int, n: int, z: float = 1.959964) -> tuple[float, float]:
    """95% confidence interval of a proportion; sound even at 0 or n hits."""
    if n == 0:
        return (0.0, 0.0)
    p = hits / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    return (max(0.0, centre - half), min(1.0, centre + half))


@dataclass
class BatchReport:
    scenario: str
    runs: int
    seed: int
    agents: dict[RoleId, str]
    endings: dict[str, int]
    mean_meters: dict[str, float]
    # Final-value distribution per meter: min, 10th, 50th, 90th percentile, max.
    meter_spread: dict[str, tuple[float, float, float, float, float]]
    success_rate: dict[RoleId, float]
    mean_moves: float
    tariff_imposed_rate: float
    rules_fired: dict[str, int]
    # Share of games in which each declared deadline (not the tariff) was imposed.
    deadline_imposed_rate: dict[str, float] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        intervals = {
            k: [round(x, 4) for x in wilson_interval(v, self.runs)] for k, v in self.endings.items()
        }
        return {
            "scenario": self.scenario,
            "runs": self.runs,
            "seed": self.seed,
            "agents": self.agents,
            "endings": self.endings,
            "endings_ci95": intervals,
            "mean_meters": {k: round(v, 3) for k, v in self.mean_meters.items()},
            "meter_distribution": {
                k: dict(zip(("min", "p10", "p50", "p90", "max"), v, strict=True))
                for k, v in self.meter_spread.items()
            },
            "success_rate": {k: round(v, 4) for k, v in self.success_rate.items()},
            "mean_moves": round(self.mean_moves, 3),
            "tariff_imposed_rate": round(self.tariff_imposed_rate, 4),
            "rules_fired": self.rules_fired,
            **self._deadlines_json(),
        }

    def _deadlines_json(self) -> dict[str, Any]:
        """Only for scenarios that declare deadlines, so that others' output is unchanged."""
        if not self.deadline_imposed_rate:
            return {}
        rates = {k: round(v, 4) for k, v in self.deadline_imposed_rate.items()}
        return {"deadline_imposed_rate": rates}


def aggregate(
    ruleset: Ruleset, seed: int, agents: dict[RoleId, str], games: Sequence[GameSummary]
) -> BatchReport:
    return batch_report(ruleset, seed, agents, tally(list(games)))


def batch_report(
    ruleset: Ruleset, seed: int, agents: dict[RoleId, str], games: Tally
) -> BatchReport:
    """The statistics of the games folded into `games` (sums taken in game order, so the
    floats do not depend on how the batch was split)."""
    scenario = ruleset.scenario
    n = games.games
    endings = {e.id: games.endings.get(e.id, 0) for e in scenario.endings}
    values = {m: games.meters.get(m, []) for m in scenario.meters}
    spread = {m: _spread(sorted(values[m])) for m in scenario.meters}
    means = {m: sum(values[m]) / n if n else 0.0 for m in scenario.meters}
    success = {r: games.successes.get(r, 0) / n if n else 0.0 for r in scenario.roles}
    order = [r.id for r in scenario.rules] + [e.id for e in scenario.events]
    rules_fired = {rid: games.fired.get(rid, 0) for rid in order}
    imposed = {d.id: games.imposed.get(d.id, 0) / n if n else 0.0 for d in scenario.deadlines}
    return BatchReport(
        scenario.id,
        n,
        seed,
        dict(agents),
        endings,
        means,
        spread,
        success,
        games.moves / n if n else 0.0,
        games.tariff_imposed / n if n else 0.0,
        rules_fired,
        imposed,
    )


def _spread(values: list[float]) -> tuple[float, float, float, float, float]:
    if not values:
        return (0.0, 0.0, 0.0, 0.0, 0.0)

    def at(q: float) -> float:  # nearest-rank percentile: exact, no interpolation noise
        return values[min(len(values) - 1, max(0, math.ceil(q * len(values)) - 1))]

    return (values[0], at(0.1), at(0.5), at(0.9), values[-1])
