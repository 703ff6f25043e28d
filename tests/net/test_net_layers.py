"""game.net sits above game.play and below the UI: it never loads textual, and the
layers under it never import it."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_the_classroom_modules_load_no_textual() -> None:
    modules = "game.net.server, game.net.client, game.net.room, game.net.bots"
    code = (
        f"import sys, {modules}; "
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'));"
        "print(bad); raise SystemExit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_nothing_below_the_classroom_imports_it() -> None:
    for package in ("engine", "rules", "scenario", "ai", "saves", "play", "sim", "report"):
        for path in (ROOT / "game" / package).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            assert "game.net" not in text, path
