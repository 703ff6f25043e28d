"""What one delegation may see of a game, and the transcript of its events."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from game.engine.clocks import DeadlineReading, next_deadline, read_clock
from game.engine.events import Event
from game.engine.legality import MoveMenu, legal_moves
from game.engine.moves import Move
from game.engine.state import GameState
from game.scenario.models import Role, RoleId, other_role


@dataclass(frozen=True)
class MeterReading:
    name: str
    label: str
    value: float
    unit: str


@dataclass(frozen=True)
class RoleView:
    """What one delegation may see: never the other side's briefing or private meters."""

    role: RoleId
    delegation: Role
    counterpart: str
    counterpart_wants: str
    scenario_id: str
    title: str
    phase: str
    phase_label: str
    actor: str
    date: str
    day: float
    tariff_rate: float
    tariff_status: str
    next_tariff_step: tuple[str, float] | None
    meters: tuple[MeterReading, ...]
    offer: dict[str, str] | None
    offer_by: str
    deal: dict[str, str] | None
    menu: MoveMenu
    moves_made: int
    max_moves: int
    ending: str | None
    # The instructor has paused the clock: moves take no time until it restarts.
    clock_paused: bool = False
    # Days (fractional) until the next tariff step, when there is one.
    next_tariff_in_days: float | None = None
    env: dict[str, object] = field(repr=False, default_factory=dict)
    # The scenario's record of what the delegations actually did, as moves.
    history: tuple[Move, ...] = field(repr=False, default=())
    # The log as it stood when the view was taken; filtered on demand, since agents in
    # a simulation rarely read it.
    log: Sequence[Event] = field(repr=False, default=())
    log_length: int = field(repr=False, default=0)
    # Every clock of the scenario (the tariff ladder first, then its deadlines).
    deadlines: tuple[DeadlineReading, ...] = ()

    @property
    def next_deadline(self) -> DeadlineReading | None:
        """The clock whose next step comes first, if any step is ahead."""
        return next_deadline(self.deadlines)

    @property
    def events(self) -> tuple[Event, ...]:
        """Events this role may see, oldest first."""
        return tuple(e for e in self.log[: self.log_length] if self.role in e.visible_to)

    @property
    def my_turn(self) -> bool:
        return self.actor == self.role and self.ending is None


def view(state: GameState, role: RoleId) -> RoleView:
    scenario = state.game.scenario
    me = role
    other = other_role(me)
    step = state.next_tariff_step()
    next_step = None
    days_to_step = None
    if step is not None:
        when = scenario.start_date + dt.timedelta(days=int(step[0]))
        next_step = (when.isoformat(), step[1])
        days_to_step = max(0.0, step[0] - state.day)
    meters = tuple(
        MeterReading(name, m.label, state.meters[name], m.unit)
        for name, m in state.game.visible_meters[me]
    )
    env = dict(state.env)
    for name in state.game.hidden_meters[me]:
        env.pop(name, None)
    return RoleView(
        role=me,
        delegation=scenario.roles[me],
        counterpart=scenario.roles[other].name,
        counterpart_wants=scenario.roles[other].wants,
        scenario_id=scenario.id,
        title=scenario.title,
        phase=state.phase,
        phase_label=scenario.phase(state.phase).label,
        actor=state.actor,
        date=state.date.isoformat(),
        day=state.day,
        tariff_rate=state.tariff_rate,
        tariff_status=state.tariff_status,
        next_tariff_step=next_step,
        meters=meters,
        offer=dict(state.offer) if state.offer is not None else None,
        offer_by=state.offer_by,
        deal=dict(state.deal) if state.deal is not None else None,
        menu=legal_moves(state, role),
        moves_made=state.move_count,
        max_moves=scenario.max_moves,
        ending=state.ending,
        clock_paused=state.clock_paused,
        next_tariff_in_days=days_to_step,
        env=env,
        # The live log and its length now: no copy per view, later events stay out.
        log=state.log,
        log_length=len(state.log),
        history=state.game.history,
        deadlines=tuple(
            read_clock(c, scenario.start_date, state.day) for c in state.clocks.values()
        ),
    )


def transcript(events: Sequence[Event]) -> str:
    return "\n".join(e.line() for e in events) + ("\n" if events else "")
