"""The AI delegations: legal play, the concession curve, acceptance, determinism,
explanations, the historical record, and the flagship's balance."""

from __future__ import annotations

import itertools
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.ai import AGENTS, agent_rng, make_agent
from game.ai.concession import ConcessionAgent, accepts, concession_level, target_utility
from game.ai.opponent import learn
from game.ai.preferences import preferences_for
from game.engine import apply, check_move, is_terminal, new_game, transcript, view
from game.engine.moves import ACCEPT, PROPOSE, Move
from game.sim.runner import game_seed, play_game, summarise
from game.sim.tournament import tournament
from tests.helpers import random_game

SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
STRATEGIC = ("ai-easy", "ai-normal", "ai-hard", "tit-for-tat")


@SETTINGS
@given(
    seed=st.integers(0, 2**31 - 1),
    prefix=st.integers(0, 25),
    agent=st.sampled_from(sorted(AGENTS)),
)
def test_agents_only_make_legal_moves_from_random_states(flagship, seed, prefix, agent):
    """Reach a random state by random play, then let the agent finish the game."""
    state = random_game(flagship, seed, stop_after=prefix)
    player = make_agent(agent, flagship, seed)
    while not is_terminal(state):
        role = state.actor
        decision = player.decide(view(state, role), agent_rng(seed, role, len(state.moves)))
        assert check_move(state, decision.move) is None, (agent, decision.move)
        apply(state, decision.move)


@given(
    windows=st.integers(0, 6),
    exponent=st.floats(0.05, 10),
    hold=st.floats(0, 1),
    fractions=st.lists(st.floats(0, 1), min_size=2, max_size=12),
)
def test_concession_target_never_rises_over_time(windows, exponent, hold, fractions):
    times = sorted((w, f) for f in fractions for w in (windows, windows + 1))
    levels = [concession_level(f, w, exponent, hold) for w, f in times]
    assert all(a >= b - 1e-12 for a, b in itertools.pairwise(levels))
    targets = [target_utility(level, 0.3, 0.9) for level in levels]
    assert all(0.3 - 1e-12 <= t <= 0.9 + 1e-12 for t in targets)
    assert all(a >= b - 1e-12 for a, b in itertools.pairwise(targets))


def test_boulware_holds_out_longer_than_conceder():
    assert concession_level(0.5, 0, 0.3, 0.4) > concession_level(0.5, 0, 1.0, 0.4)
    assert concession_level(0.5, 0, 1.0, 0.4) > concession_level(0.5, 0, 3.0, 0.4)


@SETTINGS
@given(
    picks=st.lists(st.integers(0, 10), min_size=12, max_size=12),
    target=st.floats(0, 1),
    reservation=st.floats(0, 1),
)
def test_acceptance_rule(flagship, picks, target, reservation):
    prefs = preferences_for(flagship, "us")
    offer = {
        issue.id: list(issue.values)[p % len(issue.values)]
        for issue, p in zip(prefs.issues, picks, strict=False)
    }
    value = prefs.utility(offer)
    said_yes = accepts(prefs, offer, target, reservation, planned=1.0)
    if value < reservation or prefs.crosses_red_line(offer):
        assert not said_yes
    elif value >= target:
        assert said_yes


def test_mexico_never_accepts_a_safe_third_country_treaty(flagship):
    prefs = preferences_for(flagship, "mexico")
    best_otherwise = {i.id: max(i.values, key=i.values.get) for i in prefs.issues}
    offer = dict(best_otherwise, asylum_terms="safe_third_country")
    assert not accepts(prefs, offer, target=0.0, reservation=0.0, planned=0.0)
    assert all(
        dict(zip(prefs.issue_ids, k, strict=True)).get("asylum_terms") != "safe_third_country"
        for _, k in prefs.ranked()
    )


@pytest.mark.parametrize("agent", sorted(AGENTS))
def test_same_seed_same_game(flagship, agent):
    first = play_game(flagship, 11, {"us": agent, "mexico": "ai-normal"})
    second = play_game(flagship, 11, {"us": agent, "mexico": "ai-normal"})
    assert transcript(first.log) == transcript(second.log)
    assert first.moves == second.moves


def test_different_seeds_give_different_temperaments(flagship):
    exponents = {ConcessionAgent(flagship, "normal", s).exponent("us") for s in range(8)}
    assert len(exponents) == 8


