"""A real server process on loopback, two scripted clients playing a whole game, then
the games collected as ordinary saves that replay and report unchanged."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from game.cli.main import main as brink
from game.engine.api import view
from game.net.bots import SeatBot
from game.net.client import ClassClient
from game.net.views import view_from_payload
from game.saves import read_save, restore
from tests.net.server_process import RunningRoom, start_room


@pytest.fixture
def room(tmp_path: Path) -> Iterator[RunningRoom]:
    running = start_room(tmp_path, "--tables", "2", "--seed", "11")
    yield running
    running.kill()


def test_start_prints_address_and_writes_roster(room: RunningRoom) -> None:
    text = "".join(room.output)
    assert room.url.startswith("http://127.0.0.1:")
    codes = room.codes
    assert set(codes) == {(1, "us"), (1, "mexico"), (2, "us"), (2, "mexico"), (None, "instructor")}
    assert len(set(codes.values())) == 5
    for code in codes.values():
        assert code in text
        assert len(code) == 8 and not set(code) & set("01ILO")


async def test_two_clients_play_a_whole_game(room: RunningRoom, tmp_path: Path) -> None:
    us = SeatBot(ClassClient(room.url, room.code(1, "us")), seed=1)
    mexico = SeatBot(ClassClient(room.url, room.code(1, "mexico")), seed=2)
    for bot in (us, mexico):
        await bot.client.connect()
    endings = await asyncio.wait_for(asyncio.gather(us.play(), mexico.play()), 120)
    assert endings[0] == endings[1] and endings[0] is not None
    assert us.round_trips and mexico.round_trips
    final = {role: bot.client.view() for role, bot in (("us", us), ("mexico", mexico))}
    for bot in (us, mexico):
        await bot.client.close()

    out = tmp_path / "collected"
    command = ["class", "collect", room.url, room.instructor, "-o", str(out)]
    assert await asyncio.to_thread(brink, command) == 0
    saves = sorted(out.glob("*.brink.json"))
    assert [p.name for p in saves] == ["table-01.brink.json", "table-02.brink.json"]
    # The save rebuilds exactly the game each seat saw, event for event.
    state = restore(read_save(saves[0]))
    assert state.ending == endings[0]
    for role, push in final.items():
        assert push is not None
        seen = [e.line() for e in view_from_payload(push.view).events]
        assert seen == [e.line() for e in view(state, role).events]
    # Table 2 was never played: its save is a game of no moves.
    assert read_save(saves[1]).moves == []
    assert brink(["replay", str(saves[0])]) == 0
    assert brink(["report", "--class", *map(str, saves)]) == 0


def test_collect_refuses_a_seat_code(
    room: RunningRoom, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = brink(["class", "collect", room.url, room.code(1, "us"), "-o", str(tmp_path)])
    assert status == 1
    assert "instructor" in capsys.readouterr().err
