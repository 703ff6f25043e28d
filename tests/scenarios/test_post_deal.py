"""After the deal: the reviews keep to the deal's terms, and a tariff returns only after
Mexico has had a move to answer the notice."""

from __future__ import annotations

import pytest

from game.ai import agent_rng, make_agent
from game.engine import apply, new_game, outcome, view
from game.engine.api import game_for
from game.engine.moves import ACT
from game.rules.ruleset import load_ruleset
from game.sim.runner import play_game
from tests.helpers import random_game

POST_DEAL = ("roosevelt-room-2019", "review-2019")


def _revivals(state):
    """The tariff events that bring the tariff back from suspension."""
    found = []
    for event in state.log:
        was_suspended = event.kind == "tariff" and "suspended" in event.text.split("→")[0]
        if was_suspended and event.data.get("status") in ("threatened", "imposed"):
            found.append(event)
    return found


@pytest.mark.parametrize("scenario_id", POST_DEAL)
def test_a_suspended_tariff_returns_only_after_mexico_answered_a_notice(scenario_id):
    ruleset = load_ruleset(scenario_id)
    revived = 0
    for seed in range(80):
        state = random_game(ruleset, seed)
        for event in _revivals(state):
            revived += 1
            assert event.cause.id == "revive_tariff", (seed, event.line())
            moves = [m for m in state.moves if not m.by_instructor]
            index = next(
                i for i, m in enumerate(moves) if m.kind == "act" and m.action == "revive_tariff"
            )
            assert moves[index - 1].role == "mexico", (seed, moves[index - 1])
            assert moves[index - 2].action == "demand_more" or moves[index - 2].kind in (
                "walk_out",
                "propose",
                "reject",
            ), (seed, moves[index - 2])
    assert revived, "random play should revive the tariff at least once"


@pytest.mark.parametrize("scenario_id", POST_DEAL)
def test_historical_agents_pass_the_reviews(scenario_id):
    ruleset = load_ruleset(scenario_id)
    state = play_game(ruleset, 7, {"us": "historical", "mexico": "historical"})
    result = outcome(state)
    assert result.ending is not None and result.ending.historical, result.ending_id
    assert not state.flags["tariff_ever_imposed"]


@pytest.mark.parametrize("scenario_id", POST_DEAL)
def test_ai_reviewers_certify_the_2019_record(scenario_id):
    """Played along the 2019 record, every AI difficulty makes the verdict the US made
    at each review (certify), and says it judged the deal's numbers."""
    ruleset = load_ruleset(scenario_id)
    state = new_game(ruleset, 7)
    verdicts = 0
    for move in game_for(ruleset).history:
        if move.role == "us" and move.kind == ACT:
            for level in ("ai-easy", "ai-normal", "ai-hard"):
                agent = make_agent(level, ruleset, 7)
                decision = agent.decide(view(state, "us"), agent_rng(7, "us", state.move_count))
                assert decision.move == move, (level, decision.explanation())
                assert "threshold of 100,000" in decision.explanation()
            verdicts += 1
        apply(state, move)
    # roosevelt-room: both reviews; review-2019: the 45-day one (the 90-day is talks).
    assert verdicts == (2 if scenario_id == "roosevelt-room-2019" else 1)