@pytest.mark.parametrize("agent", STRATEGIC)
def test_every_reply_is_explained_issue_by_issue(flagship, agent):
    state = new_game(flagship, 5)
    players = {r: make_agent(agent, flagship, 5) for r in ("us", "mexico")}
    issue_ids = {i.id for i in flagship.scenario.issues}
    labels = {i.id: i.label for i in flagship.scenario.issues}
    offers_seen = 0
    while not is_terminal(state):
        role = state.actor
        decision = players[role].decide(view(state, role), agent_rng(5, role, len(state.moves)))
        assert decision.reasons, decision.move
        assert all(r.text.strip() for r in decision.reasons)
        if decision.move.kind in (PROPOSE, ACCEPT):
            offers_seen += 1
            about = [r for r in decision.reasons if r.issue]
            assert about, "offers and acceptances name the issues they turn on"
            for reason in about:
                assert reason.issue in issue_ids
                assert labels[reason.issue] in reason.text
        apply(state, decision.move)
    assert offers_seen >= 2


def test_token_guard_offer_is_explained_as_marginal(flagship):
    """The US agent, shown Ebrard's first offer, says why policing the border is not enough."""
    state = new_game(flagship, 0)
    apply(
        state,
        Move.propose(
            "mexico",
            {
                "guard": "token",
                "smuggling": "gang_crackdown",
                "asylum_capacity": "asylum_thousands",
            },
        ),
    )
    decision = make_agent("ai-normal", flagship, 0).decide(view(state, "us"), agent_rng(0, "us", 1))
    assert decision.move.kind == PROPOSE
    guard = [r.text for r in decision.reasons if r.issue == "guard"]
    assert guard and any("marginal" in text for text in guard)
    assert any("tariff goes to 5%" in r.text for r in decision.reasons)


def test_opponent_model_learns_what_the_other_side_never_moves_on():
    issues = {"a": ("x", "y"), "b": ("x", "y"), "c": ("x", "y")}
    offers = [
        {"a": "x", "b": "x", "c": "x"},
        {"a": "x", "b": "y", "c": "x"},
        {"a": "x", "b": "x", "c": "y"},
        {"a": "x", "b": "y", "c": "y"},
    ]
    model = learn(issues, offers)
    assert model.priorities()[0] == "a"
    assert model.values["a"]["x"] > model.values["a"]["y"]


def test_historical_agents_reproduce_the_historical_ending(flagship):
    for seed in range(5):
        state = play_game(flagship, seed, {"us": "historical", "mexico": "historical"})
        ending = flagship.scenario.ending(state.ending)
        assert ending.historical, state.ending


BALANCE_SEEDS = 120


def test_balance_normal_against_normal_each_role_succeeds_35_to_65_percent(flagship):
    games = [
        summarise(play_game(flagship, game_seed(1, i), {"us": "ai-normal", "mexico": "ai-normal"}))
        for i in range(BALANCE_SEEDS)
    ]
    for role in ("us", "mexico"):
        rate = sum(g.success[role] for g in games) / len(games)
        assert 0.35 <= rate <= 0.65, (role, rate)


def test_difficulty_matters_for_the_student(flagship):
    """Against the same opponent, the hard US AI keeps more for the US than the easy one."""

    def mean_us_utility(us_agent):
        prefs = preferences_for(flagship, "us")
        total = 0.0
        for i in range(30):
            state = play_game(flagship, game_seed(2, i), {"us": us_agent, "mexico": "ai-normal"})
            total += prefs.utility(state.deal or {})
        return total / 30

    assert mean_us_utility("ai-hard") > mean_us_utility("ai-easy")


def test_tournament_is_deterministic_and_has_the_documented_shape(flagship):
    agents = ("ai-normal", "tit-for-tat")
    first = tournament(flagship, 6, 3, agents).to_json()
    second = tournament(flagship, 6, 3, agents).to_json()
    assert json.dumps(first) == json.dumps(second)
    assert len(first["pairs"]) == 4
    pair = first["pairs"][0]
    assert {
        "us",
        "mexico",
        "agreement_rate",
        "utility",
        "mean_rounds",
        "tariff_imposed_rate",
        "pareto_distance",
        "nash_distance",
    } <= set(pair)
    assert set(pair["utility"]) == {"us", "mexico"}
    assert 0 <= first["roles"]["us"]["success_rate"] <= 1
    assert 0 <= first["roles"]["mexico"]["success_rate"] <= 1


def test_reservation_may_not_read_a_meter_hidden_from_the_role(tmp_path):
    from game.rules.ruleset import load_ruleset
    from game.scenario.diagnostics import ScenarioError
    from game.scenario.registry import resolve

    text = resolve("roosevelt-room-2019").read_text()
    mexico_reservation = 'value: "0.45 - 0.02 * tariff_rate"'
    assert mexico_reservation in text
    path = tmp_path / "peek.yaml"
    path.write_text(text.replace(mexico_reservation, 'value: "0.45 - us_business_pressure / 100"'))
    with pytest.raises(ScenarioError) as caught:
        load_ruleset(path)
    [problem] = caught.value.diagnostics
    assert problem.code == "BRK302" and "hidden from the Mexico delegation" in problem.message
