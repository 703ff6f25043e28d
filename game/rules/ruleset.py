"""A scenario made ready to play: every expression checked and compiled, once.

`load_ruleset("roosevelt-room-2019")` is what every client calls: the CLI, the TUI,
the simulator and the tests. Problems come back as one ScenarioError carrying every
diagnostic of the file, each positioned at the character where it starts.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from game.i18n import tx
from game.rules.effects import Op, Quantity
from game.rules.expressions import Compiled, ExpressionError, Namespace, compile_expression
from game.rules.namespace import build_namespace
from game.scenario.diagnostics import Diagnostic, ScenarioError
from game.scenario.loader import ScenarioFile, ShapeError, check_scenario_file
from game.scenario.models import Effect, News, Preferences, RoleId, Scenario
from game.scenario.registry import resolve
from game.scenario.yaml_source import SourceMap

if TYPE_CHECKING:
    import rule_engine

T = TypeVar("T")

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class CompiledRule:
    """A rule, event or action: its condition and its effects, compiled."""

    id: str
    source: str
    when: Compiled | None
    ops: tuple[Op, ...]


@dataclass
class Ruleset:
    """Everything the engine needs about a scenario, checked and compiled."""

    file: ScenarioFile
    namespace: Namespace
    rules: list[CompiledRule] = field(default_factory=list)
    events: dict[str, CompiledRule] = field(default_factory=dict)
    actions: dict[str, CompiledRule] = field(default_factory=dict)
    injects: dict[str, CompiledRule] = field(default_factory=dict)
    transitions: list[Compiled | None] = field(default_factory=list)
    options: dict[tuple[str, str], Compiled] = field(default_factory=dict)
    objectives: dict[tuple[str, str], Compiled] = field(default_factory=dict)
    endings: dict[str, Compiled] = field(default_factory=dict)
    # Each role's reservation value and action values (AI preferences), keyed by
    # (role, "reservation") or (role, action id).
    valuations: dict[tuple[str, str], Quantity] = field(default_factory=dict)
    # What higher layers derive from this ruleset once and reuse (the engine's playable
    # Game, each role's AI preferences): see `derived`.
    _derived: dict[Callable[[Ruleset], object], object] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    @property
    def scenario(self) -> Scenario:
        return self.file.scenario

    @property
    def id(self) -> str:
        return self.scenario.id

    def derived(self, build: Callable[[Ruleset], T]) -> T:
        """`build(self)`, computed on the first call and kept for this ruleset's life.
        Layers above the rules (engine, AI) keep their costly per-scenario structures
        here, keyed by the function that builds them, without the rules layer knowing
        their types."""
        try:
            return cast(T, self._derived[build])
        except KeyError:
            value = self._derived[build] = build(self)
            return value


def load_ruleset(reference: str | Path) -> Ruleset:
    """Resolve an id or path, load, check and compile; raise ScenarioError on problems."""
    with _collector_paused():
        return _load_ruleset(reference)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Loading builds hundreds of thousands of small, acyclic objects (YAML nodes, models,
    syntax trees, closures), and each few hundred of them set off the cycle collector,
    which then walks the whole growing heap: a third of the load time. Paused for the
    load, and back on after it (if it was on)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _load_ruleset(reference: str | Path) -> Ruleset:
    path = resolve(str(reference))
    # The expressions are compiled even when the checks found problems elsewhere, so that a
    # wrong `when:` is reported together with a wrong `add:` of the same rule.
    try:
        scenario_file, problems = check_scenario_file(path)
    except ShapeError as err:
        if err.partial is None:
            raise
        partial = _Builder(*err.partial)
        raise ScenarioError(
            sorted([*err.diagnostics, *partial.problems_found()], key=lambda d: (d.line, d.column)),
            err.source_text,
        ) from None
    return _Builder(scenario_file, problems).build()


def compile_ruleset(scenario_file: ScenarioFile) -> Ruleset:
    return _Builder(scenario_file).build()


class _Builder:
    def __init__(self, scenario_file: ScenarioFile, problems: Sequence[Diagnostic] = ()) -> None:
        self.file = scenario_file
        self.s = scenario_file.scenario
        self.src: SourceMap = scenario_file.source
        self.namespace = build_namespace(self.s)
        self.problems: list[Diagnostic] = list(problems)
        # Constant quantities and the `set:`/`add:` operations made of them, and compiled
        # expressions, by value: each is immutable, and a big scenario repeats the same
        # few many times, so one object serves them all (less to build and to collect).
        self._constants: dict[float, Quantity] = {}
        self._constant_ops: dict[tuple[str, str, float], Op] = {}
        self._compiled: dict[tuple[str, str], Compiled] = {}

    @cached_property
    def context(self) -> rule_engine.Context:
        """rule-engine's typed names, shared by the expressions that take its path (built
        only if one does: see `game.scenario.expression_syntax`)."""
        return self.namespace.context()

    def build(self) -> Ruleset:
        s = self.s
        rs = Ruleset(self.file, self.namespace)
        rs.rules = [
            self.rule(("rules", i), r.id, r.source, r.when, r.then) for i, r in enumerate(s.rules)
        ]
        rs.events = {
            e.id: self.rule(("events", i), e.id, e.source, e.when, e.then)
            for i, e in enumerate(s.events)
        }
        rs.actions = {
            a.id: self.rule(("actions", i), a.id, a.source, a.when, a.then)
            for i, a in enumerate(s.actions)
        }
        rs.injects = {
            x.id: self.rule(("injects", i), x.id, x.source, None, x.then)
            for i, x in enumerate(s.injects)
        }
        rs.transitions = [
            self.condition(("transitions", i, "when"), t.when) for i, t in enumerate(s.transitions)
        ]
        for i, issue in enumerate(s.issues):
            for j, option in enumerate(issue.options):
                compiled = self.condition(("issues", i, "options", j, "when"), option.when)
                if compiled is not None:
                    rs.options[(issue.id, option.id)] = compiled
        for role_id, role in s.roles.items():
            for j, objective in enumerate(role.objectives):
                compiled = self.condition(
                    ("roles", role_id, "objectives", j, "when"), objective.when
                )
                if compiled is not None:
                    rs.objectives[(role_id, objective.id)] = compiled
        for i, ending in enumerate(s.endings):
            compiled = self.condition(("endings", i, "when"), ending.when)
            if compiled is not None:
                rs.endings[ending.id] = compiled
        for role_id, role in s.roles.items():
            if role.preferences is not None:
                rs.valuations.update(self.valuations(role_id, role.preferences))
        if any(d.severity == "error" for d in self.problems):
            # In file order: the checks and the compiler each found some of them.
            ordered = sorted(self.problems, key=lambda d: (d.line, d.column))
            raise ScenarioError(ordered, self.src.text)
        return rs

    def problems_found(self) -> list[Diagnostic]:
        """Every problem, without raising (for a file that has others already)."""
        try:
            self.build()
        except ScenarioError as err:
            return err.diagnostics
        return []

    # ---------------------------------------------------------------- pieces
    def rule(
        self, path: Path_, ident: str, source: str, when: str | None, then: list[Effect]
    ) -> CompiledRule:
        ops = tuple(
            op for i, effect in enumerate(then) for op in self.effect((*path, "then", i), effect)
        )
        return CompiledRule(ident, source, self.condition((*path, "when"), when), ops)

    def effect(self, path: Path_, effect: Effect) -> list[Op]:
        kind = effect.kind
        if kind in ("set", "add"):
            values: dict[str, float | str] = getattr(effect, kind)
            return [self.meter_op(path, kind, meter, value) for meter, value in values.items()]
        if kind == "flag":
            return [Op("flag", name, flag=value) for name, value in (effect.flag or {}).items()]
        if kind == "news":
            news = effect.news
            return [Op("news", news=news if isinstance(news, News) else News(headline=news or ""))]
        if kind == "deadline":
            moves = effect.deadline or {}
            return [Op("deadline", ident, operation=move) for ident, move in moves.items()]
        if kind == "schedule" and effect.schedule is not None:
            return [Op("schedule", effect.schedule.event, days=effect.schedule.in_days)]
        name: Any = getattr(effect, kind)
        return [Op(kind, str(name))]

    def valuations(self, role_id: RoleId, prefs: Preferences) -> dict[tuple[str, str], Quantity]:
        """Compile a role's reservation and action values; they may only read what the
        role can see, since the AI evaluates them on its own view."""
        base: Path_ = ("roles", role_id, "preferences")
        hidden = {n for n, m in self.s.meters.items() if role_id not in m.visible_to}
        items = [((*base, "reservation", "value"), "reservation", prefs.reservation.value)]
        items += [((*base, "actions", a, "value"), a, v.value) for a, v in prefs.actions.items()]
        out: dict[tuple[str, str], Quantity] = {}
        for path, key, value in items:
            quantity = self.quantity(path, value)
            names = quantity.expression.names if quantity.expression else frozenset()
            secret = sorted(names & hidden)
            if secret:
                self.problems.append(
                    self.src.diagnostic(
                        path,
                        "BRK302",
                        tx(
                            "`{value}` is hidden from the {short} delegation, so its AI "
                            "cannot use it",
                            value=secret[0],
                            short=self.s.roles[role_id].short,
                        ),
                        hint=tx("use only meters listed in this role's `visible_to`"),
                    )
                )
            out[(role_id, key)] = quantity
        return out

    def meter_op(self, path: Path_, kind: str, meter: str, value: float | str) -> Op:
        if not isinstance(value, int | float):
            return Op(kind, meter, self.quantity((*path, kind, meter), value))
        key = (kind, meter, float(value))
        op = self._constant_ops.get(key)
        if op is None:
            op = self._constant_ops[key] = Op(kind, meter, self.constant(float(value)))
        return op

    def quantity(self, path: Path_, value: float | str) -> Quantity:
        if isinstance(value, int | float):
            return self.constant(float(value))
        compiled = self.compile(path, value, "number")
        return Quantity(expression=compiled) if compiled else self.constant(0.0)

    def constant(self, value: float) -> Quantity:
        quantity = self._constants.get(value)
        if quantity is None:
            quantity = self._constants[value] = Quantity(constant=value)
        return quantity

    def condition(self, path: Path_, text: str | None) -> Compiled | None:
        return None if text is None else self.compile(path, text, "boolean")

    def compile(self, path: Path_, text: str, expect: Any) -> Compiled | None:
        known = self._compiled.get((text, expect))
        if known is not None:
            return known
        try:
            compiled = compile_expression(text, self.namespace, expect, lambda: self.context)
        except ExpressionError as err:
            self.problems += [
                self.src.diagnostic(
                    path,
                    problem.code,
                    problem.message,
                    hint=problem.hint,
                    span=problem.length,
                    offset=self._offset(path, problem.offset),
                )
                for problem in (err, *err.more)
            ]
            return None
        self._compiled[(text, expect)] = compiled
        return compiled

    def _offset(self, path: Path_, offset: int) -> int:
        """Columns from the node's start to character `offset` of the expression:
        quoted scalars start one column after their quote."""
        style = self.src.scalar_style(path)
        return offset + (1 if style in ("'", '"') else 0)
