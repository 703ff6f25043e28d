"""Pilot tests: the game as a person plays it, with the keyboard."""

from __future__ import annotations

import re

from game.engine import transcript
from game.engine.moves import ACCEPT, Move
from game.play.session import Session
from game.tui.app import BrinkApp

SIZE = (80, 24)


def screen_name(app: BrinkApp) -> str:
    return type(app.screen).__name__


def screen_text(app: BrinkApp) -> str:
    """Everything painted on the screen, as plain text."""
    svg = app.export_screenshot()
    text = re.sub(r"<[^>]+>", "", svg)
    return text.replace("&#160;", " ").replace("&amp;", "&")


def widget_text(app: BrinkApp, selector: str) -> str:
    """The text of one widget, whole (the screen may wrap it across lines)."""
    return " ".join(str(app.screen.query_one(selector).render()).split())


async def play_to_the_end(app: BrinkApp, pilot, limit: int = 120) -> None:
    """A simple keyboard-only player: accept what is offered, otherwise take the first
    action, otherwise propose the offer on the screen."""
    for _ in range(limit):
        if screen_name(app) != "TableScreen":
            return
        session = app.session
        role = app.screen.role
        menu = session.view(role).menu
        if Move(role, ACCEPT) in menu:
            await pilot.press("a")
        elif any(m.kind == "act" for m in menu.moves):
            await pilot.press("1")
        else:
            await pilot.press("p")
        await pilot.pause()
    raise AssertionError("the game did not end")


async def test_solo_game_from_title_to_ending_with_the_keyboard():
    app = BrinkApp(default_seed=7)
    async with app.run_test(size=SIZE) as pilot:
        assert screen_name(app) == "TitleScreen"
        assert "Roosevelt Room, June 2019" in screen_text(app)
        await pilot.press("n")
        assert screen_name(app) == "SetupScreen"
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen_name(app) == "BriefingScreen"
        assert "United States delegation — confidential" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert screen_name(app) == "TableScreen"
        assert "Tariff:" in screen_text(app)
        await play_to_the_end(app, pilot)
        assert screen_name(app) == "EndingScreen"
        assert app.session.over
        text = screen_text(app)
        assert app.session.outcome().ending.title in text
        assert "/100" in text


async def test_briefing_for_mexico_then_table_with_the_clock():
    session = Session.start("roosevelt-room-2019", "mexico", "ai-normal", 3)
    app = BrinkApp(session)
    async with app.run_test(size=SIZE) as pilot:
        assert "Mexican delegation — confidential" in screen_text(app)
        assert "United States delegation — confidential" not in screen_text(app)
        await pilot.press("x")  # the codex
        await pilot.pause()
        assert "Codex" in screen_text(app) and "National Guard" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        text = screen_text(app)
        assert "5% on 10 Jun" in text and "Your move (Mexico)" in text


