"""Updating a `Static` (or another widget showing a text) only when what it shows changes.

`Static.update` marks the screen for a new layout, and a layout pass over the table
screen costs more than the rest of a key press; after a move most of the table's texts
read as before (the status line when the same offer is proposed again, the detail of
the highlighted issue), so each is compared with what it last showed.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from rich.text import Text
from textual.widget import Widget

# What decides how a Text looks: `Text ==` compares only the characters and the spans.
Look = tuple[str, str, str | None, str | None, bool | None, tuple[object, ...]]
# What each widget was last given, forgotten with the widget.
_shown: WeakKeyDictionary[Widget, Look] = WeakKeyDictionary()


def look(text: Text) -> Look:
    return (
        text.plain,
        str(text.style),
        text.justify,
        text.overflow,
        text.no_wrap,
        tuple((s.start, s.end, str(s.style)) for s in text.spans),
    )


def changed(widget: Widget, text: Text) -> bool:
    """Whether `widget` must be updated to show `text` (it shows something else); the
    caller then updates it. `Static.update(text, layout=False)` suits a widget whose
    size the text cannot change (a fixed height, say)."""
    seen = look(text)
    if _shown.get(widget) == seen:
        return False
    _shown[widget] = seen
    return True
