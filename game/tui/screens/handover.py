"""Hot-seat hand-over: between turns, nothing private is on the screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Middle
from textual.widgets import Static

from game.i18n import N_, _
from game.scenario.models import RoleId
from game.tui.plain import filled, styled
from game.tui.screens.base import BrinkScreen
from game.tui.widgets.footer import Footer


class HandoverScreen(BrinkScreen):
    # Its layout (read when the screen is first shown; see brink.tcss).
    DEFAULT_CSS = """
    #handover { width: auto; padding: 2 4; border: heavy $accent; }
    """

    BINDINGS = [Binding("enter", "ready", N_("Ready"), id="handover-ready")]
    HELP = N_(
        "Two players share this keyboard. Each sees only their own briefing, offers in "
        "progress and private meters. Pass the keyboard, then press Enter."
    )

    shows_papers = False

    def __init__(self, role: RoleId, name: str, last: str = "") -> None:
        super().__init__()
        self.role: RoleId = role
        self.delegation = name
        self.last = last

    def compose(self) -> ComposeResult:
        with Middle(), Center():
            message = filled(
                _("{delegation}: press {enter} when ready."),
                delegation=(self.delegation, "bold"),
                enter=(_("Enter"), "bold"),
            )
            message.append_text(
                styled(
                    "\n\n",
                    (_("Last move: {move}").format(move=self.last) if self.last else "", "dim"),
                    "\n\n" if self.last else "",
                    (_("The other delegation should look away."), "dim"),
                )
            )
            yield Static(
                message,
                id="handover",
            )
        yield Footer()

    def action_ready(self) -> None:
        self.brink.handover_done(self.role)
