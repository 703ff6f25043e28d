"""The historical agent refuses a scenario that records no `history:` instead of playing
at random, and says what to do instead."""

from __future__ import annotations

import pytest

from game.ai import make_agent
from game.ai.historical import NoHistory
from game.cli.main import main
from game.rules.ruleset import load_ruleset
from game.sim.tournament import tournament


@pytest.fixture(scope="module")
def caravan():
    ruleset = load_ruleset("caravan-2018")
    assert not ruleset.scenario.history
    return ruleset


def test_the_historical_agent_refuses_a_scenario_without_history(caravan):
    with pytest.raises(NoHistory, match=r"records none; choose another agent"):
        make_agent("historical", caravan, 0)


def test_it_still_plays_a_scenario_with_history(flagship):
    assert make_agent("historical", flagship, 0).name == "historical"


def test_simulate_says_so_plainly(capsys):
    assert main(["simulate", "caravan-2018", "--us", "historical", "--runs", "2"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("brink simulate: error: the `historical` agent replays")
    assert "internal error" not in err


def test_a_tournament_leaves_it_out_without_history(caravan):
    report = tournament(caravan, 1, 0, ("random", "historical"))
    assert report.agents == ("random",)
