"""The historical agent: plays what its delegation actually did, as the scenario records
it in `history:`; once play leaves the record (the other side did something else, or a
move is no longer legal), it falls back to any legal move."""

from __future__ import annotations

import random

from game.ai.agent import Decision, Reason
from game.engine.api import RoleView


class HistoricalAgent:
    name = "historical"

    def __init__(self, sources: tuple[str, ...] = ()) -> None:
        # The source of each scripted move, in order, to cite in the explanation.
        self.sources = sources

    def decide(self, view: RoleView, rng: random.Random) -> Decision:
        index = view.moves_made
        if index < len(view.history):
            planned = view.history[index]
            if planned.role == view.role and planned in view.menu:
                source = self.sources[index] if index < len(self.sources) else ""
                cite = f" (source: {source})" if source else ""
                return Decision(
                    planned, (Reason(f"This is what the delegation did in history{cite}."),)
                )
        return Decision(
            view.menu.sample(rng),
            (Reason("Play has left the historical record; any legal move will do."),),
        )
