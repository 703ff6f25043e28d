"""`brink serve`: starts, answers on localhost with the game, and stops."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys

import pytest

aiohttp = pytest.importorskip("aiohttp")
pytest.importorskip("textual_serve")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for_line(process: subprocess.Popen[str], needle: str) -> str:
    """Read the server's output until `needle` (it prints it once it is listening)."""
    seen = ""
    assert process.stdout is not None
    for line in process.stdout:
        seen += line
        if needle in line:
            return seen
    raise AssertionError(f"server exited before saying {needle!r}:\n{seen}")


async def _page_and_game(port: int) -> tuple[int, str, str]:
    async with aiohttp.ClientSession() as session:
        async with session.get(f"http://localhost:{port}/") as response:
            status, page = response.status, await response.text()
        screen = ""
        async with session.ws_connect(f"http://localhost:{port}/ws?width=100&height=30") as ws:
            async with asyncio.timeout(60):
                async for message in ws:
                    data = message.data
                    screen += data.decode("utf-8", "replace") if isinstance(data, bytes) else data
                    if "Roosevelt Room, June 2019" in screen:
                        break
    return status, page, screen


def test_serve_starts_answers_on_localhost_and_stops(tmp_path):
    port = _free_port()
    env = dict(os.environ, BRINK_SAVE_DIR=str(tmp_path), PYTHONUNBUFFERED="1")
    process = subprocess.Popen(
        [sys.executable, "-m", "game", "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    try:
        banner = _wait_for_line(process, "Serving")
        assert f"http://localhost:{port}" in banner
        status, page, screen = asyncio.run(_page_and_game(port))
        assert status == 200 and "Brinkmanship" in page
        assert "fonts.googleapis.com" not in page  # nothing fetched from the network
        assert "Roosevelt Room, June 2019" in screen  # a game's title screen, for this visitor
    finally:
        process.terminate()
        process.wait(timeout=30)
    assert process.returncode is not None
