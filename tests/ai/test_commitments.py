"""An AI does not take back what it has conceded, issue by issue, unless the other side
went back on something first; and then its reasons say what they took back."""

from __future__ import annotations

import dataclasses
import functools

from hypothesis import given, settings
from hypothesis import strategies as st

from game.ai import agent_rng, make_agent
from game.ai.preferences import preferences_for
from game.engine import apply, is_terminal, new_game, view
from game.engine.moves import PROPOSE, Move
from game.rules.ruleset import load_ruleset

SCENARIOS = ("roosevelt-room-2019", "caravan-2018", "review-2019")
STRATEGIC = ("ai-easy", "ai-normal", "ai-hard", "tit-for-tat")
OPPONENTS = ("random", "historical", *STRATEGIC)
OTHER = {"us": "mexico", "mexico": "us"}


@functools.cache
def ruleset_named(name: str):
    # Not a fixture: hypothesis would print the whole scenario with every failure.
    return load_ruleset(name)


def worse_for(judge, before: dict[str, str], after: dict[str, str]) -> list[str]:
    """Issues on which `after` is worth less to `judge` than `before` (written out here,
    not imported, so the test does not check the agent against its own arithmetic)."""
    return [i.id for i in judge.issues if i.values[after[i.id]] < i.values[before[i.id]] - 1e-9]


def mirrored(prefs):
    return dataclasses.replace(
        prefs,
        issues=tuple(
            dataclasses.replace(i, values={o: -v for o, v in i.values.items()})
            for i in prefs.issues
        ),
        _ranked=None,
    )


def full(ruleset, move: Move) -> dict[str, str]:
    defaults = {i.id: i.default_option() for i in ruleset.scenario.issues}
    return {**defaults, **dict(move.offer)}


@settings(max_examples=60, deadline=None)
@given(
    scenario=st.sampled_from(SCENARIOS),
    seed=st.integers(0, 2**31 - 1),
    agent=st.sampled_from(STRATEGIC),
    opponent=st.sampled_from(OPPONENTS),
    role=st.sampled_from(("us", "mexico")),
)
def test_an_ai_never_takes_back_a_concession_unless_the_other_side_did(
    scenario, seed, agent, opponent, role
):
    ruleset = ruleset_named(scenario)
    names = {role: agent, OTHER[role]: opponent}
    players = {r: make_agent(n, ruleset, seed) for r, n in names.items()}
    me = preferences_for(ruleset, role)
    # Taking back, for the AI, is asking more for itself on an issue: worse for a mirror
    # of itself, the side that wants each issue the other way.
    mirror = mirrored(me)
    labels = {i.id: i.label for i in ruleset.scenario.issues}
    state = new_game(ruleset, seed)
    mine: list[dict[str, str]] = []
    theirs: list[dict[str, str]] = []
    taken_back_since: set[str] = set()  # issues the other side went back on since our offer
    while not is_terminal(state):
        actor = state.actor
        decision = players[actor].decide(
            view(state, actor), agent_rng(seed, actor, len(state.moves))
        )
        if decision.move.kind == PROPOSE and actor == role:
            offer = full(ruleset, decision.move)
            back = worse_for(mirror, mine[-1], offer) if mine else []
            if back:
                assert taken_back_since, (back, "went back with nothing taken back first")
                for issue in back:
                    said = [r.text for r in decision.reasons if r.issue == issue]
                    assert said, issue
                    assert "went back on" in said[0]
                    assert any(labels[i] in said[0] for i in taken_back_since), said[0]
            else:
                assert not any("went back on" in r.text for r in decision.reasons)
            mine.append(offer)
            taken_back_since = set()
        elif decision.move.kind == PROPOSE:
            offer = full(ruleset, decision.move)
            if theirs:
                taken_back_since |= set(worse_for(me, theirs[-1], offer))
            theirs.append(offer)
        apply(state, decision.move)


def test_after_a_retraction_the_ai_may_take_back_and_says_why():
    """Mexico offers 6,000 troops, then takes them back: the US may then go back on an
    issue it had conceded, naming the Guard as the reason."""
    ruleset = ruleset_named("roosevelt-room-2019")
    found = 0
    for seed in range(40):
        state = new_game(ruleset, seed)
        us = make_agent("ai-normal", ruleset, seed)
        generous = {"guard": "southern_6000", "smuggling": "crackdown_and_assets"}
        apply(state, Move.propose("mexico", generous))
        apply(state, us.decide(view(state, "us"), agent_rng(seed, "us", 1)).move)
        apply(state, Move.propose("mexico", {"guard": "none", "smuggling": "none"}))
        decision = us.decide(view(state, "us"), agent_rng(seed, "us", 3))
        backs = [r for r in decision.reasons if "went back on" in r.text]
        if backs:
            found += 1
            assert all("National Guard" in r.text for r in backs)
    assert found, "some US counter-offer uses the release"
