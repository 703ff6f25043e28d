"""Memory as the game goes from screen to screen: a screen the game has replaced is freed,
widgets and all (the briefing once the table is up, the table once the ending is: Textual's
idle widgets under the game, and a removed screen's cache of its children, kept them
alive; `game.tui.lingering`), and what is built beside a screen about to go is built late
or not at all."""

from __future__ import annotations

import gc
import weakref
from typing import Any

from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Markdown

from game.play.session import Session
from game.tui.app import BrinkApp
from game.tui.lingering import let_go
from game.tui.widgets.offer import OfferTable

SIZE = (80, 24)
# Seed 3 against the normal AI: the third proposal ends the game (as in benchmarks/tui.py).
PRESSES = ["right", "down", "p", "tab"] * 3


def screen_name(app: BrinkApp) -> str:
    return type(app.screen).__name__


def freed(*refs: weakref.ref[object]) -> bool:
    gc.collect()
    return all(ref() is None for ref in refs)


async def test_the_briefing_and_then_the_table_are_freed_once_replaced():
    app = BrinkApp(Session.start("roosevelt-room-2019", "us", "ai-normal", 3))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert screen_name(app) == "BriefingScreen"
        briefing = weakref.ref(app.screen)
        dossier = weakref.ref(app.screen.query_one(Markdown))
        await pilot.press("enter")
        await pilot.pause()
        assert screen_name(app) == "TableScreen"
        await app._setting_aside  # the table has been set aside with the heap
        assert freed(briefing, dossier)

        table = weakref.ref(app.screen)
        offers = weakref.ref(app.screen.query_one(OfferTable))
        for key in PRESSES:
            await pilot.press(key)
        await pilot.pause()
        assert screen_name(app) == "EndingScreen"
        await app._setting_aside
        assert freed(table, offers)


async def test_a_removed_screen_that_is_still_held_lets_its_widgets_go():
    """Whatever else may hold a replaced screen, it no longer holds its widgets."""
    app = BrinkApp(Session.start("roosevelt-room-2019", "us", "ai-normal", 3))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        held: Screen[Any] = app.screen
        widget: weakref.ref[Widget] = weakref.ref(held.query_one(Markdown))
        await pilot.press("enter")
        await pilot.pause()
        await app._setting_aside
        await let_go(app, weakref.ref(held), app.screen_stack[:-1])
        assert freed(widget)
        assert held is not None


async def test_the_ending_after_the_table_looks_as_one_opened_at_once():
    """Reached from the table, the ending's report is mounted once the table is freed
    (`EndingScreen.later`); what is painted is the same as for a finished game opened."""
    session = Session.start("roosevelt-room-2019", "us", "ai-normal", 3)
    app = BrinkApp(session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *PRESSES)
        await pilot.pause()
        assert screen_name(app) == "EndingScreen"
        await app._setting_aside
        await pilot.pause()
        assert not app.screen.later
        played = app.export_screenshot()
    opened = BrinkApp(session)
    async with opened.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert screen_name(opened) == "EndingScreen"
        assert opened.export_screenshot() == played


async def test_the_codex_is_composed_when_first_opened():
    """The briefing is alive while the table is built: its codex tab, which most players
    never open, waits until it is opened."""
    app = BrinkApp(Session.start("roosevelt-room-2019", "us", "ai-normal", 3))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.screen.query("#codex-text Markdown")
        await pilot.press("x")
        await pilot.pause()
        assert "Codex" in str(app.screen.query_one("#codex-text MarkdownH1").render())
        await pilot.press("d", "x")  # opened again: still one codex
        await pilot.pause()
        assert len(app.screen.query("#codex-text Markdown")) == 1


async def test_the_table_is_built_once_the_briefing_is_freed(monkeypatch):
    """Textual builds a screen before it removes the one it replaces: the table waits
    (`game.tui.lingering.FilledLater`), so the briefing and the table are never alive
    together, once the peak of a game's memory."""
    from game.tui.screens.table import TableScreen

    briefing_alive: list[bool] = []
    compose = TableScreen.compose

    def spying(screen: TableScreen) -> Any:
        if not screen.later:
            gc.collect()
            briefing_alive.append(briefing() is not None)
        return compose(screen)

    monkeypatch.setattr(TableScreen, "compose", spying)
    app = BrinkApp(Session.start("roosevelt-room-2019", "us", "ai-normal", 3))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        briefing = weakref.ref(app.screen)
        await pilot.press("enter")
        await pilot.pause()
        assert screen_name(app) == "TableScreen"
        assert briefing_alive == [False]
        assert app.screen.query_one(OfferTable).has_focus


async def test_keys_typed_before_the_table_is_filled_in_are_pressed_once_it_is():
    """Between the switch and the filling in, the table has no widgets: its keys are
    off (no action runs on widgets not there yet) and the app passes it by, but a key
    typed ahead (Enter, then P at once) is kept and pressed once the table is there."""
    from game.tui.screens.table import TableScreen

    session = Session.start("roosevelt-room-2019", "us", "ai-normal", 3)
    app = BrinkApp(session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = TableScreen(session, "us", later=True)
        await app.push_screen(table)
        assert not table.children
        assert table.check_action("propose", ()) is False
        before = len(session.state.moves)  # the AI's opening offer
        await pilot.press("p")  # nothing to act on yet, and no error
        assert len(session.state.moves) == before
        await table.fill_in()
        await pilot.pause()
        assert table.check_action("propose", ()) is True
        assert table.query_one(OfferTable).has_focus
        assert session.state.moves[before].kind == "propose"  # the P typed ahead
        assert session.state.moves[before].role == "us"


async def test_keys_of_an_earlier_footer_and_headers_of_screens_left_are_freed():
    """Textual drops a watcher whose widget has closed only when the watched value next
    changes: the footer's `compact` (watched by each of its keys) and the app's title
    (watched by every header) never do, so the keys of every earlier composition of a
    footer, and the header of every screen the game left, stayed alive."""
    from textual.widgets import Header
    from textual.widgets._footer import FooterKey

    app = BrinkApp(Session.start("roosevelt-room-2019", "us", "ai-normal", 3))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        keys = [weakref.ref(key) for key in app.screen.query(FooterKey)]
        header = weakref.ref(app.screen.query_one(Header))
        assert keys
        app.screen.query_one("Footer").refresh(recompose=True)  # as when the keys change
        await pilot.pause()
        assert all(key() is not None and not key().is_attached for key in keys)
        await pilot.press("enter")
        await pilot.pause()
        await app._setting_aside
        gc.unfreeze()  # what the table set aside is not what this looks at
        assert freed(*keys, header)


async def test_a_key_typed_right_after_enter_on_the_briefing_is_not_lost():
    """Enter, then P at once: P is read while the briefing is still up, and reaches the
    app once the table (not yet filled in) has replaced it. It is pressed on the table."""
    from textual import events

    session = Session.start("roosevelt-room-2019", "us", "ai-normal", 3)
    app = BrinkApp(session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        before = len(session.state.moves)
        app.post_message(events.Key("enter", "\r"))
        app.post_message(events.Key("p", "p"))
        await pilot.pause()
        await app._setting_aside
        await pilot.pause()
        assert screen_name(app) == "TableScreen"
        assert session.state.moves[before].kind == "propose"
        assert session.state.moves[before].role == "us"
