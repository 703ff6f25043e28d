"""The screens use a game only through `GameSession`, so the same screens can play a
local game or one seat of a class table; mypy checks that no screen reaches past it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from game.play.interface import GameSession
from game.play.session import Session

ROOT = Path(__file__).resolve().parents[2]
TYPED = ["game/play", "game/tui", "game/net/remote_session.py", "game/cli/browser_seats.py"]


def _mypy(*paths: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", *paths],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_screens_type_check_against_the_interface(tmp_path):
    result = _mypy(*TYPED)
    assert result.returncode == 0, result.stdout


def test_a_reach_into_the_engine_state_is_caught(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text(
        "from game.play.interface import GameSession\n\n"
        "def moves(session: GameSession) -> int:\n"
        "    return len(session.state.moves)\n"
    )
    result = _mypy(str(probe))
    assert '"GameSession" has no attribute "state"' in result.stdout


def test_the_local_session_is_a_game_session():
    session: GameSession = Session.start("roosevelt-room-2019", "us", "ai-normal", 1)
    assert session.scenario.id == "roosevelt-room-2019"
    assert not session.is_class_game and session.saves_locally
    history = session.meter_history("us")
    assert set(history) == {m.name for m in session.view("us").meters}
    assert len({len(series) for series in history.values()}) == 1
