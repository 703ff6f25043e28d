"""`brink serve`: starts, answers on localhost with the game, caps the games running at
once, gives each visitor their own save folder, and fails in one line when it cannot
listen."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager, suppress

import pytest

aiohttp = pytest.importorskip("aiohttp")
pytest.importorskip("textual_serve")

TITLE = "Roosevelt Room, June 2019"
START_DEADLINE = 60.0  # seconds for the server to listen; a bound, not a sleep


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for_port(port: int, process: subprocess.Popen[str], deadline: float) -> None:
    """Poll until the port accepts a connection (textual-serve prints its banner before it
    listens), failing if the server exits or the deadline passes."""
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        if process.poll() is not None:
            output = process.stdout.read() if process.stdout else ""
            raise AssertionError(f"the server exited ({process.returncode}):\n{output}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            # Nothing listens yet: wait on the server's own exit for a moment, not a sleep.
            with suppress(subprocess.TimeoutExpired):
                process.wait(timeout=0.1)
    raise AssertionError(f"nothing listened on port {port} within {deadline} s")


@contextmanager
def serving(tmp_path, *extra: str):  # type: ignore[no-untyped-def]
    port = _free_port()
    env = dict(os.environ, BRINK_SAVE_DIR=str(tmp_path), PYTHONUNBUFFERED="1")
    process = subprocess.Popen(
        [sys.executable, "-m", "game", "serve", "--host", "127.0.0.1", "--port", str(port), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    try:
        wait_for_port(port, process, START_DEADLINE)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)


async def _read_until(ws, needle: str) -> str:  # type: ignore[no-untyped-def]
    screen = ""
    async with asyncio.timeout(60):
        async for message in ws:
            data = message.data
            screen += data.decode("utf-8", "replace") if isinstance(data, bytes) else str(data)
            if needle in screen:
                break
    return screen


async def _page_and_game(port: int) -> tuple[int, str, str, str]:
    async with aiohttp.ClientSession() as session:
        async with session.get(f"http://127.0.0.1:{port}/") as response:
            status, page = response.status, await response.text()
            cookie = response.cookies.get("brink_visitor")
        async with session.ws_connect(f"http://127.0.0.1:{port}/ws?width=100&height=30") as ws:
            screen = await _read_until(ws, TITLE)
    return status, page, screen, cookie.value if cookie else ""


def test_serve_starts_answers_on_localhost_and_stops(tmp_path):
    with serving(tmp_path) as port:
        status, page, screen, visitor = asyncio.run(_page_and_game(port))
    assert status == 200 and "Brinkmanship" in page
    assert "fonts.googleapis.com" not in page  # nothing fetched from the network
    assert TITLE in screen  # a game's title screen, for this visitor
    assert len(visitor) == 32  # the visitor's id, naming their own save folder


async def _cap(port: int) -> tuple[int, str, int | None]:
    url = f"http://127.0.0.1:{port}"
    async with aiohttp.ClientSession() as first, first.ws_connect(f"{url}/ws") as playing:
        await _read_until(playing, TITLE)
        async with aiohttp.ClientSession() as second:
            async with second.get(f"{url}/") as response:
                status, page = response.status, await response.text()
            async with second.ws_connect(f"{url}/ws") as refused, asyncio.timeout(30):
                await refused.receive()
            code = refused.close_code
    return status, page, code


def test_games_beyond_the_cap_are_asked_to_wait(tmp_path):
    with serving(tmp_path, "--max-games", "1") as port:
        status, page, code = asyncio.run(_cap(port))
    assert status == 503 and "All 1 games on this server are being played" in page
    assert code == 1013


async def _visitors(port: int) -> list[str]:
    ids = []
    for _ in range(2):  # two browsers
        async with aiohttp.ClientSession() as browser:
            for _ in range(2):  # each loads the page twice
                async with browser.get(f"http://127.0.0.1:{port}/") as response:
                    ids.append(response.cookies["brink_visitor"].value)
                    browser.cookie_jar.update_cookies(response.cookies)
    return ids


def test_each_visitor_keeps_one_id_and_gets_their_own_folder(tmp_path):
    with serving(tmp_path) as port:
        ids = asyncio.run(_visitors(port))
    assert ids[0] == ids[1] and ids[2] == ids[3] and ids[0] != ids[2]


def test_each_game_runs_with_the_visitors_own_save_folder(tmp_path):
    from game.cli.commands.serve import command_line

    line = command_line(tmp_path / "visitors" / ("a" * 32))
    assert line.startswith(f"BRINK_SAVE_DIR={tmp_path / 'visitors' / ('a' * 32)} ")
    assert line.endswith("-m game")


def _serve(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "game", "serve", *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_port_in_use_is_one_line_and_exit_1():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = _serve("--host", "127.0.0.1", "--port", str(port))
    assert done.returncode == 1
    assert done.stderr.startswith(f"brink serve: error: cannot listen on 127.0.0.1:{port}")
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr


def test_a_bad_host_is_one_line_and_exit_2():
    done = _serve("--host", "no such host!", "--port", str(_free_port()))
    assert done.returncode == 2
    assert done.stderr.startswith("brink serve: error: --host 'no such host!' is not")
    assert len(done.stderr.strip().splitlines()) == 1


def test_loopback_and_the_addresses_to_use():
    from game.cli.commands.serve import _addresses_to_use, is_loopback

    assert is_loopback("localhost") and is_loopback("127.0.0.1") and is_loopback("::1")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5")
    assert _addresses_to_use("192.168.1.5") == ["192.168.1.5"]
    assert all(not a.startswith("127.") for a in _addresses_to_use("0.0.0.0"))


def test_the_public_host_warning_text(capsys):
    from game.cli.commands.serve import _warn_public

    _warn_public("0.0.0.0", 8000)
    err = capsys.readouterr().err
    assert err.startswith("brink serve: warning: listening on 0.0.0.0, not only on this")
    assert "trusted network" in err
