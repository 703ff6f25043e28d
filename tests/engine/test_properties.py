"""Hypothesis: random legal play never raises and keeps every invariant."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine import apply, check_move, is_terminal, legal_moves, new_game, transcript

SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _invariants(state) -> None:
    scenario = state.game.scenario
    for name, meter in scenario.meters.items():
        assert meter.min <= state.meters[name] <= meter.max, name
    ladder = scenario.tariff_ladder
    allowed_rates = {0.0} | ({s.rate for s in ladder.steps} if ladder else set())
    assert state.tariff_rate in allowed_rates
    assert len(state.moves) <= scenario.max_moves
    assert state.phase in {p.id for p in scenario.phases}
    days = [e.day for e in state.log]
    assert days == sorted(days), "events are in time order"


def _play(ruleset, seed: int, choice_seed: int):
    state = new_game(ruleset, seed)
    rng = random.Random(choice_seed)
    _invariants(state)
    while not is_terminal(state):
        menu = legal_moves(state, state.actor)
        assert menu, f"no legal move in phase {state.phase}"
        # The menu's quick test agrees with check_move's worded one, move for move.
        candidates = state.game.role_moves[state.actor]
        assert menu.moves == tuple(m for m in candidates if check_move(state, m) is None)
        move = menu.sample(rng)
        assert move in menu
        assert check_move(state, move) is None
        apply(state, move)
        _invariants(state)
    return state


@SETTINGS
@given(seed=st.integers(0, 2**31 - 1), choices=st.integers(0, 2**31 - 1))
def test_random_play_keeps_invariants_mini(mini, seed, choices):
    state = _play(mini, seed, choices)
    assert state.ending is not None


@SETTINGS
@given(seed=st.integers(0, 2**31 - 1), choices=st.integers(0, 2**31 - 1))
def test_random_play_keeps_invariants_flagship(flagship, seed, choices):
    state = _play(flagship, seed, choices)
    assert state.ending in {e.id for e in flagship.scenario.endings}


@SETTINGS
@given(seed=st.integers(0, 2**31 - 1), choices=st.integers(0, 2**31 - 1))
def test_same_inputs_same_transcript(flagship, seed, choices):
    first = _play(flagship, seed, choices)
    second = _play(flagship, seed, choices)
    assert transcript(first.log) == transcript(second.log)
    assert first.meters == second.meters
