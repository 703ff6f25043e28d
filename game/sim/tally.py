"""What a batch's statistics need from its games, in a form that adds up chunk by chunk.

A worker folds the games of its chunk into one `Tally` and sends only that back: a few
counters and each meter's final values, not one object per game. Merged in game order,
the tallies of any split of a batch equal the tally of the whole batch played in one go:
counts add, and the value lists concatenate in the same order, so the sums and
percentiles taken over them are the very same floats whatever `--jobs` was.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from game.scenario.models import RoleId
from game.sim.runner import GameSummary


@dataclass
class Tally:
    games: int = 0
    endings: Counter[str] = field(default_factory=Counter)
    # Final value of each meter, game by game, in the order the games were played.
    meters: dict[str, list[float]] = field(default_factory=dict)
    successes: Counter[RoleId] = field(default_factory=Counter)
    moves: int = 0
    tariff_imposed: int = 0
    # Games in which each rule or event fired at least once.
    fired: Counter[str] = field(default_factory=Counter)
    # Games in which each clock (`tariff`, declared deadlines) was imposed.
    imposed: Counter[str] = field(default_factory=Counter)

    def add(self, game: GameSummary) -> None:
        self.games += 1
        self.endings[game.ending] += 1
        for name, value in game.meters.items():
            self.meters.setdefault(name, []).append(value)
        self.successes.update(role for role, won in game.success.items() if won)
        self.moves += game.moves
        self.tariff_imposed += game.tariff_imposed
        self.fired.update(game.rules_fired.keys())
        self.imposed.update(game.imposed)

    def merge(self, later: Tally) -> None:
        """Append the games of `later`, which were played after this tally's."""
        self.games += later.games
        self.endings.update(later.endings)
        for name, values in later.meters.items():
            self.meters.setdefault(name, []).extend(values)
        self.successes.update(later.successes)
        self.moves += later.moves
        self.tariff_imposed += later.tariff_imposed
        self.fired.update(later.fired)
        self.imposed.update(later.imposed)


def tally(games: list[GameSummary]) -> Tally:
    result = Tally()
    for game in games:
        result.add(game)
    return result
