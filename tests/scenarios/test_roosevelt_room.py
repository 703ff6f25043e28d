"""The flagship scenario: history replays, random play is varied and safe."""

from __future__ import annotations

from game.engine import (
    Move,
    apply,
    is_terminal,
    legal_moves,
    new_game,
    outcome,
    transcript,
    view,
)
from tests.helpers import random_game
from tests.scenarios.historical import EBRARD_FIRST_OFFER, HISTORICAL_MOVES


def test_historical_path_reaches_the_historical_ending(flagship):
    state = new_game(flagship, seed=1)
    assert state.phase == "mexico_turn" and state.date.isoformat() == "2019-06-05"
    for move in HISTORICAL_MOVES:
        apply(state, move)
    log = state.log
    marginal = [e for e in log if e.cause.id == "marginal-offer-rejected"]
    assert marginal and marginal[0].date == "2019-06-05"
    assert any(e.cause.id == "safe-third-country-legal-round" for e in log)
    deal = next(e for e in log if e.kind == "deal")
    assert deal.date == "2019-06-07", "the deal lands on Friday 7 June, before the deadline"
    assert not any(e.kind == "tariff" and e.data.get("status") == "imposed" for e in log)
    assert all(s.tariff_rate == 0 for s in state.timeline)
    assert [e.date for e in log if e.kind == "phase" and e.data["phase"] == "review"] == [
        "2019-07-22",
        "2019-09-05",
    ]
    arrived = next(e for e in log if e.kind == "meter" and e.data["meter"] == "guard_deployed")
    assert arrived.date == "2019-06-21", "the forces reach their posts in the second half of June"
    assert is_terminal(state)
    result = outcome(state)
    assert result.ending is not None and result.ending.historical
    assert result.ending_id == "joint-declaration"
    assert result.success == {"us": True, "mexico": True}
    assert state.meters["apprehensions"] < 100_000


def test_first_offer_rejected_as_marginal_and_president_vetoes_it(flagship):
    state = new_game(flagship, seed=2)
    apply(state, Move.propose("mexico", EBRARD_FIRST_OFFER))
    events = apply(state, Move("us", "accept"))
    assert state.deal is None
    assert state.phase == "mexico_turn"
    assert any(e.cause.id == "president-vetoes-marginal-deal" and e.kind == "news" for e in events)


def test_random_play_reaches_several_endings(flagship):
    endings = set()
    for seed in range(60):
        state = random_game(flagship, seed)
        assert len(state.moves) <= flagship.scenario.max_moves
        endings.add(state.ending)
    assert len(endings) >= 4


def test_same_seed_and_moves_same_transcript(flagship):
    def play() -> str:
        state = new_game(flagship, seed=9)
        for move in HISTORICAL_MOVES:
            apply(state, move)
        return transcript(state.log)

    assert play() == play()


def _to_first_review(flagship, deployment: str, seed: int = 4):
    state = new_game(flagship, seed=seed)
    for move in HISTORICAL_MOVES[:7]:
        apply(state, move)
    apply(state, Move.act("mexico", deployment))
    apply(state, Move.act("mexico", "enforce_with_screening"))
    apply(state, Move.act("mexico", "hold_course"))
    apply(state, Move.act("mexico", "report_and_press_us"))
    assert state.phase == "review" and state.date.isoformat() == "2019-07-22"
    return state


def test_a_revived_tariff_gives_mexico_a_move_first(flagship):
    """A short deployment draws a notice, not a tariff: Mexico answers before the US
    may revive it. Revived, the ladder resumes where it was suspended: the deal came
    2.6 days before the 10 June step, so the 5% step follows 2.6 days later."""
    state = _to_first_review(flagship, "underdeliver")
    assert Move.act("us", "revive_tariff") not in legal_moves(state, "us")
    apply(state, Move.act("us", "demand_more"))
    assert state.tariff_status == "suspended" and state.actor == "mexico"
    apply(state, Move.act("mexico", "stand_on_the_record"))
    apply(state, Move.act("us", "revive_tariff"))
    imposed = [e for e in state.log if e.kind == "tariff" and e.data.get("status") == "imposed"]
    assert imposed[0].date == "2019-07-29" and imposed[0].data["rate"] == 5
    keep = Move.act("us", "keep_revived_tariff")
    while not is_terminal(state):
        legal = legal_moves(state, state.actor)
        apply(state, keep if keep in legal else legal.moves[0])
    assert outcome(state).ending_id == "deal-collapses"


def test_the_ai_reviewer_follows_the_deal_terms(flagship):
    """Full delivery is certified with the figures quoted; a short one draws a notice."""
    from game.ai import agent_rng, make_agent

    for deployment, expected in (
        ("deliver_as_promised", "certify_progress"),
        ("overdeliver", "certify_progress"),
        ("underdeliver", "demand_more"),
    ):
        state = _to_first_review(flagship, deployment)
        for name in ("ai-easy", "ai-normal", "ai-hard"):
            agent = make_agent(name, flagship, seed=4)
            decision = agent.decide(view(state, "us"), agent_rng(4, "us", state.move_count))
            assert decision.move.action == expected, (deployment, name, decision.reasons)
            text = decision.explanation()
            promised = "6,000 promised"
            assert promised in text and "threshold of 100,000" in text, text


def test_historical_agents_reach_the_historical_ending(flagship):
    from game.sim.runner import play_game

    state = play_game(flagship, seed=11, agents={"us": "historical", "mexico": "historical"})
    assert outcome(state).ending_id == "joint-declaration"
    assert state.moves == list(game_history(flagship))


def game_history(ruleset):
    from game.engine.api import game_for

    return game_for(ruleset).history


def test_scenario_history_matches_the_tested_path(flagship):
    assert list(game_history(flagship)) == HISTORICAL_MOVES
