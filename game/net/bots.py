"""Scripted seats for tests and the benchmark: a bot that plays a whole game at one seat
through the client library, like a person at `brink join` would."""

from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass, field
from functools import partial

from game.engine.api import RoleView
from game.engine.moves import ACCEPT, WALK_OUT, Move
from game.net.client import ClassClient
from game.net.protocol import Ack, ViewPush
from game.net.views import ViewReader


def choose(view: RoleView, rng: random.Random) -> Move:
    """A legal move that keeps the talks going: never walks out while anything else is
    possible, accepts an offer now and then, otherwise proposes random terms."""
    moves = [m for m in view.menu.moves if m.kind != WALK_OUT]
    accept = [m for m in moves if m.kind == ACCEPT]
    if accept and rng.random() < 0.3:
        return accept[0]
    if view.menu.can_propose and (not moves or rng.random() < 0.7):
        offer = {issue: rng.choice(options) for issue, options in view.menu.offer_space.items()}
        return Move.propose(view.role, offer)
    if moves:
        return rng.choice(moves)
    return view.menu.sample(rng)


@dataclass
class SeatBot:
    client: ClassClient
    seed: int = 0
    round_trips: list[float] = field(default_factory=list)  # seconds, one per acked move
    refused: list[str] = field(default_factory=list)
    ending: str | None = None
    # Seconds a person would take to decide, drawn before each move (None: no pause).
    think: tuple[float, float] | None = None
    reader: ViewReader = field(default_factory=ViewReader)

    async def join(self, timeout: float = 30.0) -> None:
        """Connect and read the seat's first view, as a terminal seat does when it
        opens (the first view is read whole; later ones cost only what changed)."""
        await self.client.connect()
        push: ViewPush = await self.client.wait_for(_pushed, timeout)
        self.reader.read(push.view)

    async def play(self, timeout: float = 120.0) -> str:
        """Play this seat until the game ends; return the ending."""
        rng = random.Random(self.seed)
        reader = self.reader
        while True:
            push: ViewPush = await self.client.wait_for(_actionable, timeout)
            view = reader.read(push.view)
            if view.ending is not None:
                self.ending = view.ending
                return view.ending
            move = choose(view, rng)
            if self.think is not None:
                await asyncio.sleep(rng.uniform(*self.think))
                if _caught_up(self.client, push.moves + 1):
                    continue  # the table moved on while we thought (an instructor)
            start = time.perf_counter()
            answer = await self.client.move(move, based_on=push.moves, timeout=timeout)
            if isinstance(answer, Ack):
                self.round_trips.append(time.perf_counter() - start)
                # Wait for the view that follows our move before deciding again.
                await self.client.wait_for(partial(_caught_up, moves=answer.moves), timeout)
            else:
                self.refused.append(answer.reason)


def _caught_up(client: ClassClient, moves: int) -> bool:
    push = client.view()
    return push is not None and push.moves >= moves


def _pushed(client: ClassClient) -> ViewPush | None:
    return client.view()


def _actionable(client: ClassClient) -> ViewPush | None:
    push = client.view()
    if push is None:
        return None
    data = push.view
    if data["ending"] is not None or (data["actor"] == data["role"] and _can_move(data)):
        return push
    return None


def _can_move(data: dict[str, object]) -> bool:
    menu = data["menu"]
    assert isinstance(menu, dict)
    return bool(menu["moves"]) or bool(menu["offer_space"])
