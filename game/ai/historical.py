"""The historical agent: plays what its delegation actually did, as the scenario records
it in `history:`; once play leaves the record (the other side did something else, or a
move is no longer legal), it falls back to any legal move. For a scenario without
`history:` it refuses to play at all: it would only ever play at random."""

from __future__ import annotations

import random

from game.ai.agent import Decision, Reason
from game.engine.api import RoleView
from game.i18n import tx


class NoHistory(ValueError):
    """The historical agent was chosen for a scenario that records no history."""

    def __init__(self) -> None:
        super().__init__(
            "the `historical` agent replays the scenario's `history:`, and this scenario "
            "records none; choose another agent (ai-normal, tit-for-tat, random), or add "
            "`history:` to the scenario"
        )


class HistoricalAgent:
    name = "historical"

    def __init__(self, sources: tuple[str, ...]) -> None:
        """`sources`: the source of each move of the scenario's `history:`, in order (cited
        in the explanations); none at all means there is no history to play."""
        if not sources:
            raise NoHistory()
        self.sources = sources

    def decide(self, view: RoleView, rng: random.Random) -> Decision:
        index = view.moves_made
        if index < len(view.history):
            planned = view.history[index]
            if planned.role == view.role and planned in view.menu:
                source = self.sources[index] if index < len(self.sources) else ""
                said = (
                    tx(
                        "This is what the delegation did in history (source: {source}).",
                        source=source,
                    )
                    if source
                    else tx("This is what the delegation did in history.")
                )
                return Decision(planned, (Reason(said),))
        return Decision(
            view.menu.sample(rng),
            (Reason(tx("Play has left the historical record; any legal move will do.")),),
        )
