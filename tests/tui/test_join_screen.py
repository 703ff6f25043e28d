"""The join screen a classroom seat opens on (terminal and browser alike)."""

from __future__ import annotations

from game.tui.app import BrinkApp

SIZE = (80, 24)


def test_join_screen_asks_for_the_code(snap_compare):
    assert snap_compare(BrinkApp(classroom="http://127.0.0.1:8765"), terminal_size=SIZE)


async def test_an_empty_code_is_not_sent():
    app = BrinkApp(classroom="http://127.0.0.1:8765")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        status = str(app.screen.query_one("#join-status").render())
        assert status == "Type your code first."
        assert app.remote is None
