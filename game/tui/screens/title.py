"""The title screen: the game's name, a little art, the bundled scenarios, and the way in."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from game.i18n import N_, _, current, localise
from game.scenario.registry import bundled_scenarios, data_dir
from game.tui.catalogue import scenario_headers
from game.tui.plain import plain, styled
from game.tui.screens.base import BrinkScreen
from game.tui.widgets.footer import Footer


def title_art(lang: str | None = None) -> str:
    """The banner in the reader's language: `title.<lang>.txt` where the art has words to
    translate (Spanish writes «MÉXICO» with its accent), else `title.txt`."""
    assets = data_dir("assets")
    for path in (assets / f"title.{lang or current()}.txt", assets / "title.txt"):
        try:
            return path.read_text(encoding="utf-8").rstrip("\n")
        except OSError:
            continue
    return "BRINKMANSHIP"


def _keyed(key: str, label: str) -> Text:
    """A menu entry with its key underlined, as in a menu: the first letter that is the
    key, or the key after the label when the word (a translation) has no such letter."""
    at = label.lower().find(key)
    if at < 0:
        return Text.assemble(label, " (", (key.upper(), "bold underline"), ")")
    return Text.assemble(label[:at], (label[at], "bold underline"), label[at + 1 :])


def _with_marker(prompt: Text, highlighted: bool) -> Text:
    """A prompt with the highlighted option's marker before it, or room for one."""
    return Text.assemble("▶ " if highlighted else "  ", prompt)


# An option of the title's lists: its prompt, its id, whether it is disabled.
Entry = tuple[Text, str, bool]


class TitleScreen(BrinkScreen):
    BINDINGS = [
        Binding("n", "new_game", N_("New game"), id="title-new-game"),
        Binding("c", "continue_game", N_("Continue"), id="title-continue-game"),
        Binding("l", "load_game", N_("Load"), id="title-load-game"),
        Binding("q", "app.quit_game", N_("Quit"), id="title-quit-game"),
        # Named in the language it switches to, so a reader of either can find it.
        Binding("e", "app.switch_language", N_("Español"), id="title-switch-language"),
    ]
    HELP = N_(
        "Choose **New game** to pick a scenario and a side, **Continue** to resume the "
        "game you last played, or **Load** to open a saved game. E switches between "
        "English and Spanish (Español)."
    )

    def __init__(self, later: bool = False) -> None:
        """`later`: the app opens on a game (`brink play`), so the title is composed only
        when it is first shown, at the game's end. Its widgets would otherwise stay alive
        under the whole game, unseen, about 0.5 MB of the memory a game takes."""
        super().__init__()
        self.later = later
        # Each list's prompts as built, and which option has the marker (`_mark`).
        self.prompts: dict[str | None, list[Text]] = {}
        self.marked: dict[str | None, int | None] = {}

    def compose(self) -> ComposeResult:
        if self.later:
            return
        with Vertical(id="title-box"):
            yield Static(plain(title_art()), id="art")
            yield Static(
                _("A negotiation game of the 2018–2019 US–Mexico migration and tariff talks"),
                id="tagline",
            )
            with Horizontal(id="title-row"):
                # One widget type for the menu and the list keeps the first paint fast.
                yield self._marked_list("menu", self._menu())
                yield self._marked_list("scenarios", self._scenarios())
        yield Footer()

    def _marked_list(self, name: str, entries: list[Entry]) -> OptionList:
        """The list with its first option marked as highlighted, as the list will show it
        once mounted: built marked, it paints once (see `_mark`)."""
        self.prompts[name] = [prompt for prompt, _, _ in entries]
        self.marked[name] = 0
        options = [
            Option(_with_marker(prompt, index == 0), id=ident, disabled=off)
            for index, (prompt, ident, off) in enumerate(entries)
        ]
        return OptionList(*options, id=name)

    def _menu(self) -> list[Entry]:
        can_continue = self.brink.can_continue()
        self.menu_fresh = True  # the first resume follows at once: no second look needed
        return [
            (_keyed("n", _("New game")), "new", False),
            (_keyed("c", _("Continue")), "continue", not can_continue),
            (_keyed("l", _("Load")), "load", False),
            (_keyed("q", _("Quit")), "quit", False),
        ]

    def _scenarios(self) -> list[Entry]:
        entries: list[Entry] = []
        for header in scenario_headers(bundled_scenarios()):
            label = styled(
                (localise(header.title), "bold"), ("  " + localise(header.period), "dim")
            )
            entries.append((label, header.id, False))
        return entries

    def on_mount(self) -> None:
        if self.later:
            return
        # Longer words in Spanish: a wider menu (see brink.tcss).
        self.set_class(current() != "en", "-long-words")
        for lst in self.query(OptionList):
            self._mark(lst)  # a list that highlights no option at first (none enabled)
        self.query_one("#menu", OptionList).focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._mark(event.option_list)

    def _mark(self, option_list: OptionList) -> None:
        """A marker before the highlighted option, so it can be told apart without colour
        (NO_COLOR, a monochrome terminal, a screen reader's text)."""
        prompts = self.prompts.get(option_list.id)
        if prompts is None or self.marked.get(option_list.id, -1) == option_list.highlighted:
            return  # already marked: each new prompt costs the list a re-render
        self.marked[option_list.id] = option_list.highlighted
        for index, prompt in enumerate(prompts):
            marked = _with_marker(prompt, index == option_list.highlighted)
            option_list.replace_option_prompt_at_index(index, marked)

    async def on_screen_resume(self) -> None:
        if self.later:
            # Resumed while under the game the app opened on (the resume of its start
            # can come after the game's first screen): still nothing to show.
            if self.app.screen is not self:
                return
            self.later = False
            with self.app.batch_update():  # painted once, whole
                await self.recompose()
                self.on_mount()
            self.menu_fresh = False
            return
        # Back from a game: there may now be an auto-save to continue.
        if getattr(self, "menu_fresh", False):
            self.menu_fresh = False
            return
        menu = self.query_one("#menu", OptionList)
        can_continue = self.brink.can_continue()
        if can_continue:
            menu.enable_option("continue")
        else:
            menu.disable_option("continue")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "scenarios":
            self.brink.open_setup(event.option.id)
            return
        actions = {
            "new": self.action_new_game,
            "continue": self.action_continue_game,
            "load": self.action_load_game,
            "quit": self.brink.action_quit_game,
        }
        actions[event.option.id or "new"]()

    def action_new_game(self) -> None:
        highlighted = self.query_one("#scenarios", OptionList).highlighted_option
        self.brink.open_setup(highlighted.id if highlighted else None)

    def action_continue_game(self) -> None:
        self.brink.continue_game()

    def action_load_game(self) -> None:
        self.brink.open_load()
