"""The collector's pace around start-up (game.tui.heap)."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from tests.helpers import fresh_python

# A fresh interpreter: the test process has long since imported the interface.
PROBE = textwrap.dedent(
    """
    import gc, json
    default = gc.get_threshold()
    import game.tui.app
    from game.tui.app import BrinkApp
    held = gc.get_threshold()
    seen = {}

    class FirstPaint(BrinkApp):
        CSS_PATH = BrinkApp.css_file()

        def on_mount(self):
            super().on_mount()
            self.call_after_refresh(self.after_paint)

        def after_paint(self):
            seen["after"] = gc.get_threshold()
            seen["frozen"] = gc.get_freeze_count()
            self.exit()

    FirstPaint().run(headless=True, size=(80, 24))
    print(json.dumps({"default": default, "held": held, **seen}))
    """
)


def test_start_up_holds_the_collector_until_the_first_paint(tmp_path: Path) -> None:
    seen = json.loads(fresh_python(PROBE, tmp_path)[-1])
    default, held, after = seen["default"], seen["held"], seen["after"]
    # Importing the interface raised the first generation's threshold (fewer passes over
    # what start-up builds) ...
    assert held[0] > default[0] * 100
    # ... and the painted title put it back, with start-up's objects set aside for good.
    assert after == default
    assert seen["frozen"] > 10_000


EXIT_PROBE = textwrap.dedent(
    """
    import atexit, gc, sys
    # Registered first, so it runs last: after the interface's own handler.
    atexit.register(lambda: sys.stdout.write(f"frozen at exit: {gc.get_freeze_count()}\\n"))
    import game.tui.app
    garbage = [[] for _ in range(1000)]
    print(f"frozen before exit: {gc.get_freeze_count()}")
    """
)


def test_the_heap_is_set_aside_before_the_interpreter_tears_it_down(tmp_path: Path) -> None:
    # The teardown's collector passes over everything cost ~50 ms of every exit.
    lines = fresh_python(EXIT_PROBE, tmp_path)
    before, after = (int(line.rsplit(": ", 1)[1]) for line in lines[-2:])
    assert before == 0
    assert after > 50_000
