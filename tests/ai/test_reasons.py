"""The AI's reasons agree with the screen and speak from the right side of the table:
the days to the tariff step are the figure the clock shows beside them, each issue is
named once, and a delegation offers its own conduct and asks for the other side's."""

from __future__ import annotations

import re

import pytest

from game.ai import agent_rng, make_agent
from game.ai.clock import time_left
from game.engine import apply, is_terminal, new_game, view
from game.rules.ruleset import load_ruleset
from game.tui.text import deadline_line

SCENARIOS = ("roosevelt-room-2019", "caravan-2018", "review-2019")
AGENTS = ("ai-easy", "ai-normal", "ai-hard", "tit-for-tat")
AWAY = re.compile(r", (hours|\d+ days?) away:")


@pytest.fixture(scope="module")
def rulesets():
    return {name: load_ruleset(name) for name in SCENARIOS}


def decisions(ruleset, seed, agent):
    """(role, decision, state after the move) for every move of a game between two AIs."""
    state = new_game(ruleset, seed)
    players = {r: make_agent(agent, ruleset, seed) for r in ("us", "mexico")}
    while not is_terminal(state):
        role = state.actor
        decision = players[role].decide(view(state, role), agent_rng(seed, role, len(state.moves)))
        apply(state, decision.move)
        yield role, decision, state


def test_time_left_words_days_as_the_clock_does():
    assert [time_left(d) for d in (0.2, 0.99, 1.0, 1.4, 1.6, 4.2, 4.6)] == [
        "hours",
        "hours",
        "1 day",
        "1 day",
        "2 days",
        "4 days",
        "5 days",
    ]


@pytest.mark.parametrize("seed", range(4))
def test_days_in_the_reasons_are_the_days_on_the_clock_beside_them(rulesets, seed):
    """The player reads the AI's reasons under the clock as it stands after the AI's
    move (the move takes time): both must give the same number of days."""
    checked = 0
    for role, decision, state in decisions(rulesets["roosevelt-room-2019"], seed, "ai-normal"):
        said = [m.group(1) for r in decision.reasons if (m := AWAY.search(r.text))]
        if not said or is_terminal(state):
            continue
        shown = view(state, "mexico" if role == "us" else "us")
        if shown.next_tariff_step is None or shown.next_tariff_step[0] not in "".join(
            r.text for r in decision.reasons
        ):
            continue  # the step passed or moved during the move
        assert deadline_line(shown).endswith(f"in {said[0]}"), (said, deadline_line(shown))
        checked += 1
    assert checked >= 3


@pytest.mark.parametrize("scenario", SCENARIOS)
@pytest.mark.parametrize("agent", AGENTS)
def test_reasons_name_each_issue_once(rulesets, scenario, agent):
    for seed in range(6):
        for _, decision, _ in decisions(rulesets[scenario], seed, agent):
            issues = [r.issue for r in decision.reasons if r.issue]
            assert len(issues) == len(set(issues)), decision.explanation()


def reasons_about(ruleset, role, issue, agents=AGENTS, seeds=range(8)):
    for agent in agents:
        for seed in seeds:
            for actor, decision, _ in decisions(ruleset, seed, agent):
                if actor == role:
                    yield from (r.text for r in decision.reasons if r.issue == issue)


def test_the_us_offers_its_own_support_and_claims_no_worth_from_it(rulesets):
    """In review-2019, what Washington adds is the US's to give: its reasons offer it;
    they never say that its own offer gives it some share of what it wants."""
    said = list(reasons_about(rulesets["review-2019"], "us", "us_support"))
    assert said
    for text in said:
        assert "gives us" not in text and "of what we want" not in text, text
    assert any("we offer" in text for text in said)


def test_mexico_asks_for_us_restraint_and_never_offers_it(rulesets):
    """In caravan-2018, US pressure is the US's conduct: Mexico asks for "No threats" or
    accepts a threat, it never offers one; the US holds to or offers, never asks."""
    ruleset = rulesets["caravan-2018"]
    mexico = list(reasons_about(ruleset, "mexico", "us_pressure"))
    us = list(reasons_about(ruleset, "us", "us_pressure"))
    assert mexico and us
    for text in mexico:
        assert "we offer" not in text and "we give ground, “" not in text, text
    assert any("we ask for “No threats”" in text for text in mexico)
    for text in us:
        assert "we ask for" not in text, text
