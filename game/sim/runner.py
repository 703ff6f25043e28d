"""Play games to the end with agents in both chairs, and summarise many of them.

Results depend only on (scenario, seed, agents, runs): game i of a batch is seeded
from the batch seed and i, never from the worker that plays it, so `--jobs` changes
the speed and nothing else.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from game.ai import agent_rng, make_agent
from game.engine.api import apply, is_terminal, new_game, outcome, view
from game.engine.state import GameState
from game.rules.ruleset import Ruleset
from game.scenario.models import Scenario


def game_seed(batch_seed: int, index: int) -> int:
    """Seed of game `index` of a batch: spread out, and the same on every machine."""
    return random.Random(f"brinkmanship-batch:{batch_seed}:{index}").getrandbits(31)


def play_game(ruleset: Ruleset, seed: int, agents: Mapping[str, str]) -> GameState:
    state = new_game(ruleset, seed)
    players = {role: make_agent(name, ruleset, seed) for role, name in agents.items()}
    while not is_terminal(state):
        role = state.actor
        decision = players[role].decide(view(state, role), agent_rng(seed, role, len(state.moves)))
        apply(state, decision.move)
    return state


@dataclass
class GameSummary:
    seed: int
    ending: str
    moves: int
    meters: dict[str, float]
    success: dict[str, bool]
    scores: dict[str, int]
    rules_fired: Counter[str] = field(default_factory=Counter)
    # Ids of the clocks (`tariff`, declared deadlines) imposed at some point of the game.
    imposed: frozenset[str] = frozenset()

    @property
    def tariff_imposed(self) -> bool:
        return "tariff" in self.imposed


def summarise(state: GameState) -> GameSummary:
    result = outcome(state)
    fired: Counter[str] = Counter(
        e.cause.id for e in state.log if e.cause.kind in ("rule", "event")
    )
    imposed = frozenset(
        "tariff" if e.kind == "tariff" else str(e.data.get("clock"))
        for e in state.log
        if e.kind in ("tariff", "deadline") and e.data.get("status") == "imposed"
    )
    return GameSummary(
        state.seed,
        result.ending_id or "",
        len(state.moves),
        dict(state.meters),
        result.success,
        result.scores,
        fired,
        imposed,
    )


def imposed_rates(scenario: Scenario, games: Sequence[GameSummary]) -> dict[str, float]:
    """Share of `games` in which each declared deadline was imposed, in declared order."""
    n = len(games)
    return {
        d.id: sum(d.id in g.imposed for g in games) / n if n else 0.0 for d in scenario.deadlines
    }


def play_batch(
    ruleset: Ruleset, batch_seed: int, indices: range, agents: Mapping[str, str]
) -> list[GameSummary]:
    return [summarise(play_game(ruleset, game_seed(batch_seed, i), agents)) for i in indices]
