"""The Textual interface. Nothing below `game.tui` is imported by the engine."""

from game.tui.heap import hold_for_start_up

# Before Textual is imported: see `heap.hold_for_start_up`.
hold_for_start_up()
