"""Set-up: scenario, side, opponent and seed."""

from __future__ import annotations

import random

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import (
    Button,
    Footer,
    Header,
    Input,
    Label,
    RadioButton,
    RadioSet,
    Static,
)

from game.play.session import OPPONENTS
from game.scenario.registry import bundled_scenarios
from game.tui.catalogue import scenario_headers
from game.tui.plain import plain
from game.tui.screens.base import BrinkScreen

SIDES = {
    "us": "United States — Mike Pence, Mike Pompeo",
    "mexico": "Mexico — Marcelo Ebrard",
}


class SetupScreen(BrinkScreen):
    BINDINGS = [
        Binding("escape", "back", "Back", id="setup-back"),
        Binding("ctrl+n", "start", "Start", priority=True, id="setup-start"),
    ]
    HELP = (
        "Pick the scenario, the delegation you lead, and your opponent: the AI at three "
        "levels, or a second player on this keyboard (hot-seat). The seed fixes every "
        "chance event and the AI's temperament: the same seed and moves give the same game. "
        "Tab moves between groups, arrows and Space choose, Ctrl+N starts."
    )

    def __init__(self, scenario_id: str | None = None, seed: int | None = None) -> None:
        super().__init__()
        self.seed = seed if seed is not None else random.randrange(1, 10_000)
        self.headers = scenario_headers(bundled_scenarios())
        self.initial = scenario_id or (self.headers[0].id if self.headers else "")

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="setup"):
            with Horizontal(classes="setup-row"):
                with Vertical(classes="setup-group"):
                    yield Label("Scenario", classes="group-title")
                    with RadioSet(id="scenario"):
                        for h in self.headers:
                            yield RadioButton(
                                plain(f"{h.title} ({h.period})"),
                                value=h.id == self.initial,
                                name=h.id,
                            )
                with Vertical(classes="setup-group"):
                    yield Label("Your delegation", classes="group-title")
                    with RadioSet(id="side"):
                        for i, (role, label) in enumerate(SIDES.items()):
                            yield RadioButton(plain(label), value=i == 0, name=role)
            with Horizontal(classes="setup-row"):
                with Vertical(classes="setup-group"):
                    yield Label("Opponent", classes="group-title")
                    with RadioSet(id="opponent"):
                        for name, label in OPPONENTS.items():
                            yield RadioButton(plain(label), value=name == "ai-normal", name=name)
                with Vertical(classes="setup-group"):
                    yield Label("Seed", classes="group-title")
                    yield Input(str(self.seed), id="seed", type="integer")
                    yield Label("", id="setup-error")
                    yield Button("Start", id="start", variant="primary")
            # The choices in words: radio dots are told apart by colour alone, which
            # NO_COLOR terminals do not show.
            yield Static("", id="setup-summary")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#scenario", RadioSet).focus()
        self._summarise()

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        self._summarise()

    def _summarise(self) -> None:
        titles = {h.id: h.title for h in self.headers}
        scenario = titles.get(self._choice("scenario") or self.initial, "")
        side = SIDES.get(self._choice("side") or "us", "").split(" — ")[0]
        opponent = OPPONENTS.get(self._choice("opponent") or "ai-normal", "")
        self.query_one("#setup-summary", Static).update(
            plain(f"Chosen: {scenario} · you lead {side} · against {opponent}")
        )

    def _choice(self, ident: str) -> str:
        pressed = self.query_one(f"#{ident}", RadioSet).pressed_button
        return pressed.name if pressed is not None and pressed.name else ""

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "start":
            self.action_start()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_start()

    def action_start(self) -> None:
        text = self.query_one("#seed", Input).value.strip()
        try:
            seed = int(text)
        except ValueError:
            self.query_one("#setup-error", Label).update("The seed must be a whole number.")
            return
        self.brink.start_game(
            self._choice("scenario") or self.initial,
            self._choice("side") or "us",
            self._choice("opponent") or "ai-normal",
            seed,
        )

    def action_back(self) -> None:
        self.brink.show_title()
