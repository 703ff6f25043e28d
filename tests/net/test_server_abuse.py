"""Bad input and abuse, tried from outside with raw WebSocket clients against a real
server process: each gets an error reply or a closed connection, never a crash, and
never an effect on another table."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from typing import Any

import aiohttp
import pytest

from game.cli.main import main as brink
from game.engine.moves import Move
from game.net.client import ClassClient
from game.net.protocol import MAX_CLIENT_FRAME, Hello, MoveRequest, encode
from tests.net.server_process import RunningRoom, start_room

TIMEOUT = 30


@pytest.fixture(scope="module")
def room(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningRoom]:
    running = start_room(tmp_path_factory.mktemp("abuse"), "--tables", "6", "--seed", "1")
    yield running
    assert running.alive(), "the server died"
    running.kill()


@asynccontextmanager
async def raw(room: RunningRoom) -> AsyncIterator[aiohttp.ClientWebSocketResponse]:
    async with aiohttp.ClientSession() as http, http.ws_connect(f"{room.url}/ws") as ws:
        yield ws


async def frame(ws: aiohttp.ClientWebSocketResponse) -> dict[str, Any]:
    message = await ws.receive(timeout=TIMEOUT)
    assert message.type == aiohttp.WSMsgType.TEXT, message
    data: dict[str, Any] = json.loads(message.data)
    return data


async def until(ws: aiohttp.ClientWebSocketResponse, kind: str) -> dict[str, Any]:
    while (data := await frame(ws))["type"] != kind:
        pass
    return data


async def closed(ws: aiohttp.ClientWebSocketResponse) -> aiohttp.WSMessage:
    """The next non-text frame, which must end the connection."""
    while True:
        message = await ws.receive(timeout=TIMEOUT)
        if message.type != aiohttp.WSMsgType.TEXT:
            assert message.type in (
                aiohttp.WSMsgType.CLOSE,
                aiohttp.WSMsgType.CLOSING,
                aiohttp.WSMsgType.CLOSED,
            ), message
            return message


async def join(ws: aiohttp.ClientWebSocketResponse, code: str) -> dict[str, Any]:
    """Say hello; return the first view (after the welcome)."""
    await ws.send_str(encode(Hello(code=code)))
    assert (await frame(ws))["type"] == "welcome"
    return await until(ws, "view")


def move_frame(ident: str, based_on: int, move: Move) -> str:
    return encode(MoveRequest.of(ident, based_on, move))


async def test_malformed_messages_get_errors_and_the_connection_lives(room: RunningRoom) -> None:
    async with raw(room) as ws:
        await join(ws, room.code(1, "us"))
        for bad, code in [
            ("not json {", "malformed"),
            ("[1, 2]", "malformed"),
            ('{"v": 1, "type": "launch_missiles"}', "unknown_type"),
            ('{"v": 1, "type": "move", "id": "x"}', "invalid"),
            ('{"v": 1, "type": "move", "id": "x", "based_on": 0, "move": {"kind": 3}}', "invalid"),
            ('{"v": 1, "type": "ping", "extra": true}', "invalid"),
        ]:
            await ws.send_str(bad)
            error = await until(ws, "error")
            assert error["code"] == code, (bad, error)
            assert error["message"]
        await ws.send_bytes(b"\x00\x01")
        assert (await until(ws, "error"))["code"] == "malformed"
        await ws.send_str('{"v": 1, "type": "ping"}')
        assert (await until(ws, "pong"))["type"] == "pong"


async def test_another_version_is_told_plainly_and_closed(room: RunningRoom) -> None:
    async with raw(room) as ws:
        await ws.send_str(json.dumps({"v": 2, "type": "hello", "code": room.code(1, "us")}))
        error = await frame(ws)
        assert error["code"] == "version"
        assert "version 1" in error["message"] and "version 2" in error["message"]
        await closed(ws)


async def test_an_oversized_frame_closes_the_connection(room: RunningRoom) -> None:
    async with raw(room) as ws:
        await join(ws, room.code(1, "mexico"))
        await ws.send_str(json.dumps({"v": 1, "type": "ping", "pad": "x" * MAX_CLIENT_FRAME}))
        message = await closed(ws)
        assert message.type != aiohttp.WSMsgType.CLOSE or message.data == 1009


async def test_a_message_before_hello_closes(room: RunningRoom) -> None:
    async with raw(room) as ws:
        await ws.send_str('{"v": 1, "type": "ping"}')
        assert (await frame(ws))["code"] == "hello_first"
        await closed(ws)


async def test_a_wrong_code_is_refused(room: RunningRoom) -> None:
    wrong = "".join(reversed(room.code(1, "us")))
    async with raw(room) as ws:
        await ws.send_str(encode(Hello(code=wrong)))
        error = await frame(ws)
        assert error["code"] == "code" and "roster" in error["message"]
        await closed(ws)


async def test_moves_for_the_other_seat_and_illegal_moves_are_refused(room: RunningRoom) -> None:
    async with raw(room) as us, raw(room) as mexico:
        view = await join(us, room.code(2, "us"))
        await join(mexico, room.code(2, "mexico"))
        actor = view["view"]["actor"]
        waiting = "mexico" if actor == "us" else "us"
        ws = {"us": us, "mexico": mexico}
        moves = view["moves"]

        await ws[actor].send_str(move_frame("a", moves, Move(waiting, "walk_out")))
        refused = await until(ws[actor], "refused")
        assert refused["id"] == "a" and "not yours" in refused["reason"]

        await ws[waiting].send_str(move_frame("b", moves, Move(waiting, "walk_out")))
        assert (await until(ws[waiting], "refused"))["reason"].startswith("it is not your turn")

        await ws[actor].send_str(move_frame("c", moves, Move(actor, "accept")))
        reason = (await until(ws[actor], "refused"))["reason"]
        assert reason == "there is no offer from the other side to accept"

        await ws[actor].send_str(move_frame("d", moves, Move(actor, "act", action="nuke")))
        assert "not an action of this scenario" in (await until(ws[actor], "refused"))["reason"]

        await ws[actor].send_str(move_frame("e", moves + 5, Move(actor, "walk_out")))
        assert "not " in (await until(ws[actor], "refused"))["reason"]
        # Nothing was played: the table still stands where it was.
        await ws[actor].send_str('{"v": 1, "type": "ping"}')
        assert (await frame(ws[actor]))["type"] == "pong"


async def test_a_replayed_message_is_applied_once(room: RunningRoom) -> None:
    async with raw(room) as us, raw(room) as mexico:
        view = await join(us, room.code(3, "us"))
        await join(mexico, room.code(3, "mexico"))
        actor = view["view"]["actor"]
        ws = {"us": us, "mexico": mexico}
        offer = {
            issue: options[0] for issue, options in view["view"]["menu"]["offer_space"].items()
        }
        sent = move_frame("same-id", view["moves"], Move.propose(actor, offer))
        await ws[actor].send_str(sent)
        first = await until(ws[actor], "ack")
        await ws[actor].send_str(sent)
        again = await until(ws[actor], "ack")
        assert again["duplicate"] and again["moves"] == first["moves"] == view["moves"] + 1
        # The other seat saw one new view, not two.
        other = ws["mexico" if actor == "us" else "us"]
        pushed = await until(other, "view")
        assert pushed["moves"] == first["moves"]
        await other.send_str('{"v": 1, "type": "ping"}')
        assert (await frame(other))["type"] == "pong"


async def test_several_clients_on_one_seat_see_the_same_view_and_the_first_move_counts(
    room: RunningRoom,
) -> None:
    async with raw(room) as probe:
        actor = (await join(probe, room.code(4, "us")))["view"]["actor"]
    other = "mexico" if actor == "us" else "us"
    async with raw(room) as a, raw(room) as b, raw(room) as watcher:
        view = await join(a, room.code(4, actor))
        await join(b, room.code(4, actor))
        await join(watcher, room.code(4, other))
        offer = {k: v[-1] for k, v in view["view"]["menu"]["offer_space"].items()}
        frames = [move_frame(f"m{i}", view["moves"], Move.propose(actor, offer)) for i in (1, 2)]
        await asyncio.gather(a.send_str(frames[0]), b.send_str(frames[1]))
        # Each mover gets its answer and the new view (in whichever order they happen).
        seen = [await _answer_and_view(ws) for ws in (a, b)]
        answers = [answer for answer, _ in seen]
        assert sorted(x["type"] for x in answers) == ["ack", "refused"], answers
        refusal = next(x for x in answers if x["type"] == "refused")
        assert refusal["reason"].startswith("the table moved on:")
        # Both clients of the seat see the same new view, live, and so does the other seat.
        views = [seen[0][1], seen[1][1], await until(watcher, "view")]
        assert {v["moves"] for v in views} == {view["moves"] + 1}
        assert views[0] == views[1]
        assert views[2]["role"] == other


async def _answer_and_view(
    ws: aiohttp.ClientWebSocketResponse,
) -> tuple[dict[str, Any], dict[str, Any]]:
    answer: dict[str, Any] | None = None
    view: dict[str, Any] | None = None
    while answer is None or view is None:
        data = await frame(ws)
        if data["type"] in ("ack", "refused"):
            answer = data
        elif data["type"] == "view":
            view = data
    return answer, view


async def test_seats_cannot_use_the_instructors_commands(room: RunningRoom) -> None:
    async with raw(room) as ws:
        await join(ws, room.code(5, "us"))
        for command in (
            {"v": 1, "type": "instructor", "id": "i", "action": "pause"},
            {"v": 1, "type": "collect", "id": "k"},
            {"v": 1, "type": "watch", "table": 1},
            {"v": 1, "type": "revoke", "id": "r", "code": room.code(5, "mexico")},
        ):
            await ws.send_str(json.dumps(command))
            assert (await until(ws, "error"))["code"] == "not_allowed"


async def test_a_flood_is_cut_off_without_touching_other_tables(room: RunningRoom) -> None:
    async with raw(room) as flooder, raw(room) as neighbour:
        await join(flooder, room.code(6, "us"))
        before = await join(neighbour, room.code(5, "mexico"))
        ping = '{"v": 1, "type": "ping"}'
        with_errors = []
        for _ in range(1000):
            try:
                await flooder.send_str(ping)
            except ConnectionError:
                break
        while True:
            message = await flooder.receive(timeout=TIMEOUT)
            if message.type != aiohttp.WSMsgType.TEXT:
                break
            data = json.loads(message.data)
            if data["type"] == "error":
                with_errors.append(data["code"])
        assert with_errors == ["flood"]
        await neighbour.send_str(ping)
        assert (await until(neighbour, "pong"))["type"] == "pong"
    async with raw(room) as back:
        view = await join(back, room.code(5, "mexico"))
        assert view["moves"] == before["moves"]


async def test_a_revoked_code_is_cut_off_and_refused(room: RunningRoom) -> None:
    code = room.code(6, "mexico")
    desk = ClassClient(room.url, room.instructor, "console")
    await desk.connect()
    try:
        async with raw(room) as ws:
            await join(ws, code)
            reissued = await desk.revoke(code)
            assert (reissued.table, reissued.role) == (6, "mexico") and reissued.code != code
            assert (await until(ws, "error"))["code"] == "revoked"
            await closed(ws)
        async with raw(room) as ws:
            view = await join(ws, reissued.code)  # the seat's new code opens it
            assert view["table"] == 6 and view["role"] == "mexico"
        async with raw(room) as ws:
            await ws.send_str(encode(Hello(code=code)))
            error = await frame(ws)
            assert error["code"] == "code" and "withdrawn" in error["message"]
    finally:
        await desk.close()


async def test_brink_class_revoke_prints_the_new_code(
    room: RunningRoom, capsys: pytest.CaptureFixture[str]
) -> None:
    old = room.code(5, "us")
    command = ["class", "revoke", room.url, room.instructor, old]
    assert await asyncio.to_thread(brink, command) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("table 5 us: new code ")
    new = printed.split("new code ")[1].split()[0]
    async with raw(room) as ws:
        assert (await join(ws, new))["table"] == 5
    # A seat's code cannot withdraw codes.
    assert await asyncio.to_thread(brink, ["class", "revoke", room.url, new, old]) == 1
    assert "instructor" in capsys.readouterr().err


async def test_the_server_still_answers(room: RunningRoom) -> None:
    async with aiohttp.ClientSession() as http, http.get(f"{room.url}/health") as response:
        assert response.status == 200
        assert (await response.json())["tables"] == 6
