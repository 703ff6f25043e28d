"""Every bundled scenario: lints without errors, and random play ends cleanly."""

from __future__ import annotations

import random

import pytest

from game.engine import apply, is_terminal, legal_moves, new_game
from game.rules.ruleset import load_ruleset
from game.scenario.registry import bundled_scenarios
from game.tools.lint import lint

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
    for seed in range(40):
        state = new_game(ruleset, seed)
        rng = random.Random(seed)
        while not is_terminal(state):
            apply(state, legal_moves(state, state.actor).sample(rng))
            for name, meter in scenario.meters.items():
                assert meter.min <= state.meters[name] <= meter.max
        assert len(state.moves) <= scenario.max_moves
        endings.add(state.ending)
    assert len(endings) >= 3
    assert len(scenario.endings) >= 4
