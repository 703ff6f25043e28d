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
from game.engine.api import (
    apply,
    is_terminal,
    legal_moves,
    new_game,
    outcome,
    view,
)
from game.engine.moves import IllegalMove
from game.engine.state import GameState
from game.rules.ruleset import Ruleset
from game.scenario.diagnostics import Diagnostic
from game.scenario.models import ROLES, RoleId, Scenario, is_role


def game_seed(batch_seed: int, index: int) -> int:
    """Seed of game `index` of a batch: spread out, and the same on every machine."""
    return random.Random(f"brinkmanship-batch:{batch_seed}:{index}").getrandbits(31)


class GameStalled(Exception):
    """A game reached a position where the side to move has no legal move: the scenario
    (a transition's or action's condition) leaves it stuck. The message is for a person."""


def play_game(ruleset: Ruleset, seed: int, agents: Mapping[RoleId, str]) -> GameState:
    state = new_game(ruleset, seed)
    players = {role: make_agent(name, ruleset, seed) for role, name in agents.items()}
    while not is_terminal(state):
        role = state.actor
        if not is_role(role) or role not in players:  # the clock holds the turn, not over
            raise GameStalled(_stalled(state, seed))
        rng = agent_rng(seed, role, len(state.moves))
        try:
            move = players[role].decide(view(state, role), rng).move
        except (ValueError, IndexError):  # what an agent with nothing to choose from raises
            if not legal_moves(state, role):
                raise GameStalled(_stalled(state, seed)) from None
            raise
        try:
            apply(state, move)  # checks the move before it changes anything
        except IllegalMove:
            # An agent's fallback (say, walking out) may not exist in an unusual scenario;
            # a simulation then plays a legal move of the same seeded draw instead of dying.
            menu = legal_moves(state, role)
            if not menu:
                raise GameStalled(_stalled(state, seed)) from None
            apply(state, menu.sample(rng))
    return state


def _stalled(state: GameState, seed: int) -> str:
    scenario = state.game.scenario
    who = scenario.roles[state.actor].short if state.actor in scenario.roles else "the clock"
    return (
        f"scenario `{scenario.id}` gets stuck: on {state.date_iso}, in phase `{state.phase}` "
        f"after {len(state.moves)} moves (game seed {seed}), {who} has no legal move; "
        "check the conditions of the transitions and actions out of that phase"
    )


def opening_problem(ruleset: Ruleset) -> Diagnostic | None:
    """BRK405 when the side that moves first has no legal move at the start: the phase has
    transitions for its moves, but their conditions (or its actions') all fail."""
    state = new_game(ruleset, 0)
    actor = state.actor
    if is_terminal(state) or actor not in ROLES or legal_moves(state, actor):
        return None
    who = ruleset.scenario.roles[actor].short
    return ruleset.file.source.diagnostic(
        ("first_phase",),
        "BRK405",
        f"{who} moves first, in `{state.phase}`, but has no legal move at the start",
        hint=f"check the `when:` conditions of the transitions and actions out of `{state.phase}`",
        span=len(state.phase),
    )


@dataclass
class GameSummary:
    seed: int
    ending: str
    moves: int
    meters: dict[str, float]
    success: dict[RoleId, bool]
    scores: dict[RoleId, int]
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
