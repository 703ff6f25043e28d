"""Snapshot tests: every screen at 80x24, compared with the SVGs in __snapshots__/.

Update after a deliberate change of look with `pytest tests/tui --snapshot-update`,
and look at the new pictures before committing them.
"""

from __future__ import annotations

from game.engine.moves import Move
from game.play.session import Session
from game.tui.app import BrinkApp

SIZE = (80, 24)


def _session(role: str = "mexico", opponent: str = "ai-normal") -> Session:
    return Session.start("roosevelt-room-2019", role, opponent, 3)


def test_title_screen(snap_compare):
    assert snap_compare(BrinkApp(default_seed=1), terminal_size=SIZE)


def test_setup_screen(snap_compare):
    async def open_setup(pilot):
        await pilot.press("n")

    assert snap_compare(BrinkApp(default_seed=1), terminal_size=SIZE, run_before=open_setup)


def test_briefing_screen(snap_compare):
    assert snap_compare(BrinkApp(_session()), terminal_size=SIZE)


def test_codex_tab(snap_compare):
    async def codex(pilot):
        await pilot.press("x")

    assert snap_compare(BrinkApp(_session()), terminal_size=SIZE, run_before=codex)


def test_negotiating_table(snap_compare):
    async def to_table(pilot):
        await pilot.press("enter")
        await pilot.press("right", "p")

    assert snap_compare(BrinkApp(_session()), terminal_size=SIZE, run_before=to_table)


def test_news_tab_with_a_cause(snap_compare):
    async def news(pilot):
        await pilot.press("enter", "right", "p", "tab", "tab")

    assert snap_compare(BrinkApp(_session()), terminal_size=SIZE, run_before=news)


def test_handover_screen(snap_compare):
    assert snap_compare(BrinkApp(_session("us", "human")), terminal_size=SIZE)


def test_help_screen(snap_compare):
    async def help_(pilot):
        await pilot.press("enter", "f1")

    assert snap_compare(BrinkApp(_session()), terminal_size=SIZE, run_before=help_)


def test_help_screen_at_100x30(snap_compare):
    async def help_(pilot):
        await pilot.press("enter", "f1")

    assert snap_compare(BrinkApp(_session()), terminal_size=(100, 30), run_before=help_)


def test_ending_screen(snap_compare):
    session = _session("us", "ai-normal")
    session.play(Move(session.state.actor, "walk_out"))
    assert session.over
    assert snap_compare(BrinkApp(session), terminal_size=SIZE)


def test_table_at_200x60(snap_compare):
    async def to_table(pilot):
        await pilot.press("enter", "right", "p")

    assert snap_compare(BrinkApp(_session()), terminal_size=(200, 60), run_before=to_table)


def test_table_at_100x30(snap_compare):
    async def to_table(pilot):
        await pilot.press("enter", "right", "p")

    assert snap_compare(BrinkApp(_session()), terminal_size=(100, 30), run_before=to_table)


def test_paused_clock_in_the_80_column_header(snap_compare):
    async def pause(pilot):
        await pilot.press("enter", "f2", "enter")
        pilot.app.clear_notifications()  # the toast would leave on a timer

    assert snap_compare(BrinkApp(_session()), terminal_size=SIZE, run_before=pause)
