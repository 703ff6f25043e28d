"""Line caches that take memory only once used.

Textual draws every line of a widget as a `Strip`, and each Strip is born with seven
small caches of its own (crops, styles, filters, offsets, …) for the strips derived from
it. Most are never written: a line is cropped once, say, and never filtered. At the
negotiating table some 1,500–3,000 strips are alive at once (a widget's lines and the
pieces derived from them), and their empty caches' dictionaries came to about 1 MB of
the game's memory while playing.

Here a Strip's caches share one empty, read-only mapping until something is stored in
them, and only then get a dictionary of their own. They behave exactly as Textual's
FIFOCache: same size limits, same order of eviction, same hit and miss counts.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, TypeVar

import textual.strip
from textual.cache import FIFOCache

Key = TypeVar("Key")
Value = TypeVar("Value")

# What every unused cache reads from: lookups miss, `len` is 0, and nothing can be
# stored in it by mistake (it is read-only).
_NOTHING: Mapping[Any, Any] = MappingProxyType({})


class StripCache(FIFOCache[Key, Value]):
    """Textual's FIFOCache, with its dictionary made on the first `set`. Reading (`get`,
    `[]`, `in`, `len`) is FIFOCache's own and works on the shared empty mapping."""

    __slots__ = ()

    def __init__(self, maxsize: int) -> None:
        super().__init__(maxsize)
        self._cache = _NOTHING  # type: ignore[assignment]

    def set(self, key: Key, value: Value) -> None:
        if self._cache is _NOTHING:
            self._cache = {}
        super().set(key, value)

    __setitem__ = set

    def clear(self) -> None:
        if self._cache is not _NOTHING:
            self._cache.clear()


def cache_lazily() -> None:
    """Have Textual's strips make their caches as StripCache. `textual.strip` looks the
    name `FIFOCache` up in its own module each time a Strip is made, so replacing it
    there changes the strips and nothing else (widgets and texts keep Textual's own).
    Called once, when the interface is imported, before any strip is drawn;
    tests/tui/test_strips.py checks that Textual still makes its strips' caches this way."""
    textual.strip.FIFOCache = StripCache  # type: ignore[attr-defined]
