"""Moves: the only way players change a game. Small immutable values, like python-chess's
`Move`; a game is its scenario, its seed and its list of moves."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, TypeGuard

from game.scenario.models import ROLES, RoleId

PROPOSE, ACCEPT, REJECT, WALK_OUT, ACT = "propose", "accept", "reject", "walk_out", "act"
# The instructor's interventions: recorded in the game's moves so a replay repeats them.
INSTRUCTOR: Literal["instructor"] = "instructor"
INJECT, PAUSE, RESUME, EXTEND = "inject", "pause", "resume", "extend"
INSTRUCTOR_KINDS = (INJECT, PAUSE, RESUME, EXTEND)
MOVE_KINDS = (PROPOSE, ACCEPT, REJECT, WALK_OUT, ACT, *INSTRUCTOR_KINDS)
# The moves that need no argument: open to a delegation whenever its phase allows them.
BASIC_MOVES = (ACCEPT, REJECT, WALK_OUT)

Offer = Mapping[str, str]  # issue id -> option id
# Who makes a move: a delegation, or the instructor stepping in.
MoveRole = RoleId | Literal["instructor"]
MOVE_ROLES: tuple[MoveRole, ...] = (*ROLES, INSTRUCTOR)


def is_move_role(value: object) -> TypeGuard[MoveRole]:
    return value in MOVE_ROLES


class IllegalMove(Exception):
    """A move the rules do not allow now; the message says why, for the player."""

    @property
    def reason(self) -> str:
        """The message with its translations (`str(err)` is only its English)."""
        reason = self.args[0] if self.args else ""
        return reason if isinstance(reason, str) else str(reason)


@dataclass(frozen=True)
class Move:
    role: MoveRole
    kind: str
    # For `propose`: the options, as sorted (issue, option) pairs so moves hash and compare.
    offer: tuple[tuple[str, str], ...] = ()
    # For `act`: the action id.
    action: str = ""
    # Free text a player may attach ("Our final word"); shown in the transcript.
    note: str = field(default="", compare=False)

    @classmethod
    def propose(cls, role: RoleId, offer: Offer, note: str = "") -> Move:
        return cls(role, PROPOSE, tuple(sorted(offer.items())), note=note)

    @classmethod
    def act(cls, role: RoleId, action: str) -> Move:
        return cls(role, ACT, action=action)

    @classmethod
    def inject(cls, inject_id: str) -> Move:
        return cls(INSTRUCTOR, INJECT, action=inject_id)

    @classmethod
    def extend(cls, days: int) -> Move:
        """Move the tariff ladder's next step (and those after it) `days` later."""
        return cls(INSTRUCTOR, EXTEND, action=str(days))

    @property
    def by_instructor(self) -> bool:
        return self.role == INSTRUCTOR

    @property
    def trigger(self) -> str:
        """The phase-machine trigger this move fires."""
        return self.action if self.kind == ACT else self.kind

    def offer_dict(self) -> dict[str, str]:
        return dict(self.offer)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"role": self.role, "kind": self.kind}
        if self.offer:
            data["offer"] = dict(self.offer)
        if self.action:
            data["action"] = self.action
        if self.note:
            data["note"] = self.note
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Move:
        """Build a move from saved JSON; raise ValueError on anything malformed."""
        if not isinstance(data, Mapping):
            raise ValueError("a move must be an object")
        role, kind = data.get("role"), data.get("kind")
        if not is_move_role(role) or not isinstance(kind, str) or kind not in MOVE_KINDS:
            raise ValueError(f"bad move role/kind: {role!r}/{kind!r}")
        offer = data.get("offer", {})
        if not isinstance(offer, Mapping) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in offer.items()
        ):
            raise ValueError("a move's offer must map issue ids to option ids")
        action, note = data.get("action", ""), data.get("note", "")
        if not isinstance(action, str) or not isinstance(note, str):
            raise ValueError("a move's action and note must be text")
        return cls(role, kind, tuple(sorted(offer.items())), action, note)
