"""The Reply tab's text (`ReplyText`) looks and scrolls as the padded Static in a
VerticalScroll it replaced: the same screen, cell for cell, for short and long texts,
as the scroll bar comes and goes, and scrolled by keys."""

from __future__ import annotations

import re

import pytest
from rich.text import Text
from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from game.tui.widgets.reply import ReplyText

SHORT = Text("US has not answered yet. Make your move.", style="dim")
LONG = Text.assemble(
    ("US proposes", "bold"),
    (" (see “On the table”)\n", "dim"),
    ("\nWhy:\n", "bold"),
    *(f"• Reason {n}: a sentence long enough to wrap over two or three lines.\n" for n in range(8)),
)
# Ten lines (the widget's height) at 30 columns, eleven at 28: it fits without a scroll
# bar; with one already shown (after LONG), the bar stays, as in a VerticalScroll.
FITS = Text("\n".join([*(f"line {n}" for n in range(9)), "x" * 29]))
# Ten lines at 30 columns only because the spaces where it wraps are dropped (counted,
# it is longer than ten lines' room).
SPACED = Text("\n".join(" ".join(["x" * 30] * 2) for _ in range(5)))


class Before(App[None]):
    CSS = "#reasons { padding: 0 1; }"

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(id="reasons")


class After(App[None]):
    def compose(self) -> ComposeResult:
        yield ReplyText(id="reasons")


async def _screens(
    app: App[None], texts: list[Text], keys: list[str], theme: str | None = None
) -> list[str]:
    shots = []
    async with app.run_test(size=(32, 10)) as pilot:
        for text in texts:
            app.query_one("#reasons").update(text)  # type: ignore[attr-defined]
            await pilot.pause()
            shots.append(_svg(app))
        app.query_one(VerticalScroll if isinstance(app, Before) else ReplyText).focus()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
            shots.append(_svg(app))
        if theme is not None:
            app.theme = theme
            await pilot.pause()
            shots.append(_svg(app))
    return shots


def _svg(app: App[None]) -> str:
    # The SVG's class names carry a hash of the app: they differ between any two apps.
    return re.sub(r"terminal-\d+", "terminal", app.export_screenshot(title="reply"))


@pytest.mark.parametrize(
    ("texts", "keys"),
    [
        ([SHORT], []),
        ([LONG], ["down", "down", "pagedown", "end", "home"]),
        ([SHORT, LONG, SHORT, FITS, LONG], []),
        ([LONG, FITS, SHORT, FITS], ["down"]),
        ([SHORT, SPACED], []),
    ],
)
async def test_the_reply_looks_and_scrolls_as_a_static_in_a_vertical_scroll(texts, keys):
    before = await _screens(Before(), texts, keys)
    after = await _screens(After(), texts, keys)
    assert len(after) == len(texts) + len(keys)
    for step, (old, new) in enumerate(zip(before, after, strict=True)):
        assert new == old, f"step {step} differs"


async def test_a_new_theme_recolours_the_reply_as_it_recolours_a_static():
    before = await _screens(Before(), [LONG], ["down"], theme="textual-light")
    after = await _screens(After(), [LONG], ["down"], theme="textual-light")
    assert before[-1] != before[0]  # the theme changed the colours
    assert after == before


async def test_a_long_reply_scrolls_and_its_whole_text_is_rendered():
    app = After()
    async with app.run_test(size=(32, 10)) as pilot:
        reply = app.query_one(ReplyText)
        reply.update(LONG)
        await pilot.pause()
        assert reply.show_vertical_scrollbar
        assert reply.max_scroll_y > 0
        reply.focus()
        await pilot.press("end")
        await pilot.pause()
        assert reply.scroll_y == reply.max_scroll_y
        assert "Reason 7" in str(reply.render())


async def _select(app: App[None]) -> tuple[str | None, str]:
    async with app.run_test(size=(32, 10)) as pilot:
        app.query_one("#reasons").update(LONG)  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.mouse_down("#reasons", offset=(2, 3))
        await pilot.hover("#reasons", offset=(10, 6))
        await pilot.mouse_up("#reasons", offset=(10, 6))
        await pilot.pause()
        return app.screen.get_selected_text(), _svg(app)


async def test_text_selected_with_the_mouse_is_the_same_and_drawn_the_same():
    before, after = await _select(Before()), await _select(After())
    assert before[0] and "Reason 0" in before[0]
    assert after == before
