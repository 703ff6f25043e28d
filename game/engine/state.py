"""The game state: a plain object that the phase machine drives, with its clocks.

It owns the game's only random number generator, and an *environment* dict that holds
exactly the names expressions may read (see `game.rules.namespace`), kept current as
the state changes so that compiled conditions are a dict lookup away.
"""

from __future__ import annotations

import copy
import datetime as dt
import random
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from game.engine.clocks import TARIFF, ClockState
from game.engine.events import Event
from game.engine.moves import Move
from game.scenario.models import PhaseActor, RoleId

if TYPE_CHECKING:
    from game.engine.game import Game


# Who is to move: a delegation, the clock (a phase that only lets time pass), or nobody
# once the game is over ("").
Actor = PhaseActor | Literal[""]


@dataclass(frozen=True)
class Snapshot:
    """Meters and clocks at one moment, for charts."""

    day: float
    date: str
    tariff_rate: float
    meters: dict[str, float]
    # Level of every declared deadline (not the tariff, which is `tariff_rate`).
    levels: dict[str, float] | None = None


class GameState:
    """Everything about one game in progress. Mutated only by `game.engine.api.apply`."""

    # transitions' model attribute
    phase: str

    def __init__(self, game: Game, seed: int) -> None:
        scenario = game.ruleset.scenario
        self.game = game
        self.ruleset = game.ruleset
        self.seed = seed
        self.rng = random.Random(seed)
        self.phase = scenario.first_phase
        # The tariff ladder (id `tariff`) and every declared deadline, in that order.
        self.clocks: dict[str, ClockState] = {spec.id: ClockState(spec) for spec in game.clocks}
        self.meters: dict[str, float] = {k: m.start for k, m in scenario.meters.items()}
        self.flags: dict[str, bool] = {n: f.start for n, f in scenario.flags.items()}
        self.day = 0.0
        self._date_day = 0
        self._date = scenario.start_date
        self._date_iso = scenario.start_date.isoformat()
        self.moves: list[Move] = []
        self.interventions = 0  # of `moves`, how many were the instructor's
        self.clock_paused = False  # by the instructor: moves take no time
        self.offer: dict[str, str] | None = None
        self.offer_by: RoleId | Literal[""] = ""
        self.deal: dict[str, str] | None = None
        self.deal_day = 0.0
        self.scheduled: list[tuple[float, int, str]] = []
        self.schedule_seq = 0
        self.fired: set[str] = set()
        self.months_done: set[float] = set()
        self.ending: str | None = None
        self.log: list[Event] = []
        self.timeline: list[Snapshot] = []
        self.counters = {"proposals_us": 0, "proposals_mexico": 0, "rejections": 0}
        self.env: dict[str, Any] = {}

    # ------------------------------------------------------------------ time
    @property
    def date(self) -> dt.date:
        # Called on every event: cache the calendar date of the current whole day.
        whole = int(self.day)
        if whole != self._date_day:
            self._date_day = whole
            self._date = self.ruleset.scenario.start_date + dt.timedelta(days=whole)
            self._date_iso = self._date.isoformat()
        return self._date

    @property
    def date_iso(self) -> str:
        _ = self.date  # refreshes the cache when the day changed
        return self._date_iso

    def day_of(self, date: dt.date) -> float:
        return float((date - self.ruleset.scenario.start_date).days)

    @property
    def tariff_rate(self) -> float:
        ladder = self.clocks.get(TARIFF)
        return ladder.level if ladder is not None else 0.0

    @property
    def tariff_status(self) -> str:
        ladder = self.clocks.get(TARIFF)
        return ladder.status if ladder is not None else "none"

    def next_tariff_step(self) -> tuple[float, float] | None:
        """(day, rate) of the next ladder step if the clock can reach it, else None."""
        ladder = self.clocks.get(TARIFF)
        return ladder.next_step() if ladder is not None else None

    def next_clock(self) -> ClockState | None:
        """The clock whose next step comes first (the earliest declared on a tie)."""
        best: ClockState | None = None
        best_day = 0.0
        for clock in self.clocks.values():
            step = clock.next_step()
            if step is not None and (best is None or step[0] < best_day):
                best, best_day = clock, step[0]
        return best

    @property
    def actor(self) -> Actor:
        """Who moves now: `us`, `mexico`, or `` when the game is over."""
        if self.ending is not None:
            return ""
        return self.game.phase_actor[self.phase]

    # ------------------------------------------------------------------ environment
    def refresh_env(self) -> None:
        """Recompute the whole environment (after a load or a bulk change)."""
        env = self.env
        env.update(self.meters)
        env.update(self.flags)
        env.update(self.counters)
        date = self.date
        env["phase"] = self.phase
        env["day"] = self.day
        env["month"] = float(date.month)
        env["day_of_month"] = float(date.day)
        env["moves"] = float(self.move_count)
        last = next((m for m in reversed(self.moves) if not m.by_instructor), None)
        env["last_move"] = last.trigger if last else ""
        env["last_actor"] = last.role if last else ""
        env["offer_by"] = self.offer_by
        env["deal"] = self.deal is not None
        env["days_since_deal"] = self.day - self.deal_day if self.deal is not None else 0.0
        env["tariff_rate"] = self.tariff_rate
        env["tariff_status"] = self.tariff_status
        self.refresh_clock_env()
        levels = self.game.option_levels
        offer, deal = self.offer or {}, self.deal or {}
        for issue, names in self.game.issue_env_names.items():
            offered = offer.get(issue, "")
            agreed = deal.get(issue, "")
            env[names.offer] = offered
            env[names.offer_level] = levels.get((issue, offered), 0.0)
            env[names.deal] = agreed
            env[names.deal_level] = levels.get((issue, agreed), 0.0)

    def refresh_clock_env(self) -> None:
        """`<id>_level`, `<id>_status`, `<id>_days_left` of every clock (the tariff too)."""
        env = self.env
        for ident, clock in self.clocks.items():
            names = self.game.clock_env_names[ident]
            env[names.level] = clock.level
            env[names.status] = clock.status
            env[names.days_left] = clock.days_left(self.day)

    @property
    def move_count(self) -> int:
        """Moves made by the delegations (the instructor's interventions not counted)."""
        return len(self.moves) - self.interventions

    def snapshot(self) -> None:
        levels = {k: c.level for k, c in self.clocks.items() if k != TARIFF} or None
        self.timeline.append(
            Snapshot(self.day, self.date_iso, self.tariff_rate, dict(self.meters), levels)
        )

    def clone(self) -> GameState:
        """An independent copy (for agents that look ahead). Shares the immutable scenario."""
        twin = copy.copy(self)
        twin.rng = random.Random()
        twin.rng.setstate(self.rng.getstate())
        for name in ("meters", "flags", "counters", "env", "fired", "months_done"):
            setattr(twin, name, copy.copy(getattr(self, name)))
        twin.moves = list(self.moves)
        twin.log = list(self.log)
        twin.timeline = list(self.timeline)
        twin.scheduled = list(self.scheduled)
        twin.clocks = {k: c.copy() for k, c in self.clocks.items()}
        twin.offer = dict(self.offer) if self.offer is not None else None
        twin.deal = dict(self.deal) if self.deal is not None else None
        return twin
