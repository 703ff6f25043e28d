"""Conditions that cannot hold within the declared bounds of what they read.

Meters are clamped to their `min`/`max`, the tariff rate never leaves its ladder, the
day never leaves the period. An ending or objective whose condition is false for every
value in those ranges can never be reached or met — a threshold typed with a zero too
many, a `>` for a `<` — and that is an error, found by interval arithmetic over the
expression's syntax tree. The analysis only ever over-approximates what is possible
(unknown names, strings and flags may be anything), so it never rejects a condition
that some play could make true.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from game.i18n import tx
from game.scenario.checks import Path
from game.scenario.diagnostics import Diagnostic
from game.scenario.expression_syntax import AnyName, quick_parse
from game.scenario.models import NO_STEP_AHEAD, Scenario
from game.scenario.yaml_source import SourceMap

BOTH = frozenset({True, False})


@dataclass(frozen=True)
class Interval:
    low: float
    high: float

    def __str__(self) -> str:
        return f"[{self.low:g}, {self.high:g}]"


TOP = Interval(-math.inf, math.inf)
Value = Interval | frozenset[bool] | None  # a number's range, a truth's possible values, text


def ranges(scenario: Scenario) -> dict[str, Interval]:
    """The range every bounded numeric name stays within during play."""
    out = {name: Interval(m.min, m.max) for name, m in scenario.meters.items()}
    ladder = scenario.tariff_ladder
    top_rate = max((s.rate for s in ladder.steps), default=0.0) if ladder else 0.0
    out["tariff_rate"] = out["tariff_level"] = Interval(0, top_rate)
    # Days to a step: 0 up to the furthest step, or the value meaning "none ahead".
    out["tariff_days_left"] = Interval(0, NO_STEP_AHEAD)
    for deadline in scenario.deadlines:
        top = max(deadline.level_of(i) for i in range(len(deadline.steps)))
        out[f"{deadline.id}_level"] = Interval(0, top)
        out[f"{deadline.id}_days_left"] = Interval(0, NO_STEP_AHEAD)
    days = float((scenario.end_date - scenario.start_date).days)
    out["day"] = out["days_since_deal"] = Interval(0, days)
    out["month"] = Interval(1, 12)
    out["day_of_month"] = Interval(1, 31)
    for name in ("moves", "proposals_us", "proposals_mexico", "rejections"):
        out[name] = Interval(0, scenario.max_moves)
    for issue in scenario.issues:
        levels = [0.0, *(o.level for o in issue.options)]  # 0 while nothing is on the table
        out[f"offer_{issue.id}_level"] = out[f"deal_{issue.id}_level"] = Interval(
            min(levels), max(levels)
        )
    return out


class _Bounds:
    def __init__(self, known: dict[str, Interval]) -> None:
        self.known = known
        self.used: dict[str, Interval] = {}

    def value(self, node: Any) -> Value:
        method = getattr(self, "_" + type(node).__name__, None)
        return method(node) if method is not None else None

    def number(self, node: Any) -> Interval:
        found = self.value(node)
        return found if isinstance(found, Interval) else TOP

    def truth(self, node: Any) -> frozenset[bool]:
        found = self.value(node)
        return found if isinstance(found, frozenset) else BOTH

    def _SymbolExpression(self, node: Any) -> Value:
        if node.name in self.known:
            self.used[node.name] = self.known[node.name]
            return self.known[node.name]
        return None

    def _FloatExpression(self, node: Any) -> Value:
        return Interval(float(node.value), float(node.value))

    def _BooleanExpression(self, node: Any) -> Value:
        return frozenset({bool(node.value)})

    def _LogicExpression(self, node: Any) -> Value:
        left, right = self.truth(node.left), self.truth(node.right)
        if node.type == "and":
            return frozenset(a and b for a in left for b in right)
        if node.type == "or":
            return frozenset(a or b for a in left for b in right)
        return frozenset(a != b for a in left for b in right)

    def _UnaryExpression(self, node: Any) -> Value:
        if node.type == "not":
            return frozenset(not v for v in self.truth(node.right))
        inner = self.number(node.right)
        return Interval(-inner.high, -inner.low)

    def _ArithmeticExpression(self, node: Any) -> Value:
        a, b = self.number(node.left), self.number(node.right)
        if node.type == "add":
            return Interval(a.low + b.low, a.high + b.high)
        if node.type == "sub":
            return Interval(a.low - b.high, a.high - b.low)
        if node.type == "mul":
            return _hull([x * y for x in (a.low, a.high) for y in (b.low, b.high)])
        if node.type == "tdiv" and (b.low > 0 or b.high < 0):
            return _hull([x / y for x in (a.low, a.high) for y in (b.low, b.high)])
        return TOP

    _AddExpression = _ArithmeticExpression
    _SubtractExpression = _ArithmeticExpression

    def _ArithmeticComparisonExpression(self, node: Any) -> Value:
        a, b = self.value(node.left), self.value(node.right)
        if not isinstance(a, Interval) or not isinstance(b, Interval):
            return BOTH
        possible = {
            "lt": (a.low < b.high, a.high >= b.low),
            "le": (a.low <= b.high, a.high > b.low),
            "gt": (a.high > b.low, a.low <= b.high),
            "ge": (a.high >= b.low, a.low < b.high),
        }[node.type]
        return frozenset(v for v, can in zip((True, False), possible, strict=True) if can)

    def _ComparisonExpression(self, node: Any) -> Value:
        a, b = self.value(node.left), self.value(node.right)
        if not isinstance(a, Interval) or not isinstance(b, Interval):
            return BOTH
        can_equal = a.low <= b.high and b.low <= a.high
        can_differ = not (a.low == a.high == b.low == b.high)
        equal = {v for v, can in ((True, can_equal), (False, can_differ)) if can}
        return frozenset(equal if node.type == "eq" else {not v for v in equal})

    def _TernaryExpression(self, node: Any) -> Value:
        condition = self.truth(node.condition)
        branches = [self.value(node.case_true)] if True in condition else []
        if False in condition:
            branches.append(self.value(node.case_false))
        if branches and all(isinstance(b, Interval) for b in branches):
            return _hull([x for b in branches if isinstance(b, Interval) for x in (b.low, b.high)])
        if branches and all(isinstance(b, frozenset) for b in branches):
            return frozenset(v for b in branches if isinstance(b, frozenset) for v in b)
        return None


def _hull(values: list[float]) -> Interval:
    if any(math.isnan(v) for v in values):
        return TOP
    return Interval(min(values), max(values))


def _conditions(scenario: Scenario) -> list[tuple[Path, str, str]]:
    """(path, what it is, text) of every ending and objective condition; an ending that
    an `end:` effect reaches is reachable whatever its condition."""
    ended = {node.end for _, node in scenario.effect_nodes if node.end}
    found: list[tuple[Path, str, str]] = [
        (("endings", i, "when"), f"ending `{e.id}` can never be reached", e.when)
        for i, e in enumerate(scenario.endings)
        if e.when is not None and e.id not in ended
    ]
    for role_id, role in scenario.roles.items():
        found += [
            (
                ("roles", role_id, "objectives", j, "when"),
                f"objective `{o.id}` of the {role.short} delegation can never be met",
                o.when,
            )
            for j, o in enumerate(role.objectives)
        ]
    return found


def impossible_conditions(scenario: Scenario, source: SourceMap) -> list[Diagnostic]:
    known = ranges(scenario)
    out: list[Diagnostic] = []
    for path, what, text in _conditions(scenario):
        tree = quick_parse(text, AnyName())
        if tree is None:  # outside the common shapes: rule-engine's parser (loaded now)
            import rule_engine

            try:
                tree = rule_engine.Rule(text).statement.expression
            except Exception:  # a broken expression is reported when it compiles
                continue
        bounds = _Bounds(known)
        try:
            possible = bounds.truth(tree)
        except RecursionError:
            continue
        if True in possible:
            continue
        names = ", ".join(f"`{n}` {r}" for n, r in sorted(bounds.used.items()))
        out.append(
            source.diagnostic(
                path,
                "BRK411",
                tx(
                    "{what}: `{text}` is false for every value within the declared bounds "
                    "({value})",
                    what=what,
                    text=text,
                    value=names or "constants only",
                ),
                hint=tx(
                    "check the threshold and the direction of each comparison, or widen the "
                    "meter's `min:`/`max:`"
                ),
                span=len(text),
            )
        )
    return out
