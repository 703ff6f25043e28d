"""Line caches that take memory only once used.

Textual draws every line of a widget as a `Strip`, and each Strip is born with seven
small caches of its own (crops, styles, filters, offsets, …) for the strips derived from
it. Almost all are never touched: at the end of a game some 2,800 strips are alive (a
widget's lines and the pieces derived from them) and only about 1,200 of their 19,600
caches had ever been read. Empty, they came to some 2.5 MB of the game's memory.

Here a Strip's cache slot holds only the cache's size until the slot is first read
(`_MadeWhenUsed`), and a cache made then takes a dictionary only when something is first
stored in it (`StripCache`). The caches behave exactly as Textual's FIFOCache: same
size limits, same order of eviction, same hit and miss counts.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, TypeVar

import textual.strip
from rich.segment import Segment
from textual.cache import FIFOCache
from textual.strip import Strip

Key = TypeVar("Key")
Value = TypeVar("Value")

# What every cache holds until something is stored: lookups miss, `len` is 0, and
# nothing can be stored in it by mistake (it is read-only).
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


def _size_only(maxsize: int) -> int:
    """What a Strip stores in a cache slot when it is made: the cache's size. A small int
    costs nothing (Python shares them); `_MadeWhenUsed` makes the cache from it."""
    return maxsize


class _MadeWhenUsed:
    """One of Strip's cache slots (a data descriptor in place of the slot's own): reading
    it turns the size stored there into a StripCache of that size, once."""

    __slots__ = ("slot",)

    def __init__(self, slot: Any) -> None:
        self.slot = slot  # the slot's own descriptor, which keeps the value in the Strip

    def __get__(self, strip: Strip | None, owner: type | None = None) -> Any:
        if strip is None:
            return self
        cache = self.slot.__get__(strip, owner)
        if cache.__class__ is int:
            cache = StripCache(cache)
            self.slot.__set__(strip, cache)
        return cache

    def __set__(self, strip: Strip, value: Any) -> None:
        self.slot.__set__(strip, value)


def cache_slots() -> list[str]:
    """The slots a new Strip fills with a FIFOCache (asked of Textual, not assumed)."""
    strip = Strip([Segment("")])
    return [name for name in Strip.__slots__ if isinstance(getattr(strip, name), FIFOCache)]


def cache_lazily() -> None:
    """Have Textual's strips make their caches when first used. `textual.strip` looks the
    name `FIFOCache` up in its own module each time a Strip is made, so replacing it there
    changes the strips and nothing else (widgets and texts keep Textual's own caches).
    Called once, when the interface is imported, before any strip is drawn;
    tests/tui/test_strips.py checks that Textual still makes its strips' caches this way."""
    if isinstance(vars(Strip).get("_crop_cache"), _MadeWhenUsed):
        return
    for name in cache_slots():
        setattr(Strip, name, _MadeWhenUsed(vars(Strip)[name]))
    textual.strip.FIFOCache = _size_only  # type: ignore[attr-defined,assignment]
