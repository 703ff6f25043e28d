"""The classroom under a class's load: one server process, 50 tables, two bot clients
per table over loopback (127.0.0.1 only), every table playing a whole game at once.

Prints moves per second, the p50/p95/p99 round trip of a move (sent → acknowledged,
which includes the commit to SQLite and the AI-free engine work), the server's peak
memory, the ratio of the round trip to the very same moves applied in-process (the
Session a local game uses, measured in the same run: the baseline), and the CPU time
per move of the server and of the bots' processes while the games are played. Targets
on 2 cores: p95 ≤ 100 ms with 100 clients, server ≤ 200 MB.

The hundred bots are real clients (game.net.client, as `brink join` uses), spread over
two client processes by default (`--client-processes`). A real class has a computer per
student, so nothing a client does costs the server's computer anything; here every
client shares the server's two cores. One process for all hundred measures that
process's event loop as much as the server: an acknowledgement waits behind the other
99 clients' views, and each of its memory collections walks 100 clients' objects (the
bots' processes settle their memory as the server does for that reason). One process
per core lets the clients work beside the server without outnumbering it; more than
the cores only makes the server wait for a core. The output says how many there were.

    python benchmarks/classroom.py [--tables 50] [--seed 1] [--client-processes 2]
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.engine.moves import INSTRUCTOR
from game.net.bots import SeatBot
from game.net.client import ClassClient
from game.net.room import TableSession
from game.net.server import settle_memory
from game.rules.ruleset import load_ruleset
from game.saves import SaveGame
from game.scenario.models import ROLES
from tests.net.server_process import RunningRoom, start_room

P95_TARGET_MS = 100.0
RSS_TARGET_MB = 200.0
# A seat: (table, role, code).
SeatCodes = list[tuple[int, str, str]]


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


@dataclass
class SeatResult:
    """What one bot measured (plain data: it crosses from a client process)."""

    round_trips: list[float]  # seconds, one per acknowledged move
    refused: list[str]
    ending: str | None


@dataclass
class Played:
    """What one client process measured while its bots played (plain data too)."""

    bots: list[SeatResult]
    start: float  # monotonic seconds when play started (after every bot connected)
    end: float
    cpu: float  # CPU seconds this process used while playing
    server_cpu: tuple[float, float] | None  # the server's CPU seconds at start and end


async def play_seats(
    url: str,
    seats: SeatCodes,
    seed: int,
    think: tuple[float, float] | None,
    ready: Any = None,
    server_pid: int | None = None,
) -> Played:
    """Connect a bot per seat, play every game to its end. `ready` (a barrier) holds
    the start until every client process has connected its bots: joining (the welcome
    and the first whole view) is not part of what is measured."""
    bots = [
        SeatBot(ClassClient(url, code), seed=seed * 1000 + 2 * t + ROLES.index(role), think=think)
        for t, role, code in seats
    ]
    await asyncio.gather(*(b.join() for b in bots))
    # Fifty clients in one process would have each of its full collections walk fifty
    # clients' views, which a student's computer, with one client, never does: this
    # process settles its memory as the server does.
    settle_memory()
    if ready is not None:
        await asyncio.to_thread(ready.wait)
    server_start = cpu_seconds(server_pid) if server_pid is not None else None
    start, cpu = time.monotonic(), time.process_time()
    await asyncio.wait_for(asyncio.gather(*(b.play(timeout=300) for b in bots)), 900)
    end, cpu = time.monotonic(), time.process_time() - cpu
    server_end = cpu_seconds(server_pid) if server_pid is not None else None
    await asyncio.gather(*(b.client.close() for b in bots))
    server_cpu = None
    if server_start is not None and server_end is not None:
        server_cpu = (server_start, server_end)
    return Played([SeatResult(b.round_trips, b.refused, b.ending) for b in bots], start, end,
                  cpu, server_cpu)  # fmt: skip


def _client_process(
    url: str, seats: SeatCodes, seed: int, think: tuple[float, float] | None,
    ready: Any, results: Any, server_pid: int,
) -> None:  # fmt: skip
    results.put(asyncio.run(play_seats(url, seats, seed, think, ready, server_pid)))


@dataclass
class ClassPlayed:
    bots: list[SeatResult]
    elapsed: float  # seconds from the first process's start to the last one's end
    client_cpu: float  # CPU seconds of the client processes while playing
    server_cpu: float | None  # CPU seconds of the server meanwhile


def play_class(
    room: RunningRoom,
    tables: int,
    seed: int,
    think: tuple[float, float] | None,
    processes: int = 1,
) -> ClassPlayed:
    """Every table's two seats played by bots, in `processes` client processes (the
    tables dealt out in turn)."""
    codes = room.codes
    seats: SeatCodes = [(t, role, codes[(t, role)]) for t in range(1, tables + 1) for role in ROLES]
    pid = room.process.pid
    if processes <= 1:
        answers = [asyncio.run(play_seats(room.url, seats, seed, think, None, pid))]
    else:
        context = multiprocessing.get_context("spawn")
        ready = context.Barrier(processes)
        queue = context.Queue()
        shares = [[s for s in seats if (s[0] - 1) % processes == k] for k in range(processes)]
        workers = [
            context.Process(
                target=_client_process, args=(room.url, share, seed, think, ready, queue, pid)
            )
            for share in shares
        ]
        for worker in workers:
            worker.start()
        answers = [queue.get(timeout=1200) for _ in workers]
        for worker in workers:
            worker.join()
    server = [a.server_cpu for a in answers if a.server_cpu is not None]
    return ClassPlayed(
        [r for a in answers for r in a.bots],
        max(a.end for a in answers) - min(a.start for a in answers),
        sum(a.cpu for a in answers),
        max(e for _, e in server) - min(s for s, _ in server) if server else None,
    )


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
    bots: list[SeatResult]
    elapsed: float
    files: dict[str, str]
    peak_mb: float | None
    server_cpu: float | None  # CPU seconds the server used while the games were played
    client_cpu: float  # the same for the client processes (the bots)


def run_phase(
    name: str, args: argparse.Namespace, think: tuple[float, float] | None, processes: int
) -> Phase:
    with tempfile.TemporaryDirectory(prefix="brink-class-bench-") as folder:
        room = start_room(
            Path(folder), "--tables", str(args.tables), "--seed", str(args.seed),
            scenario=args.scenario,
        )  # fmt: skip
        try:
            played = play_class(room, args.tables, args.seed, think, processes)
            files = asyncio.run(collect(room))
            return Phase(
                name, played.bots, played.elapsed, files, peak_rss_mb(room.process.pid),
                played.server_cpu, played.client_cpu,
            )  # fmt: skip
        finally:
            room.kill()


def percentile(ordered: list[float], share: float) -> float:
    """The value below which `share` of the sorted values lie (nearest rank)."""
    return ordered[round(share * (len(ordered) - 1))]


def report(phase: Phase, local: list[float]) -> dict[str, float]:
    """Print a phase's measurements beside their targets; return them for a summary."""
    round_trips = sorted(t for b in phase.bots for t in b.round_trips)
    local = sorted(local)
    moves = len(round_trips)
    p50, p95, p99 = (percentile(round_trips, q) for q in (0.5, 0.95, 0.99))
    local_p50, local_p95 = percentile(local, 0.5), percentile(local, 0.95)
    endings = sum(1 for b in phase.bots if b.ending is not None) // 2
    rss = f"{phase.peak_mb:.0f} MB" if phase.peak_mb is not None else "unknown here"
    local_mean = statistics.fmean(local)
    if phase.server_cpu is not None:
        per_move = phase.server_cpu / moves
        cpu = f"{per_move * 1000:.2f} ms ({per_move / local_mean:.0f}x the in-process move)"
    else:
        cpu = "unknown here"
    refused = sum(len(b.refused) for b in phase.bots)
    verdict = "met" if p95 * 1000 <= P95_TARGET_MS else "NOT met"
    print(f"{phase.name}: {endings} whole games, {moves} players' moves in {phase.elapsed:.1f} s")
    print(f"  moves per second             {moves / phase.elapsed:.0f}   "
          "(target: none of its own; the p95 below is measured at this rate)")  # fmt: skip
    print(f"  round trip of a move  p50    {p50 * 1000:6.1f} ms   (target: none of its own)")
    print(f"                        p95    {p95 * 1000:6.1f} ms   "
          f"(target: <= {P95_TARGET_MS:.0f} ms: {verdict})")  # fmt: skip
    print(f"                        p99    {p99 * 1000:6.1f} ms   (target: none of its own); "
          f"max {round_trips[-1] * 1000:.1f} ms")  # fmt: skip
    print(f"  round trip / in-process      {p50 / local_p50:.0f}x at p50, "
          f"{p95 / local_p95:.0f}x at p95   (baseline: the same moves in-process)")  # fmt: skip
    print(f"  server peak memory (RSS)     {rss}   (target: <= {RSS_TARGET_MB:.0f} MB)")
    print(f"  CPU per move: server {cpu}; the bots' processes "
          f"{phase.client_cpu / moves * 1000:.2f} ms   (all CPU while playing / moves: "
          "at class pace, mostly idle connections)")  # fmt: skip
    if refused:
        print(f"  refused moves                {refused} (the bots never send stale moves: a bug)")
    return {"p50": p50, "p95": p95, "p99": p99, "rate": moves / phase.elapsed}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tables", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--scenario", default="roosevelt-room-2019")
    parser.add_argument(
        "--think", type=float, nargs=2, default=(1.0, 4.0), metavar=("MIN", "MAX"),
        help="seconds a bot pauses before each move at class pace (1 4)",
    )  # fmt: skip
    parser.add_argument(
        "--client-processes", type=int, default=2, metavar="N",
        help="processes the bots are spread over, as a class's are over computers (2)",
    )  # fmt: skip
    args = parser.parse_args()
    processes = max(1, args.client_processes)

    flat_out = run_phase("flat out (no pause between moves)", args, None, processes)
    class_pace = run_phase(
        f"class pace ({args.think[0]:g}-{args.think[1]:g} s to decide each move)",
        args, tuple(args.think), processes,
    )  # fmt: skip
    local = in_process_seconds(flat_out.files, args.scenario)
    load = os.getloadavg() if hasattr(os, "getloadavg") else (float("nan"),) * 3
    spread = (
        "one client process" if processes == 1
        else f"spread over {processes} client processes, {2 * args.tables // processes}-odd "
        "bots each"
    )  # fmt: skip
    print(f"classroom: {args.tables} tables, {2 * args.tables} bot clients over 127.0.0.1 "
          f"({spread}), {os.cpu_count()} cores, load average {load[0]:.1f} "
          "(a shared machine: other work competes)")  # fmt: skip
    print(f"the same moves in-process (baseline): p50 {statistics.median(local) * 1000:.2f} ms "
          "(Session.play: engine and AI, no network, no database)")  # fmt: skip
    for phase in (flat_out, class_pace):
        report(phase, local)


if __name__ == "__main__":
    main()
