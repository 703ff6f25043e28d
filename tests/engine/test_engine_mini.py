"""Engine behaviour on a small scenario whose every rule we can reason about."""

from __future__ import annotations

import pytest

from game.engine import (
    IllegalMove,
    Move,
    apply,
    check_move,
    is_terminal,
    legal_moves,
    new_game,
    outcome,
    transcript,
    view,
)
from tests.helpers import random_game


def test_start_state(mini):
    state = new_game(mini, seed=1)
    assert state.phase == "talks_mexico"
    assert state.actor == "mexico"
    assert state.tariff_status == "threatened"
    assert state.tariff_rate == 0
    assert not is_terminal(state)


def test_only_the_actor_may_move(mini):
    state = new_game(mini, seed=1)
    assert not legal_moves(state, "us")
    reason = check_move(state, Move.propose("us", {"guard": "large"}))
    assert reason is not None and "not your turn" in reason
    with pytest.raises(IllegalMove):
        apply(state, Move.propose("us", {"guard": "large"}))
    assert state.moves == []


def test_illegal_offer_explains_and_changes_nothing(mini):
    state = new_game(mini, seed=1)
    before = transcript(state.log)
    reason = check_move(state, Move.propose("mexico", {"guard": "huge"}))
    assert reason == "`huge` is not an option of Guard deployment"
    assert (
        check_move(state, Move("mexico", "accept"))
        == "there is no offer from the other side to accept"
    )
    assert transcript(state.log) == before and state.moves == []


def test_marginal_acceptance_is_voided_by_rule(mini):
    state = new_game(mini, seed=1)
    apply(state, Move.propose("mexico", {"guard": "small"}))
    events = apply(state, Move("us", "accept"))
    assert state.deal is None
    assert state.phase == "talks_mexico"
    news = [e for e in events if e.kind == "news"]
    assert news and news[0].cause.id == "marginal" and news[0].cause.source == "wayne-2019"


def test_deal_suspends_tariffs_and_plays_out(mini):
    state = new_game(mini, seed=1)
    apply(state, Move.propose("mexico", {"guard": "large", "review": "days_45"}))
    apply(state, Move("us", "accept"))
    assert state.tariff_status == "suspended"
    apply(state, Move.act("mexico", "deliver"))
    assert is_terminal(state)
    assert state.meters["apprehensions"] < 100_000
    result = outcome(state)
    assert result.ending_id == "deal-holds"
    assert result.scores == {"us": 100, "mexico": 100}
    assert result.success == {"us": True, "mexico": True}
    # The scheduled review fired, 45 days after the deal, visible to the US only.
    review = next(e for e in state.log if e.cause.id == "review" and e.kind == "news")
    assert review.visible_to == ("us",)
    assert review.day == pytest.approx(state.deal_day + 45)


def test_no_deal_climbs_the_ladder(mini):
    state = new_game(mini, seed=2)
    apply(state, Move("mexico", "walk_out"))
    assert is_terminal(state)
    rates = [e.data["rate"] for e in state.log if e.kind == "tariff"]
    assert rates == [5, 10, 15]
    assert [e.date for e in state.log if e.kind == "tariff"] == [
        "2019-06-10",
        "2019-07-01",
        "2019-08-01",
    ]
    assert outcome(state).ending_id == "trade-war"


def test_meters_are_clamped_and_rounded(mini):
    state = new_game(mini, seed=3)
    apply(state, Move.propose("mexico", {"guard": "large"}))
    apply(state, Move("us", "accept"))
    apply(state, Move.act("mexico", "deliver"))
    for name, meter in mini.scenario.meters.items():
        value = state.meters[name]
        assert meter.min <= value <= meter.max
        assert value == int(value)


def test_view_hides_private_meters(mini):
    state = new_game(mini, seed=1)
    us, mexico = view(state, "us"), view(state, "mexico")
    assert "approval" not in {m.name for m in us.meters}
    assert "approval" in {m.name for m in mexico.meters}
    assert "approval" not in us.env
    assert us.delegation.briefing == "Get enforcement."
    assert mexico.delegation.briefing == "Avoid tariffs."
    # An event visible only to the US never reaches Mexico's view.
    apply(state, Move.propose("mexico", {"guard": "large", "review": "days_45"}))
    apply(state, Move("us", "accept"))
    apply(state, Move.act("mexico", "deliver"))
    assert any(e.cause.id == "review" for e in view(state, "us").events)
    assert not any(
        e.cause.id == "review" and e.kind == "news" for e in view(state, "mexico").events
    )


def test_clone_is_independent(mini):
    state = new_game(mini, seed=4)
    twin = state.clone()
    apply(twin, Move.propose("mexico", {"guard": "large"}))
    assert state.moves == [] and state.offer is None
    assert twin.rng.random() == state.rng.random()


def test_random_play_is_deterministic(mini):
    def play(seed: int) -> str:
        return transcript(random_game(mini, seed).log)

    assert play(11) == play(11)
    assert len({play(seed) for seed in range(6)}) > 1


def test_a_view_is_a_snapshot_of_the_log(mini):
    state = new_game(mini, seed=1)
    before = view(state, "us")
    count = len(before.events)
    apply(state, Move.propose("mexico", {"guard": "large"}))
    assert len(before.events) == count
    assert len(view(state, "us").events) > count
