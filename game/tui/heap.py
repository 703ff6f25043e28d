"""Keeping the cycle collector's full passes out of key presses.

A full pass walks every container object the collector tracks: with the scenario, the
compiled rules and the screens' widgets that is well over 100,000 objects, a pause of
50-100 ms that lands in whichever key press happens to trigger it. What lives as long
as a game, or as long as the negotiating table is open, is set aside (`gc.freeze`) once
it is built, so a full pass walks only what the key presses themselves made.
"""

from __future__ import annotations

import atexit
import gc

# Start-up (Textual, the stylesheets, the title screen) builds some 100,000 objects that
# live as long as the process. Python's collector, left to its default threshold, walks
# them a hundred times over while they are being built, a tenth of start-up spent finding
# nothing to free. Until the first screen is painted it runs only after this many new
# objects: bounded, so a process that imports the interface and never shows it (a test
# run) still collects.
START_UP_THRESHOLD = 250_000
_held: tuple[int, int, int] | None = None


def hold_for_start_up() -> None:
    """Called when the interface is first imported, before Textual is."""
    global _held
    if _held is None:
        _held = gc.get_threshold()
        gc.set_threshold(START_UP_THRESHOLD, *_held[1:])
        atexit.register(_set_everything_aside)


def _set_everything_aside() -> None:
    """At exit, before the interpreter tears down its modules. That teardown runs the
    collector over every object, and more than once, only to free memory the operating
    system takes back anyway: some 50 ms, longer than the title screen takes to paint.
    Set aside, the objects are still released as their modules are cleared; those left
    in reference cycles (widget trees) go with the process. Nothing of the game's needs
    them finalised: saves are written and closed when they are made."""
    gc.freeze()


def start_up_done() -> None:
    """The first screen is up: what start-up built is set aside for good (it lives as
    long as the process) and the collector goes back to its usual pace."""
    if _held is not None:
        gc.freeze()
        _end_hold()


def _end_hold() -> None:
    """The collector back to the pace it had before start-up's hold, if it is held."""
    global _held
    if _held is not None:
        gc.set_threshold(*_held)
        _held = None


def settle() -> None:
    """At the start of a game: clear what loading left behind, and set aside the rest
    (modules, the scenario, the compiled rules, the AI's ranked offers).

    A game begun before the first screen was painted (the app given a session) ends
    start-up's hold here, without `start_up_done`'s freeze: that would come after the
    game's first screen is built and set it aside too, so the screen that replaces it
    could never free it."""
    _end_hold()
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def set_aside() -> None:
    """A screen that stays up for many key presses has been built: collect what building
    it left behind (the screen it replaced, say), and set the rest aside with it."""
    gc.collect()
    gc.freeze()


def release() -> None:
    """That screen has closed: everything may be collected again (the next full pass
    frees the screen's widgets; `settle` or `set_aside` sets the heap aside again)."""
    gc.unfreeze()


def collect() -> None:
    """A screen has been replaced (one set aside released first, `release`): free its
    widgets now, in one pass, before the next screen is built, not in whichever key press
    next sets off a full one (which may be many presses away, with the other screens'
    memory growing meanwhile)."""
    gc.collect()
