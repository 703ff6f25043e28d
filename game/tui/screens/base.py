"""The base of the game's own screens: the app they belong to, typed.

Screens drive the game's navigation (show the table, start a game, keep the drafts of
offers) through `self.brink`, which mypy checks, rather than through Textual's untyped
`self.app`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen

if TYPE_CHECKING:
    from game.tui.app import BrinkApp


class BrinkScreen(Screen[None]):
    @property
    def brink(self) -> BrinkApp:
        # Imported here: the app module imports the screens when it shows them.
        from game.tui.app import BrinkApp

        app = self.app
        if not isinstance(app, BrinkApp):
            raise TypeError(f"{type(self).__name__} belongs to a BrinkApp, not {type(app)}")
        return app
