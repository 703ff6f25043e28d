"""Views sent as deltas: every delta, merged on the receiving side, gives exactly the
whole view the server would send at that moment; a reconnecting client that says how
many moves it has seen gets a delta, not the whole view, when the server knows it."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import aiohttp

from game.engine.moves import Move
from game.net.bots import choose
from game.net.feed import Sent, merge_push
from game.net.protocol import Hello, ViewPush, encode, parse_server
from game.net.room import Room
from game.net.server import ClassServer
from game.net.views import ViewReader, view_from_payload
from game.rules.ruleset import Ruleset
from tests.net.rooms import open_room


def _move(room: Room, table: int, rng: random.Random, ident: str) -> None:
    session = room.tables[table].session
    role = session.state.actor
    move: Move = choose(session.view(role), rng)
    room.play(table, role, ident, room.tables[table].moves, move)
    assert room.flush()


def _whole(push: ViewPush) -> dict[str, Any]:
    return {"view": push.view, "timeline": push.timeline, "move_list": push.move_list}


def test_merged_deltas_are_the_whole_view_at_every_move(tmp_path: Path, flagship: Ruleset) -> None:
    room = open_room(tmp_path / "room.db", flagship)
    rng = random.Random(3)
    held: dict[str, ViewPush] = {}
    bases: dict[str, Sent | None] = {"us": None, "mexico": None}
    readers = {role: ViewReader() for role in bases}
    for number in range(12):
        for role in bases:
            push, bases[role] = room.feed(1, role, bases[role])
            whole, _ = room.feed(1, role, None)
            assert push.full == (number == 0)
            held[role] = merge_push(held[role], push) if not push.full else push
            assert _whole(held[role]) == _whole(whole)
            # Read incrementally, the view is the one read from scratch.
            assert readers[role].read(held[role].view) == view_from_payload(whole.view)
            if number:
                # Nothing fixed is sent again, and the frame is a fraction of the whole.
                assert not {"delegation", "history"} & set(push.view)
                assert push.move_list_from == number - 1 and len(push.move_list) == 1
                assert len(encode(push)) < len(encode(whole)) / 2
        if room.tables[1].session.over:
            break
        _move(room, 1, rng, f"m{number}")


def test_a_base_the_table_no_longer_has_gets_the_whole_view(
    tmp_path: Path, flagship: Ruleset
) -> None:
    """After moves were given up (a failed commit), what a client held may be ahead of
    the table: it is sent the whole view again."""
    room = open_room(tmp_path / "room.db", flagship)
    _move(room, 1, random.Random(1), "a")
    _, base = room.feed(1, "us", None)
    ahead = Sent(base.moves + 3, base.fields, base.events, base.log + 9, base.timeline, 9)
    push, _ = room.feed(1, "us", ahead)
    assert push.full and "delegation" in push.view


async def _join(
    url: str, code: str, known_moves: int
) -> tuple[aiohttp.ClientSession, Any, ViewPush]:
    http = aiohttp.ClientSession()
    ws = await http.ws_connect(url)
    await ws.send_str(encode(Hello(code=code, known_moves=known_moves)))
    while True:
        message = parse_server((await ws.receive(timeout=10)).data)
        if isinstance(message, ViewPush):
            return http, ws, message


async def test_a_reconnect_with_known_moves_gets_a_delta(tmp_path: Path, flagship: Ruleset) -> None:
    room = open_room(tmp_path / "room.db", flagship)
    server = ClassServer(room)
    host, port = await server.start("127.0.0.1", 0)
    url = f"http://{host}:{port}/ws"
    code = next(s.code for s in room.codes.values() if s.table == 1 and s.role == "mexico")
    try:
        http, ws, first = await _join(url, code, 0)
        assert first.full
        _move(room, 1, random.Random(2), "a")
        server._broadcast(1)
        delta = parse_server((await ws.receive(timeout=10)).data)
        assert isinstance(delta, ViewPush) and not delta.full
        held = merge_push(first, delta)
        await ws.close()
        await http.close()
        _move(room, 1, random.Random(3), "b")  # played while the client was away

        http, ws, again = await _join(url, code, held.moves)
        assert not again.full and again.events_from == len(held.view["events"])
        await ws.close()
        await http.close()
        http, ws, whole = await _join(url, code, 0)
        assert whole.full
        assert _whole(merge_push(held, again)) == _whole(whole)
        await ws.close()
        await http.close()
        # A count the server cannot vouch for gets the whole view.
        http, ws, other = await _join(url, code, held.moves + 7)
        assert other.full
        await ws.close()
        await http.close()
    finally:
        await server.stop()
