"""`kill -9` of the server mid-game: restarted with the same --db it resumes every table
with the same transcript, and connected clients reconnect by themselves."""

from __future__ import annotations

import asyncio
import random
from pathlib import Path

from game.engine.moves import Move
from game.net.bots import SeatBot, choose
from game.net.client import ClassClient
from game.net.protocol import Ack
from game.net.views import view_from_payload
from tests.net.server_process import start_room


def _lines(client: ClassClient) -> list[str]:
    push = client.view()
    assert push is not None
    return [e.line() for e in view_from_payload(push.view).events]


async def _play_moves(seats: dict[str, ClassClient], count: int, rng: random.Random) -> None:
    """Play `count` moves at the table, each from the seat whose turn it is."""
    for _ in range(count):
        any_seat = next(iter(seats.values()))
        push = any_seat.view()
        assert push is not None
        actor = push.view["actor"]
        client = seats[actor]
        mine = await client.wait_for(lambda c, n=push.moves: c.view() if c.moves() == n else None)
        answer = await client.move(choose(view_from_payload(mine.view), rng), based_on=push.moves)
        assert isinstance(answer, Ack), answer
        for seat in seats.values():
            await seat.wait_for(lambda c, n=answer.moves: c.moves() >= n)


async def test_kill_9_restart_resumes_the_same_game(tmp_path: Path) -> None:
    room = start_room(tmp_path, "--tables", "3", "--seed", "5")
    seats = {
        role: ClassClient(room.url, room.code(1, role), first_backoff=0.02, max_backoff=0.2)
        for role in ("us", "mexico")
    }
    other_table = ClassClient(room.url, room.code(2, "us"))
    try:
        for client in (*seats.values(), other_table):
            await client.connect()
        for client in seats.values():
            await client.wait_for(lambda c: c.view() is not None)
        await _play_moves(seats, 3, random.Random(3))
        before = {role: _lines(c) for role, c in seats.items()}
        moves_before = seats["us"].moves()

        room.kill()
        # While the server is down, the seats notice and keep trying.
        for client in seats.values():
            await client.wait_for(lambda c: c.state != "connected")
        actor = seats["us"].view().view["actor"]  # type: ignore[union-attr]
        pending_view = view_from_payload(seats[actor].view().view)  # type: ignore[union-attr]
        move: Move = choose(pending_view, random.Random(9))
        pending = asyncio.create_task(seats[actor].move(move, based_on=moves_before))

        restarted = start_room(tmp_path, port=room.port, db=room.db)
        try:
            # Nobody reconnects these clients but themselves.
            for client in (*seats.values(), other_table):
                await client.wait_for(lambda c: c.connections == 2 and c.state == "connected")
            # The move sent while the server was down is answered once it is back.
            answer = await asyncio.wait_for(pending, 30)
            assert isinstance(answer, Ack) and answer.moves > moves_before
            for role, client in seats.items():
                await client.wait_for(lambda c: c.moves() >= answer.moves)
                after = _lines(client)
                # The game before the kill is the same, byte for byte, then goes on.
                assert after[: len(before[role])] == before[role]
                assert len(after) > len(before[role])
            # The same codes open the same seats; the game plays on to its end.
            bots = [SeatBot(seats[r], seed=i) for i, r in enumerate(("us", "mexico"))]
            endings = await asyncio.wait_for(asyncio.gather(*(b.play() for b in bots)), 120)
            assert endings[0] == endings[1] is not None
            assert other_table.view() is not None and other_table.view().moves == 0  # type: ignore[union-attr]
        finally:
            restarted.kill()
    finally:
        for client in (*seats.values(), other_table):
            await client.close()
        room.kill()


async def test_restart_replays_from_the_database(tmp_path: Path) -> None:
    """Stopping and starting again (without clients) keeps the room: same codes, same
    moves, and a changed --tables is refused with a sentence."""
    room = start_room(tmp_path, "--tables", "1", "--seed", "2", "--ai", "mexico")
    codes = room.codes
    client = ClassClient(room.url, room.code(1, "us"))
    await client.connect()
    push = await client.wait_for(lambda c: c.view())
    answer = await client.move(choose(view_from_payload(push.view), random.Random(1)))
    assert isinstance(answer, Ack)
    # The AI's reply is committed with the move that caused it.
    assert answer.moves >= 2
    await client.close()
    room.kill()
    again = start_room(tmp_path, port=0, db=room.db)
    try:
        assert again.codes == codes
        assert "Resumed" in "".join(again.output)
        async with ClassClient(again.url, codes[(1, "us")]) as back:
            resumed = await back.wait_for(lambda c: c.view())
            assert resumed.moves == answer.moves
    finally:
        again.kill()
