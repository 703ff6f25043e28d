"""Limits on one client: a message budget per connection, and wrong codes from one
address answered more and more slowly (driven by a fake clock where it can be)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from game.net.client import ClassClient, ClassClientError
from game.net.guard import CodeGuard, RateLimit
from game.net.server import ClassServer
from game.rules.ruleset import Ruleset
from tests.net.rooms import open_room


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_the_rate_limit_allows_a_burst_then_the_average() -> None:
    clock = FakeClock()
    limit = RateLimit(per_second=10, burst=20, clock=clock)
    assert sum(limit.allow() for _ in range(100)) == 20
    clock.now += 1.0
    assert sum(limit.allow() for _ in range(100)) == 10
    clock.now += 60.0
    assert sum(limit.allow() for _ in range(100)) == 20  # never more than the burst


def test_wrong_codes_wait_longer_and_longer_then_are_forgotten() -> None:
    clock = FakeClock()
    guard = CodeGuard(free_tries=3, first_delay=0.5, max_delay=4, forget_after=600, clock=clock)
    delays = []
    for _ in range(8):
        delays.append(guard.delay("10.0.0.5"))
        guard.failed("10.0.0.5")
    assert delays == [0, 0, 0, 0.5, 1, 2, 4, 4]
    assert guard.delay("10.0.0.6") == 0  # another address is not slowed
    clock.now += 601
    assert guard.delay("10.0.0.5") == 0
    guard.failed("10.0.0.5")
    guard.succeeded("10.0.0.5")
    assert guard.failures == {}


@dataclass
class RecordingGuard(CodeGuard):
    delays: list[float] = field(default_factory=list)

    def delay(self, address: str) -> float:
        seconds = super().delay(address)
        self.delays.append(seconds)
        return seconds


async def test_the_server_slows_down_an_address_that_guesses_codes(
    tmp_path: Path, flagship: Ruleset
) -> None:
    room = open_room(tmp_path / "room.db", flagship)
    guard = RecordingGuard(free_tries=2, first_delay=0.01, max_delay=0.04)
    server = ClassServer(room, guard=guard)
    host, port = await server.start("127.0.0.1", 0)
    url = f"http://{host}:{port}"
    try:
        for guess in ("AAAAAAAA", "BBBBBBBB", "CCCCCCCC", "DDDDDDDD", "EEEEEEEE"):
            with pytest.raises(ClassClientError) as err:
                await ClassClient(url, guess, reconnect=False).connect()
            assert err.value.code == "code"
        assert guard.delays == [0, 0, 0.01, 0.02, 0.04]
        good = next(c for c, s in room.codes.items() if s.table == 1)
        async with ClassClient(url, good) as client:
            assert client.seat == (1, room.codes[good].role)
        assert guard.delays[-1] == 0.04  # still slowed, then forgiven
        assert guard.failures == {}
    finally:
        await server.stop()
