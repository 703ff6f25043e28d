"""Modal dialogs: help, save, load, and leaving with unsaved moves."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from game.i18n import N_, _, current, localise, ngettext
from game.saves import SaveError, list_slots
from game.saves.store import SlotInfo
from game.tui.plain import plain, styled
from game.tui.widgets.markdown import Markdown

EVERYWHERE = N_("""\
## Everywhere

- **F1** — this help
- **Ctrl+P** — command palette: every action, screen and tab by name
- **Ctrl+S** — save the game in a named slot
- **Ctrl+T** — light / dark theme
- **F2** — instructor's controls: pause the clock, move the deadline, fire an inject
- **Ctrl+Q** — quit (asks first if you have unsaved moves)
""")

HOW_TO_PLAY = N_("""\
## How to play

You lead one delegation in the talks. On the **table**, build an offer issue by issue
and propose it, or accept or reject the other side's. Every move takes time: the
**clock** at the top shows the deadline ahead (the tariff's next step, or the threat
the scenario declares). After a deal, the months play out and reviews follow; the
**news** tab says why each thing happened and which article it comes from. The game
ends in one of several **endings**, scored against your briefing's objectives.
""")


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,f1,q", "dismiss", N_("Close"), id="help-dismiss")]

    def __init__(self, screen: Screen[object]) -> None:
        super().__init__()
        self.about = screen

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box", classes="dialog"):
            with VerticalScroll():
                yield Markdown(self._text())
            yield Button(_("Close [Esc]"), id="close", compact=True)

    def _text(self) -> str:
        """What the screen is for, then its keys one to a line, then the keys that work
        everywhere and how to play: short lines that read at 80x24 as at 100x30."""
        # Textual's own screens declare HELP = None; only our screens carry help text.
        about = getattr(self.about, "HELP", None)
        lines = [
            "# " + _("Help — {screen}").format(screen=self._title()),
            "",
            _(about) if about else "",
        ]
        lines += ["", "## " + _("Keys here"), ""]
        everywhere = {_binding_parts(b)[0] for b in self.app.BINDINGS}
        seen = set()
        for binding in getattr(self.about, "BINDINGS", []):
            key, description = _binding_parts(binding)
            if description and key not in seen and key not in everywhere:
                seen.add(key)
                lines.append(f"- **{key}** — {_(description)}")
        lines += ["", _(EVERYWHERE), _(HOW_TO_PLAY)]
        return "\n".join(lines)

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()

    def _title(self) -> str:
        name = type(self.about).__name__.removesuffix("Screen")
        title = SCREEN_NAMES.get(name)
        return _(title) if title else name

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss()


SCREEN_NAMES = {
    "Table": N_("the negotiating table"),
    "Title": N_("the title screen"),
    "Setup": N_("setting up a game"),
    "Briefing": N_("your briefing"),
    "Handover": N_("hand-over"),
    "Ending": N_("the ending"),
    "Debrief": N_("the debrief"),
}


def _binding_parts(binding: object) -> tuple[str, str]:
    """(key as a person would write it, what it does) of a Binding or a binding tuple."""
    if isinstance(binding, tuple):
        key, _, description = [*binding, "", ""][:3]
    else:
        key = getattr(binding, "key_display", None) or getattr(binding, "key", "")
        description = getattr(binding, "description", "")
    first = str(key).split(",")[0]
    if len(first) == 1:
        shown = first.upper()
    else:
        shown = "+".join(p.capitalize() if len(p) > 1 else p.upper() for p in first.split("+"))
    return shown, str(description)


class SaveDialog(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="save-dialog-cancel")]

    def __init__(self, default: str) -> None:
        super().__init__()
        self.default = default

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="save-box"):
            yield Label(_("Save the game as (a slot name):"))
            yield Input(self.default, id="slot")
            yield Label("", id="save-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Save"), id="save", variant="primary")
                yield Button(_("Cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.dismiss(self.query_one(Input).value.strip() or None)
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def show_error(self, message: str) -> None:
        self.query_one("#save-error", Label).update(plain(message, style="bold red"))


class LoadScreen(ModalScreen[str | None]):
    """Saved games in the save folder, newest first; damaged files are left out."""

    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="load-cancel")]

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder

    def compose(self) -> ComposeResult:
        from game.scenario.registry import bundled_scenarios
        from game.tui.catalogue import scenario_headers

        slots = list_slots(self.folder)
        titles = {h.id: localise(h.title) for h in scenario_headers(bundled_scenarios())}
        with Vertical(classes="dialog", id="load-box"):
            yield Label(plain(_("Saved games in {folder}:").format(folder=self.folder)))
            if slots:
                yield OptionList(
                    *(
                        Option(
                            styled(
                                (s.slot, "bold"),
                                f"  {slot_label(s, titles)}",
                                ("  " + _moves(s.moves), "dim"),
                            ),
                            id=str(s.path),
                        )
                        for s in slots
                    ),
                    id="slots",
                )
            else:
                yield Static(_("No saved games yet. Ctrl+S saves during a game."), id="slots-empty")
            yield Button(_("Cancel"), id="cancel")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class QuitDialog(ModalScreen[str]):
    """Asked on Ctrl+Q when moves have been made since the last named save."""

    BINDINGS = [Binding("escape", "dismiss('cancel')", N_("Cancel"), id="quit-dialog-dismiss")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="quit-box"):
            yield Static(
                _(
                    "You have moves not saved in a named slot. (The auto-save has them: "
                    "Continue on the title screen resumes this game.)"
                )
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Save and quit"), id="save", variant="primary")
                yield Button(_("Quit"), id="quit", variant="error")
                yield Button(_("Cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#save", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id or "cancel")


class ErrorDialog(ModalScreen[None]):
    BINDINGS = [Binding("escape,enter", "dismiss", N_("Close"), id="error-dismiss")]

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="error-box"):
            yield Static(plain(self.message), id="error-text")
            yield Button(_("OK"), id="ok")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss()


def slot_label(slot: SlotInfo, titles: dict[str, str]) -> str:
    """What a save holds, in the reader's words: `Sala Roosevelt, junio de 2019 — 15 oct
    2019 (Estados Unidos: jugador; México: IA, normal)`. The save keeps the English label
    it was written with (saves hold no translated text); English readers see it as it is,
    and so does anyone when the save is of a scenario not bundled with the game."""
    from game.scenario.models import ROLES
    from game.tui.screens.setup import player_label, side_name
    from game.tui.text import date_label

    title = titles.get(slot.scenario_id)
    if current() == "en" or title is None or not slot.players:
        return slot.label
    try:
        when = date_label(slot.scenario_date)
    except ValueError:
        return slot.label
    # The delegations in the scenario's order (the English label's), whoever saved.
    order = sorted(slot.players, key=ROLES.index)
    who = "; ".join(f"{side_name(role)}: {player_label(slot.players[role])}" for role in order)
    return f"{title} — {when} ({who})"


def _moves(n: int) -> str:
    return ngettext("{n} move", "{n} moves", n).format(n=n)


__all__ = ["ErrorDialog", "HelpScreen", "LoadScreen", "QuitDialog", "SaveDialog", "SaveError"]
