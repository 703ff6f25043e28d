"""The core never depends on the terminal UI: importing it loads no textual."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE = [
    "game.engine",
    "game.rules",
    "game.scenario",
    "game.ai",
    "game.saves",
    "game.sim",
    "game.tools",
    "game.play",
]


@pytest.mark.parametrize("module", CORE)
def test_core_imports_no_textual(module):
    code = (
        f"import sys, {module}; "
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'));"
        "print(bad); raise SystemExit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, f"{module} imported {result.stdout.strip()}"


def test_core_sources_never_mention_textual():
    from tests.conftest import ROOT

    for package in ("engine", "rules", "scenario", "ai"):
        for path in (ROOT / "game" / package).rglob("*.py"):
            text = path.read_text()
            assert "import textual" not in text and "from textual" not in text, path


def test_no_wall_clock_or_global_random_in_the_engine():
    from tests.conftest import ROOT

    banned = (
        "time.time(",
        "datetime.now(",
        "date.today(",
        "random.random(",
        "random.choice(",
        "random.randint(",
        "random.shuffle(",
        "import time",
    )
    for package in ("engine", "rules", "ai"):
        for path in (ROOT / "game" / package).rglob("*.py"):
            text = path.read_text()
            for word in banned:
                assert word not in text, f"{path} uses {word}"
