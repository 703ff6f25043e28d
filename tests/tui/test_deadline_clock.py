"""Pilot: a scenario whose threat is a border closure, not a tariff, plays in the TUI
with its own clock on the header and the AI's reasons naming it."""

from __future__ import annotations

from game.play.session import Session
from game.tui.app import BrinkApp
from tests.conftest import FIXTURES
from tests.tui.test_play import SIZE, screen_name, screen_text, widget_text


async def test_the_table_shows_the_closure_clock_and_reasons(tmp_path):
    session = Session.start(FIXTURES / "border-closure.yaml", "us", "ai-normal", 3, tmp_path)
    app = BrinkApp(session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # past the briefing
        await pilot.pause()
        assert screen_name(app) == "TableScreen"
        text = screen_text(app)
        # Mexico has moved (a day): six days are left to the first step.
        assert "Border closure in 6 days: ports close to trucks" in text
        assert "Tariff" not in text
        reasons = widget_text(app, "#reasons")
        assert "Border closure (ports close to trucks) is due on 2019-04-05" in reasons
        await pilot.press("w")  # walk out: the clock runs on to the closure
        await pilot.pause()
        for _ in range(10):
            if screen_name(app) == "EndingScreen":
                break
            await pilot.pause()
        assert screen_name(app) == "EndingScreen"
        assert app.session.outcome().ending.id == "closed"
