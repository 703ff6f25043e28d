"""The project's promises about itself: README, CI, schema, bundled data."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile

import pytest

from tests.conftest import ROOT


def _quick_start() -> list[str]:
    text = (ROOT / "README.md").read_text()
    section = text.split("## Quick start", 1)[1]
    block = section.split("```", 2)[1]
    return [
        line
        for line in block.splitlines()[1:]
        if line.strip() and not line.lstrip().startswith("#")
    ]


def test_readme_quick_start_is_two_commands():
    commands = _quick_start()
    assert len(commands) == 2
    assert commands[0].endswith("/brink") and "pytest" in commands[1]


def test_ci_runs_exactly_the_readme_test_command():
    printed = subprocess.run(
        ["bash", str(ROOT / ".ci" / "run"), "--print-command"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert printed == _quick_start()[1]


def test_committed_schema_is_current():
    from game.cli.commands.schema import schema_text

    committed = (ROOT / "assets" / "scenario.schema.json").read_text()
    assert committed == schema_text(), "run: brink schema > assets/scenario.schema.json"
    schema = json.loads(committed)
    # Every field of the models carries a description for the editor's tooltips.
    for name, definition in schema.get("$defs", {}).items():
        for field, spec in definition.get("properties", {}).items():
            assert spec.get("description"), f"{name}.{field} has no description"


def test_bundled_scenarios_declare_the_schema():
    from game.scenario.registry import bundled_scenarios

    scenarios = bundled_scenarios()
    assert "roosevelt-room-2019" in scenarios
    for path in scenarios.values():
        first = path.read_text().splitlines()[0]
        assert first == "# yaml-language-server: $schema=../assets/scenario.schema.json"


def test_wheel_carries_the_bundled_scenarios(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(tmp_path),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0 and "No module named" in result.stderr:
        pytest.skip("build backend not installed")
    assert result.returncode == 0, result.stderr[-2000:]
    wheel = next(tmp_path.glob("*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "game/_bundled/scenarios/roosevelt-room-2019.yaml" in names
    assert "game/_bundled/assets/scenario.schema.json" in names
    assert "game/_bundled/scenarios/roosevelt-room-2019.tests.yaml" in names
    assert "game/tools/templates/scenario.yaml" in names
    assert "game/tools/templates/scenario.es.yaml" in names
    assert "game/engine/api.py" in names
    assert "game/tui/brink.tcss" in names
    assert "game/_bundled/assets/title.txt" in names
