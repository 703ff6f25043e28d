"""Round-robin tournaments: every agent against every agent, in both chairs.

Each pairing plays the same game seeds (common random numbers), so differences between
pairings come from the agents, not from luck. Utilities are measured with the scenario's
declared preferences: a deal is worth its utility to each side, no deal is worth the
side's reservation value when the game ends.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from game.ai import AGENTS
from game.ai.bargaining import DealSpace, deal_space
from game.ai.preferences import preferences_for
from game.engine.api import new_game, view
from game.engine.moves import ACT
from game.engine.state import GameState
from game.rules.ruleset import Ruleset
from game.scenario.models import ROLES
from game.sim.runner import game_seed, imposed_rates, play_game, summarise

REFERENCE = "ai-normal"  # the pairing whose success rates measure the scenario's balance
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class PairResult:
    us: str
    mexico: str
    runs: int
    agreement_rate: float
    utility: dict[str, float]
    success_rate: dict[str, float]
    mean_rounds: float
    tariff_imposed_rate: float
    pareto_distance: float | None  # mean over agreements; None without any
    nash_distance: float | None
    endings: dict[str, int]
    # Share of games in which each declared deadline (not the tariff) was imposed.
    deadline_imposed_rate: dict[str, float] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        def r(x: float | None) -> float | None:
            return None if x is None else round(x, 4)

        return {
            "us": self.us,
            "mexico": self.mexico,
            "runs": self.runs,
            "agreement_rate": r(self.agreement_rate),
            "utility": {k: r(v) for k, v in self.utility.items()},
            "success_rate": {k: r(v) for k, v in self.success_rate.items()},
            "mean_rounds": r(self.mean_rounds),
            "tariff_imposed_rate": r(self.tariff_imposed_rate),
            "pareto_distance": r(self.pareto_distance),
            "nash_distance": r(self.nash_distance),
            "endings": self.endings,
            **(
                {"deadline_imposed_rate": {k: r(v) for k, v in self.deadline_imposed_rate.items()}}
                if self.deadline_imposed_rate
                else {}
            ),
        }


@dataclass(frozen=True)
class TournamentReport:
    scenario: str
    runs: int
    seed: int
    agents: tuple[str, ...]
    pairs: tuple[PairResult, ...]
    space: DealSpace

    def pair(self, us: str, mexico: str) -> PairResult | None:
        return next((p for p in self.pairs if p.us == us and p.mexico == mexico), None)

    def roles(self) -> dict[str, dict[str, Any]]:
        """Each role's success rate in the reference pairing (normal AI on both sides),
        and, per agent, its success rate in that chair over all opponents."""
        reference = self.pair(REFERENCE, REFERENCE)
        out: dict[str, dict[str, Any]] = {}
        for role in ROLES:
            by_agent = {
                name: round(
                    sum(p.success_rate[role] for p in self.pairs if getattr(p, role) == name)
                    / len([p for p in self.pairs if getattr(p, role) == name]),
                    4,
                )
                for name in self.agents
            }
            out[role] = {
                "success_rate": round(reference.success_rate[role], 4) if reference else None,
                "pairing": f"{REFERENCE} vs {REFERENCE}" if reference else None,
                "by_agent": by_agent,
            }
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario,
            "runs": self.runs,
            "seed": self.seed,
            "agents": list(self.agents),
            "pairs": [p.to_json() for p in self.pairs],
            "roles": self.roles(),
            "deal_space": {
                "pareto_points": len(self.space.frontier),
                "nash": [round(x, 4) for x in self.space.nash],
                "disagreement": [round(x, 4) for x in self.space.disagreement],
            },
        }


def tournament(
    ruleset: Ruleset,
    runs: int,
    seed: int,
    agents: Sequence[str] = tuple(AGENTS),
    progress: Progress | None = None,
) -> TournamentReport:
    # Without `history:` the historical agent has nothing to play, so it sits out.
    agents = tuple(a for a in agents if a != "historical" or ruleset.scenario.history)
    prefs = {role: preferences_for(ruleset, role) for role in ROLES}
    start = new_game(ruleset, 0)
    disagreement = (
        prefs["us"].reservation(view(start, "us").env),
        prefs["mexico"].reservation(view(start, "mexico").env),
    )
    space = deal_space(prefs["us"], prefs["mexico"], disagreement)
    seeds = [game_seed(seed, i) for i in range(runs)]
    pairs = []
    total = len(agents) ** 2
    for us in agents:
        for mexico in agents:
            games = [play_game(ruleset, s, {"us": us, "mexico": mexico}) for s in seeds]
            pairs.append(_pair_result(ruleset, us, mexico, games, space))
            if progress:
                progress(len(pairs), total)
    return TournamentReport(ruleset.id, runs, seed, tuple(agents), tuple(pairs), space)


def _pair_result(
    ruleset: Ruleset, us: str, mexico: str, games: list[GameState], space: DealSpace
) -> PairResult:
    prefs = {role: preferences_for(ruleset, role) for role in ROLES}
    n = len(games)
    utility = dict.fromkeys(ROLES, 0.0)
    success = dict.fromkeys(ROLES, 0.0)
    agreements, rounds, imposed = 0, 0, 0
    pareto: list[float] = []
    nash: list[float] = []
    endings: dict[str, int] = {}
    summaries = [summarise(state) for state in games]
    for state, summary in zip(games, summaries, strict=True):
        endings[summary.ending] = endings.get(summary.ending, 0) + 1
        imposed += summary.tariff_imposed
        rounds += sum(1 for m in state.moves if m.kind != ACT)
        for role in ROLES:
            success[role] += summary.success[role]
        if state.deal is not None:
            agreements += 1
            point = (prefs["us"].utility(state.deal), prefs["mexico"].utility(state.deal))
            pareto.append(space.pareto_distance(point))
            nash.append(space.nash_distance(point))
            for role, value in zip(ROLES, point, strict=True):
                utility[role] += value
        else:
            for role in ROLES:
                utility[role] += prefs[role].reservation(view(state, role).env)
    return PairResult(
        us,
        mexico,
        n,
        agreements / n,
        {role: utility[role] / n for role in ROLES},
        {role: success[role] / n for role in ROLES},
        rounds / n,
        imposed / n,
        sum(pareto) / len(pareto) if pareto else None,
        sum(nash) / len(nash) if nash else None,
        dict(sorted(endings.items())),
        imposed_rates(ruleset.scenario, summaries),
    )
