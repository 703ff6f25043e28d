"""The deterministic negotiation engine. Never imports textual."""

from game.engine.api import (
    MoveMenu,
    Outcome,
    RoleView,
    apply,
    check_move,
    current_player,
    is_terminal,
    legal_moves,
    new_game,
    outcome,
    replay,
    transcript,
    view,
)
from game.engine.events import Event
from game.engine.moves import IllegalMove, Move
from game.engine.state import GameState

__all__ = [
    "Event",
    "GameState",
    "IllegalMove",
    "Move",
    "MoveMenu",
    "Outcome",
    "RoleView",
    "apply",
    "check_move",
    "current_player",
    "is_terminal",
    "legal_moves",
    "new_game",
    "outcome",
    "replay",
    "transcript",
    "view",
]
