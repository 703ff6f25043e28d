"""A real classroom server in its own process, for the tests: started with --port 0,
ready when it has printed the address it listens on (no sleeping), killed at the end."""

from __future__ import annotations

import csv
import os
import queue
import re
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
READY = "Ctrl+C stops the server"
STARTUP_TIMEOUT = 60.0


@dataclass
class RunningRoom:
    process: subprocess.Popen[str]
    url: str
    port: int
    db: Path
    roster: Path
    output: list[str] = field(default_factory=list)

    @property
    def codes(self) -> dict[tuple[int | None, str], str]:
        with self.roster.open(encoding="utf-8") as handle:
            return {
                (int(row["table"]) if row["table"] else None, row["role"]): row["code"]
                for row in csv.DictReader(handle)
            }

    def code(self, table: int | None, role: str) -> str:
        return self.codes[(table, role)]

    @property
    def instructor(self) -> str:
        return self.code(None, "instructor")

    def alive(self) -> bool:
        return self.process.poll() is None

    def kill(self) -> None:
        """`kill -9`: nothing is flushed or closed cleanly."""
        if self.alive():
            self.process.kill()
        self.process.wait(timeout=30)


def start_room(
    folder: Path,
    *args: str,
    scenario: str = "roosevelt-room-2019",
    port: int = 0,
    db: Path | None = None,
) -> RunningRoom:
    db = db or folder / "room.db"
    roster = folder / "roster.csv"
    command = [
        sys.executable, "-m", "game", "class", "start", scenario,
        "--db", str(db), "--roster", str(roster), "--port", str(port), *args,
    ]  # fmt: skip
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1")
    stderr = (folder / "server.err").open("a", encoding="utf-8")
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=stderr, text=True, env=env, cwd=folder
    )
    lines = _read_until_ready(process)
    match = next(
        (re.search(r"open at (http://\S+)", line) for line in lines if "open at" in line), None
    )
    assert match is not None, "".join(lines)
    url = match.group(1)
    return RunningRoom(process, url, int(url.rsplit(":", 1)[1]), db, roster, lines)


def _read_until_ready(process: subprocess.Popen[str]) -> list[str]:
    """The server's lines up to the one it prints once listening; a thread reads them so
    a server that hangs fails the test after a bounded time instead of hanging it."""
    lines: queue.Queue[str | None] = queue.Queue()

    def pump() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    seen: list[str] = []
    while True:
        try:
            line = lines.get(timeout=STARTUP_TIMEOUT)
        except queue.Empty:
            process.kill()
            raise AssertionError("the server did not start:\n" + "".join(seen)) from None
        if line is None:
            raise AssertionError(f"the server exited ({process.wait()}):\n" + "".join(seen))
        seen.append(line)
        if READY in line:
            return seen
