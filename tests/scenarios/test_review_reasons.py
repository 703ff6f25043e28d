"""review-2019: the Mexican AI's reason for its asylum ask agrees with the ask."""

from __future__ import annotations

from game.ai import agent_rng, make_agent
from game.engine import Move, apply, new_game
from game.engine.api import view
from game.rules.ruleset import load_ruleset

TO_THE_TALKS = [
    ("mexico", "overdeliver"),
    ("mexico", "enforce_with_screening"),
    ("mexico", "hold_course"),
    ("mexico", "report_and_press_us"),
    ("us", "certify_progress"),
    ("mexico", "hold_course"),
    ("mexico", "hold_course"),
    ("mexico", "report_and_press_us"),
]


def test_asking_for_no_change_is_not_argued_as_regional_sharing():
    """Play-test: Mexico asked for "No change" while its reason argued that regional
    sharing was acceptable, so the reason read as a case for the other option."""
    ruleset = load_ruleset("review-2019")
    state = new_game(ruleset, 0)
    for role, action in TO_THE_TALKS:
        apply(state, Move.act(role, action))
    apply(
        state,
        Move(
            role="us",
            kind="propose",
            offer=(("asylum_terms", "safe_third_country"), ("us_support", "none")),
        ),
    )
    agent = make_agent("ai-normal", ruleset, seed=0)
    decision = agent.decide(view(state, "mexico"), agent_rng(0, "mexico", state.move_count))
    assert dict(decision.move.offer)["asylum_terms"] == "none"
    asylum = next(
        line for line in decision.explanation().splitlines() if "Asylum arrangement" in line
    )
    assert "“No change: the measures continue”" in asylum
    assert "commits Mexico to nothing new" in asylum, asylum
