"""Letting a replaced screen go.

Textual keeps two references to a screen after it has been replaced and removed:

- Every widget's message loop keeps the last message it handled until the next one
  arrives, and a message names as its sender the message pump that was active when it
  was posted. The screens that stay under a game (the title) are laid out again when the
  screen above first takes its size, in that screen's context, so their idle widgets (the
  footer's keys) end up holding a message from it, and so the screen itself, for as long
  as they stay idle: through the whole ending, say.
- A removed screen's list of children keeps what it last listed as displayed, so the
  screen, while anything holds it, holds its whole widget tree.

So a replaced screen lingered, its widgets with it (the negotiating table's are thousands
of objects), under the next screen; and once the table set the heap aside
(`game.tui.heap`), for the rest of the game.
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import Awaitable, Iterable
from typing import Any, Protocol, runtime_checkable

from textual import events
from textual.app import App
from textual.dom import DOMNode
from textual.screen import Screen


@runtime_checkable
class FilledLater(Protocol):
    """A screen composed only once the screen it replaces has been removed and freed,
    while nothing is painted (`BrinkApp._show`): Textual mounts the new screen before it
    removes the old one, so otherwise both are alive at once, the peak of the game's
    memory. `later` is whether it is still to be composed; `fill_in` composes it."""

    later: bool

    async def fill_in(self) -> None: ...


async def let_go(
    app: App[Any], gone: weakref.ref[Screen[Any]], staying: Iterable[Screen[Any]]
) -> None:
    """The screen `gone` refers to has been removed: drop what it still lists, and have
    every widget of the `staying` screens handle one more message, from the app, in place
    of the one it last handled. Returns once they all have (a widget closed meanwhile
    holds nothing). Only a weak reference is taken: a caller holding the screen would keep
    it alive itself."""
    _drop_children(gone())
    handled: list[Awaitable[object]] = []
    for screen in staying:
        for widget in screen.walk_children(with_self=True):
            done = asyncio.Event()
            # Sent in the app's name: posted from here it would name whichever pump was
            # active when the switch began (the screen that has gone, often).
            message = events.Callback(callback=done.set).set_sender(app)
            if widget.post_message(message):
                handled.append(done.wait())
    await asyncio.gather(*handled)


def _drop_children(screen: Screen[Any] | None) -> None:
    """Read the removed screen's list of children again, which empties its cache of the
    displayed ones (`children` is typed as a plain sequence; it is Textual's NodeList)."""
    if screen is not None:
        getattr(screen.children, "displayed", None)


def forget_closed_watchers(watched: DOMNode) -> None:
    """Drop the watchers of `watched` whose widgets have closed. Textual drops them only
    when the watched value next changes, and some never do: the footer's `compact`, which
    each of its keys watches, so every key of every earlier composition of the footer
    (it is composed again whenever the keys change) stayed alive; or the app's title,
    watched by the header of every screen the game has left. The same test as Textual's
    own (`Reactive._check_watchers`)."""
    watchers: dict[str, list[tuple[Any, Any]]] = getattr(watched, "__watchers", {})
    for watching in watchers.values():
        watching[:] = [(node, callback) for node, callback in watching if not node._closing]
