"""The title screen: the game's name, a little art, the bundled scenarios, and the way in."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, OptionList, Static
from textual.widgets.option_list import Option

from game.scenario.registry import bundled_scenarios, data_dir
from game.tui.catalogue import scenario_headers


def title_art() -> str:
    path = data_dir("assets") / "title.txt"
    try:
        return path.read_text(encoding="utf-8").rstrip("\n")
    except OSError:
        return "BRINKMANSHIP"


class TitleScreen(Screen[None]):
    BINDINGS = [
        Binding("n", "new_game", "New game"),
        Binding("c", "continue_game", "Continue"),
        Binding("l", "load_game", "Load"),
        Binding("q", "app.quit_game", "Quit"),
    ]
    HELP = (
        "Choose **New game** to pick a scenario and a side, **Continue** to resume the "
        "game you last played, or **Load** to open a saved game."
    )

    def compose(self) -> ComposeResult:
        with Vertical(id="title-box"):
            yield Static(title_art(), id="art")
            yield Static(
                "A negotiation game of the 2018–2019 US–Mexico migration and tariff talks",
                id="tagline",
            )
            yield OptionList(*self._scenarios(), id="scenarios")
            with Center(), Horizontal(id="title-buttons"):
                yield Button("New game", id="new", variant="primary")
                yield Button("Continue", id="continue")
                yield Button("Load", id="load")
                yield Button("Quit", id="quit", variant="error")
        yield Footer()

    def _scenarios(self) -> list[Option]:
        options = []
        for header in scenario_headers(bundled_scenarios()):
            label = Text.assemble((header.title, "bold"), ("  " + header.period, "dim"))
            options.append(Option(label, id=header.id))
        return options

    def on_mount(self) -> None:
        self.query_one("#continue", Button).disabled = not self.app.can_continue()  # type: ignore[attr-defined]
        self.query_one("#new", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        actions = {
            "new": self.action_new_game,
            "continue": self.action_continue_game,
            "load": self.action_load_game,
        }
        if event.button.id == "quit":
            self.app.action_quit_game()  # type: ignore[attr-defined]
        elif event.button.id in actions:
            actions[event.button.id]()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.app.open_setup(event.option.id)  # type: ignore[attr-defined]

    def action_new_game(self) -> None:
        highlighted = self.query_one("#scenarios", OptionList).highlighted_option
        self.app.open_setup(highlighted.id if highlighted else None)  # type: ignore[attr-defined]

    def action_continue_game(self) -> None:
        self.app.continue_game()  # type: ignore[attr-defined]

    def action_load_game(self) -> None:
        self.app.open_load()  # type: ignore[attr-defined]
