"""The Brinkmanship app: screens, navigation, saving, help and quitting.

Heavy modules (the engine, pydantic models, the rule compiler) are imported only when a
game starts, so the title screen paints about as fast as Textual itself can start.
"""

from __future__ import annotations

import asyncio
import os
import sys
import weakref
from collections.abc import Awaitable, Iterable
from contextlib import ExitStack
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.geometry import Size
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.widgets import Static

from game.i18n import N_, Lang, _, choose_language, localise, use
from game.tui import heap
from game.tui.plain import clean, plain
from game.tui.screens.base import BrinkScreen
from game.userdirs import SAVE_SUFFIX, latest_save, save_dir

if TYPE_CHECKING:
    from game.net.remote_session import RemoteSession
    from game.play.interface import GameSession
    from game.scenario.models import RoleId
    from game.tui.remote import SessionChanged
    from game.tui.screens.table import TableScreen

MIN_WIDTH, MIN_HEIGHT = 80, 24

# Textual's own system commands, as it words them: translated in the command palette.
TEXTUAL_COMMANDS = (
    N_("Theme"),
    N_("Change the current theme"),
    N_("Quit"),
    N_("Quit the application as soon as possible"),
    N_("Keys"),
    N_("Hide the keys and widget help panel"),
    N_("Show help for the focused widget and a summary of available keys"),
    N_("Minimize"),
    N_("Minimize the widget and restore to normal size"),
    N_("Maximize"),
    N_("Maximize the focused widget"),
    N_("Screenshot"),
    N_("Save an SVG 'screenshot' of the current screen"),
)


class TooSmallScreen(Screen[None]):
    """Shown instead of a cramped layout while the terminal is below 80x24."""

    def compose(self) -> ComposeResult:
        yield Static(id="too-small")

    def on_mount(self) -> None:
        self.show()

    def on_resize(self) -> None:
        self.show()
        app = self.app
        if isinstance(app, BrinkApp):
            app._check_size()

    def show(self) -> None:
        w, h = self.app.size
        self.query_one(Static).update(
            plain(
                _(
                    "The terminal is {w}x{h}; Brinkmanship needs at least {min_w}x{min_h}.\n"
                    "Enlarge the window: your game is safe and waiting."
                ).format(w=w, h=h, min_w=MIN_WIDTH, min_h=MIN_HEIGHT)
            )
        )


