"""Browser seats: the classroom's own address serves a page that asks for the code and
then plays that seat (textual-serve running `brink join`), over HTTP and WebSocket as a
browser would speak them."""

from __future__ import annotations

import asyncio
import base64
import json
import re
import shutil
import subprocess

import pytest

from game.net.client import ClassClient
from tests.helpers import HEADLESS_CHROMIUM
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


class DevTools:
    """Just enough of the Chrome DevTools Protocol to drive one page: commands, and the
    page's WebSocket frames (the seat's terminal stream) gathered as text."""

    def __init__(self, ws) -> None:
        self.ws = ws
        self.next_id = 0
        self.answers: dict[int, asyncio.Future] = {}
        self.screen = ""
        self.changed = asyncio.Event()
        self.reader = asyncio.create_task(self._read())

    async def call(self, method: str, **params):
        self.next_id += 1
        answer = asyncio.get_running_loop().create_future()
        self.answers[self.next_id] = answer
        await self.ws.send_json({"id": self.next_id, "method": method, "params": params})
        return await answer

    async def until_shown(self, needle: str) -> None:
        async with asyncio.timeout(60):
            while needle not in self.screen:
                self.changed.clear()
                await self.changed.wait()

    async def _read(self) -> None:
        async for message in self.ws:
            data = json.loads(message.data)
            if "id" in data:
                self.answers.pop(data["id"]).set_result(data)
            elif data.get("method") == "Network.webSocketFrameReceived":
                frame = data["params"]["response"]
                payload = frame["payloadData"]
                raw = base64.b64decode(payload) if frame["opcode"] == 2 else payload.encode()
                self.screen += raw.decode("utf-8", "replace")
                self.changed.set()


def _devtools_line(browser: subprocess.Popen[str]) -> str:
    assert browser.stderr is not None
    for line in browser.stderr:
        if "DevTools listening on" in line:
            return line
    raise AssertionError("Chromium exited without opening its DevTools")


async def _browser_joins(room, browser: subprocess.Popen[str]) -> None:
    # Chromium says where its DevTools listen once it is up: read until that line.
    line = await asyncio.wait_for(asyncio.to_thread(_devtools_line, browser), 60)
    port = int(re.search(r"127\.0\.0\.1:(\d+)/", line).group(1))
    async with aiohttp.ClientSession() as http:
        async with http.get(f"http://127.0.0.1:{port}/json/list") as response:
            page = next(t for t in await response.json() if t["type"] == "page")
        async with http.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0) as ws:
            tools = DevTools(ws)
            await tools.call("Network.enable")
            await tools.call("Page.navigate", url=room.url + "/")
            await tools.call(
                "Runtime.evaluate",
                expression="new Promise(r => { const go = () => { const a = "
                "document.querySelector('a[href=\"/seat/\"]'); if (a) { a.click(); r(true) } "
                "else setTimeout(go, 50) }; go() })",
                awaitPromise=True,
            )
            await tools.until_shown("code:")
            await tools.call(
                "Runtime.evaluate",
                expression="document.querySelector('.xterm-helper-textarea').focus()",
            )
            await tools.call("Input.insertText", text=room.code(1, "mexico"))
            for kind in ("keyDown", "keyUp"):
                await tools.call(
                    "Input.dispatchKeyEvent",
                    type=kind,
                    key="Enter",
                    code="Enter",
                    windowsVirtualKeyCode=13,
                    **({"text": "\r"} if kind == "keyDown" else {}),
                )
            await tools.until_shown("Mexican delegation")
            await tools.until_shown("confidential")
            tools.reader.cancel()
    desk = ClassClient(room.url, room.instructor, "console")
    await desk.connect()
    try:
        seated = await desk.wait_for(lambda c: c.tables and c.tables.rows[0].seats["mexico"] == 1)
        assert seated
    finally:
        await desk.close()


@pytest.mark.skipif(shutil.which("chromium") is None, reason="headless Chromium not installed")
def test_a_student_in_headless_chromium_follows_the_link_types_the_code_and_plays(room, tmp_path):
    browser = subprocess.Popen(
        [
            *HEADLESS_CHROMIUM,
            "--remote-debugging-port=0",
            "--window-size=1000,700",
            f"--user-data-dir={tmp_path / 'profile'}",
            "about:blank",
        ],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    try:
        asyncio.run(_browser_joins(room, browser))
    finally:
        browser.kill()
        browser.wait(timeout=30)
