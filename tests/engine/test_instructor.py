"""The instructor's interventions: injects, pausing the clock, moving the deadline.
Each is a recorded move, so saves and replays repeat it exactly."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine import apply, check_move, new_game, replay, transcript
from game.engine.moves import INSTRUCTOR, PAUSE, RESUME, Move
from game.saves import SaveGame, capture
from tests.helpers import random_game

MEXICO_OFFER = Move.propose("mexico", {"guard": "token"})


def test_inject_fires_its_effects_and_is_in_the_transcript(flagship):
    state = new_game(flagship, 1)
    before = state.meters["apprehensions"]
    events = apply(state, Move.inject("new-border-figures"))
    assert state.meters["apprehensions"] == before + 10000
    assert events[0].kind == "instructor" and "New border figures" in events[0].text
    assert events[0].cause.kind == "inject" and events[0].cause.source == "wayne-2019-07"
    assert "Instructor's inject" in transcript(state.log)
    assert state.move_count == 0  # the delegations' move count is untouched


def test_unknown_inject_is_refused_with_the_known_ones(flagship):
    state = new_game(flagship, 1)
    reason = check_move(state, Move.inject("alien-invasion"))
    assert reason and "new-border-figures" in reason


def test_paused_clock_stops_time_until_restarted(flagship):
    state = new_game(flagship, 1)
    apply(state, Move(INSTRUCTOR, PAUSE))
    day = state.day
    apply(state, MEXICO_OFFER)
    assert state.day == day
    assert check_move(state, Move(INSTRUCTOR, PAUSE)) == "the clock is already paused"
    apply(state, Move(INSTRUCTOR, RESUME))
    apply(state, Move("us", "reject"))
    assert state.day > day


def test_extending_the_deadline_moves_the_tariff_step(flagship):
    state = new_game(flagship, 1)
    step_before = state.next_tariff_step()
    apply(state, Move.extend(7))
    assert state.next_tariff_step()[0] == step_before[0] + 7
    assert "7 days later" in state.log[-1].text


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    seed=st.integers(0, 2**31 - 1),
    at=st.integers(0, 12),
    inject=st.sampled_from(["new-border-figures", "court-ruling", "market-reaction"]),
)
def test_injects_are_replayed_identically_from_a_save(flagship, seed, at, inject):
    state = random_game(flagship, seed, stop_after=at)
    if state.ending is None:
        apply(state, Move.inject(inject))
    state = random_game_continue(flagship, state, seed)
    save = SaveGame.loads(capture(state, {"us": "human", "mexico": "human"}).dumps())
    again = replay(flagship, save.seed, save.moves)
    assert transcript(again.log) == transcript(state.log)


def random_game_continue(ruleset, state, seed):
    import random

    from game.engine import is_terminal, legal_moves

    rng = random.Random(seed + 1)
    while not is_terminal(state) and state.move_count < 30:
        apply(state, legal_moves(state, state.actor).sample(rng))
    return state
