"""What the screens may ask of a game: one interface, two implementations.

`game.play.session.Session` plays on this machine (solo against the AI, or hot-seat);
the classroom's `RemoteSession` (in the net layer) plays one seat of a table whose
engine runs on the class server. The TUI is typed against `GameSession` only, so a
screen cannot reach into the engine state, the ruleset or another role's data: for a
remote seat those do not exist on this machine.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol

from game.ai.agent import Decision
from game.engine.events import Event

if TYPE_CHECKING:
    from game.engine.api import Outcome, RoleView
    from game.engine.moves import Move
    from game.report.debrief import Debrief
    from game.scenario.models import RoleId, Scenario


@dataclass
class Reply:
    """A move the AI made, with its reasons and what followed."""

    role: RoleId
    decision: Decision
    events: list[Event] = field(default_factory=list)


class GameSession(Protocol):
    """A game as the people playing it see it."""

    @property
    def scenario(self) -> Scenario:
        """The scenario as this machine may know it (a remote seat gets its role's part:
        the other side's confidential briefing and objectives are not sent)."""
        ...

    @property
    def players(self) -> Mapping[RoleId, str]:
        """Who sits in each chair: "human" or an AI's name."""
        ...

    @property
    def humans(self) -> list[RoleId]:
        """The roles played from this machine."""
        ...

    @property
    def hot_seat(self) -> bool: ...

    @property
    def over(self) -> bool: ...

    @property
    def to_move(self) -> RoleId | Literal[""]:
        """The role that must move now from this machine, or ''."""
        ...

    @property
    def is_class_game(self) -> bool:
        """A seat of a classroom table: the instructor's controls live in the console."""
        ...

    @property
    def saves_locally(self) -> bool:
        """False when the game is kept elsewhere (a class server) and Ctrl+S has no use."""
        ...

    @property
    def unsaved(self) -> bool: ...

    @property
    def slot(self) -> str | None: ...

    @property
    def autosave_error(self) -> str | None: ...

    @property
    def save_path(self) -> Path | None:
        """The file written last with this whole game (None: not saved here)."""
        ...

    # ------------------------------------------------------------------ reading
    def view(self, role: RoleId) -> RoleView: ...

    def reply(self, role: RoleId) -> Reply | None:
        """The AI's last move for `role` with its reasons (None for a human chair)."""
        ...

    def last_move(self, role: RoleId) -> Move | None: ...

    def meter_history(self, role: RoleId) -> dict[str, list[float]]:
        """Each meter `role` may see, one value per snapshot of the game, oldest first."""
        ...

    def outcome(self) -> Outcome: ...

    def debrief(self) -> Debrief | None:
        """The full debrief once the game is over (None if it cannot be built here)."""
        ...

    # ------------------------------------------------------------------ moves
    def check(self, move: Move) -> str | None:
        """None if `move` looks legal now, else the reason in words for the player."""
        ...

    def play(self, move: Move) -> list[Event] | None:
        """Play a human's move. Local: applied at once, events returned (IllegalMove if
        refused). Remote: sent, None returned; acknowledgement or refusal arrives later."""
        ...

    def intervene(self, move: Move) -> list[Event]:
        """An instructor's intervention (pause, resume, extend, inject)."""
        ...

    # ------------------------------------------------------------------ saving
    def default_slot(self) -> str: ...

    def save(self, slot: str) -> Path: ...

    def autosave(self) -> Path | None:
        """Keep the game as it stands (None if nothing was written here)."""
        ...
