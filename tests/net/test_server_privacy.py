"""Privacy is decided on the server: the raw frames sent to the Mexico seat hold none of
the US seat's private text — its confidential briefing, objectives, private meters, the
news meant for it alone, or the AI's reasons for the US chair."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from game.net.bots import choose
from game.net.client import ClassClient
from game.net.protocol import Hello, MoveRequest, encode
from game.net.views import merge_view, view_from_payload
from game.rules.ruleset import load_ruleset
from tests.net.server_process import RunningRoom, start_room


@pytest.fixture
def room(tmp_path: Path) -> Iterator[RunningRoom]:
    running = start_room(tmp_path, "--tables", "2", "--seed", "4", "--ai", "us")
    yield running
    running.kill()


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


async def _play_mexico_raw(url: str, code: str, frames: list[str], moves: int) -> None:
    """The Mexico seat through a bare WebSocket: every frame it receives is kept."""
    rng = random.Random(8)
    async with aiohttp.ClientSession() as http, http.ws_connect(f"{url}/ws") as ws:
        await ws.send_str(encode(Hello(code=code)))
        made = 0
        full: dict[str, Any] = {}
        while made < moves:
            frame = await ws.receive(timeout=30)
            assert frame.type == aiohttp.WSMsgType.TEXT
            frames.append(frame.data)
            message = json.loads(frame.data)
            if message["type"] != "view":
                continue
            if message["full"]:
                full = message["view"]
            else:
                full = merge_view(full, message["view"], message["events_from"])
            view = view_from_payload(full)
            if view.ending is not None:
                return
            if view.my_turn:
                move = choose(view, rng)
                await ws.send_str(encode(MoveRequest.of(f"m{made}", message["moves"], move)))
                made += 1
        # Take in what followed the last move (the US AI's answer) before leaving.
        while True:
            frame = await ws.receive(timeout=30)
            frames.append(frame.data)
            message = json.loads(frame.data)
            if message["type"] == "view" and (
                message["view"]["actor"] == "mexico" or message["view"]["ending"]
            ):
                return


async def test_mexico_frames_hold_nothing_private_to_the_us(room: RunningRoom) -> None:
    desk = ClassClient(room.url, room.instructor, "console")
    welcome = await desk.connect()
    await desk.watch(1)
    us_reasons: set[str] = set()
    us_only_news: set[str] = set()

    frames: list[str] = []
    await _play_mexico_raw(room.url, room.code(1, "mexico"), frames, moves=6)
    last = max(json.loads(f)["moves"] for f in frames if json.loads(f)["type"] == "view")
    await desk.wait_for(lambda c: (v := c.view(1, "us")) is not None and v.moves >= last)
    while not desk.pushes.empty():
        push = desk.pushes.get_nowait()
        if getattr(push, "role", None) == "us":
            reply = push.replies.get("us")  # type: ignore[union-attr]
            if reply is not None:
                us_reasons.update(reply.reasons)
            for event in push.view["events"]:  # type: ignore[union-attr]
                if event["visible_to"] == ["us"]:
                    # A text in several languages travels as {lang: version}: none may leak.
                    text = event["text"]
                    us_only_news.update(text.values() if isinstance(text, dict) else [text])
    await desk.close()

    scenario = load_ruleset("roosevelt-room-2019").scenario
    us = scenario.roles["us"]
    private = {
        "US briefing": [us.briefing, us.briefing[200:260]],
        "US objectives": [o.text for o in us.objectives],
        "US-only meters": [
            text
            for name, meter in scenario.meters.items()
            if meter.visible_to == ["us"]
            for text in (name, meter.label)
        ],
        "AI reasons for the US": sorted(us_reasons),
        "news for the US only": sorted(us_only_news),
    }
    # The checks below mean something: the AI explained itself to the instructor, the
    # scenario has US-only meters, and the instructor's desk does receive the briefing.
    assert private["AI reasons for the US"], "the US AI gave no reasons to check"
    assert private["US-only meters"]
    assert us.briefing in list(_strings(welcome.scenario))

    received = "\n".join(s for f in frames for s in _strings(json.loads(f)))
    raw = "\n".join(frames)
    # Mexico's own confidential text does arrive, so the search itself works.
    assert scenario.roles["mexico"].briefing in received
    for what, texts in private.items():
        for text in texts:
            assert text not in received, f"{what} sent to the Mexico seat: {text[:60]!r}"
            assert json.dumps(text)[1:-1] not in raw or text in ("us",), what
