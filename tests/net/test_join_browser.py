"""Browser seats: the classroom's own address serves a page that asks for the code and
then plays that seat (textual-serve running `brink join`), over HTTP and WebSocket as a
browser would speak them."""

from __future__ import annotations

import asyncio
import json
import re

import pytest

from game.net.client import ClassClient
from tests.net.server_process import start_room

aiohttp = pytest.importorskip("aiohttp")
pytest.importorskip("textual_serve")


@pytest.fixture
def room(tmp_path):
    running = start_room(tmp_path, "--tables", "1", "--seed", "3")
    yield running
    running.kill()


async def _screen_until(ws, screen: list[str], needle: str) -> None:
    """Read the terminal stream until `needle` shows (bounded, never a sleep)."""
    async with asyncio.timeout(60):
        while needle not in "".join(screen):
            message = await ws.receive()
            if message.type in (aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):
                raise AssertionError("the seat's page closed:\n" + "".join(screen)[-2000:])
            data = message.data
            text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
            screen.append(re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", text))


async def _join_in_a_browser(room) -> None:
    async with aiohttp.ClientSession() as http:
        async with http.get(room.url + "/") as response:
            landing = await response.text()
        assert 'href="/seat/"' in landing
        async with http.get(room.url + "/seat/") as response:
            page = await response.text()
        assert response.status == 200
        assert f"ws://127.0.0.1:{room.port}/seat/ws" in page
        assert "fonts.googleapis.com" not in page
        desk = ClassClient(room.url, room.instructor, "console")
        await desk.connect()
        try:
            async with http.ws_connect(f"{room.url}/seat/ws?width=100&height=30") as ws:
                screen: list[str] = []
                await _screen_until(ws, screen, "code:")
                await ws.send_str(json.dumps(["stdin", room.code(1, "mexico") + "\r"]))
                seated = await desk.wait_for(
                    lambda c: c.tables and c.tables.rows[0].seats.get("mexico") == 1, timeout=60
                )
                assert seated
                await _screen_until(ws, screen, "confidential")
        finally:
            await desk.close()


def test_a_browser_page_asks_for_the_code_and_opens_that_seat(room):
    asyncio.run(_join_in_a_browser(room))
