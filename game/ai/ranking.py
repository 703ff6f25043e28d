"""Every offer a role may make, best for it first, in a few flat arrays.

The AI bids from this table on every turn. As a list of (utility, tuple of option ids)
pairs it took about 8 MB per role on the flagship scenario (tens of thousands of tuples
of ten strings); here it is one `array` of utilities and, per issue, one `bytes` of
option indices (about 0.4 MB), and an offer becomes a tuple of ids only when it is
asked for. Built once per scenario and role.

The order is exactly that of sorting the pairs by (falling utility, option ids): the
offers are enumerated in the order of their ids and then sorted, stably, by utility.
Each utility is the same float as `Preferences.key_utility`: the same products of weight
and value, added up by `sum` in issue order.
"""

from __future__ import annotations

import itertools
import random
from array import array
from collections.abc import Collection, Iterator, Sequence
from operator import add, mul
from typing import TYPE_CHECKING, overload

if TYPE_CHECKING:
    from game.ai.preferences import IssueValues

OfferKey = tuple[str, ...]  # option ids in issue order
# Above this many possible offers we rank a fixed sample instead of all of them.
MAX_ENUMERATED = 60_000


class RankedOffers(Sequence[tuple[float, OfferKey]]):
    """A sequence of (utility, key) pairs, best first, made on demand from:

    - `utilities`: the utility of each offer, falling;
    - `digits`: per issue, the index of each offer's option in `options[issue]`;
    - `options`: per issue, its option ids (in the order of the issue's `values`).
    """

    def __init__(
        self,
        options: tuple[tuple[str, ...], ...],
        utilities: array[float],
        digits: tuple[bytes, ...],
    ) -> None:
        self.options = options
        self.utilities = utilities
        self.digits = digits
        # `prefix_codes(depth)` by depth, computed when first asked for.
        self._prefixes: list[array[int]] = []

    def __len__(self) -> int:
        return len(self.utilities)

    @overload
    def __getitem__(self, index: int) -> tuple[float, OfferKey]: ...

    @overload
    def __getitem__(self, index: slice) -> list[tuple[float, OfferKey]]: ...

    def __getitem__(
        self, index: int | slice
    ) -> tuple[float, OfferKey] | list[tuple[float, OfferKey]]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        return self.utilities[index], self.key(index)

    def __iter__(self) -> Iterator[tuple[float, OfferKey]]:
        for index in range(len(self)):
            yield self[index]

    def key(self, index: int) -> OfferKey:
        """The option ids of the offer at `index`."""
        return tuple(
            ids[column[index]] for ids, column in zip(self.options, self.digits, strict=True)
        )

    def mask(self, allowed: Sequence[Collection[str]]) -> bytes:
        """Per offer, 1 if each of its options is in `allowed` (per issue), else 0:
        one pass per issue over its column, in C (`bytes.translate`), instead of a test
        of every offer's tuple in Python."""
        result: int | None = None
        for ids, column, ok in zip(self.options, self.digits, allowed, strict=True):
            table = bytearray(256)
            for n, option in enumerate(ids):
                table[n] = option in ok
            bits = int.from_bytes(column.translate(table), "little")
            result = bits if result is None else result & bits
        if result is None:  # no issues: the one empty offer uses nothing forbidden
            return b"\x01" * len(self)
        return result.to_bytes(len(self), "little")

    def prefix_codes(self, depth: int) -> array[int]:
        """For each offer, which combination of options it takes on the first `depth`
        issues: their indices read as one mixed-radix number, the first issue the most
        significant. Each depth is built from the one before, once."""
        codes = self._prefixes
        if not codes and depth > 0:
            codes.append(array("I", iter(self.digits[0])))  # bytes would be read as raw data
        while len(codes) < depth:
            radix = len(self.options[len(codes)])
            column = self.digits[len(codes)]
            codes.append(array("I", map(add, map(mul, codes[-1], itertools.repeat(radix)), column)))
        return codes[depth - 1]


def rank(
    role: str, issues: Sequence[IssueValues], red_lines: Collection[tuple[str, str]]
) -> RankedOffers:
    """Every offer crossing none of `red_lines`, best for the role first; above
    `MAX_ENUMERATED` possible offers, a fixed sample of them (the same on every run)
    plus the role's ideal offer."""
    options = tuple(tuple(i.values) for i in issues)
    # Per issue, the options left once the red lines are taken out, in the order of
    # their ids: enumerating offers in that order sorts them by their keys.
    allowed = [sorted(o for o in i.values if (i.id, o) not in red_lines) for i in issues]
    size = 1
    for opts in allowed:
        size *= len(opts)
    # Each option's share of a utility: the very products `key_utility` adds up.
    terms = [
        [i.weight * i.values[o] for o in opts] for i, opts in zip(issues, allowed, strict=True)
    ]
    position = [{o: n for n, o in enumerate(i.values)} for i in issues]
    if size == 0:  # some issue has no option left
        return RankedOffers(options, array("d"), tuple(b"" for _ in issues))
    if size <= MAX_ENUMERATED:
        found = list(map(sum, itertools.product(*terms)))
        # The column of each issue, in enumeration order: each option repeated for every
        # combination of the issues after it, the whole run once per combination before.
        columns = []
        inner = size
        for opts, where in zip(allowed, position, strict=True):
            inner //= len(opts)
            run = bytes(
                itertools.chain.from_iterable(itertools.repeat(where[o], inner) for o in opts)
            )
            columns.append(run * (size // len(run)))
    else:
        keys = _sample(role, issues, allowed)
        share = [dict(zip(opts, t, strict=True)) for opts, t in zip(allowed, terms, strict=True)]
        found = [sum(t[o] for t, o in zip(share, key, strict=True)) for key in keys]
        columns = [bytes(where[key[n]] for key in keys) for n, where in enumerate(position)]
    # Stable, so offers of equal utility keep the order of their keys.
    order = sorted(range(len(found)), key=found.__getitem__, reverse=True)
    utilities = array("d", map(found.__getitem__, order))
    digits = tuple(bytes(map(column.__getitem__, order)) for column in columns)
    return RankedOffers(options, utilities, digits)


def _sample(role: str, issues: Sequence[IssueValues], allowed: list[list[str]]) -> list[OfferKey]:
    """The fixed sample of offers of a large space, sorted by key. Drawn from the
    options in the issue's own order (not sorted), as it always was: the same seed
    gives the same sample."""
    unsorted = [[o for o in i.values if o in opts] for i, opts in zip(issues, allowed, strict=True)]
    rng = random.Random(f"brinkmanship-offers:{role}")
    best = tuple(
        max(opts, key=i.values.__getitem__) for i, opts in zip(issues, unsorted, strict=True)
    )
    sample = {tuple(rng.choice(opts) for opts in unsorted) for _ in range(MAX_ENUMERATED)}
    return sorted(sample | {best})
