"""The meter charts read their two colours from the panel (game.tui.widgets.meters): no
hidden style nodes of their own, and the same colours as Textual's Sparkline."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Sparkline as TextualSparkline

from game.tui.widgets.meters import MeterPanel, Sparkline

COLOURS = ("sparkline--min-color", "sparkline--max-color")


class Charts(App[None]):
    def compose(self) -> ComposeResult:
        yield MeterPanel(id="panel")
        yield TextualSparkline([1.0, 3.0, 2.0], id="textual")


async def test_charts_keep_no_style_nodes_and_draw_in_textuals_colours() -> None:
    app = Charts()
    async with app.run_test(size=(60, 20)) as pilot:
        panel = app.query_one(MeterPanel)
        chart = Sparkline([1.0, 3.0, 2.0])
        await panel.mount(chart)
        await pilot.pause()
        theirs = app.query_one("#textual", TextualSparkline)
        assert chart._component_styles == {}
        assert set(theirs._component_styles) == set(COLOURS)  # what each chart saved
        for name in COLOURS:
            assert chart.get_component_styles(name).color == theirs.get_component_styles(name).color
        # Drawn alike: the same bars in the same colours.
        assert [s.style for s in chart.render_line(0)] == [s.style for s in theirs.render_line(0)]
