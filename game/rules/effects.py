"""Effects: what a rule, event or action does when it fires.

Effects are compiled once from the scenario's `then:` lists into small command objects.
The engine supplies an :class:`EffectTarget` that carries them out; the rules layer
never touches the game state directly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from game.rules.expressions import Compiled, Env
from game.scenario.models import News


class EffectTarget(Protocol):
    """What the engine offers to effects. Every call is recorded as an event."""

    def set_meter(self, name: str, value: float, cause: Cause) -> None: ...
    def add_meter(self, name: str, delta: float, cause: Cause) -> None: ...
    def set_flag(self, name: str, value: bool, cause: Cause) -> None: ...
    def move_tariff(self, operation: str, cause: Cause) -> None: ...
    def move_clock(self, clock_id: str, operation: str, cause: Cause) -> None: ...
    def publish(self, news: News, cause: Cause) -> None: ...
    def fire_trigger(self, trigger: str, cause: Cause) -> None: ...
    def schedule(self, event_id: str, in_days: float, cause: Cause) -> None: ...
    def end(self, ending_id: str, cause: Cause) -> None: ...
    def void_deal(self, cause: Cause) -> None: ...


@dataclass(frozen=True)
class Cause:
    """Why something happened: the rule, event or action, and its source."""

    kind: str  # "rule", "event", "action", "move", "clock", "ladder", "deadline"
    id: str
    source: str


@dataclass(frozen=True)
class Quantity:
    """A number or a compiled expression that computes one."""

    constant: float | None = None
    expression: Compiled | None = None

    def value(self, env: Env) -> float:
        if self.expression is not None:
            return float(self.expression(env))
        return float(self.constant or 0.0)


@dataclass(frozen=True)
class Op:
    """One compiled effect."""

    kind: str
    name: str = ""
    quantity: Quantity | None = None
    flag: bool = False
    news: News | None = None
    days: float = 0.0
    operation: str = ""  # for `deadline`: escalate, suspend, resume or lift

    def apply(self, target: EffectTarget, env: Env, cause: Cause) -> None:
        kind = self.kind
        if kind == "set" and self.quantity is not None:
            target.set_meter(self.name, self.quantity.value(env), cause)
        elif kind == "add" and self.quantity is not None:
            target.add_meter(self.name, self.quantity.value(env), cause)
        elif kind == "flag":
            target.set_flag(self.name, self.flag, cause)
        elif kind == "tariff":
            target.move_tariff(self.name, cause)
        elif kind == "deadline":
            target.move_clock(self.name, self.operation, cause)
        elif kind == "news" and self.news is not None:
            target.publish(self.news, cause)
        elif kind == "trigger":
            target.fire_trigger(self.name, cause)
        elif kind == "schedule":
            target.schedule(self.name, self.days, cause)
        elif kind == "end":
            target.end(self.name, cause)
        elif kind == "deal":
            target.void_deal(cause)


def apply_all(ops: Sequence[Op], target: EffectTarget, env: Env, cause: Cause) -> None:
    for op in ops:
        op.apply(target, env, cause)
