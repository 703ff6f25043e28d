"""A monkey at the keyboard: random keys, clicks and resizes never crash the app.

Textual reports an exception inside the app by exiting with it; `run_test` re-raises
it, so a crash fails the example. Quitting keys are left out (the monkey would only
end its own game), everything else a player can press is in.
"""

from __future__ import annotations

import asyncio

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.play.session import Session
from game.tui.app import BrinkApp

KEYS = [
    "up",
    "down",
    "left",
    "right",
    "enter",
    "escape",
    "tab",
    "shift+tab",
    "space",
    "f1",
    "ctrl+s",
    "ctrl+t",
    "ctrl+p",
    "p",
    "a",
    "r",
    "w",
    "m",
    "b",
    "x",
    "d",
    "n",
    "c",
    "l",
    "t",
    "1",
    "2",
    "3",
    "backspace",
    "home",
    "end",
    "pageup",
    "pagedown",
]
ACTIONS = st.one_of(
    st.tuples(st.just("key"), st.sampled_from(KEYS)),
    st.tuples(st.just("click"), st.tuples(st.integers(0, 199), st.integers(0, 59))),
    st.tuples(st.just("resize"), st.tuples(st.integers(80, 200), st.integers(24, 60))),
)


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    start=st.sampled_from(["title", "solo", "hot-seat"]),
    actions=st.lists(ACTIONS, min_size=5, max_size=40),
)
def test_random_input_never_crashes(start, actions):
    # Hypothesis drives plain functions; each example runs its own event loop.
    asyncio.run(_monkey(start, actions))


async def _monkey(start: str, actions: list[tuple[str, object]]) -> None:
    session = None
    if start == "solo":
        session = Session.start("roosevelt-room-2019", "us", "ai-normal", 2)
    elif start == "hot-seat":
        session = Session.start("roosevelt-room-2019", "mexico", "human", 2)
    app = BrinkApp(session, default_seed=5)
    async with app.run_test(size=(80, 24)) as pilot:
        for kind, value in actions:
            if not app.is_running:
                break  # the monkey chose Quit from a menu: a clean exit, not a crash
            if kind == "key":
                await pilot.press(value)  # type: ignore[arg-type]
            elif kind == "click":
                x, y = value  # type: ignore[misc]
                width, height = app.size
                await pilot.click(offset=(x % width, y % height))
            else:
                await pilot.resize_terminal(*value)  # type: ignore[misc]
            await pilot.pause()
    # An exception inside the app is re-raised by run_test; a clean run leaves no error.
    assert app.return_code in (None, 0)
