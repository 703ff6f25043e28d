"""Textual's strips make their caches when first used, as StripCache (game.tui.strips),
which take memory only once written and otherwise behave exactly as Textual's FIFOCache."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.segment import Segment
from textual.cache import FIFOCache
from textual.strip import Strip

import game.tui  # noqa: F401 - installs the caches, as running the game does
from game.tui.strips import _NOTHING, StripCache, _MadeWhenUsed, cache_slots

CACHES = (
    "_divide_cache",
    "_crop_cache",
    "_style_cache",
    "_filter_cache",
    "_line_length_cache",
    "_crop_extend_cache",
    "_offsets_cache",
)


def stored(strip: Strip, name: str) -> object:
    """What the slot itself holds, without going through `_MadeWhenUsed`."""
    return vars(Strip)[name].slot.__get__(strip, Strip)


def test_textual_still_makes_the_strips_caches_this_way() -> None:
    # If Textual renames, adds or drops a cache, or stops looking the name up in
    # textual.strip, this fails: the saving would be gone without anything noticing.
    assert sorted(cache_slots()) == sorted(CACHES)
    for name in CACHES:
        assert isinstance(vars(Strip)[name], _MadeWhenUsed), name


def test_a_new_strip_holds_only_the_sizes_of_its_caches() -> None:
    strip = Strip([Segment("Roosevelt Room, 5 June 2019")])
    assert [stored(strip, name) for name in CACHES] == [4, 16, 16, 4, 4, 4, 4]


def test_a_cache_is_made_when_first_read_and_filled_when_first_written() -> None:
    strip = Strip([Segment("Tariffs suspended indefinitely")])
    first = strip.crop(0, 7)
    assert first.text == "Tariffs"
    assert strip.crop(0, 7) is first  # served from the cache
    crops = stored(strip, "_crop_cache")
    assert isinstance(crops, StripCache) and crops._cache is not _NOTHING
    assert (len(crops), crops.hits, crops.misses) == (1, 1, 1)
    assert stored(strip, "_style_cache") == 16  # the others are still sizes
    styles = strip._style_cache  # read: made, but with nothing stored, no dictionary
    assert isinstance(styles, StripCache) and styles._cache is _NOTHING
    assert stored(strip, "_style_cache") is styles


def test_clearing_an_unused_cache_leaves_the_shared_mapping_empty() -> None:
    cache: StripCache[str, int] = StripCache(4)
    cache.clear()
    cache["a"] = 1
    assert len(_NOTHING) == 0
    assert StripCache[str, int](4).get("a") is None


operations = st.lists(
    st.one_of(
        st.tuples(st.just("set"), st.integers(0, 6), st.integers()),
        st.tuples(st.just("get"), st.integers(0, 6), st.none()),
        st.tuples(st.just("item"), st.integers(0, 6), st.none()),
        st.tuples(st.just("in"), st.integers(0, 6), st.none()),
        st.tuples(st.just("clear"), st.none(), st.none()),
    ),
    max_size=40,
)


@given(maxsize=st.integers(1, 5), ops=operations)
def test_it_behaves_as_textuals_fifo_cache(
    maxsize: int, ops: list[tuple[str, object, object]]
) -> None:
    ours: FIFOCache[object, object] = StripCache(maxsize)
    theirs: FIFOCache[object, object] = FIFOCache(maxsize)
    for op, key, value in ops:
        for cache in (ours, theirs):
            if op == "set":
                cache[key] = value
            elif op == "clear":
                cache.clear()
        if op == "get":
            assert ours.get(key, "missing") == theirs.get(key, "missing")
        elif op == "item":
            assert (key in ours and ours[key]) == (key in theirs and theirs[key])
        elif op == "in":
            assert (key in ours) == (key in theirs)
        assert list(ours.keys()) == list(theirs.keys())
        assert (len(ours), bool(ours)) == (len(theirs), bool(theirs))
        assert (ours.hits, ours.misses) == (theirs.hits, theirs.misses)
