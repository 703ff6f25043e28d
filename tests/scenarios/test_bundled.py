"""Every bundled scenario: lints without errors, and random play ends cleanly."""

from __future__ import annotations

import pytest

from game.rules.ruleset import load_ruleset
from game.scenario.registry import bundled_scenarios
from game.tools.lint import lint
from tests.helpers import random_game

BUNDLED = sorted(bundled_scenarios())


@pytest.mark.parametrize("scenario_id", BUNDLED)
def test_lints_without_errors(scenario_id):
    report = lint(load_ruleset(scenario_id), games=50)
    assert report.errors == []


@pytest.mark.parametrize("scenario_id", BUNDLED)
def test_random_play_ends_within_limits(scenario_id):
    ruleset = load_ruleset(scenario_id)
    scenario = ruleset.scenario
    endings = set()

    def meters_in_range(state):
        for name, meter in scenario.meters.items():
            assert meter.min <= state.meters[name] <= meter.max

    for seed in range(40):
        state = random_game(ruleset, seed, after_move=meters_in_range)
        assert len(state.moves) <= scenario.max_moves
        endings.add(state.ending)
    assert len(endings) >= 3
    assert len(scenario.endings) >= 4
