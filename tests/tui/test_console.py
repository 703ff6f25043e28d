"""The instructor's console against a real classroom server on loopback."""

from __future__ import annotations

import json

import pytest
from textual.widgets import DataTable

from game.i18n import localise
from game.tui.console import ConsoleApp, ago
from tests.net.server_process import start_room
from tests.net.test_join import until
from tests.tui.test_play import screen_name, widget_text
from tests.tui.test_screens_sizes import screen_lines

SIZE = (120, 30)


@pytest.fixture
def room(tmp_path):
    running = start_room(tmp_path, "--tables", "2", "--seed", "3", "--ai", "us")
    yield running
    running.kill()


def _status(app: ConsoleApp) -> str:
    return widget_text(app, "#console-status")


async def test_pause_a_table_fire_an_inject_watch_it_and_collect(room, tmp_path):
    out = tmp_path / "games"
    app = ConsoleApp(room.url, room.instructor, out)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: len(app.rows) == 2, "the table of tables")
        assert [r.table for r in app.rows] == [1, 2]

        await pilot.press("p")  # the cursor is on table 1
        await until(pilot, lambda: "paused" in _status(app), "the pause")
        assert _status(app) == "Clock paused at table 1."
        await until(pilot, lambda: app.rows[0].clock_paused, "the pushed row")
        assert not app.rows[1].clock_paused

        await pilot.press("i")
        assert screen_name(app) == "InjectPicker"
        await pilot.press("enter")
        await until(pilot, lambda: "fired" in _status(app), "the inject")
        assert "at table 1" in _status(app)
        await until(pilot, lambda: app.rows[0].moves == 2, "the inject in the row")

        await pilot.press("enter")
        assert screen_name(app) == "WatchScreen"
        for role in ("us", "mexico"):  # both delegations' views, each with the inject
            feed = app.screen.query_one(f"#news-{role}")
            await until(pilot, lambda f=feed: any(e.kind == "instructor" for e in f.events), role)
        assert "CLOCK PAUSED" in widget_text(app, "#dash-mexico")
        await pilot.press("escape")

        await pilot.press("R")  # resume every table: only table 1 was paused
        await until(pilot, lambda: "restarted" in _status(app), "resume all")
        assert "Clock restarted at table 1." in _status(app)
        assert "table 2: the clock is not paused" in _status(app)

        await pilot.press("c")
        await until(pilot, lambda: "ollected" in _status(app) or "saved" in _status(app), "C")
        assert "saved" in _status(app), _status(app)
    first = json.loads((out / "table-01.brink.json").read_text())
    second = json.loads((out / "table-02.brink.json").read_text())
    kinds = [m["kind"] for m in first["moves"]]
    assert kinds == ["pause", "inject", "resume"]
    assert all(m["role"] == "instructor" for m in first["moves"])
    assert second["moves"] == []


async def test_a_seat_code_is_not_the_instructors(room):
    app = ConsoleApp(room.url, room.code(1, "mexico"))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.return_code is not None, "the refusal")
    assert app.return_code == 1


def test_how_long_ago_reads_plainly():
    assert ago(None, 100.0) == "—"
    assert ago(95.0, 100.0) == "5s"
    assert ago(100.0 - 125, 100.0) == "2m"
    assert ago(100.0 - 3720, 100.0) == "1h02"


@pytest.mark.parametrize("lang", ["en", "es"])
async def test_the_console_footer_and_cells_are_whole_at_80_columns(room, tmp_path, lang):
    from tests.tui.test_fit_80x24 import assert_footer_whole

    app = ConsoleApp(room.url, room.instructor, tmp_path / "games", lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: len(app.rows) == 2, "the table of tables")
        await pilot.pause()
        assert_footer_whole(app)
        # Cells as wide as their text, not cut at the header's width («Whit» under «Fase»).
        phase = localise(app.rows[0].phase, lang)[:20]
        assert len(phase) == 20 and any(phase in line for line in screen_lines(app)), phase
        # Every word in the reader's language: the phase, the date, whose turn.
        table = app.query_one(DataTable)
        first = [str(cell) for cell in table.get_row_at(0)]
        assert first[1].startswith(phase[:10])
        if lang == "es":
            assert "jun 2019" in first[2] and first[4] in {"EE. UU.", "México"}, first
        else:
            assert first[2].startswith("2019-") and first[4] in {"US", "Mexico"}, first
