"""Each game keeps its own save; Continue opens the latest; the ending names its own save."""

from __future__ import annotations

import os

from game.engine.moves import Move
from game.play.session import Session
from game.tui.app import BrinkApp
from game.userdirs import latest_save


def _finished(scenario: str, seed: int) -> Session:
    session = Session.start(scenario, "us", "ai-normal", seed)
    session.play(Move("us", "walk_out") if session.state.actor == "us" else Move("us", "reject"))
    while not session.over:
        session.play(Move("us", "walk_out"))
    return session


def test_two_games_in_a_row_leave_two_saves(save_folder):
    first = _finished("roosevelt-room-2019", 3)
    second = _finished("roosevelt-room-2019", 3)  # same scenario, same second even
    saves = sorted(p.name for p in save_folder.glob("*.brink.json"))
    assert len(saves) == 2 and first.save_path != second.save_path
    assert all(name.startswith("auto-roosevelt-room-2019-us-") for name in saves)


async def test_continue_opens_the_latest_game_and_the_ending_names_it(save_folder):
    older = _finished("caravan-2018", 1)
    newer = _finished("roosevelt-room-2019", 2)
    assert older.save_path is not None and newer.save_path is not None
    os.utime(older.save_path, (1, 1))  # make the order certain, whatever the clock
    assert latest_save() == newer.save_path
    app = BrinkApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert type(app.screen).__name__ == "EndingScreen"
        assert app.session.ruleset.id == "roosevelt-room-2019"
        source = app.screen.query_one("#ending").source  # type: ignore[attr-defined]
        slot = newer.save_path.name.removesuffix(".brink.json")
        assert f"brink report {slot} -o debrief.html" in source


async def test_a_resumed_game_goes_on_in_its_own_save(save_folder):
    session = Session.start("roosevelt-room-2019", "us", "ai-normal", 3)
    session.play(Move("us", "reject"))
    path = session.save_path
    resumed = Session.load(path)
    resumed.play(Move("us", "reject"))
    assert resumed.save_path == path
    assert len(list(save_folder.glob("*.brink.json"))) == 1


async def test_a_fifo_in_the_save_folder_does_not_freeze_the_load_screen(save_folder):
    save_folder.mkdir(parents=True)
    os.mkfifo(save_folder / "x.brink.json")
    _finished("caravan-2018", 1)
    app = BrinkApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        assert type(app.screen).__name__ == "LoadScreen"
