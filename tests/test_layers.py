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


def _lint_imports(root) -> subprocess.CompletedProcess[str]:
    """Run import-linter on the package under `root` with the project's contracts."""
    import os

    code = "from importlinter.cli import lint_imports_command; lint_imports_command()"
    return subprocess.run(
        [sys.executable, "-c", code, "--config", "pyproject.toml", "--no-cache"],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
        capture_output=True,
        text=True,
    )


def test_import_contracts_are_kept():
    """The `layers` and `core-without-textual` contracts of pyproject.toml hold."""
    from tests.conftest import ROOT

    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout


def test_import_contracts_catch_an_upward_import(tmp_path):
    """A lower layer importing a higher one breaks the contract (the check is not vacuous)."""
    import shutil

    from tests.conftest import ROOT

    shutil.copytree(ROOT / "game", tmp_path / "game", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    engine = tmp_path / "game" / "engine" / "__init__.py"
    engine.write_text(engine.read_text() + "\nimport game.report  # upward\n")
    result = _lint_imports(tmp_path)
    assert result.returncode != 0
    assert "game.engine is not allowed to import game.report" in result.stdout
