"""`brink` alone shows the title screen: what it imports before that screen is painted.

The engine, the rule compiler and the scenario models (with pydantic and PyYAML under
them) load when a game starts; loading them first cost every start a fifth of a second
and most of the start-up budget (benchmarks/tui.py).
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import fresh_python

HEAVY = ("pydantic", "yaml", "transitions", "game.rules", "game.engine", "game.scenario.models")

PROBE = """
import json, sys
import game.cli.main, game.tui.app, game.tui.screens.title
print(json.dumps(sorted(sys.modules)))
"""


def test_the_title_path_imports_no_game_machinery(tmp_path: Path) -> None:
    loaded = json.loads(fresh_python(PROBE, tmp_path)[-1])
    assert "game.tui.screens.title" in loaded  # the probe did import the title path
    heavy = [m for m in loaded if m.startswith(HEAVY)]
    assert heavy == []
