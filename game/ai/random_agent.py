"""The random agent: any legal move, uniformly by kind; offers pick each option uniformly."""

from __future__ import annotations

import random

from game.ai.agent import Decision, Reason
from game.engine.api import RoleView
from game.i18n import tx


class RandomAgent:
    name = "random"

    def decide(self, view: RoleView, rng: random.Random) -> Decision:
        if not view.menu:
            raise ValueError(f"{view.role} has no legal move")
        return Decision(
            view.menu.sample(rng), (Reason(tx("Chosen at random among the legal moves.")),)
        )
