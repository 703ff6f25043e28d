"""The two state machines of a game, built with `transitions` from the scenario.

* The **phase machine**: the scenario's `phases` and `transitions`. Moves and rule
  `trigger:` effects fire its triggers; transition `when:` conditions are the compiled
  expressions, evaluated on the game's environment.
* The **clock machine**: threatened → imposed (climbing one step at a time) ⇄ suspended,
  and lifted; every clock of the scenario (the tariff ladder, each deadline) moves
  through it. The calendar fires `step` when a step's date arrives.

Both machines are built once per ruleset and shared by every game of it (`model=None`):
a game state (for the clock machine, one of its clocks) is passed to each trigger call,
and is restored with `set_state`, never pickled.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from transitions import EventData, Machine

from game.rules.expressions import Compiled
from game.rules.ruleset import Ruleset

LADDER_STATES = ["none", "threatened", "imposed", "suspended", "lifted"]


def _condition(compiled: Compiled) -> Callable[[EventData], bool]:
    evaluate = compiled.evaluate  # called on every move: one call, not two

    def check(event: EventData) -> bool:
        model: Any = event.model
        return bool(evaluate(model.env))

    return check


def build_phase_machine(ruleset: Ruleset) -> Machine:
    scenario = ruleset.scenario
    machine = Machine(
        model=None,
        states=[p.id for p in scenario.phases],
        initial=scenario.first_phase,
        auto_transitions=False,
        send_event=True,
        model_attribute="phase",
    )
    for transition, compiled in zip(scenario.transitions, ruleset.transitions, strict=True):
        sources: Any = "*" if "*" in transition.sources() else transition.sources()
        machine.add_transition(
            transition.trigger,
            sources,
            transition.dest,
            conditions=[_condition(compiled)] if compiled is not None else [],
        )
    return machine


def _never_imposed(event: EventData) -> bool:
    model: Any = event.model  # a ClockState
    return bool(model.step < 0)


def _below_cap(event: EventData) -> bool:
    model: Any = event.model
    return bool(model.step + 1 < len(model.spec.days))


def build_clock_machine() -> Machine:
    machine = Machine(
        model=None,
        states=LADDER_STATES,
        initial="none",
        auto_transitions=False,
        send_event=True,
        model_attribute="status",
    )
    machine.add_transition("threaten", "none", "threatened")
    machine.add_transition("step", ["threatened", "imposed"], "imposed", conditions=[_below_cap])
    machine.add_transition("suspend", ["threatened", "imposed"], "suspended")
    machine.add_transition("resume", "suspended", "threatened", conditions=[_never_imposed])
    machine.add_transition("resume", "suspended", "imposed")
    machine.add_transition("lift", ["threatened", "imposed", "suspended"], "lifted")
    return machine


def fire(machine: Machine, trigger: str, model: Any) -> bool:
    """Fire `trigger` on `model` if it can move; True when the state changed or re-entered."""
    event = machine.events.get(trigger)
    # Checking the source first avoids transitions' MachineError; the conditions are
    # evaluated once, by transitions itself.
    if event is None or not event.transitions.get(getattr(model, machine.model_attribute)):
        return False
    return bool(event.trigger(model))
