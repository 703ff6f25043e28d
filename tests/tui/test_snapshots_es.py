"""Every screen in Spanish at 80x24, compared with the SVGs in __snapshots__/: Spanish
runs about a quarter longer than English, and nothing important may be cut off.

Update after a deliberate change of look with `pytest tests/tui --snapshot-update`,
and read the new pictures' text before committing them.
"""

from __future__ import annotations

from game.engine.moves import Move
from game.play.session import Session
from game.tui.app import BrinkApp

SIZE = (80, 24)


def _session(role: str = "mexico", opponent: str = "ai-normal") -> Session:
    return Session.start("roosevelt-room-2019", role, opponent, 3)


def _app(session: Session | None = None) -> BrinkApp:
    return BrinkApp(session, default_seed=1, lang="es")


def test_title_screen(snap_compare):
    assert snap_compare(_app(), terminal_size=SIZE)


def test_setup_screen(snap_compare):
    async def open_setup(pilot):
        await pilot.press("n")

    assert snap_compare(_app(), terminal_size=SIZE, run_before=open_setup)


def test_setup_screen_for_two_players(snap_compare):
    async def hot_seat(pilot):
        await pilot.press("n")
        pilot.app.screen.query_one("#opponent").query("RadioButton").last().value = True
        await pilot.pause()

    assert snap_compare(_app(), terminal_size=SIZE, run_before=hot_seat)


def test_briefing_screen(snap_compare):
    assert snap_compare(_app(_session()), terminal_size=SIZE)


def test_codex_tab(snap_compare):
    async def codex(pilot):
        await pilot.press("x")

    assert snap_compare(_app(_session()), terminal_size=SIZE, run_before=codex)


def test_negotiating_table(snap_compare):
    async def to_table(pilot):
        await pilot.press("enter")
        await pilot.press("right", "p")

    assert snap_compare(_app(_session()), terminal_size=SIZE, run_before=to_table)


def test_meters_tab(snap_compare):
    async def meters(pilot):
        await pilot.press("enter", "right", "p", "e")

    assert snap_compare(_app(_session()), terminal_size=SIZE, run_before=meters)


def test_news_tab_with_a_cause(snap_compare):
    async def news(pilot):
        await pilot.press("enter", "right", "p", "n")

    assert snap_compare(_app(_session()), terminal_size=SIZE, run_before=news)


def test_handover_screen(snap_compare):
    assert snap_compare(_app(_session("us", "human")), terminal_size=SIZE)


def test_help_screen(snap_compare):
    async def help_(pilot):
        await pilot.press("enter", "f1")

    assert snap_compare(_app(_session()), terminal_size=SIZE, run_before=help_)


def _ended() -> Session:
    session = _session("us", "ai-normal")
    session.play(Move(session.state.actor, "walk_out"))
    assert session.over
    return session


def test_ending_screen(snap_compare):
    assert snap_compare(_app(_ended()), terminal_size=SIZE)


def test_debrief_screen(snap_compare):
    async def debrief(pilot):
        await pilot.press("d")

    assert snap_compare(_app(_ended()), terminal_size=SIZE, run_before=debrief)


def test_instructor_controls(snap_compare):
    async def controls(pilot):
        await pilot.press("enter", "f2")

    assert snap_compare(_app(_session()), terminal_size=SIZE, run_before=controls)


def test_quit_dialog(snap_compare):
    async def quit_(pilot):
        await pilot.press("enter", "right", "p", "ctrl+q")

    assert snap_compare(_app(_session()), terminal_size=SIZE, run_before=quit_)


def test_join_screen(snap_compare):
    app = BrinkApp(classroom="http://127.0.0.1:8765", lang="es")
    assert snap_compare(app, terminal_size=SIZE)
