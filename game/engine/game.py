"""A scenario made playable: the shared, unchanging part of every game of it.

`Game` is a frozen index over the compiled ruleset (the two state machines, the clocks
and the lookup tables the engine reads on every move), built once per ruleset by
`Game.build`; `GameState` holds one game in progress. The OpenSpiel-like functions in
`game.engine.api` are thin wrappers over the methods here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple

from transitions import Machine

from game.engine.clocks import ClockSpec, clock_specs
from game.engine.machines import build_clock_machine, build_phase_machine
from game.engine.moves import BASIC_MOVES, MOVE_KINDS, Move
from game.engine.state import GameState
from game.rules.expressions import Compiled
from game.rules.ruleset import CompiledRule, Ruleset
from game.scenario.models import (
    ROLES,
    Meter,
    PhaseActor,
    RoleId,
    Scenario,
    ScenarioEvent,
    Transition,
)


class IssueEnvNames(NamedTuple):
    """The environment names of one issue (see `game.rules.namespace`)."""

    offer: str
    offer_level: str
    deal: str
    deal_level: str


class ClockEnvNames(NamedTuple):
    """The environment names of one clock (the tariff ladder or a deadline)."""

    level: str
    status: str
    days_left: str


# The rule triggers the engine runs at fixed points of a move (see `resolution`).
RULE_TRIGGERS = ("move", "tick", "month")


@dataclass(frozen=True, slots=True)
class Game:
    """Everything the engine looks up while playing, computed once and never changed:
    games share it, and a state refers to it rather than copying it."""

    ruleset: Ruleset
    scenario: Scenario
    phase_machine: Machine
    clock_machine: Machine
    clocks: tuple[ClockSpec, ...]
    phase_actor: Mapping[str, PhaseActor]
    move_days: Mapping[str, float]
    issue_ids: tuple[str, ...]
    # Names written on every move: spelled once here rather than formatted each time.
    issue_env_names: Mapping[str, IssueEnvNames]
    clock_env_names: Mapping[str, ClockEnvNames]
    option_levels: Mapping[tuple[str, str], float]
    default_offer: Mapping[str, str]
    # Each role's meters, visible and hidden, for its views.
    visible_meters: Mapping[RoleId, tuple[tuple[str, Meter], ...]]
    hidden_meters: Mapping[RoleId, tuple[str, ...]]
    # Every move a role could make, before legality: the basic moves, then its actions.
    role_moves: Mapping[RoleId, tuple[Move, ...]]
    # (trigger, phase) -> ((transition, compiled condition), ...), in declared order.
    transitions_from: Mapping[tuple[str, str], tuple[tuple[Transition, Compiled | None], ...]]
    # Month starts as scenario days.
    month_starts: tuple[float, ...]
    end_day: float
    rules_by_trigger: Mapping[str, tuple[CompiledRule, ...]]
    rule_once: Mapping[str, bool]
    event_once: Mapping[str, bool]
    chance_events: tuple[ScenarioEvent, ...]
    # (day, event id) of every dated event, in date order.
    dated_events: tuple[tuple[float, str], ...]
    # The scenario's historical moves as engine moves.
    history: tuple[Move, ...]
    # The clock stops on the first of each month only if something listens there.
    month_listeners: bool

    @classmethod
    def build(cls, ruleset: Ruleset) -> Game:
        scenario = ruleset.scenario
        phase_ids = [p.id for p in scenario.phases]
        transitions_from: dict[tuple[str, str], list[tuple[Transition, Compiled | None]]] = {}
        for transition, condition in zip(scenario.transitions, ruleset.transitions, strict=True):
            sources = phase_ids if "*" in transition.sources() else transition.sources()
            for phase in sources:
                key = (transition.trigger, phase)
                transitions_from.setdefault(key, []).append((transition, condition))
        rules_by_trigger = {
            kind: tuple(
                r
                for r, model in zip(ruleset.rules, scenario.rules, strict=True)
                if model.on == kind
            )
            for kind in RULE_TRIGGERS
        }
        chance_events = tuple(e for e in scenario.events if e.chance is not None)
        clocks = clock_specs(scenario)
        return cls(
            ruleset=ruleset,
            scenario=scenario,
            phase_machine=build_phase_machine(ruleset),
            clock_machine=build_clock_machine(),
            clocks=clocks,
            phase_actor={p.id: p.actor for p in scenario.phases},
            move_days={p.id: p.move_days for p in scenario.phases},
            issue_ids=tuple(i.id for i in scenario.issues),
            issue_env_names={
                i.id: IssueEnvNames(
                    f"offer_{i.id}", f"offer_{i.id}_level", f"deal_{i.id}", f"deal_{i.id}_level"
                )
                for i in scenario.issues
            },
            clock_env_names={
                c.id: ClockEnvNames(f"{c.id}_level", f"{c.id}_status", f"{c.id}_days_left")
                for c in clocks
            },
            option_levels={(i.id, o.id): o.level for i in scenario.issues for o in i.options},
            default_offer={i.id: i.default_option() for i in scenario.issues},
            visible_meters={
                r: tuple((name, m) for name, m in scenario.meters.items() if r in m.visible_to)
                for r in ROLES
            },
            hidden_meters={
                r: tuple(name for name, m in scenario.meters.items() if r not in m.visible_to)
                for r in ROLES
            },
            role_moves={
                r: (
                    *(Move(r, kind) for kind in BASIC_MOVES),
                    *(Move.act(r, a.id) for a in scenario.actions if a.role == r),
                )
                for r in ROLES
            },
            transitions_from={key: tuple(found) for key, found in transitions_from.items()},
            month_starts=_month_starts(scenario.start_date, scenario.end_date),
            end_day=float((scenario.end_date - scenario.start_date).days),
            rules_by_trigger=rules_by_trigger,
            rule_once={r.id: r.once for r in scenario.rules},
            event_once={e.id: e.once for e in scenario.events},
            chance_events=chance_events,
            dated_events=tuple(
                sorted(
                    (float((e.at - scenario.start_date).days), e.id)
                    for e in scenario.events
                    if e.at is not None
                )
            ),
            history=_history(scenario),
            month_listeners=bool(rules_by_trigger["month"] or chance_events),
        )

    def new_state(self, seed: int) -> GameState:
        """The state before the first move: day 0, every clock threatened, rules run."""
        from game.engine.resolution import Resolution

        state = GameState(self, seed)
        # Machines are shared; a game's place in them is set on the state, never pickled.
        self.phase_machine.set_state(self.scenario.first_phase, model=state)
        for clock in state.clocks.values():
            self.clock_machine.set_state("none", model=clock)
        for day, event_id in self.dated_events:
            state.scheduled.append((day, state.schedule_seq, event_id))
            state.schedule_seq += 1
        state.refresh_env()
        Resolution(state).start()
        return state


def _history(scenario: Scenario) -> tuple[Move, ...]:
    """The scenario's historical moves as engine moves."""
    return tuple(
        Move.propose(m.role, m.offer)
        if m.move == "propose"
        else Move(m.role, m.move)
        if m.move in MOVE_KINDS
        else Move.act(m.role, m.move)
        for m in scenario.history
    )


def _month_starts(start: dt.date, end: dt.date) -> tuple[float, ...]:
    """Scenario days of every first-of-month from `start` to one month past `end`."""
    days = []
    first = dt.date(start.year, start.month, 1)
    while first <= end + dt.timedelta(days=31):
        if first >= start:
            days.append(float((first - start).days))
        first = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return tuple(days)
