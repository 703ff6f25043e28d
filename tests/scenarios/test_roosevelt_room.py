"""The flagship scenario: history replays, random play is varied and safe."""

from __future__ import annotations

from game.engine import Move, apply, is_terminal, legal_moves, new_game, outcome, transcript
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
    assert [e.date for e in log if e.kind == "phase" and "Review" in e.text] == [
        "2019-07-22",
        "2019-09-05",
    ]
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


def test_review_can_revive_the_tariff_clock(flagship):
    """Demanding more at the 45-day review resumes the ladder where it was suspended:
    the deal came 2.6 days before the 10 June step, so the 5% step follows 2.6 days later."""
    state = new_game(flagship, seed=4)
    for move in HISTORICAL_MOVES[:7]:
        apply(state, move)
    apply(state, Move.act("mexico", "underdeliver"))
    assert state.phase == "review" and state.date.isoformat() == "2019-07-22"
    apply(state, Move.act("us", "demand_more"))
    imposed = [e for e in state.log if e.kind == "tariff" and e.data.get("status") == "imposed"]
    assert imposed[0].date == "2019-07-25" and imposed[0].data["rate"] == 5
    while not is_terminal(state):
        apply(state, legal_moves(state, state.actor).moves[0])
    assert outcome(state).ending_id == "deal-collapses"


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
