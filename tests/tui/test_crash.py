"""A bug in the app: the player gets one line and a non-zero exit, and keeps the game."""

from __future__ import annotations

from typing import ClassVar

import pytest
from textual.binding import Binding

from game.engine.moves import Move
from game.play.session import Session
from game.saves import read_save
from game.tui.app import BrinkApp


class Bug(RuntimeError):
    pass


class BuggyApp(BrinkApp):
    """The real app with one key wired to a bug, standing in for any unforeseen one."""

    CSS_PATH = BrinkApp.css_file()
    BINDINGS: ClassVar = [*BrinkApp.BINDINGS, Binding("f9", "bug", "Bug")]

    def action_bug(self) -> None:
        raise Bug("the review screen fell over\nsecond line of the message")


def _session_with_a_move() -> Session:
    session = Session.start("roosevelt-room-2019", "us", "ai-normal", 3)
    session.play(Move(session.state.actor, "reject"))
    return session


async def test_a_crash_keeps_the_game_and_ends_with_one_line(save_folder):
    session = _session_with_a_move()
    app = BuggyApp(session)
    with pytest.raises(Bug):  # Pilot re-raises it for the test; a player sees one line
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("enter", "f9")
            await pilot.pause()
    assert app.return_code == 1
    line = app.crash_message
    assert "\n" not in line and "Traceback" not in line
    assert "internal error (Bug: the review screen fell over)" in line
    saved = session.save_path
    assert saved is not None and saved.parent == save_folder
    assert f"saved as `{saved.name.removesuffix('.brink.json')}`" in line
    assert read_save(saved).moves == session.state.moves  # the whole game, intact
    log = (save_folder / "crash.log").read_text(encoding="utf-8")
    assert "Traceback" in log and "action_bug" in log


def test_the_terminal_gets_the_line_not_a_traceback(capfd, save_folder):
    app = BuggyApp(_session_with_a_move())

    async def press_the_bug(pilot):  # type: ignore[no-untyped-def]
        await pilot.press("f9")

    app.run(headless=True, size=(80, 24), auto_pilot=press_the_bug)
    assert app.return_code == 1
    err = capfd.readouterr().err
    assert "brink: internal error (Bug: the review screen fell over)" in err
    assert "Traceback" not in err and "action_bug" not in err
