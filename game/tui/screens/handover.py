"""Hot-seat hand-over: between turns, nothing private is on the screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Middle
from textual.widgets import Footer, Static

from game.tui.plain import styled
from game.tui.screens.base import BrinkScreen


class HandoverScreen(BrinkScreen):
    BINDINGS = [Binding("enter", "ready", "Ready", id="handover-ready")]
    HELP = (
        "Two players share this keyboard. Each sees only their own briefing, offers in "
        "progress and private meters. Pass the keyboard, then press Enter."
    )

    def __init__(self, role: str, name: str, last: str = "") -> None:
        super().__init__()
        self.role = role
        self.delegation = name
        self.last = last

    def compose(self) -> ComposeResult:
        with Middle(), Center():
            yield Static(
                styled(
                    (self.delegation, "bold"),
                    ": press ",
                    ("Enter", "bold"),
                    " when ready.\n\n",
                    (f"Last move: {self.last}" if self.last else "", "dim"),
                    "\n\n" if self.last else "",
                    ("The other delegation should look away.", "dim"),
                ),
                id="handover",
            )
        yield Footer()

    def action_ready(self) -> None:
        self.brink.handover_done(self.role)
