"""caravan-2018: the caravan walks at its historical pace, whatever the clock's steps."""

from __future__ import annotations

import pytest

from game.engine import Move, apply, new_game
from game.rules.ruleset import load_ruleset

LET_PASS = (("southern_border", "let_pass"),)
HISTORICAL = (
    ("southern_border", "police_line"),
    ("asylum", "register_with_unhcr"),
    ("detention", "detain_applicants"),
)


@pytest.mark.parametrize("offer", [LET_PASS, HISTORICAL], ids=["let-pass", "historical"])
def test_no_one_reaches_the_us_border_before_mid_november(offer):
    """Play-test: 400 were at the US border on the first day and 3,603 by 23 October;
    the first groups reached Tijuana in mid-November 2018 (public record)."""
    state = new_game(load_ruleset("caravan-2018"), 0)
    apply(state, Move(role="mexico", kind="propose", offer=offer))
    apply(state, Move(role="us", kind="accept"))
    at_border = {snap.date: snap.meters["reached_us_border"] for snap in state.timeline}
    assert all(count == 0 for date, count in at_border.items() if date < "2018-11-13")
    assert at_border["2018-11-13"] > 1000
    assert max(at_border.values()) >= 3000