class BrinkApp(App[None]):
    TITLE = "Brinkmanship"
    CSS_PATH = "brink.tcss"

    @staticmethod
    def css_file() -> Path:
        """The stylesheet, for subclasses defined elsewhere (benchmarks, tools)."""
        return Path(__file__).with_name("brink.tcss")

    BINDINGS = [
        Binding("f1", "help", N_("Help"), id="app-help"),
        Binding("ctrl+s", "save", N_("Save"), priority=True, id="app-save"),
        Binding("ctrl+q", "quit_game", N_("Quit"), priority=True, id="app-quit-game"),
        Binding("ctrl+t", "toggle_theme", N_("Theme"), show=False, id="app-toggle-theme"),
        Binding("f2", "instructor", N_("Instructor"), show=False, id="app-instructor"),
    ]

    def __init__(
        self,
        session: GameSession | None = None,
        save_folder: Path | None = None,
        theme: str | None = None,
        default_seed: int | None = None,
        classroom: str | None = None,
        code: str | None = None,
        lang: str | None = None,
    ) -> None:
        super().__init__()
        # The language of this screen's reader (`--lang`, BRINK_LANG, the locale); in a
        # hot-seat game each seat has its own (`seat_langs`), set at the hand-over. A
        # property of the view only: the session and its saves never see it.
        self.lang: Lang = choose_language(lang)
        self.seat_langs: dict[RoleId, Lang] = {}
        use(self.lang)
        # `brink join URL [CODE]`: a seat of a class server's table instead of a local game.
        self.classroom = classroom
        self.join_code = code
        self.remote: RemoteSession | None = None
        self.connection_problem: str | None = None
        # The seed offered on the set-up screen (random unless given, e.g. by tests).
        self.default_seed = default_seed
        self.session: GameSession | None = session
        self.save_folder = save_folder
        self.drafts: dict[str, dict[str, str]] = {}
        self.briefed: set[str] = set()
        self._wanted_theme = theme
        self.crash_message = ""  # the one line printed after a crash
        self._setting_aside: asyncio.Task[None] | None = None  # see `_show`

    # ------------------------------------------------------------------ start
    def get_default_screen(self) -> Screen[None]:
        # The title screen is the bottom of the stack: no blank screen to style first.
        if self.classroom is not None:
            from game.tui.screens.join import JoinScreen

            return JoinScreen(self.classroom, self.join_code)
        from game.tui.screens.title import TitleScreen

        return TitleScreen(later=self.session is not None)

    def on_mount(self) -> None:
        self.call_after_refresh(heap.start_up_done)
        if self._wanted_theme:
            self.theme = self._wanted_theme
        if self.session is not None:
            self.begin(self.session)
        self._check_size()

    def on_resize(self, event: events.Resize) -> None:
        # The app's handler runs before Textual's own records the new size: read it
        # from the event (self.size is still the old one, so a shrink went unnoticed).
        self._check_size(event.size)

    def _check_size(self, size: Size | None = None) -> None:
        width, height = size or self.size
        small = width < MIN_WIDTH or height < MIN_HEIGHT
        showing = isinstance(self.screen, TooSmallScreen)
        if small and not showing:
            self.push_screen(TooSmallScreen())
        elif not small and showing:
            self.pop_screen()

    def _show(self, screen: Screen[None]) -> None:
        """Make `screen` the one main screen above the title (dialogs go on top of it)."""
        from game.tui.lingering import FilledLater

        while len(self.screen_stack) > 2:
            self.pop_screen()
        shown: Awaitable[object]
        gone: weakref.ref[Screen[Any]] | None = None
        leaving_table = _table(self.screen) is not None
        if len(self.screen_stack) == 1:
            shown = self.push_screen(screen)
        else:
            gone = weakref.ref(self.screen)
            shown = self.switch_screen(screen)
        # A screen filled in later is not painted before it has been: the screen it
        # replaces stays on the terminal meanwhile, so nothing empty is ever seen.
        unpainted = ExitStack()
        if isinstance(screen, FilledLater) and screen.later:
            unpainted.enter_context(self.batch_update())
        self._setting_aside = asyncio.get_running_loop().create_task(
            self._set_aside(screen, gone, leaving_table, shown, unpainted)
        )
        if self.connection_problem is not None:
            from game.tui.remote import place_banner

            self.call_after_refresh(place_banner, self)

    async def _set_aside(
        self,
        screen: Screen[None],
        gone: weakref.ref[Screen[Any]] | None,
        leaving_table: bool,
        shown: Awaitable[object],
        unpainted: ExitStack,
    ) -> None:
        from game.tui.lingering import FilledLater, forget_closed_watchers, let_go

        with unpainted:
            await shown
            if gone is not None:
                # What Textual still holds of the screen replaced would keep it alive, and
                # once set aside with the heap, for the rest of the game.
                await let_go(self, gone, self.screen_stack[:-1])
                forget_closed_watchers(self)  # its header's, of the app's title
            if leaving_table or (isinstance(screen, FilledLater) and screen.later):
                # Free the screen replaced now, before the next one fills in: the table's
                # widgets were set aside with the heap, which the collector's full passes
                # skip; the others' would wait for a full pass, keys away.
                heap.collect()
            if isinstance(screen, FilledLater):
                await screen.fill_in()
        if _table(screen) is not None and self.screen is screen:
            # The table stays up for the rest of the game: once the screen it replaced has
            # been removed, its widgets join the heap the collector's full passes skip.
            heap.set_aside()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # A class seat has nothing to save: the server keeps the game (Ctrl+S hidden).
        if action != "save":
            return True
        return self.classroom is None and (self.session is None or self.session.saves_locally)

    # ------------------------------------------------------------------ classroom
    async def join_class(self, classroom: str, code: str) -> None:
        from game.tui.remote import join_class

        await join_class(self, classroom, code)

    def on_key(self, event: events.Key) -> None:
        """A key typed ahead while the table is being filled in (Enter, then P at once)
        reaches the app unused: the table's keys are off until then, and the key may
        have been read while the briefing was still up. The table presses it again once
        it is filled in, unless one of the keys still on (the app's) has taken it."""
        table = _any_table(self.screen)
        if table is not None and table.later:
            bound = self.screen.active_bindings.get(event.key)
            if bound is None or not bound.enabled:
                table.typed_ahead.append(event)

    def on_session_changed(self, message: SessionChanged) -> None:
        from game.tui.remote import apply_change

        apply_change(self, message.change)

    async def on_unmount(self) -> None:
        heap.release()  # what the game kept may be collected again
        if self.remote is not None:
            await self.remote.close()

    # ------------------------------------------------------------------ navigation
    def show_title(self) -> None:
        """Back to the title screen, which is always at the bottom of the stack."""
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self._back_to_app_language()

    def _back_to_app_language(self) -> None:
        """After a hot-seat seat read in its own language, the app's again."""
        from game.i18n import current

        if current() != self.lang:
            use(self.lang)
            self.call_later(self.relocalise)

    # ------------------------------------------------------------------ language
    def action_switch_language(self, lang: str | None = None) -> None:
        """English ⇄ Spanish (or `lang`), at once: every open screen is composed again in
        it, footer included. In a hot-seat game it is the language of the seat whose
        screen is open; otherwise the app's."""
        from game.i18n import LANGUAGES, current, parse_lang

        chosen = parse_lang(lang)
        new: Lang = chosen if chosen is not None else LANGUAGES[1 - LANGUAGES.index(current())]
        screen = self.screen
        role = screen.role if isinstance(screen, BrinkScreen) else None
        session = self.session
        if session is not None and session.hot_seat and role and not session.over:
            self.seat_langs[role] = new
        else:
            self.lang = new
            for seat in self.seat_langs:
                self.seat_langs[seat] = new
        use(new)
        self.call_later(self.relocalise)

    async def relocalise(self) -> None:
        """Compose every screen of the stack again in the current language; each screen's
        own start-up (`on_mount`) runs again on its new widgets."""
        for screen in list(self.screen_stack):
            # Ours only: Textual's own screens (the command palette) keep their words.
            ours = type(screen).__module__.startswith("game.")
            if isinstance(screen, TooSmallScreen) or not ours or not screen.is_attached:
                continue
            before = getattr(screen, "before_recompose", None)
            if before is not None:
                before()
            await screen.recompose()
            again = getattr(screen, "after_recompose", None) or getattr(screen, "on_mount", None)
            if again is not None:
                again()
            screen.refresh_bindings()

    def action_show_title(self) -> None:
        self.show_title()

    def action_new_game(self) -> None:
        self.open_setup(None)

    def open_setup(self, scenario_id: str | None) -> None:
        from game.tui.screens.setup import SetupScreen

        self._back_to_app_language()
        self._show(SetupScreen(scenario_id, self.default_seed))

    def start_game(
        self, scenario: str, role: RoleId, opponent: str, seed: int, other_lang: str | None = None
    ) -> None:
        """Start a game; in a hot-seat game `other_lang` is the second player's language
        (the first player reads the app's)."""
        from game.play.session import Session
        from game.scenario.diagnostics import ScenarioError
        from game.scenario.models import other_role

        try:
            session = Session.start(scenario, role, opponent, seed, folder=self.save_folder)
        except ScenarioError as err:
            self.report(_("The scenario cannot be played:\n{error}").format(error=err.render()))
            return
        langs = None
        if other_lang is not None:
            langs = {role: self.lang, other_role(role): choose_language(other_lang)}
        self.begin(session, langs)

    def begin(self, session: GameSession, seat_langs: dict[RoleId, Lang] | None = None) -> None:
        self.session = session
        self.drafts = {}
        self.briefed = set()
        self.seat_langs = dict(seat_langs or {})
        use(self.lang)
        heap.settle()
        if session.over:
            self.show_ending()
        elif session.hot_seat:
            self.show_handover(session.to_move or session.humans[0])
        else:
            self.show_briefing(session.humans[0] if session.humans else "us")

    def show_briefing(self, role: RoleId, tab: str = "dossier") -> None:
        from game.tui.screens.briefing import BriefingScreen

        assert self.session is not None
        self.briefed.add(role)
        self._show(BriefingScreen(self.session, role, tab))

    def show_table(self, role: RoleId) -> None:
        from game.tui.screens.table import TableScreen

        assert self.session is not None
        if self.session.over:
            self.show_ending()
            return
        # Replacing a screen (the briefing, the hand-over), the table is built once that
        # screen is gone: see `_show`.
        self._show(TableScreen(self.session, role, later=len(self.screen_stack) > 1))

    def show_handover(self, role: RoleId, last: str = "") -> None:
        from game.scenario.models import other_role
        from game.tui.screens.handover import HandoverScreen
        from game.tui.text import describe_move

        session = self.session
        assert session is not None
        # The incoming seat reads from here on in its own language, hand-over included.
        use(self.seat_langs.get(role, self.lang))
        if last:  # the other seat's move, told in this seat's words
            move = session.last_move(other_role(role))
            last = describe_move(session.scenario, move) if move is not None else last
        name = localise(session.scenario.roles[role].name)
        self._show(HandoverScreen(role, name, last))

    def handover_done(self, role: RoleId) -> None:
        if role in self.briefed:
            self.show_table(role)
        else:
            self.show_briefing(role)

    def show_ending(self) -> None:
        from game.tui.screens.ending import EndingScreen

        assert self.session is not None
        # Leaving the table, the report is built once the table is gone (`_show`).
        self._show(EndingScreen(self.session, later=_table(self.screen) is not None))

    def after_move(self, role: RoleId, description: str) -> None:
        """Called by the table after a move was played (and the AI has replied)."""
        session = self.session
        assert session is not None
        if session.autosave_error:
            self.notify(
                _("Auto-save failed: {error}").format(error=session.autosave_error),
                severity="warning",
                markup=False,
            )
        if session.over:
            self.show_ending()
        elif session.hot_seat and session.to_move and session.to_move != role:
            self.show_handover(session.to_move, description)
        else:
            table = _table(self.screen)
            if table is not None:
                table.refresh_all()
                table.set_status(_("Done: {move}.").format(move=description))

    # ------------------------------------------------------------------ saves
    def _folder(self) -> Path:
        return save_dir(self.save_folder)

    def can_continue(self) -> bool:
        return latest_save(self.save_folder) is not None

    def continue_game(self) -> None:
        """Open the game saved last (every game keeps its own auto-save)."""
        path = latest_save(self.save_folder)
        if path is None:
            self.notify(_("No game to continue yet."), severity="warning")
            return
        self.load_path(path)

    def open_load(self) -> None:
        from game.tui.screens.dialogs import LoadScreen

        def chosen(path: str | None) -> None:
            if path:
                self.load_path(Path(path))

        self.push_screen(LoadScreen(self._folder()), chosen)

    def load_path(self, path: Path) -> None:
        from game.play.session import Session
        from game.saves import SaveError

        try:
            session = Session.load(path, folder=self.save_folder)
        except SaveError as err:
            self.report(_("This save cannot be loaded.\n{error}").format(error=err))
            return
        self.notify(_("Loaded {name}.").format(name=path.name), markup=False)
        self.begin(session)

    def action_save(self) -> None:
        from game.tui.screens.dialogs import SaveDialog

        session = self.session
        if session is None:
            self.notify(_("There is no game to save yet."), severity="warning")
            return
        if not session.saves_locally:
            self.notify(_("The class server keeps this game; nothing to save here."))
            return
        dialog = SaveDialog(session.slot or session.default_slot())

        def chosen(slot: str | None) -> None:
            if slot:
                self.save_to(slot)

        self.push_screen(dialog, chosen)

    def save_to(self, slot: str) -> bool:
        from game.saves import SaveError

        assert self.session is not None
        try:
            path = self.session.save(slot)
        except SaveError as err:
            self.report(_("The game was not saved.\n{error}").format(error=err))
            return False
        self.notify(
            _("Saved as “{slot}” ({folder}).").format(slot=slot, folder=path.parent),
            markup=False,
        )
        return True

    # ------------------------------------------------------------------ instructor
    def action_instructor(self) -> None:
        from game.tui.screens.instructor import InstructorScreen

        session = self.session
        if session is None or session.over:
            self.notify(_("The instructor's controls work during a game."), severity="warning")
            return
        if session.is_class_game:
            self.notify(_("In a class game the instructor's controls are in the class console."))
            return
        if type(self.screen).__name__ == "InstructorScreen":
            return

        def done(what: str | None) -> None:
            if not what:
                return
            self.notify(what, markup=False)
            assert self.session is not None
            if self.session.over:
                self.show_ending()
                return
            table = _table(self.screen)
            if table is not None:
                table.refresh_all()

        self.push_screen(InstructorScreen(session), done)

    # ------------------------------------------------------------------ help, quit
    def action_help(self) -> None:
        from game.tui.screens.dialogs import HelpScreen

        if type(self.screen).__name__ == "HelpScreen":
            return
        self.push_screen(HelpScreen(self.screen))

    def action_command_palette(self) -> None:
        # Textual's own, with its search prompt in the reader's language.
        from textual.command import CommandPalette

        is_open = any(isinstance(screen, CommandPalette) for screen in self.screen_stack)
        if self.use_command_palette and not is_open:
            palette = CommandPalette(id="--command-palette", placeholder=_("Search for commands…"))
            self.push_screen(palette)

    def search_themes(self) -> None:
        from textual.command import CommandPalette
        from textual.theme import ThemeProvider

        self.push_screen(
            CommandPalette(providers=[ThemeProvider], placeholder=_("Search for themes…"))
        )

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.theme == "textual-dark" else "textual-dark"

    def action_quit_game(self) -> None:
        from game.tui.screens.dialogs import QuitDialog

        session = self.session
        if session is None or not session.unsaved or session.over:
            self.exit()
            return

        def answered(choice: str | None) -> None:
            if choice == "quit":
                self.exit()
            elif choice == "save":
                assert self.session is not None
                if self.save_to(self.session.slot or self.session.default_slot()):
                    self.exit()

        self.push_screen(QuitDialog(), answered)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        # A toast may carry a slot, a file name, an inject's news or the class server's
        # words (sent with markup=False): control characters are shown, never sent.
        super().notify(
            clean(message), title=clean(title), severity=severity, timeout=timeout, markup=markup
        )

    # ------------------------------------------------------------------ crashes
    def _handle_exception(self, error: Exception) -> None:
        """A bug: keep the game (write its auto-save), keep the traceback in a crash log
        for a bug report, and leave with one line instead of a traceback (exit 1)."""
        super()._handle_exception(error)  # exit code 1; tests under Pilot see the error
        if os.environ.get("BRINK_DEBUG") or self.crash_message:
            return  # developers keep Textual's full traceback; the first crash is the one
        try:
            self.crash_message = self._crash_report(error)
        except Exception:  # saving failed too: still one line, never a second traceback
            self.crash_message = f"brink: internal error ({type(error).__name__})"

    def _print_error_renderables(self) -> None:
        # After a crash, the one line, printed plainly (not wrapped to the screen's width)
        # instead of Textual's traceback.
        if self.crash_message:
            self._exit_renderables.clear()
            print(self.crash_message, file=sys.stderr)
        super()._print_error_renderables()

    def _crash_report(self, error: Exception) -> str:
        session = self.session
        saved = ""
        if session is not None:
            path = session.autosave()
            if path is not None:
                slot = path.name.removesuffix(SAVE_SUFFIX)
                saved = " " + _(
                    "Your game is saved as `{slot}`: `brink` then Continue resumes it."
                ).format(slot=slot)
        log = _write_crash_log(self._folder(), error)
        where = " " + _("Details: {log}.").format(log=log) if log else ""
        what = f"{type(error).__name__}: {_first_line(error)}"
        return (
            "brink: "
            + _("internal error ({what}); this is a bug in Brinkmanship, please report it.").format(
                what=what
            )
            + f"{saved}{where}"
        )

    def report(self, message: str) -> None:
        from game.tui.screens.dialogs import ErrorDialog

        self.push_screen(ErrorDialog(message))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        # Textual's own commands (Theme, Keys, Screenshot…), in the reader's language.
        for command in super().get_system_commands(screen):
            yield command._replace(title=_(command.title), help=_(command.help))
        yield SystemCommand(
            _("Language: Español"),
            _("Show the game in Spanish (Mostrar el juego en español)"),
            self.action_switch_language,
        )
        yield SystemCommand(_("New game"), _("Choose a scenario and a side"), self.action_new_game)
        yield SystemCommand(_("Title screen"), _("Back to the title screen"), self.show_title)
        yield SystemCommand(_("Load game"), _("Open a saved game"), self.open_load)
        yield SystemCommand(_("Continue"), _("Resume the game saved last"), self.continue_game)
        yield SystemCommand(_("Help"), _("Keys of this screen and how to play"), self.action_help)
        yield SystemCommand(
            _("Toggle light/dark"), _("Switch the colour theme"), self.action_toggle_theme
        )
        if self.session is not None and not self.session.is_class_game:
            yield SystemCommand(_("Save game"), _("Save in a named slot"), self.action_save)
            yield SystemCommand(
                _("Instructor's controls"),
                _("Pause, extend a deadline, inject"),
                self.action_instructor,
            )
        yield from self._screen_commands(screen)
        table = _table(screen)
        if table is not None:
            for action, title in (
                ("propose", N_("Propose my offer")),
                ("accept", N_("Accept their offer")),
                ("reject", N_("Reject their offer")),
                ("walk_out", N_("Walk out")),
                ("match", N_("Copy their offer into mine")),
                ("briefing", N_("Open my briefing")),
            ):
                yield SystemCommand(
                    _(title), _("At the negotiating table"), getattr(table, f"action_{action}")
                )
        yield SystemCommand(
            _("Quit Brinkmanship"), _("Leave (asks if unsaved)"), self.action_quit_game
        )

    def _screen_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Every screen and tab of a game by name: briefing, codex, table and its tabs."""
        session = self.session
        if session is None:
            return
        if session.over:
            yield SystemCommand(
                _("Ending"), _("How the game ended, and the scores"), self.show_ending
            )
            return
        # Whose papers: the role on the screen, or the one player of a solo game. Never
        # from the hand-over screen of a hot-seat game, which keeps each side's secrets.
        role = screen.role if isinstance(screen, BrinkScreen) and screen.shows_papers else None
        if role is None and not session.hot_seat and session.humans:
            role = session.humans[0]
        if role is None:
            return
        yield SystemCommand(
            _("Briefing"), _("Your confidential dossier"), partial(self.show_briefing, role)
        )
        yield SystemCommand(
            _("Codex"),
            _("Actors and terms explained, with sources"),
            partial(self.show_briefing, role, "codex"),
        )
        yield SystemCommand(
            _("Negotiating table"),
            _("Offers, their reply, meters, news"),
            partial(self.show_table, role),
        )
        table = _table(screen)
        if table is not None:
            for tab, title, text in (
                ("reply", N_("Reply tab"), N_("The other side's answer and its reasons (key Y)")),
                ("meters", N_("Meters tab"), N_("Your meters and their course (key E)")),
                ("news", N_("News tab"), N_("What happened, why, and the source (key N)")),
            ):
                yield SystemCommand(_(title), _(text), partial(table.action_show_tab, tab))


def _any_table(screen: Screen[Any]) -> TableScreen | None:
    """`screen` if it is the negotiating table, filled in or not. Its module is loaded only
    once a game is shown, so the title screen never imports it to find out."""
    if type(screen).__name__ != "TableScreen":
        return None
    from game.tui.screens.table import TableScreen

    return screen if isinstance(screen, TableScreen) else None


def _table(screen: Screen[Any]) -> TableScreen | None:
    """`screen` if it is the negotiating table, filled in. One not yet filled in has
    nothing to refresh: it reads the game when it is."""
    table = _any_table(screen)
    return table if table is not None and not table.later else None


def _first_line(error: Exception) -> str:
    text = str(error).strip().splitlines()
    return text[0][:160] if text else "no message"


def _write_crash_log(folder: Path, error: BaseException) -> Path | None:
    """The traceback, for a bug report, next to the saves (never shown on the screen)."""
    import traceback

    from game.saves import write_atomic

    path = folder / "crash.log"
    try:
        write_atomic(path, "".join(traceback.format_exception(error)), make_parent=True)
    except OSError:
        return None
    return path


def run(
    session: GameSession | None = None, save_folder: Path | None = None, lang: str | None = None
) -> int:
    """Run the game; the exit status is 1 after a crash (its one line already printed).
    `lang`: by default the current language, which the CLI has chosen (`--lang`, else
    BRINK_LANG, else the locale)."""
    from game.i18n import current

    app = BrinkApp(session, save_folder, lang=lang or current())
    app.run()
    return app.return_code or 0
