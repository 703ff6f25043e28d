"""The classroom under a class's load: one server process, 50 tables, two bot clients
per table over loopback (127.0.0.1 only), every table playing a whole game at once.

Prints moves per second, the p50/p95 round trip of a move (sent → acknowledged, which
includes the commit to SQLite and the AI-free engine work), the server's peak memory,
and the ratio of the round trip to the very same moves applied in-process (the Session
a local game uses, measured in the same run). Targets on 2 cores: p95 ≤ 100 ms with 100
clients, server ≤ 200 MB.

    python benchmarks/classroom.py [--tables 50] [--seed 1]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.engine.moves import INSTRUCTOR
from game.net.bots import SeatBot
from game.net.client import ClassClient
from game.net.room import TableSession
from game.rules.ruleset import load_ruleset
from game.saves import SaveGame
from tests.net.server_process import RunningRoom, start_room


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time the process has used (Linux), or None where unknown."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def peak_rss_mb(pid: int) -> float | None:
    """The process's peak resident memory (Linux: VmHWM), or None where unknown."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


async def play_class(room: RunningRoom, tables: int, seed: int) -> tuple[list[SeatBot], float]:
    bots = [
        SeatBot(ClassClient(room.url, room.code(t, role)), seed=seed * 1000 + 2 * t + i)
        for t in range(1, tables + 1)
        for i, role in enumerate(("us", "mexico"))
    ]
    await asyncio.gather(*(b.client.connect() for b in bots))
    start = time.perf_counter()
    await asyncio.wait_for(asyncio.gather(*(b.play(timeout=300) for b in bots)), 900)
    elapsed = time.perf_counter() - start
    await asyncio.gather(*(b.client.close() for b in bots))
    return bots, elapsed


async def collect(room: RunningRoom) -> dict[str, str]:
    async with ClassClient(room.url, room.instructor, "console") as desk:
        return (await desk.collect()).files


def in_process_seconds(files: dict[str, str], scenario: str) -> list[float]:
    """Each players' move of every collected game applied again in-process, the way the
    server applies it (check, apply, AI replies), without network or database."""
    ruleset = load_ruleset(scenario)
    times = []
    for text in files.values():
        save = SaveGame.loads(text)
        session = TableSession(ruleset, save.seed, save.players)
        session.run_ai()
        for move in save.moves[len(session.state.moves) :]:
            if move.role == INSTRUCTOR or session.state.actor != move.role:
                continue  # AI replies are made by play() itself
            start = time.perf_counter()
            session.play(move)
            times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tables", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--scenario", default="roosevelt-room-2019")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="brink-class-bench-") as folder:
        room = start_room(
            Path(folder), "--tables", str(args.tables), "--seed", str(args.seed),
            scenario=args.scenario,
        )  # fmt: skip
        try:
            bots, elapsed = asyncio.run(play_class(room, args.tables, args.seed))
            files = asyncio.run(collect(room))
            peak = peak_rss_mb(room.process.pid)
            server_cpu = cpu_seconds(room.process.pid)
        finally:
            room.kill()

    round_trips = sorted(t for b in bots for t in b.round_trips)
    moves = len(round_trips)
    endings = sum(1 for b in bots if b.ending is not None) // 2
    p50 = statistics.median(round_trips)
    p95 = round_trips[int(0.95 * (moves - 1))]
    local = sorted(in_process_seconds(files, args.scenario))
    local_p50 = statistics.median(local)
    load = os.getloadavg() if hasattr(os, "getloadavg") else (float("nan"),) * 3

    print(f"classroom: {args.tables} tables, {len(bots)} clients over 127.0.0.1, "
          f"{endings} whole games, {os.cpu_count()} cores (load {load[0]:.1f}, shared machine)")  # fmt: skip
    print(
        f"  players' moves acknowledged  {moves} in {elapsed:.1f} s = {moves / elapsed:.0f} moves/s"
    )
    print(f"  round trip of a move          p50 {p50 * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms, "
          f"max {round_trips[-1] * 1000:.1f} ms   (target p95 <= 100 ms)")  # fmt: skip
    rss = f"{peak:.0f} MB" if peak is not None else "unknown on this platform"
    print(f"  server peak memory (RSS)      {rss}   (target <= 200 MB)")
    print(f"  same move in-process          p50 {local_p50 * 1000:.2f} ms "
          f"(Session.play, no network, no database)")  # fmt: skip
    print(f"  round trip / in-process       {p50 / local_p50:.1f}x at p50")
    if server_cpu is not None:
        clients_cpu = time.process_time()
        print(f"  CPU time                      server {server_cpu:.1f} s, "
              f"the {len(bots)} bots (one process) {clients_cpu:.1f} s")  # fmt: skip
    refused = sum(len(b.refused) for b in bots)
    if refused:
        print(f"  refused moves                 {refused} (bots never send stale moves: a bug)")


if __name__ == "__main__":
    main()
