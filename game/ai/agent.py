"""The agent interface: anything that, shown a delegation's view, returns a legal move.

A person at the keyboard, the random agent and the strategic agents all play through
it, so the simulator, the tournament and the TUI treat them alike. Agents are pure:
the same view and the same random generator state give the same move. An agent is
made for one game (`make_agent(spec, ruleset, seed)`), so that what it draws once per
game, such as its temperament, is a function of the game's seed and nothing else.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Protocol

from game.engine.api import RoleView
from game.engine.moves import Move
from game.scenario.models import RoleId


@dataclass(frozen=True)
class Reason:
    """One short reason for a move, about one issue (or about the move as a whole)."""

    text: str
    issue: str = ""  # issue id, or "" for the deadline, the overall value, the stance


@dataclass(frozen=True)
class Decision:
    move: Move
    reasons: tuple[Reason, ...] = ()

    def explanation(self) -> str:
        return "\n".join(f"- {r.text}" for r in self.reasons)


class Agent(Protocol):
    name: str

    def decide(self, view: RoleView, rng: random.Random) -> Decision:
        """A legal move for `view.role`, with its reasons; called only on its turn."""
        ...


def agent_rng(seed: int, role: RoleId, moves_made: int) -> random.Random:
    """The generator for one decision: a function of the game seed, the role and the
    number of moves made, so an agent's draws never disturb the game's own chance events
    and a game resumed from a save plays on exactly as it would have."""
    return random.Random(f"brinkmanship:{seed}:{role}:{moves_made}")
