"""The geometry of the deal space: the Pareto frontier and the Nash bargaining solution.

Used by the tournament to say how good an agreement was, not only whether there was
one: a deal off the frontier left value on the table for both sides; the Nash solution
(the deal maximising the product of both sides' gains over no deal) is the textbook
fair split.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from game.ai.preferences import Preferences
from game.ai.ranking import OfferKey

Point = tuple[float, float]  # (US utility, Mexico utility)


@dataclass(frozen=True)
class DealSpace:
    frontier: tuple[Point, ...]  # Pareto-optimal points, by rising US utility
    nash: Point
    disagreement: Point

    def pareto_distance(self, point: Point) -> float:
        """Distance to the nearest Pareto-optimal deal (0 on the frontier)."""
        return min(math.dist(point, p) for p in self.frontier)

    def nash_distance(self, point: Point) -> float:
        return math.dist(point, self.nash)


def deal_space(us: Preferences, mexico: Preferences, disagreement: Point) -> DealSpace:
    """Frontier and Nash point over every deal neither side's red lines forbid."""
    points = _points(us, mexico)
    frontier: list[Point] = []
    best_mexico = -1.0
    for u, m in sorted(points, key=lambda p: (-p[0], -p[1])):
        if m > best_mexico + 1e-12:
            frontier.append((u, m))
            best_mexico = m
    frontier.reverse()
    d_us, d_mx = disagreement
    gains = [((u - d_us) * (m - d_mx), (u, m)) for u, m in frontier if u >= d_us and m >= d_mx]
    nash = max(gains)[1] if gains else max(frontier, key=lambda p: p[0] + p[1])
    return DealSpace(tuple(frontier), nash, disagreement)


def _points(us: Preferences, mexico: Preferences) -> set[Point]:
    ranked_us: Mapping[OfferKey, float] = {k: u for u, k in us.ranked()}
    points = set()
    for u_mx, key in mexico.ranked():
        u_us = ranked_us.get(key)
        if u_us is not None:
            points.add((round(u_us, 9), round(u_mx, 9)))
    return points
