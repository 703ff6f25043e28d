"""roosevelt-room-2019: the custody crisis stays within its source's time."""

from __future__ import annotations

from game.engine import apply, is_terminal, legal_moves, new_game
from game.rules.ruleset import load_ruleset


def test_the_custody_crisis_happens_only_in_june():
    """Play-test: the event cited to the dispatch of 31 May fired on 1 September.
    The dispatch describes conditions up to late May, so it belongs to the talks."""
    ruleset = load_ruleset("roosevelt-room-2019")
    dates = []
    for seed in range(40):
        state = new_game(ruleset, seed)
        while not is_terminal(state):
            apply(state, legal_moves(state, state.actor).moves[0])
        dates += [e.date for e in state.log if "custody-crisis" in str(e.cause)]
    assert dates, "the event should still happen in some games"
    assert all(date <= "2019-06-30" for date in dates), dates
