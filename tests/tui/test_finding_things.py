"""Pilot: a player finds every screen and tab, reads the whole of the selected issue at
80x24, learns who they are from the briefing, and reads the help at 80x24 and 100x30."""

from __future__ import annotations

from textual.command import CommandPalette
from textual.widgets import TabbedContent

from game.play.session import Session
from game.tui.app import BrinkApp
from tests.tui.test_play import SIZE, screen_name, widget_text
from tests.tui.test_screens_sizes import screen_lines


def _app(role: str, tmp_path) -> BrinkApp:  # type: ignore[no-untyped-def]
    return BrinkApp(Session.start("roosevelt-room-2019", role, "ai-normal", 3, tmp_path))


async def _palette_titles(app: BrinkApp, pilot, query: str) -> list[str]:  # type: ignore[no-untyped-def]
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*query)
    palette = app.screen
    assert isinstance(palette, CommandPalette)
    for _ in range(50):  # the palette searches in the background: wait for its answer
        await pilot.pause()
        options = palette.query_one("CommandList").options  # type: ignore[attr-defined]
        if options:
            break
    return [str(option.prompt).splitlines()[0] for option in options]


async def test_the_palette_finds_every_tab_and_screen_by_name(tmp_path):
    app = _app("mexico", tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        for query, title in (
            ("news", "News tab"),
            ("meters", "Meters tab"),
            ("reply", "Reply tab"),
            ("codex", "Codex"),
            ("briefing", "Briefing"),
        ):
            titles = await _palette_titles(app, pilot, query)
            assert any(title in t for t in titles), (query, titles)
            await pilot.press("escape")
            await pilot.pause()
        await _palette_titles(app, pilot, "codex")
        await pilot.press("enter")
        await pilot.pause()
        assert screen_name(app) == "BriefingScreen"
        assert app.screen.query_one(TabbedContent).active == "codex"


async def test_the_right_hand_tabs_have_keys_shown_in_the_footer(tmp_path):
    app = _app("mexico", tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        footer = screen_lines(app)[-1]
        for shown in ("y Reply", "e Meters", "n News"):
            assert shown in footer, footer
        tabs = app.screen.query_one("#right", TabbedContent)
        for key, tab in (("n", "news"), ("e", "meters"), ("y", "reply")):
            await pilot.press(key)
            await pilot.pause()
            assert tabs.active == tab


async def test_at_80x24_the_selected_issue_is_written_out_in_full(tmp_path):
    app = _app("us", tmp_path)  # Mexico opens: its offer is on the table
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        # The table cuts names at this size...
        assert any("National Gua…" in line for line in screen_lines(app))
        await pilot.press("down")  # smuggling networks: their option is a long one
        await pilot.pause()
        detail = widget_text(app, "#detail")
        scenario = app.session.ruleset.scenario
        issue = scenario.issue("smuggling")
        theirs = app.session.view("us").offer["smuggling"]
        mine = app.screen.query_one("#offer").mine["smuggling"]  # type: ignore[attr-defined]
        label = {o.id: o.label for o in issue.options}
        # ...the detail line under it does not: the name, your option and theirs, whole.
        assert issue.label in detail
        assert f"You offer: ◀ {label[mine]} ▶" in detail
        assert f"On the table: {label[theirs]}" in detail


async def test_the_briefing_says_who_the_player_is(tmp_path):
    app = _app("mexico", tmp_path)
    async with app.run_test(size=SIZE):
        text = " ".join(" ".join(screen_lines(app)).split())
        assert "You are Marcelo Ebrard (Foreign Minister)" in text
        assert "Mike Pence (Vice President) and Mike Pompeo (Secretary of State)" in text
    app = _app("us", tmp_path)
    async with app.run_test(size=SIZE):
        text = " ".join(" ".join(screen_lines(app)).split())
        assert "You are Mike Pence (Vice President) and Mike Pompeo" in text


async def test_the_help_lists_this_screens_keys_one_to_a_line(tmp_path):
    for size in ((80, 24), (100, 30)):
        app = _app("mexico", tmp_path)
        async with app.run_test(size=size) as pilot:
            await pilot.press("enter", "f1")
            await pilot.pause()
            assert screen_name(app) == "HelpScreen"
            text = app.screen._text()  # type: ignore[attr-defined]
            for line in ("- **Y** — Reply", "- **N** — News", "- **P** — Propose"):
                assert line in text
            # The help's own lines fit the box: nothing painted past the dialog's edge.
            assert all(len(line.rstrip()) <= size[0] for line in screen_lines(app))
