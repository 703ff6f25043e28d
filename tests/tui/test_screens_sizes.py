"""Screens at 80x24, 100x30 and 200x60 (issue 16, item 7): nothing cut that matters."""

from __future__ import annotations

import html
import re

from game.play.session import Session
from game.tui.app import BrinkApp

GUARD = "National Guard to the southern border"


def screen_lines(app: BrinkApp) -> list[str]:
    """The painted screen, line by line, as plain text."""
    svg = app.export_screenshot()
    rows: dict[float, list[str]] = {}
    for y, text in re.findall(r'<text[^>]*y="([0-9.]+)"[^>]*>(.*?)</text>', svg):
        rows.setdefault(float(y), []).append(html.unescape(re.sub("<[^>]+>", "", text)))
    return ["".join(rows[y]).replace("\xa0", " ") for y in sorted(rows)]


def _table_app() -> BrinkApp:
    return BrinkApp(Session.start("roosevelt-room-2019", "mexico", "ai-normal", 3))


def _issue_column(app: BrinkApp) -> int:
    return app.screen.query_one("#offer").columns["issue"].width  # type: ignore[attr-defined]


async def test_the_pause_marker_shows_in_the_80_column_header():
    app = _table_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "f2")
        await pilot.pause()
        await pilot.press("enter")  # the first control: pause the clock
        await pilot.pause()
        assert app.session.state.clock_paused
        assert any(line.startswith("CLOCK PAUSED · Tariff:") for line in screen_lines(app))


async def test_a_resize_to_200x60_lays_the_table_out_again_even_under_a_dialog():
    app = _table_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        narrow = _issue_column(app)
        assert narrow < len(GUARD)
        await pilot.press("f1")  # the help dialog is on top while the window grows
        await pilot.pause()
        await pilot.resize_terminal(200, 60)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert _issue_column(app) >= len(GUARD)
        assert any(GUARD in line for line in screen_lines(app))


async def test_at_100x30_issue_names_are_whole_on_two_lines():
    app = _table_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        lines = screen_lines(app)
        first = next(i for i, line in enumerate(lines) if "National Guard to" in line)
        assert "the southern border" in lines[first + 1]
        assert not any("National Guard t…" in line for line in lines)


async def test_the_codex_scrolls_with_page_down():
    app = _table_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("x")
        await pilot.pause()
        codex = app.screen.query_one("#codex-text")
        assert codex.scroll_y == 0
        await pilot.press("pagedown")
        await pilot.pause()
        assert codex.scroll_y > 0
        await pilot.press("pageup")
        await pilot.pause()
        assert codex.scroll_y == 0


async def test_the_chosen_title_option_is_marked_without_colour(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = BrinkApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert any("▶ New game" in line for line in screen_lines(app))
        await pilot.press("down")  # to Load: Continue is disabled (no save yet)
        await pilot.pause()
        lines = screen_lines(app)
        assert any("▶ Load" in line for line in lines)
        assert not any("▶ New game" in line for line in lines)
        # The scenario list marks its own current choice too.
        assert sum("▶ " in line for line in lines) == 2


async def test_the_debrief_course_table_keeps_whole_dates_at_100_columns():
    from game.engine.moves import Move

    session = Session.start("caravan-2018", "us", "ai-normal", 3)  # its table is widest
    session.play(Move("us", "walk_out"))
    app = BrinkApp(session)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("d")
        await pilot.pause()
        for _ in range(40):  # page down to the course of the crisis
            lines = screen_lines(app)
            if any(line.startswith("│Date") or "│2018-1" in line for line in lines):
                break
            await pilot.press("pagedown")
            await pilot.pause()
        dated = [line for line in lines if re.match(r"│20\d\d-", line)]
        assert dated and all(re.match(r"│20\d\d-\d\d-\d\d│", line) for line in dated)
        # The text around it still wraps at the screen's width.
        assert all(len(line) <= 100 for line in lines)
