"""Helpers shared by the tests."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from game.engine import GameState, apply, is_terminal, legal_moves, new_game
from game.rules.ruleset import Ruleset

ROOT = Path(__file__).resolve().parent.parent


def fresh_python(code: str, save_dir: Path) -> list[str]:
    """Run `code` in a new interpreter (this one imported the game long ago), with this
    checkout's `game` and saves in `save_dir`; the lines it printed."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), BRINK_SAVE_DIR=str(save_dir))
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.splitlines()


def random_game(
    ruleset: Ruleset,
    seed: int,
    stop_after: int | None = None,
    after_move: Callable[[GameState], None] | None = None,
) -> GameState:
    """Play uniformly random legal moves (choices seeded by `seed`) to the end, or until
    `stop_after` moves; `after_move` may check the state after each move."""
    state = new_game(ruleset, seed)
    rng = random.Random(seed)
    while not is_terminal(state) and (stop_after is None or len(state.moves) < stop_after):
        apply(state, legal_moves(state, state.actor).sample(rng))
        if after_move is not None:
            after_move(state)
    return state


# Headless Chromium as the tests run it: no sandbox (containers), no GPU, nothing fetched
# from the network on its own account, and (added by each test) a fresh profile folder.
HEADLESS_CHROMIUM = [
    "chromium",
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
