"""The random agent: any legal move, uniformly by kind; offers pick each option uniformly."""

from __future__ import annotations

import random

from game.engine.api import RoleView
from game.engine.moves import Move


class RandomAgent:
    name = "random"

    def choose(self, view: RoleView, rng: random.Random) -> Move:
        if not view.menu:
            raise ValueError(f"{view.role} has no legal move")
        return view.menu.sample(rng)
