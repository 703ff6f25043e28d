"""The agent interface: anything that, shown a delegation's view, returns a legal move.

A person at the keyboard, the random agent and the strategic agents all play through
it, so the simulator, the tournament and the TUI treat them alike. Agents are pure:
the same view and the same random generator state give the same move.
"""

from __future__ import annotations

import random
from typing import Protocol

from game.engine.api import RoleView
from game.engine.moves import Move


class Agent(Protocol):
    name: str

    def choose(self, view: RoleView, rng: random.Random) -> Move:
        """A legal move for `view.role`; called only when it is that role's turn."""
        ...


def agent_rng(seed: int, role: str) -> random.Random:
    """Each role's agent gets its own generator, seeded from the game seed, so an agent's
    choices never disturb the game's own chance events."""
    return random.Random(f"brinkmanship:{seed}:{role}")
