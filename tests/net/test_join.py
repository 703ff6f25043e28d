"""`brink join` against a real classroom server on loopback: the same Textual screens
play one seat; the other seat's moves arrive pushed; refusals come back with a reason;
a dropped server shows a banner and the seat reconnects by itself."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from game.engine.moves import Move
from game.net.client import ClassClient
from game.tui.app import BrinkApp
from tests.net.server_process import RunningRoom, start_room
from tests.tui.test_play import screen_name, screen_text, widget_text

SIZE = (100, 30)
DEADLINE = 60.0


@pytest.fixture
def room(tmp_path):
    running = start_room(tmp_path, "--tables", "2", "--seed", "3")
    yield running
    running.kill()


async def until(pilot, condition: Callable[[], object], what: str) -> None:
    """Let the app run until `condition()` holds (messages from the server arrive on
    the app's own loop); fail after a bounded time instead of hanging."""
    end = time.monotonic() + DEADLINE
    while not condition():
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for {what}")
        await pilot.pause()
    await pilot.pause()  # and let the screen finish what the change started (mounting)


async def test_a_seat_plays_through_the_same_screens_and_sees_the_other_seat_move(room):
    app = BrinkApp(classroom=room.url, code=room.code(1, "mexico"))
    teammate = ClassClient(room.url, room.code(1, "mexico"))  # same seat, another machine
    async with (
        app.run_test(size=SIZE) as pilot,
        ClassClient(room.url, room.code(1, "us")) as us,
        teammate,
    ):
        await until(pilot, lambda: screen_name(app) == "BriefingScreen", "the briefing")
        text = screen_text(app)
        assert "Mexican delegation — confidential" in text
        await pilot.press("enter")
        await until(pilot, lambda: screen_name(app) == "TableScreen", "the table")
        assert "Your move" in screen_text(app)

        # Mexico proposes from the keyboard; the US seat's client receives it pushed.
        await pilot.press("p")
        await until(pilot, lambda: widget_text(app, "#status"), "the move sent")
        assert widget_text(app, "#status").startswith(("Sent:", "Done:")), widget_text(
            app, "#status"
        )
        pushed = await us.wait_for(lambda c: _view_where(c, actor="us"))
        assert pushed.view["offer_by"] == "mexico"
        # A teammate on the same seat sees the same move, pushed too.
        assert await teammate.wait_for(lambda c: _view_where(c, actor="us"))
        await until(pilot, lambda: "Done:" in widget_text(app, "#status"), "the ack")
        assert "Waiting for" in screen_text(app)

        # The US answers from its own machine: the Mexican screen refreshes by itself.
        answer = await us.move(Move("us", "reject"))
        assert answer.type == "ack"
        await until(pilot, lambda: app.session.to_move == "mexico", "the pushed view")
        await until(pilot, lambda: "your move" in widget_text(app, "#status"), "the news")
        assert "rejects" in widget_text(app, "#status").lower()
        assert "Your move" in screen_text(app)


async def test_a_stale_move_is_refused_with_the_reason(room: RunningRoom):
    code = room.code(2, "mexico")
    first = BrinkApp(classroom=room.url, code=code)
    async with first.run_test(size=SIZE) as pilot, ClassClient(room.url, code) as teammate:
        await until(pilot, lambda: screen_name(first) == "BriefingScreen", "the briefing")
        await pilot.press("enter")
        await until(pilot, lambda: screen_name(first) == "TableScreen", "the table")
        # A teammate on the same seat moves first, from the view both of them saw…
        answer = await teammate.move(Move("mexico", "walk_out"), based_on=0)
        assert answer.type == "ack"
        # …and this screen, still showing the old view if the push is not in yet, tries
        # to move: whichever way the race goes, nothing is applied twice.
        await until(pilot, lambda: first.session.to_move != "mexico", "the teammate's move")
        assert first.session.over or "Waiting for" in screen_text(first)
        session = first.remote
        assert session is not None
        stale = await session.client.move(Move("mexico", "walk_out"), based_on=0)
        assert stale.type == "refused"
        assert "moved on" in stale.reason


async def test_f2_is_refused_in_a_class_game(room):
    app = BrinkApp(classroom=room.url, code=room.code(1, "us"))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: screen_name(app) == "BriefingScreen", "the briefing")
        await pilot.press("f2")
        await pilot.pause()
        assert screen_name(app) == "BriefingScreen"
        assert any("class console" in n.message for n in app._notifications)
        assert "Instructor" not in {c.title[:10] for c in app.get_system_commands(app.screen)}


