"""A seat's copy of the scenario: readable by the screens, without what it may not know."""

from __future__ import annotations

import pytest

from game.net.remote_session import seat_scenario
from game.net.views import scoped_scenario
from game.rules.ruleset import load_ruleset
from game.scenario.registry import bundled_scenarios


@pytest.mark.parametrize("scenario_id", sorted(bundled_scenarios()))
@pytest.mark.parametrize("role", ["us", "mexico"])
def test_every_seat_copy_is_a_model_without_the_other_sides_secrets(scenario_id, role):
    full = load_ruleset(scenario_id).scenario
    seat = seat_scenario(scoped_scenario(full, role))
    other = "mexico" if role == "us" else "us"
    assert seat.roles[role].briefing == full.roles[role].briefing
    assert seat.roles[other].briefing == ""
    assert [o.text for o in seat.roles[other].objectives] == ["Confidential to that delegation"]
    assert [i.id for i in seat.issues] == [i.id for i in full.issues]
    assert [i.label for i in seat.injects] == [i.label for i in full.injects]


def test_the_remote_session_loads_no_textual():
    import subprocess
    import sys

    code = (
        "import sys, game.net.remote_session; "
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'));"
        "raise SystemExit(1 if bad else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
