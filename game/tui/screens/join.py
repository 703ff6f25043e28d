"""Joining a classroom seat: `brink join URL CODE` connects at once; `brink join URL`
(and the browser page) asks for the code first. A wrong code or an unreachable room
is said here, and the student can try again."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Center, Middle, Vertical
from textual.widgets import Input, Label, Static

from game.i18n import N_, _
from game.tui.plain import plain
from game.tui.screens.base import BrinkScreen
from game.tui.widgets.footer import Footer


class JoinScreen(BrinkScreen):
    HELP = N_(
        "Type the code your instructor gave your team (letters and digits; case does not "
        "matter) and press Enter. Several people may join the same seat with one code: "
        "all see the same table, and the first move to arrive counts."
    )

    def __init__(self, classroom: str, code: str | None = None) -> None:
        super().__init__()
        self.classroom = classroom
        self.code = code

    def compose(self) -> ComposeResult:
        with Middle(), Center(), Vertical(id="join-box", classes="dialog"):
            yield Label(
                plain(_("Brinkmanship classroom — {room}").format(room=self.classroom)),
                id="join-title",
            )
            yield Label(_("Your seat's code:"))
            yield Input(
                value=self.code or "", placeholder=_("e.g. K7M2QX9P"), max_length=32, id="code"
            )
            yield Static("", id="join-status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        if self.code:
            self.join(self.code)

    def after_recompose(self) -> None:
        """The language changed: focus the code again, without joining a second time."""
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        code = event.value.strip()
        if not code:
            self.show_status(_("Type your code first."), error=True)
            return
        self.join(code)

    def join(self, code: str) -> None:
        self.query_one(Input).disabled = True
        self.show_status(_("Joining with {code}…").format(code=code.upper()))
        self.run_worker(self.brink.join_class(self.classroom, code), exclusive=True)

    def failed(self, message: str) -> None:
        field = self.query_one(Input)
        field.disabled = False
        field.focus()
        self.show_status(message, error=True)

    def show_status(self, message: str, error: bool = False) -> None:
        style = "bold red" if error else ""
        self.query_one("#join-status", Static).update(plain(message, style=style))
