"""Set-up: scenario, side, opponent and seed."""

from __future__ import annotations

import random

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import (
    Button,
    Header,
    Input,
    Label,
    RadioButton,
    RadioSet,
    Static,
)

from game.i18n import LANGUAGES, N_, _, current, localise
from game.play.session import HUMAN, OPPONENTS
from game.scenario.models import as_role
from game.scenario.registry import bundled_scenarios
from game.tui.catalogue import scenario_headers
from game.tui.plain import plain
from game.tui.screens.base import BrinkScreen
from game.tui.widgets.footer import Footer

SIDES = {
    "us": N_("United States — Mike Pence, Mike Pompeo"),
    "mexico": N_("Mexico — Marcelo Ebrard"),
}
# The opponents as the screen names them (the session's table holds the same in English).
OPPONENT_LABELS = {
    "ai-easy": N_("AI, easy"),
    "ai-normal": N_("AI, normal"),
    "ai-hard": N_("AI, hard"),
    HUMAN: N_("Second player on this keyboard"),
}
# Each language in its own words, so a reader of either finds theirs.
LANGUAGE_NAMES = {"en": "English", "es": "Español"}


def opponent_label(name: str) -> str:
    label = OPPONENT_LABELS.get(name)
    return _(label) if label else OPPONENTS.get(name, name)


def side_name(role: str) -> str:
    """`United States`, `Mexico`: the side without its delegates."""
    label = SIDES.get(role)
    return _(label).split(" — ")[0] if label else role


def player_label(name: str) -> str:
    """Who sat in a chair of a saved game: a person, or an agent as the set-up names it."""
    return _("player") if name == HUMAN else opponent_label(name)


class SetupScreen(BrinkScreen):
    # Its layout (read when the screen is first shown; see brink.tcss).
    DEFAULT_CSS = """
    #setup { padding: 0 1; }
    .setup-row { height: auto; }
    .setup-group { width: 1fr; height: auto; margin: 0 1 1 0; }
    .group-title { text-style: bold; color: $accent; }
    #setup-error { color: $error; }
    #start { margin-top: 1; }
    #setup-summary { width: 1fr; padding: 0 1; text-style: bold; }
    #other-lang-group { display: none; height: auto; }
    #other-lang { layout: horizontal; width: auto; }
    #other-lang RadioButton { margin-right: 2; }
    /* Spanish: the long names get the room, the short ones (sides, seed) give it; the
       sides are named without their delegates there (the briefing names them). */
    SetupScreen.-long-words #scenario-group { width: 2fr; }
    SetupScreen.-long-words #opponent-group { width: 3fr; }
    SetupScreen.-long-words #seed-group { width: 2fr; }
    """

    BINDINGS = [
        Binding("escape", "back", N_("Back"), id="setup-back"),
        Binding("ctrl+n", "start", N_("Start"), priority=True, id="setup-start"),
    ]
    HELP = N_(
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
                with Vertical(classes="setup-group", id="scenario-group"):
                    yield Label(_("Scenario"), classes="group-title")
                    with RadioSet(id="scenario"):
                        for h in self.headers:
                            yield RadioButton(
                                plain(self._scenario_label(h.title, h.period)),
                                value=h.id == self.initial,
                                name=h.id,
                            )
                with Vertical(classes="setup-group", id="side-group"):
                    yield Label(_("Your delegation"), classes="group-title")
                    with RadioSet(id="side"):
                        for i, (role, label) in enumerate(SIDES.items()):
                            yield RadioButton(plain(_(label)), value=i == 0, name=role)
            with Horizontal(classes="setup-row"):
                with Vertical(classes="setup-group", id="opponent-group"):
                    yield Label(_("Opponent"), classes="group-title")
                    with RadioSet(id="opponent"):
                        for name in OPPONENTS:
                            yield RadioButton(
                                plain(opponent_label(name)), value=name == "ai-normal", name=name
                            )
                    # Hot-seat only: the second player reads the game in their own
                    # language. Under the choice that shows it, on one line, so the
                    # summary below still fits at 80x24.
                    with Vertical(id="other-lang-group"):
                        yield Label(_("Second player's language"), classes="group-title")
                        with RadioSet(id="other-lang"):
                            mine = self.brink.lang
                            for lang in LANGUAGES:
                                yield RadioButton(
                                    plain(LANGUAGE_NAMES[lang]), value=lang == mine, name=lang
                                )
                with Vertical(classes="setup-group", id="seed-group"):
                    yield Label(_("Seed"), classes="group-title")
                    yield Input(str(self.seed), id="seed", type="integer")
                    yield Label("", id="setup-error")
                    yield Button(_("Start"), id="start", variant="primary")
            # The choices in words: radio dots are told apart by colour alone, which
            # NO_COLOR terminals do not show.
            yield Static("", id="setup-summary")
        yield Footer()

    @staticmethod
    def _scenario_label(title: str, period: str) -> str:
        # Spanish titles name the month and run long: the period (on the title screen)
        # would push the year out of sight at 80 columns.
        if current() != "en":
            return localise(title)
        return f"{localise(title)} ({localise(period)})"

    def on_mount(self) -> None:
        # Longer words in Spanish: scenarios and opponents get more room (brink.tcss).
        self.set_class(current() != "en", "-long-words")
        self.query_one("#scenario", RadioSet).focus()
        self._summarise()

    def _show_language_choice(self) -> None:
        hot_seat = (self._choice("opponent") or "ai-normal") == HUMAN
        self.query_one("#other-lang-group").display = hot_seat

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        self._summarise()

    def _summarise(self) -> None:
        self._show_language_choice()
        titles = {h.id: localise(h.title) for h in self.headers}
        scenario = titles.get(self._choice("scenario") or self.initial, "")
        side = side_name(self._choice("side") or "us")
        chosen = self._choice("opponent") or "ai-normal"
        # Mid-sentence, the radio label's capital would read oddly: «contra Segundo…».
        opponent = (
            _("a second player on this keyboard") if chosen == HUMAN else opponent_label(chosen)
        )
        self.query_one("#setup-summary", Static).update(
            plain(
                _("Chosen: {scenario} · you lead {side} · against {opponent}").format(
                    scenario=scenario, side=side, opponent=opponent
                )
            )
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
            self.query_one("#setup-error", Label).update(_("The seed must be a whole number."))
            return
        opponent = self._choice("opponent") or "ai-normal"
        self.brink.start_game(
            self._choice("scenario") or self.initial,
            as_role(self._choice("side") or "us"),
            opponent,
            seed,
            other_lang=self._choice("other-lang") if opponent == HUMAN else None,
        )

    def action_back(self) -> None:
        self.brink.show_title()