async def test_a_wrong_code_is_said_and_the_student_can_retry(room):
    app = BrinkApp(classroom=room.url)
    async with app.run_test(size=SIZE) as pilot:
        assert screen_name(app) == "JoinScreen"
        await pilot.press(*"WRONG234", "enter")
        await until(
            pilot,
            lambda: widget_text(app, "#join-status").strip() not in ("", "Joining with WRONG234…"),
            "the refusal",
        )
        assert "code" in widget_text(app, "#join-status").lower()
        field = app.screen.query_one("#code")
        field.value = room.instructor
        await pilot.press("enter")
        await until(pilot, lambda: "console" in widget_text(app, "#join-status"), "the refusal")
        assert screen_name(app) == "JoinScreen"
        field = app.screen.query_one("#code")
        field.value = room.code(2, "us")
        await pilot.press("enter")
        await until(pilot, lambda: screen_name(app) == "BriefingScreen", "the briefing")


def _view_where(client: ClassClient, actor: str):
    push = client.view()
    return push if push is not None and push.view["actor"] == actor else None


async def test_a_dropped_server_shows_a_banner_and_the_seat_reconnects(tmp_path):
    room = start_room(tmp_path, "--tables", "1", "--seed", "3")
    restarted: RunningRoom | None = None
    try:
        app = BrinkApp(classroom=room.url, code=room.code(1, "mexico"))
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: screen_name(app) == "BriefingScreen", "the briefing")
            await pilot.press("enter")
            await until(pilot, lambda: screen_name(app) == "TableScreen", "the table")
            room.kill()
            await until(pilot, lambda: app.screen.query("#connection-banner"), "the banner")
            assert "reconnecting" in widget_text(app, "#connection-banner")
            restarted = start_room(tmp_path, port=room.port, db=room.db)
            await until(pilot, lambda: not app.screen.query("#connection-banner"), "reconnection")
            await pilot.press("p")
            await until(pilot, lambda: "Done:" in widget_text(app, "#status"), "the ack")
            assert app.session.to_move == ""
    finally:
        room.kill()
        if restarted is not None:
            restarted.kill()


async def test_a_whole_game_against_the_ai_chair_ends_on_the_same_ending_screen(tmp_path):
    room = start_room(tmp_path, "--tables", "1", "--seed", "5", "--ai", "us")
    try:
        app = BrinkApp(classroom=room.url, code=room.code(1, "mexico"))
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: screen_name(app) == "BriefingScreen", "the briefing")
            await pilot.press("enter")
            for _ in range(120):
                await until(
                    pilot,
                    lambda: screen_name(app) == "EndingScreen" or app.session.to_move,
                    "our turn",
                )
                if screen_name(app) == "EndingScreen":
                    break
                moves = app.session.moves
                menu = app.session.view("mexico").menu
                if Move("mexico", "accept") in menu:
                    await pilot.press("a")
                elif any(m.kind == "act" for m in menu.moves):
                    await pilot.press("1")
                else:
                    await pilot.press("p")
                await until(pilot, lambda m=moves: app.session.moves > m, "the move applied")
            assert screen_name(app) == "EndingScreen"
            text = app.screen.query_one("#ending").source
            assert "Mexican delegation (you)" in text
            assert "/100" in text  # both sides' scores: the game was rebuilt from its moves
            assert "United States delegation:" in text
            await pilot.press("d")
            assert screen_name(app) == "DebriefScreen"
            assert "with your instructor" not in widget_text(app, "#debrief")
    finally:
        room.kill()
