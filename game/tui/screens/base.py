"""The base of the game's own screens: the app they belong to, typed.

Screens drive the game's navigation (show the table, start a game, keep the drafts of
offers) through `self.brink`, which mypy checks, rather than through Textual's untyped
`self.app`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen

if TYPE_CHECKING:
    from game.scenario.models import RoleId
    from game.tui.app import BrinkApp


class BrinkScreen(Screen[None]):
    # The delegation this screen belongs to (briefing, table, hand-over), None for the
    # screens that are no one's (title, set-up, help): it picks whose language a hot-seat
    # switch changes and whose papers the command palette offers.
    role: RoleId | None = None
    # Whether the palette may open this role's papers from here: not from a hot-seat
    # hand-over, which must keep each side's secrets from the other.
    shows_papers = True

    @property
    def brink(self) -> BrinkApp:
        # Imported here: the app module imports the screens when it shows them.
        from game.tui.app import BrinkApp

        app = self.app
        if not isinstance(app, BrinkApp):
            raise TypeError(f"{type(self).__name__} belongs to a BrinkApp, not {type(app)}")
        return app
