"""The meters and the news are not redrawn behind another tab; they are up to date as
soon as their tab opens, by its key or by a click on it."""

from __future__ import annotations

import pytest
from textual.widgets import Label, Static

from game.play.session import Session
from game.tui.app import BrinkApp
from game.tui.widgets.meters import MeterPanel, _chart_look, _format
from game.tui.widgets.news import NewsFeed

SIZE = (80, 24)


def _app() -> BrinkApp:
    return BrinkApp(Session.start("roosevelt-room-2019", "mexico", "ai-normal", 3))


async def _propose(pilot, times: int) -> None:
    await pilot.press("enter")
    for _ in range(times):
        await pilot.press("right", "p")
    await pilot.pause()


@pytest.mark.parametrize("opened_by", ["key", "click"])
async def test_the_news_tab_explains_the_latest_item_when_opened(opened_by):
    app = _app()
    async with app.run_test(size=SIZE) as pilot:
        await _propose(pilot, 3)
        feed = app.screen.query_one(NewsFeed)
        latest = feed.events[-1]
        if opened_by == "key":
            await pilot.press("n")
        else:
            await pilot.click("#--content-tab-news")
        await pilot.pause()
        why = app.screen.query_one("#why", Static)
        assert str(why.render()) == str(feed.why(latest))
        assert latest.seq > 0  # an item the moves added, not the opening one


@pytest.mark.parametrize("opened_by", ["key", "click"])
async def test_the_meters_tab_shows_the_latest_readings_when_opened(opened_by):
    app = _app()
    async with app.run_test(size=SIZE) as pilot:
        await _propose(pilot, 6)
        meters = app.session.view("mexico").meters
        panel = app.screen.query_one("#meter-panel", MeterPanel)
        if opened_by == "key":
            await pilot.press("e")
        else:
            await pilot.click("#--content-tab-meters")
        await pilot.pause()
        labels = [str(label.render()) for label in panel.query(Label)]
        assert [type(w).__name__ for w in panel.children] == ["Label", "Sparkline"] * len(meters)
        assert len(labels) == len(meters)
        for meter, label in zip(meters, labels, strict=True):
            assert _format(meter.value, meter.unit) in label, (meter.name, label)
        history = app.session.meter_history("mexico")
        # A level course is drawn as the same flat line however long it is.
        charts = [_chart_look(list(chart.data or [])) for chart in panel.charts.values()]
        assert charts == [_chart_look(history.get(m.name) or [m.value]) for m in meters]
        assert any(chart != "flat" for chart in charts)  # some meter moved
