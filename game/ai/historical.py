"""The historical agent: plays what its delegation actually did, as the scenario records
it in `history:`; once play leaves the record (the other side did something else, or a
move is no longer legal), it falls back to any legal move."""

from __future__ import annotations

import random

from game.engine.api import RoleView
from game.engine.moves import Move


class HistoricalAgent:
    name = "historical"

    def choose(self, view: RoleView, rng: random.Random) -> Move:
        index = view.moves_made
        if index < len(view.history):
            planned = view.history[index]
            if planned.role == view.role and planned in view.menu:
                return planned
        return view.menu.sample(rng)
