"""The terminal game's responsiveness: start-up, key presses, memory.

1. Start-up to the first painted title screen, as `brink` alone reaches it (the command
   line imported first), as a ratio to `python -c "import textual.app"` timed in the
   same run, the two taking turns (target <= 1.3x). The game's modules are compiled
   to bytecode first, as an installed game's are (Textual's own always are): without it,
   a checkout run with PYTHONDONTWRITEBYTECODE compiles them on every start.
2. Key press -> screen updated at the negotiating table, p50/p95 via Pilot: changing an
   option (up/down, left/right; target p95 <= 33 ms) and proposing, which includes the
   AI's reply (target p95 <= 50 ms).
   Pilot decides the screen is updated by waiting until the process goes idle, which adds
   tens of milliseconds of sleeping to every press (a bare Textual app shows it too), so
   the figure reported is the CPU time the press costs from key event to repainted
   screen: the latency a player would see on an otherwise idle machine. The wall-clock
   figures under Pilot are printed beside it, with a bare app's for comparison.
3. Peak memory while playing a game, over a bare Textual app doing the same key presses
   (target <= +30 MB).

    python benchmarks/tui.py [--runs 10]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# The targets, printed beside each figure.
STARTUP_RATIO = 1.3
OPTION_P95_MS = 33.0
PROPOSE_P95_MS = 50.0
MEMORY_OVER_BARE_MB = 30.0

BASELINE = "import textual.app"
# `brink` alone: the command line is imported first, then the title screen is painted.
FIRST_PAINT = """
import game.cli.main
from game.tui.app import BrinkApp
class FirstPaint(BrinkApp):
    CSS_PATH = BrinkApp.css_file()
    def on_mount(self):
        super().on_mount()
        self.call_after_refresh(self.exit)
FirstPaint().run(headless=True, size=(80, 24))
"""
BARE_MEMORY = """
import asyncio, resource
from textual.app import App
from textual.widgets import Static
class Bare(App):
    def compose(self):
        yield Static("hello")
async def main():
    app = Bare()
    async with app.run_test(size=(80, 24)) as pilot:
        for key in ["right", "left", "down", "up"] * 10:
            await pilot.press(key)
asyncio.run(main())
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""
GAME_MEMORY = """
import asyncio, resource
from game.play.session import Session
from game.tui.app import BrinkApp
async def main():
    app = BrinkApp(Session.start("roosevelt-room-2019", "us", "ai-normal", 3))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        for key in ["right", "down", "p", "tab"] * 10:
            await pilot.press(key)
asyncio.run(main())
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env["BRINK_SAVE_DIR"] = tempfile.mkdtemp(prefix="brink-bench-")
    return env


def _times(codes: list[str], runs: int) -> list[float]:
    """Median wall time of running each of `codes` in a fresh Python, in seconds. The
    runs take turns (one of each, `runs` times over), so a machine that gets busier or
    quieter while they run moves every figure alike and leaves the ratios fair. Each
    code runs from a file, since Textual finds an App's CSS relative to the file
    defining it."""
    env = _env()
    scripts = []
    for index, code in enumerate(codes):
        script = Path(env["BRINK_SAVE_DIR"]) / f"probe{index}.py"
        script.write_text(code)
        scripts.append(script)
    times: list[list[float]] = [[] for _ in codes]
    for _ in range(runs):
        for script, taken in zip(scripts, times, strict=True):
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, str(script)],
                check=True,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            taken.append(time.perf_counter() - start)
    return [statistics.median(taken) for taken in times]


def _rss_mb(code: str) -> float:
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, env=_env(), capture_output=True, text=True
    ).stdout.split()[-1]
    return int(out) / 1024  # ru_maxrss is in KiB on Linux


async def _bare_keypresses(samples: int) -> list[float]:
    from textual.app import App
    from textual.widgets import DataTable

    class Bare(App[None]):
        def compose(self):  # type: ignore[no-untyped-def]
            yield DataTable()

        def on_mount(self) -> None:
            table = self.query_one(DataTable)
            table.add_columns("a", "b", "c")
            for i in range(9):
                table.add_row(str(i), "x", "y")
            table.focus()

    walls = []
    async with Bare().run_test(size=(80, 24)) as pilot:
        for i in range(samples):
            start = time.perf_counter()
            await pilot.press("down" if i % 2 else "up")
            await pilot.pause()
            walls.append(time.perf_counter() - start)
    return walls


async def _keypresses(samples: int) -> tuple[list[float], list[float], list[float], list[float]]:
    from game.play.session import Session
    from game.tui.app import BrinkApp

    os.environ["BRINK_SAVE_DIR"] = tempfile.mkdtemp(prefix="brink-bench-")
    app = BrinkApp(Session.start("roosevelt-room-2019", "mexico", "ai-normal", 3))
    option, propose, option_wall, propose_wall = [], [], [], []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        for i in range(samples):
            cpu, wall = time.process_time(), time.perf_counter()
            await pilot.press("right" if i % 2 else "down")
            await pilot.pause()  # until the screen has been updated
            option.append(time.process_time() - cpu)
            option_wall.append(time.perf_counter() - wall)
        for _ in range(min(samples, 12)):
            if type(app.screen).__name__ != "TableScreen":
                break
            cpu, wall = time.process_time(), time.perf_counter()
            await pilot.press("p")
            await pilot.pause()
            propose.append(time.process_time() - cpu)
            propose_wall.append(time.perf_counter() - wall)
    return option, propose, option_wall, propose_wall


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()

    # The game's modules compiled to bytecode first, as an installed game's are: without
    # it (PYTHONDONTWRITEBYTECODE, a fresh checkout) each probe below would compile them,
    # and pay for it in memory and time. In a process of its own, as the next comment says.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "game")], check=True)
    # Memory first: a child's peak RSS starts from its parent's, so measure it before this
    # process has run a game of its own.
    bare = _rss_mb(BARE_MEMORY)
    game = _rss_mb(GAME_MEMORY)
    print(
        f"peak memory: bare Textual app {bare:.1f} MB; Brinkmanship playing {game:.1f} MB; "
        f"difference {game - bare:+.1f} MB (target <= +{MEMORY_OVER_BARE_MB:.0f} MB)"
    )

    base, paint = _times([BASELINE, FIRST_PAINT], args.runs)
    print(
        f"start-up: `import textual.app` {base * 1000:.0f} ms; brink title screen painted "
        f"{paint * 1000:.0f} ms; ratio {paint / base:.2f}x (target <= {STARTUP_RATIO}x)"
    )

    option, propose, option_wall, propose_wall = asyncio.run(_keypresses(60))
    bare_wall = asyncio.run(_bare_keypresses(60))
    print(
        f"key press -> screen updated (table), CPU: option p50 {_pct(option, 0.5):.1f} ms, "
        f"p95 {_pct(option, 0.95):.1f} ms (target <= {OPTION_P95_MS:.0f} ms); propose + AI "
        f"reply p50 {_pct(propose, 0.5):.1f} ms, p95 {_pct(propose, 0.95):.1f} ms "
        f"(target <= {PROPOSE_P95_MS:.0f} ms)"
    )
    print(
        f"  wall clock under Pilot (includes its idle wait): option p95 "
        f"{_pct(option_wall, 0.95):.0f} ms, propose p95 {_pct(propose_wall, 0.95):.0f} ms; "
        f"bare Textual app p95 {_pct(bare_wall, 0.95):.0f} ms"
    )


if __name__ == "__main__":
    main()
