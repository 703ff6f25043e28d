"""The reasons an AI gives for its actions quote only names the game knows."""

from __future__ import annotations

import pytest

from game.ai.actions import fill, placeholders
from game.engine import new_game
from game.rules.ruleset import load_ruleset
from game.scenario.registry import bundled_scenarios


@pytest.mark.parametrize("scenario_id", sorted(bundled_scenarios()))
def test_every_quoted_name_is_known(scenario_id):
    ruleset = load_ruleset(scenario_id)
    env = new_game(ruleset, 0).env
    for role_id, role in ruleset.scenario.roles.items():
        if role.preferences is None:
            continue
        for action, valuation in role.preferences.actions.items():
            unknown = placeholders(valuation.why) - set(env)
            assert not unknown, (scenario_id, role_id, action, unknown)


def test_fill_writes_figures_and_leaves_the_rest():
    env = {"apprehensions": 95040.0, "review_threshold": 100000.0, "notice_given": False}
    text = "{apprehensions} under {review_threshold}; notice {notice_given}; {missing} {0} {a.b}"
    assert fill(text, env) == "95,040 under 100,000; notice no; {missing} {0} {a.b}"
