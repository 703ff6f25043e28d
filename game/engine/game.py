"""A scenario made playable: the shared, unchanging part of every game of it.

`Game` holds the compiled ruleset and the two state machines; `GameState` holds one
game in progress. The OpenSpiel-like functions in `game.engine.api` are thin wrappers
over the methods here.
"""

from __future__ import annotations

import datetime as dt

from game.engine.machines import build_phase_machine, build_tariff_machine
from game.engine.moves import MOVE_KINDS, Move
from game.engine.state import GameState
from game.rules.expressions import Compiled
from game.rules.ruleset import Ruleset
from game.scenario.models import ROLES, Meter, RoleId, Transition


class Game:
    def __init__(self, ruleset: Ruleset) -> None:
        scenario = ruleset.scenario
        self.ruleset = ruleset
        self.scenario = scenario
        self.phase_machine = build_phase_machine(ruleset)
        self.tariff_machine = build_tariff_machine()
        self.phase_actor = {p.id: p.actor for p in scenario.phases}
        self.move_days = {p.id: p.move_days for p in scenario.phases}
        self.issue_ids = [i.id for i in scenario.issues]
        self.option_levels = {(i.id, o.id): o.level for i in scenario.issues for o in i.options}
        self.default_offer = {i.id: i.default_option() for i in scenario.issues}
        # Each role's meters, visible and hidden, for its views.
        self.visible_meters: dict[RoleId, tuple[tuple[str, Meter], ...]] = {
            r: tuple((name, m) for name, m in scenario.meters.items() if r in m.visible_to)
            for r in ROLES
        }
        self.hidden_meters: dict[RoleId, tuple[str, ...]] = {
            r: tuple(name for name, m in scenario.meters.items() if r not in m.visible_to)
            for r in ROLES
        }
        # (trigger, phase) -> [(transition, compiled condition)], in declared order.
        self.transitions_from: dict[tuple[str, str], list[tuple[Transition, Compiled | None]]] = {}
        phase_ids = [p.id for p in scenario.phases]
        for transition, condition in zip(scenario.transitions, ruleset.transitions, strict=True):
            sources = phase_ids if "*" in transition.sources() else transition.sources()
            for phase in sources:
                key = (transition.trigger, phase)
                self.transitions_from.setdefault(key, []).append((transition, condition))
        ladder = scenario.tariff_ladder
        # Ladder steps and month starts as scenario days, computed once.
        self.ladder_steps = [
            (float((step.date - scenario.start_date).days), step.rate)
            for step in (ladder.steps if ladder else [])
        ]
        self.month_starts = _month_starts(scenario.start_date, scenario.end_date)
        self.end_day = float((scenario.end_date - scenario.start_date).days)
        self.rules_by_trigger = {
            kind: [
                r
                for r, model in zip(ruleset.rules, scenario.rules, strict=True)
                if model.on == kind
            ]
            for kind in ("move", "tick", "month")
        }
        self.rule_once = {r.id: r.once for r in scenario.rules}
        self.event_once = {e.id: e.once for e in scenario.events}
        self.chance_events = [e for e in scenario.events if e.chance is not None]
        self.dated_events = sorted(
            (
                (float((e.at - scenario.start_date).days), e.id)
                for e in scenario.events
                if e.at is not None
            ),
        )

        # The clock stops on the first of each month only if something listens there.
        self.history = self._history()
        self.month_listeners = bool(self.rules_by_trigger["month"] or self.chance_events)

    def _history(self) -> tuple[Move, ...]:
        """The scenario's historical moves as engine moves."""
        return tuple(
            Move.propose(m.role, m.offer)
            if m.move == "propose"
            else Move(m.role, m.move)
            if m.move in MOVE_KINDS
            else Move.act(m.role, m.move)
            for m in self.scenario.history
        )

    def new_state(self, seed: int) -> GameState:
        """The state before the first move: clock at day 0, tariffs threatened, rules run."""
        from game.engine.resolution import Resolution

        state = GameState(self, seed)
        # Machines are shared; a game's place in them is set on the state, never pickled.
        self.phase_machine.set_state(self.scenario.first_phase, model=state)
        self.tariff_machine.set_state("none", model=state)
        for day, event_id in self.dated_events:
            state.scheduled.append((day, state.schedule_seq, event_id))
            state.schedule_seq += 1
        state.refresh_env()
        Resolution(state).start()
        return state


def _month_starts(start: dt.date, end: dt.date) -> list[float]:
    """Scenario days of every first-of-month from `start` to one month past `end`."""
    days = []
    first = dt.date(start.year, start.month, 1)
    while first <= end + dt.timedelta(days=31):
        if first >= start:
            days.append(float((first - start).days))
        first = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return days
