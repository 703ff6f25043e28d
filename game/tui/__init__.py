"""The Textual interface. Nothing below `game.tui` is imported by the engine."""

from game.tui.heap import hold_for_start_up


def _prepare() -> None:
    hold_for_start_up()  # before Textual is imported: see `heap.hold_for_start_up`
    from game.tui.strips import cache_lazily  # then Textual's line caches: see there

    cache_lazily()


_prepare()
