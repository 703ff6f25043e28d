"""The instructor's controls: pause the clock, move the tariff deadline, fire an inject."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from game.engine.moves import INSTRUCTOR, PAUSE, RESUME, IllegalMove, Move
from game.i18n import N_, _, localise
from game.play.interface import GameSession
from game.tui.plain import plain, styled

EXTENSION_DAYS = 7


class InstructorScreen(ModalScreen[str | None]):
    """Returns a sentence saying what was done, or None if nothing was."""

    BINDINGS = [Binding("escape,f2", "dismiss(None)", N_("Close"), id="instructor-dismiss")]
    HELP = N_(
        "For the instructor of a class session: pause the clock (moves then take no time), "
        "move the next deadline a week later, or fire one of the scenario's injects — a "
        "new figure, a court ruling, a market reaction. Everything done here is recorded "
        "in the transcript and the save."
    )

    def __init__(self, session: GameSession) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        state = self.session.view(self.session.humans[0] if self.session.humans else "us")
        upcoming = state.next_deadline
        what = _("tariff") if upcoming is None or upcoming.is_tariff else localise(upcoming.label)
        options = [
            Option(
                _("Restart the clock") if state.clock_paused else _("Pause the clock"),
                id="resume" if state.clock_paused else "pause",
            ),
            Option(
                plain(
                    _("Move the {what} deadline {days} days later").format(
                        what=what.lower(), days=EXTENSION_DAYS
                    )
                ),
                id="extend",
                disabled=upcoming is None,
            ),
        ]
        for inject in self.session.scenario.injects:
            options.append(
                Option(
                    styled((_("Inject: "), "bold"), localise(inject.label)),
                    id=f"inject:{inject.id}",
                )
            )
        with Vertical(classes="dialog", id="instructor-box"):
            yield Label(_("Instructor's controls (recorded in the transcript)"))
            yield OptionList(*options, id="controls")
            yield Static("", id="instructor-error")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        choice = event.option.id or ""
        if choice.startswith("inject:"):
            move = Move.inject(choice.removeprefix("inject:"))
        elif choice == "extend":
            move = Move.extend(EXTENSION_DAYS)
        else:
            move = Move(INSTRUCTOR, PAUSE if choice == "pause" else RESUME)
        try:
            events = self.session.intervene(move)
        except IllegalMove as err:
            self.query_one("#instructor-error", Static).update(plain(err, style="bold red"))
            return
        first = next((localise(e.text) for e in events if e.kind == "instructor"), _("Done"))
        self.dismiss(first)