async def test_illegal_move_shows_the_reason_and_changes_nothing():
    session = Session.start("roosevelt-room-2019", "mexico", "ai-normal", 3)
    app = BrinkApp(session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        before = transcript(session.state.log)
        await pilot.press("a")  # nothing has been offered to Mexico yet
        await pilot.pause()
        assert "Not allowed: there is no offer from the other side to accept" in widget_text(
            app, "#status"
        )
        assert transcript(session.state.log) == before
        assert session.state.moves == []


async def test_propose_is_refused_while_carrying_out_the_deal():
    session = Session.start("roosevelt-room-2019", "mexico", "ai-normal", 3)
    # Play to the implementation phase: Mexico offers what the US will take.
    deal = {
        "guard": "nationwide_20000",
        "smuggling": "crackdown_and_assets",
        "mpp": "whole_border_with_services",
        "asylum_terms": "safe_third_country",
        "asylum_capacity": "unhcr_iom",
        "visas": "fast_track_off",
        "development": "none",
        "review": "days_45_90",
        "deportations": "stepped_up",
    }
    session.play(Move.propose("mexico", deal))
    assert session.state.phase == "implementation"
    app = BrinkApp(session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        moves = list(session.state.moves)
        await pilot.press("p")
        await pilot.pause()
        refusal = "Not allowed: you cannot propose now (After the deal - where the forces go)"
        assert refusal in widget_text(app, "#status")
        assert session.state.moves == moves


async def test_hot_seat_handover_shows_nothing_private():
    app = BrinkApp(Session.start("roosevelt-room-2019", "us", "human", 4))
    private = [
        "confidential",
        "President's patience",
        "US business pressure",
        "Bring monthly apprehensions below",
        "Keep the tariff from ever being collected",
    ]
    async with app.run_test(size=SIZE) as pilot:
        assert screen_name(app) == "HandoverScreen"
        text = screen_text(app)
        assert "Mexican delegation: press Enter when ready" in text
        assert not any(p in text for p in private)
        await pilot.press("enter")  # Mexico's briefing
        await pilot.pause()
        assert "Mexican delegation — confidential" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("right", "p")  # a small Guard offer
        await pilot.pause()
        assert screen_name(app) == "HandoverScreen"
        text = screen_text(app)
        assert "United States delegation: press Enter when ready" in text
        assert not any(p in text for p in private)
        await pilot.press("enter")
        await pilot.pause()
        assert "United States delegation — confidential" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert screen_name(app) == "TableScreen" and app.screen.role == "us"


async def test_save_quit_load_restores_the_identical_game(save_folder):
    app = BrinkApp(Session.start("roosevelt-room-2019", "us", "ai-hard", 9))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("down", "right", "p")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen_name(app) == "SaveDialog"
        await pilot.press("ctrl+u", *"mid-game", "enter")
        await pilot.pause()
        saved = app.session
        before = (list(saved.state.moves), transcript(saved.state.log), saved.seed)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert (save_folder / "mid-game.brink.json").is_file()

    app = BrinkApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        await pilot.pause()
        assert screen_name(app) == "LoadScreen"
        assert "mid-game" in screen_text(app)
        await pilot.press("down", "enter")
        await pilot.pause()
        loaded = app.session
        assert (list(loaded.state.moves), transcript(loaded.state.log), loaded.seed) == before
        # And it plays on as the original would have: the AI's next reply is the same.
        probe = Move.propose("us", {"guard": "southern_6000"})
        saved.play(probe)
        loaded.play(probe)
        assert transcript(loaded.state.log) == transcript(saved.state.log)


async def test_f1_shows_the_bindings_of_the_screen():
    app = BrinkApp(Session.start("roosevelt-room-2019", "us", "ai-easy", 1))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert screen_name(app) == "HelpScreen"
        text = screen_text(app)
        assert "Help — the negotiating table" in text
        await pilot.press("escape")
        await pilot.pause()
        assert screen_name(app) == "TableScreen"


async def test_ctrl_q_asks_before_losing_unsaved_moves():
    app = BrinkApp(Session.start("roosevelt-room-2019", "us", "ai-easy", 1))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert screen_name(app) == "QuitDialog"
        await pilot.press("escape")
        await pilot.pause()
        assert screen_name(app) == "TableScreen"


async def test_a_tiny_terminal_gets_a_message_and_the_game_waits():
    app = BrinkApp(Session.start("roosevelt-room-2019", "us", "ai-easy", 1))
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        assert "needs at least 80x24" in screen_text(app)
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert screen_name(app) == "BriefingScreen"


async def test_a_damaged_save_is_refused_with_a_sentence(save_folder):
    save_folder.mkdir(parents=True, exist_ok=True)
    (save_folder / "autosave.brink.json").write_text('{"kind": "brinkmanship-save", "form')
    app = BrinkApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert screen_name(app) == "ErrorDialog"
        assert "not valid JSON" in widget_text(app, "#error-text")


async def test_instructor_fires_an_inject_from_the_game():
    session = Session.start("roosevelt-room-2019", "mexico", "human", 5)  # hot-seat too
    app = BrinkApp(session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "enter")  # hand-over, then the briefing
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        assert screen_name(app) == "InstructorScreen"
        await pilot.press("down", "down", "enter")  # the first inject
        await pilot.pause()
        assert screen_name(app) == "TableScreen"
        assert session.state.moves[-1].by_instructor
        assert "Instructor's inject" in transcript(session.state.log)


async def test_a_game_opened_directly_composes_the_title_only_when_it_is_shown():
    app = BrinkApp(Session.start("roosevelt-room-2019", "us", "ai-normal", 3))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        title = app.screen_stack[0]
        assert screen_name(app) == "BriefingScreen"
        assert type(title).__name__ == "TitleScreen"
        assert not title.children  # nothing of it alive under the game
        app.show_title()
        await pilot.pause()
        assert screen_name(app) == "TitleScreen"
        assert "Roosevelt Room, June 2019" in screen_text(app)
        assert app.focused is not None and app.focused.id == "menu"
        # Its keys work as on a title composed at start: N opens the set-up.
        await pilot.press("n")
        assert screen_name(app) == "SetupScreen"
