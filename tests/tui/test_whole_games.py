"""Whole games through the real TUI: every bundled scenario, both roles, from the briefing
through the deal and the reviews after it to the ending, with the keyboard only.

The player is generic (it reads the legal moves from the session, never option ids), so
it keeps working when a scenario's content changes: it accepts the other side's offer,
else copies it (M) and proposes it, and after the deal takes the numbered actions, a
different one each time, so the phases after the deal are played, not skipped.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

import pytest

from game.engine.moves import ACCEPT, ACT, REJECT, Move
from game.play.session import Session
from game.scenario.models import other_role
from game.scenario.registry import bundled_scenarios
from game.tui.app import BrinkApp

SCENARIOS = sorted(bundled_scenarios())
# Scenarios whose deal is followed by its implementation and reviews, in which both
# delegations act (caravan-2018 ends when the deal is made).
REVIEWED = {"roosevelt-room-2019", "review-2019"}
STEPS = 400  # screens visited; a game that needs more is stuck, and fails


@dataclass
class Journey:
    """What the player went through."""

    screens: list[str] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)  # numbered actions taken
    # Of those, taken once the deal stood (or in a game that opens after it, review-2019):
    # carrying out the deal and the reviews.
    after_deal: list[str] = field(default_factory=list)
    negotiated: bool = False  # at some point the only moves were offers and answers
    phases: set[str] = field(default_factory=set)
    deal_seen: bool = False  # a deal stood at some point of the game


def _key_for(session: Session, role: str, step: int) -> list[str]:
    view = session.view(role)
    menu = view.menu
    actions = [m for m in menu.moves if m.kind == ACT]
    if Move(role, ACCEPT) in menu:
        return ["a"]
    if actions:
        number = 1 + step % min(len(actions), 9)
        return [str(number)]
    if menu.can_propose:
        theirs = view.offer is not None and view.offer_by == other_role(role)
        return ["m", "p"] if theirs else ["p"]
    if Move(role, REJECT) in menu:
        return ["r"]
    raise AssertionError(f"{role} has nothing to do in phase {view.phase}: {menu.moves}")


async def play_whole_game(app: BrinkApp, pilot) -> Journey:  # type: ignore[no-untyped-def]
    journey = Journey()
    for step in range(STEPS):
        name = type(app.screen).__name__
        journey.screens.append(name)
        if name == "EndingScreen":
            return journey
        if name in ("BriefingScreen", "HandoverScreen"):
            await pilot.press("enter")
        elif name == "TableScreen":
            session, role = app.session, app.screen.role
            assert session is not None
            journey.phases.add(session.view(role).phase)
            journey.deal_seen = journey.deal_seen or _deal_made(session)
            menu = session.view(role).menu
            talks = menu.can_propose or Move(role, ACCEPT) in menu
            # Talks alone (no action to take instead): the player must reach a deal.
            only_talks = talks and not any(m.kind == ACT for m in menu.moves)
            journey.negotiated = journey.negotiated or only_talks
            keys = _key_for(session, role, step)
            if keys[0].isdigit():
                actions = getattr(app.screen, "actions", [])
                journey.actions.append(actions[int(keys[0]) - 1].action)
                if _deal_made(session) or not journey.negotiated:
                    journey.after_deal.append(journey.actions[-1])
            await pilot.press(*keys)
        else:
            raise AssertionError(f"unexpected screen {name} at step {step}")
        await pilot.pause()
    raise AssertionError(f"the game did not end in {STEPS} screens: {journey.screens[-5:]}")


def _deal_made(session: Session) -> bool:
    """A deal was made in this game, or the scenario starts from one (review-2019)."""
    return session.state.deal is not None or any(e.kind == "deal" for e in session.state.log)


@pytest.mark.parametrize("role", ["us", "mexico"])
@pytest.mark.parametrize("scenario", SCENARIOS)
async def test_a_whole_game_through_the_deal_and_reviews_to_an_ending(scenario, role):
    session = Session.start(scenario, role, "ai-normal", 3)
    app = BrinkApp(session)
    async with app.run_test(size=(80, 24)) as pilot:
        journey = await play_whole_game(app, pilot)
        assert app.session is session and session.over
        ending = session.outcome().ending
        assert ending is not None
        text = " ".join(str(app.screen.query_one("#ending").source).split())  # type: ignore[attr-defined]
        assert ending.title in text and "success is decided by the ending" in text
    if journey.negotiated:  # review-2019 opens after the deal of June 2019
        assert journey.deal_seen or _deal_made(session), (
            f"no deal in {scenario} as {role}: {journey.screens[-3:]}"
        )
    if scenario in REVIEWED:
        assert journey.after_deal, f"no action taken after the deal in {scenario} as {role}"
    assert session.save_path is not None and session.save_path.is_file()


async def test_a_hot_seat_game_to_the_end_at_100x30():
    session = Session.start("roosevelt-room-2019", "us", "human", 11)
    app = BrinkApp(session)
    async with app.run_test(size=(100, 30)) as pilot:
        journey = await play_whole_game(app, pilot)
    assert session.over and (journey.deal_seen or _deal_made(session))
    assert "HandoverScreen" in journey.screens


async def test_action_buttons_rebuilt_with_another_count_do_not_clash():
    """Issue 16: the action buttons, rebuilt with a different count, clashed on their ids
    (DuplicateIds 'act-1') and the game crashed. caravan-2018 as the US, taking actions
    first, goes from two actions to one."""
    session = Session.start("caravan-2018", "us", "ai-normal", 3)
    app = BrinkApp(session)
    counts = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        while type(app.screen).__name__ == "TableScreen":
            actions = [m for m in session.view("us").menu.moves if m.kind == ACT]
            buttons = [b for b in app.screen.query("#actions Button") if b.is_mounted]
            assert len(buttons) == len(actions)
            counts.append(len(actions))
            keys = ["1"] if actions else _key_for(session, "us", 0)
            await pilot.press(*keys)
            await pilot.pause()
    assert session.over
    assert any(a > b > 0 for a, b in itertools.pairwise(counts)), counts
