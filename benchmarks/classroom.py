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
from dataclasses import dataclass
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


async def play_class(
    room: RunningRoom, tables: int, seed: int, think: tuple[float, float] | None
) -> tuple[list[SeatBot], float]:
    bots = [
        SeatBot(
            ClassClient(room.url, room.code(t, role)), seed=seed * 1000 + 2 * t + i, think=think
        )
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


@dataclass
class Phase:
    name: str
    bots: list[SeatBot]
    elapsed: float
    files: dict[str, str]
    peak_mb: float | None
    server_cpu: float | None


def run_phase(name: str, args: argparse.Namespace, think: tuple[float, float] | None) -> Phase:
    with tempfile.TemporaryDirectory(prefix="brink-class-bench-") as folder:
        room = start_room(
            Path(folder), "--tables", str(args.tables), "--seed", str(args.seed),
            scenario=args.scenario,
        )  # fmt: skip
        try:
            bots, elapsed = asyncio.run(play_class(room, args.tables, args.seed, think))
            files = asyncio.run(collect(room))
            return Phase(
                name, bots, elapsed, files, peak_rss_mb(room.process.pid),
                cpu_seconds(room.process.pid),
            )  # fmt: skip
        finally:
            room.kill()


def report(phase: Phase, local_p50: float) -> None:
    round_trips = sorted(t for b in phase.bots for t in b.round_trips)
    moves = len(round_trips)
    p50 = statistics.median(round_trips)
    p95 = round_trips[round(0.95 * (moves - 1))]
    endings = sum(1 for b in phase.bots if b.ending is not None) // 2
    rss = f"{phase.peak_mb:.0f} MB" if phase.peak_mb is not None else "unknown here"
    cpu = f"{phase.server_cpu:.1f} s" if phase.server_cpu is not None else "unknown here"
    refused = sum(len(b.refused) for b in phase.bots)
    print(f"{phase.name}: {endings} whole games, {moves} players' moves in {phase.elapsed:.1f} s")
    print(f"  moves per second             {moves / phase.elapsed:.0f}")
    print(f"  round trip of a move         p50 {p50 * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms, "
          f"max {round_trips[-1] * 1000:.1f} ms   (target: p95 <= 100 ms)")  # fmt: skip
    print(f"  round trip / in-process      {p50 / local_p50:.0f}x at p50")
    print(f"  server peak memory (RSS)     {rss}   (target: <= 200 MB); server CPU {cpu}")
    if refused:
        print(f"  refused moves                {refused} (the bots never send stale moves: a bug)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tables", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--scenario", default="roosevelt-room-2019")
    parser.add_argument(
        "--think", type=float, nargs=2, default=(1.0, 4.0), metavar=("MIN", "MAX"),
        help="seconds a bot pauses before each move at class pace (1 4)",
    )  # fmt: skip
    args = parser.parse_args()

    flat_out = run_phase("flat out (no pause between moves)", args, None)
    class_pace = run_phase(
        f"class pace ({args.think[0]:g}-{args.think[1]:g} s to decide each move)",
        args, tuple(args.think),
    )  # fmt: skip
    local = in_process_seconds(flat_out.files, args.scenario)
    local_p50 = statistics.median(local)
    load = os.getloadavg() if hasattr(os, "getloadavg") else (float("nan"),) * 3
    print(f"classroom: {args.tables} tables, {2 * args.tables} bot clients over 127.0.0.1 "
          f"(one client process), {os.cpu_count()} cores, load average {load[0]:.1f} "
          "(a shared machine: other work competes)")  # fmt: skip
    print(f"the same moves in-process: p50 {local_p50 * 1000:.2f} ms "
          "(Session.play: engine and AI, no network, no database)")  # fmt: skip
    for phase in (flat_out, class_pace):
        report(phase, local_p50)


if __name__ == "__main__":
    main()
