"""The engine's public face, shaped like OpenSpiel's `State`: every client (a person at
the TUI, the random agent, the simulator, the replay) plays through these calls.

    state = new_game("roosevelt-room-2019", seed=7)
    while not is_terminal(state):
        move = agent.choose(view(state, state.actor))
        events = apply(state, move)
    outcome(state)

One idea per module: `creation` (games and their shared `Game`), `legality` (what may be
played now, and why not), `outcome` (ending and scores), `views` (what a delegation
sees); this module plays moves and gathers the public names.
"""

from __future__ import annotations

from collections.abc import Iterable

from game.engine.creation import game_for, new_game
from game.engine.events import Event
from game.engine.legality import MAX_EXTENSION_DAYS, MoveMenu, check_move, legal_moves
from game.engine.moves import BASIC_MOVES, IllegalMove, Move
from game.engine.outcome import ObjectiveResult, Outcome, outcome
from game.engine.resolution import Resolution
from game.engine.state import GameState
from game.engine.views import MeterReading, RoleView, transcript, view
from game.rules.ruleset import Ruleset
from game.scenario.models import other_role

__all__ = [
    "BASIC_MOVES",
    "MAX_EXTENSION_DAYS",
    "MeterReading",
    "MoveMenu",
    "ObjectiveResult",
    "Outcome",
    "RoleView",
    "apply",
    "check_move",
    "current_player",
    "game_for",
    "is_terminal",
    "legal_moves",
    "new_game",
    "other_role",
    "outcome",
    "replay",
    "transcript",
    "view",
]


def replay(ruleset: Ruleset, seed: int, moves: Iterable[Move]) -> GameState:
    """Rebuild a game from its seed and moves; raise IllegalMove if one does not fit."""
    state = new_game(ruleset, seed)
    for number, move in enumerate(moves, 1):
        reason = check_move(state, move)
        if reason is not None:
            raise IllegalMove(f"move {number} ({move.role} {move.trigger}): {reason}")
        apply(state, move)
    return state


def apply(state: GameState, move: Move) -> list[Event]:
    """Play `move`; return the events it caused, in order. Raise IllegalMove if not legal."""
    reason = check_move(state, move)
    if reason is not None:
        raise IllegalMove(reason)
    start = len(state.log)
    Resolution(state).play(move)
    return state.log[start:]


def is_terminal(state: GameState) -> bool:
    return state.ending is not None


def current_player(state: GameState) -> str:
    return state.actor
