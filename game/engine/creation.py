"""Creating games: the shared `Game` of a ruleset, built once, and new game states."""

from __future__ import annotations

from pathlib import Path

from game.engine.game import Game
from game.engine.state import GameState
from game.rules.ruleset import Ruleset, load_ruleset


def game_for(ruleset: Ruleset) -> Game:
    """The shared Game of a ruleset, built once (machines are costly to build)."""
    return ruleset.derived(Game.build)


def new_game(scenario: str | Path | Ruleset, seed: int = 0) -> GameState:
    ruleset = scenario if isinstance(scenario, Ruleset) else load_ruleset(scenario)
    return game_for(ruleset).new_state(seed)
