"""`brink serve` end to end in a real browser: headless Chromium loads the page, a key is
pressed in it, and the game answers with its next screen.

Chromium is driven through its DevTools protocol (a websocket). The served terminal draws
on a canvas (xterm.js with WebGL), so its text is not in the page's DOM; a script added
before the page loads keeps a copy of what the page's own websocket receives, which is
exactly what the terminal draws.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from tests.cli.test_serve import serving
from tests.helpers import HEADLESS_CHROMIUM

websockets = pytest.importorskip("websockets")
pytest.importorskip("textual_serve")

CHROMIUM = next(
    (p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p),
    None,
)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")

# The shared headless flags (its first item is the program name), plus a DevTools port.
FLAGS = [*HEADLESS_CHROMIUM[1:], "--remote-debugging-port=0", "--window-size=1200,800"]

# Keep what the page's websocket receives (the terminal's bytes), as text.
TAP = """
(() => {
  const Original = window.WebSocket;
  window.__screen = "";
  window.WebSocket = function (...args) {
    const socket = new Original(...args);
    socket.addEventListener("message", (event) => {
      if (typeof event.data !== "string") {
        window.__screen += new TextDecoder().decode(new Uint8Array(event.data));
      }
    });
    return socket;
  };
  window.WebSocket.prototype = Original.prototype;
})();
"""
ANSI = re.compile(r"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-Z\\-_])")
DEADLINE = 60.0


def _devtools_port(profile: Path, browser: subprocess.Popen[bytes]) -> int:
    """Chromium writes the port it chose into the profile once DevTools listens."""
    marker = profile / "DevToolsActivePort"
    end = time.monotonic() + DEADLINE
    while time.monotonic() < end:
        if browser.poll() is not None:
            raise AssertionError(f"Chromium exited with {browser.returncode}")
        if marker.is_file() and marker.read_text().strip():
            return int(marker.read_text().split()[0])
        with contextlib.suppress(subprocess.TimeoutExpired):
            browser.wait(timeout=0.1)
    raise AssertionError("Chromium's DevTools did not start")


class Page:
    """One tab, driven by DevTools commands."""

    def __init__(self, connection) -> None:  # type: ignore[no-untyped-def]
        self.connection = connection
        self.next_id = 0

    async def call(self, method: str, **params: object) -> dict:  # type: ignore[type-arg]
        self.next_id += 1
        ident = self.next_id
        await self.connection.send(json.dumps({"id": ident, "method": method, "params": params}))
        while True:
            reply = json.loads(await self.connection.recv())
            if reply.get("id") == ident:
                if "error" in reply:
                    raise AssertionError(f"{method}: {reply['error']}")
                return reply.get("result", {})

    async def screen(self) -> str:
        result = await self.call("Runtime.evaluate", expression="window.__screen || ''")
        return ANSI.sub("", result["result"].get("value", ""))

    async def wait_for(self, text: str) -> str:
        async with asyncio.timeout(DEADLINE):
            while True:
                seen = await self.screen()
                if text in seen:
                    return seen
                await self.call(
                    "Runtime.evaluate",
                    expression="new Promise(r => setTimeout(r, 100))",
                    awaitPromise=True,
                )

    async def press(self, key: str) -> None:
        for kind in ("keyDown", "char", "keyUp"):
            params: dict[str, object] = {"type": kind, "key": key}
            if kind == "char":
                params["text"] = key
            await self.call("Input.dispatchKeyEvent", **params)


async def _play_in_the_browser(devtools: int, url: str) -> tuple[str, str]:
    import urllib.request

    request = urllib.request.Request(
        f"http://127.0.0.1:{devtools}/json/new?about:blank", method="PUT"
    )
    with urllib.request.urlopen(request, timeout=DEADLINE) as response:
        target = json.load(response)
    async with websockets.connect(target["webSocketDebuggerUrl"], max_size=None) as connection:
        page = Page(connection)
        await page.call("Page.enable")
        await page.call("Runtime.enable")
        await page.call("Page.addScriptToEvaluateOnNewDocument", source=TAP)
        await page.call("Page.navigate", url=url)
        title = await page.wait_for("Roosevelt Room, June 2019")
        assert "Your delegation" not in title
        # The terminal takes keys through xterm's hidden text area: focus it, then type.
        await page.call(
            "Runtime.evaluate",
            expression="document.querySelector('.xterm-helper-textarea').focus()",
        )
        await page.press("n")  # New game
        setup = await page.wait_for("Your delegation")
    return title, setup


def test_a_key_pressed_in_the_browser_reaches_the_game(tmp_path):
    profile = tmp_path / "profile"
    with serving(tmp_path / "saves") as port:
        browser = subprocess.Popen(
            [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            devtools = _devtools_port(profile, browser)
            title, setup = asyncio.run(_play_in_the_browser(devtools, f"http://127.0.0.1:{port}/"))
        finally:
            browser.terminate()
            browser.wait(timeout=30)
    assert "New game" in title
    assert "Your delegation" in setup and "Opponent" in setup
