"""Deadlines other than a tariff: a scenario with a border-closure threat and no tariff
runs, names its clock everywhere, and the AI bargains toward it."""

from __future__ import annotations

import json
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.ai import make_agent
from game.cli.main import main
from game.engine import Move, apply, new_game, replay, transcript, view
from game.engine.moves import ACCEPT
from game.report.debrief import build_debrief
from game.report.render import key_series, to_markdown
from game.rules.ruleset import Ruleset, load_ruleset
from game.saves import capture
from game.sim.runner import game_seed, play_game
from game.tools.lint import lint
from game.tui.text import deadline_line
from tests.conftest import FIXTURES
from tests.helpers import random_game

CLOSURE = FIXTURES / "border-closure.yaml"


@pytest.fixture(scope="module")
def closure() -> Ruleset:
    return load_ruleset(CLOSURE)


def test_the_fixture_lints_clean(closure):
    report = lint(closure, games=60, seed=1)
    assert [d.render() for d in report.diagnostics] == []


def test_the_closure_climbs_its_steps_and_names_its_events(closure):
    state = new_game(closure, 1)
    assert state.env["closure_status"] == "threatened"
    assert state.env["closure_level"] == 0
    assert state.env["closure_days_left"] == 7  # 29 March to 5 April
    apply(state, Move("mexico", "walk_out"))  # the clock runs to the end alone
    steps = [e for e in state.log if e.kind == "deadline"]
    assert [e.date for e in steps] == ["2019-04-05", "2019-04-12"]
    assert steps[0].text == "Border closure: threatened → imposed (ports close to trucks)"
    assert steps[1].text == "Border closure: the whole border closes"
    assert state.env["closure_level"] == 2
    assert state.env["closure_days_left"] == 999  # no step ahead
    assert state.ending == "closed"
    assert not any(e.kind == "tariff" for e in state.log)


def test_a_deadline_effect_lifts_it_and_an_action_suspends_it(closure):
    state = new_game(closure, 1)
    apply(state, Move.propose("mexico", {"checks": "many", "aid": "pledge"}))
    apply(state, Move("us", ACCEPT))
    assert state.env["closure_status"] == "lifted"
    assert state.ending is None or state.ending == "deal"
    state = new_game(closure, 1)
    apply(state, Move.propose("mexico", {"checks": "none"}))
    apply(state, Move.act("us", "postpone"))
    assert state.env["closure_status"] == "suspended"
    assert view(state, "us").next_deadline is None


def test_the_instructor_moves_the_closure_deadline(closure):
    state = new_game(closure, 1)
    day = state.next_clock().next_step()[0]
    apply(state, Move.extend(7))
    assert state.next_clock().next_step()[0] == day + 7
    assert "border closure deadline 7 days later" in state.log[-1].text


def test_the_clock_line_shows_the_closure_and_no_tariff(closure):
    state = new_game(closure, 1)
    line = deadline_line(view(state, "us"))
    assert line == "Border closure in 7 days: ports close to trucks"
    caravan = new_game(load_ruleset("caravan-2018"), 1)  # declares no clock at all
    assert "Tariff" not in deadline_line(view(caravan, "us"))


def test_the_ai_concedes_toward_the_closure_and_says_so(closure):
    state = new_game(closure, 1)
    agent = make_agent("ai-normal", closure, seed=1)
    decision = agent.decide(view(state, "mexico"), random.Random(1))
    reasons = " ".join(r.text for r in decision.reasons)
    # The time left once its move (a day) is made: what the other side will read.
    assert "Border closure (ports close to trucks) is due on 2019-04-05, 6 days away" in reasons
    assert "tariff" not in reasons.lower()


def test_simulate_and_tournament_name_the_closure(capsys):
    main(["simulate", str(CLOSURE), "--runs", "20", "--seed", "1"])
    out = capsys.readouterr().out
    assert "Border closure imposed in" in out and "Tariff" not in out
    main(["simulate", str(CLOSURE), "--runs", "20", "--seed", "1", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert 0 < data["deadline_imposed_rate"]["closure"] <= 1
    main(["tournament", str(CLOSURE), "--runs", "1", "--agents", "random,ai-normal"])
    header = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("US "))
    assert "closure" in header and "tariff" not in header


def test_the_debrief_charts_and_asks_about_the_closure(closure):
    players = {"us": "random", "mexico": "ai-normal"}
    state = play_game(closure, game_seed(1, 0), players)
    debrief = build_debrief(capture(state, players), closure)
    titles = [title for title, _, _ in key_series(debrief)]
    assert titles[0] == "Border closure" and "Tariff rate" not in titles
    text = to_markdown(debrief)
    assert "border closure" in text and "tariff" not in text.lower()


def test_graph_draws_the_closure_steps(capsys):
    main(["graph", str(CLOSURE)])
    out = capsys.readouterr().out
    assert "state closure_deadline {" in out
    assert "closure_step_2: the whole border closes from 2019-04-12" in out
    main(["graph", str(CLOSURE), "--format", "dot"])
    assert "subgraph cluster_closure" in capsys.readouterr().out


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 2**32 - 1))
def test_random_play_keeps_the_closure_consistent_and_replays(seed):
    ruleset = load_ruleset(CLOSURE)
    state = random_game(ruleset, seed)
    clock = state.clocks["closure"]
    assert state.env["closure_status"] == clock.status
    assert state.env["closure_level"] == clock.level
    assert clock.status in {"threatened", "imposed", "suspended", "lifted"}
    again = replay(ruleset, seed, state.moves)
    assert transcript(again.log) == transcript(state.log)
