"""Condition and value expressions, compiled once when a scenario loads.

Parsing, name resolution and type checking are done by the `rule-engine` library
(a real grammar; nothing in a scenario is ever passed to `eval`). Its evaluator works
on `Decimal`s and is too slow for thousands of simulated games, so once an expression
has been checked we translate its syntax tree into plain Python closures over floats.
The closures read one dict, the game's *environment* (see `game.engine.environment`).
"""

from __future__ import annotations

import math
import operator
import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

from game.i18n import tx
from game.scenario.diagnostics import did_you_mean
from game.scenario.expression_syntax import Node, quick_parse

# rule-engine is imported only when an expression takes its path (see
# `game.scenario.expression_syntax`): loading it builds its parser's tables.
if TYPE_CHECKING:
    import rule_engine
    from rule_engine.errors import RuleSyntaxError, SymbolResolutionError

Env = Mapping[str, Any]
Evaluator = Callable[[Env], Any]
TypeName = Literal["number", "string", "boolean"]

_TYPE_WORDS = {"FLOAT": "number", "STRING": "string", "BOOLEAN": "boolean", "NULL": "null"}


@dataclass(frozen=True)
class Symbol:
    """A name an expression may use, with its type and, for option names, the
    strings it can hold (so a misspelt option in `offer_guard == "g600"` is caught)."""

    type: TypeName
    description: str = ""
    choices: frozenset[str] | None = None


@dataclass
class Namespace:
    """The declared names of a scenario, as seen by expressions."""

    symbols: dict[str, Symbol] = field(default_factory=dict)
    # Closures of `name <op> constant` and `not name`, shared by every expression of the
    # scenario that contains the same test (see `_Compiler._direct`).
    shared: dict[tuple[Any, ...], Evaluator] = field(
        default_factory=dict, repr=False, compare=False
    )
    # Sets of names read by expressions, one object per distinct set.
    name_sets: dict[frozenset[str], frozenset[str]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def names(self, used: set[str]) -> frozenset[str]:
        names = frozenset(used)
        return self.name_sets.setdefault(names, names)

    def declare(
        self,
        name: str,
        type_: TypeName,
        description: str = "",
        choices: frozenset[str] | None = None,
    ) -> None:
        self.symbols[name] = Symbol(type_, description, choices)

    def context(self) -> rule_engine.Context:
        import rule_engine

        kinds = {
            "number": rule_engine.DataType.FLOAT,
            "string": rule_engine.DataType.STRING,
            "boolean": rule_engine.DataType.BOOLEAN,
        }
        types = {name: kinds[s.type] for name, s in self.symbols.items()}
        return rule_engine.Context(type_resolver=rule_engine.type_resolver_from_dict(types))


class ExpressionError(Exception):
    """A problem in one expression, positioned by character offset within it."""

    def __init__(
        self, code: str, message: str, offset: int = 0, length: int = 1, hint: str | None = None
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.offset = offset
        self.length = length
        self.hint = hint
        # Further problems of the same expression, reported alongside this one.
        self.more: tuple[ExpressionError, ...] = ()


@dataclass(frozen=True)
class Compiled:
    """A checked expression and the closure that evaluates it."""

    text: str
    result: TypeName
    names: frozenset[str]
    evaluate: Evaluator

    def __call__(self, env: Env) -> Any:
        return self.evaluate(env)


def compile_expression(
    text: str,
    namespace: Namespace,
    expect: TypeName,
    context: rule_engine.Context | Callable[[], rule_engine.Context] | None = None,
) -> Compiled:
    """Parse, type-check and compile `text`; raise ExpressionError if it is wrong.
    `context`: the namespace's rule-engine context, or a function giving it, for the
    expressions that take rule-engine's path (see `game.scenario.expression_syntax`)."""
    quick = _compile_common_shape(text, namespace, expect)
    if quick is not None:
        return quick
    import rule_engine
    from rule_engine.errors import EngineError, RuleSyntaxError, SymbolResolutionError

    ctx = context() if callable(context) else (context or namespace.context())
    try:
        rule = rule_engine.Rule(text, context=ctx)
    except SymbolResolutionError as err:
        raise _unknown_symbol(text, err, namespace) from None
    except RuleSyntaxError as err:
        raise _syntax_error(text, err) from None
    except EngineError as err:
        raise ExpressionError(
            "BRK303",
            tx("type mismatch: {message}", message=err.message),
            0,
            len(text),
            tx("check that both sides of each operator have the same type"),
        ) from None
    except RecursionError:
        raise _too_deep(text) from None
    except Exception as err:  # rule-engine raises plain errors on a few malformed inputs
        raise ExpressionError(
            "BRK301", tx("cannot parse expression: {err}", err=err), 0, len(text)
        ) from None
    compiler = _Compiler(text, namespace)
    try:
        evaluate, result = compiler.compile(rule.statement.expression)
    except RecursionError:
        raise _too_deep(text) from None
    if result != expect:
        raise ExpressionError(
            "BRK304",
            tx(
                "expression gives a {result}, but a {expect} is needed here",
                result=result,
                expect=expect,
            ),
            0,
            len(text),
            tx("a condition must be true or false, e.g. `apprehensions > 100000`")
            if expect == "boolean"
            else None,
        )
    return Compiled(text, result, namespace.names(compiler.names), evaluate)


def _compile_common_shape(text: str, namespace: Namespace, expect: TypeName) -> Compiled | None:
    """The fast path (see `quick_parse`): None unless the expression is of a common shape
    and compiles without a problem; a problem is then reported by the full path."""
    tree = quick_parse(text, namespace.symbols)
    if tree is None:
        return None
    compiler = _Compiler(text, namespace)
    try:
        evaluate, result = compiler.compile(tree)
    except (ExpressionError, RecursionError):
        return None
    if result != expect:
        return None
    return Compiled(text, result, namespace.names(compiler.names), evaluate)


def _too_deep(text: str) -> ExpressionError:
    return ExpressionError(
        "BRK305",
        tx("expression is nested too deeply"),
        0,
        len(text),
        tx("split it into several rules, or use a meter for partial results"),
    )


def _unknown_symbol(text: str, err: SymbolResolutionError, namespace: Namespace) -> ExpressionError:
    """The first unknown name, carrying every other unknown name of the expression in
    `more`, so that an author fixes them all in one pass."""
    import rule_engine

    names = [err.symbol_name]
    try:
        tree = rule_engine.Rule(text).statement.expression  # no types: every name resolves
    except Exception:  # the first name is still worth reporting
        tree = None
    for name in _symbol_names(tree):
        if name not in namespace.symbols and name not in names:
            names.append(name)
    errors = [_unknown_name(text, name, namespace) for name in names]
    errors.sort(key=lambda e: e.offset)
    first = errors[0]
    first.more = tuple(errors[1:])
    return first


def _symbol_names(node: Any) -> list[str]:
    if node is None:
        return []
    if _is(node, "SymbolExpression"):
        return [node.name]
    found: list[str] = []
    for key, child in vars(node).items():
        if key in {"context", "_evaluator", "result_type"}:
            continue
        children = child if isinstance(child, list | tuple) else [child]
        for item in children:
            if _is_node(item):
                found += _symbol_names(item)
    return found


def _unknown_name(text: str, name: str, namespace: Namespace) -> ExpressionError:
    match = re.search(rf"(?<![\w$]){re.escape(name)}(?!\w)", text)
    offset = match.start() if match else 0
    close = did_you_mean(name, namespace.symbols)
    if close is None or not close.startswith("did you mean"):
        close = (
            "declare it under `meters:` (a number) or `flags:` (true/false), or check the spelling"
        )
    if name.lower() in {"yes", "no", "on", "off"}:
        close = "write `true` or `false`"
    elif any(name in (s.choices or ()) for s in namespace.symbols.values()):
        close = (
            f'`{name}` is an option: write it in quotes, "{name}" (and the whole condition '
            "in single quotes in YAML)"
        )
    return ExpressionError(
        "BRK302", tx("unknown name `{name}` in expression", name=name), offset, len(name), close
    )


def _syntax_error(text: str, err: RuleSyntaxError) -> ExpressionError:
    token = err.token
    if token is None:
        return ExpressionError(
            "BRK301",
            tx("expression ends too early"),
            len(text),
            1,
            tx("an operator is missing its right-hand side, or a bracket is open"),
        )
    offset = int(getattr(token, "lexpos", 0))
    value = str(getattr(token, "value", ""))
    hint: str | None = None
    if value.startswith("=") and not value.startswith("=="):
        hint = tx("use `==` to compare")
    elif text[:offset].rstrip()[-1:].isdigit() and (value == "," or value[:1].isdigit()):
        hint = tx("write numbers without separators, e.g. `100000`")
    elif value in {"&&", "&", "||", "|"}:
        hint = tx("use `and` / `or`")
    return ExpressionError(
        "BRK301",
        tx("syntax error at `{value}`", value=value[:20]),
        offset,
        max(1, len(value.split()[0]) if value.split() else 1),
        hint,
    )


# --------------------------------------------------------------------------- compiler


_ARITHMETIC: dict[str, Callable[[float, float], float]] = {
    "add": operator.add,
    "sub": operator.sub,
    "mul": operator.mul,
    "tdiv": operator.truediv,
    "fdiv": operator.floordiv,
    "mod": operator.mod,
    "pow": operator.pow,
}
_ORDERING: dict[str, Callable[[Any, Any], bool]] = {
    "lt": operator.lt,
    "le": operator.le,
    "gt": operator.gt,
    "ge": operator.ge,
}


def _literal(value: Any) -> Any:
    return float(value) if isinstance(value, Decimal) else value


# Arithmetic saturates here, so no expression can overflow, make infinity or NaN, or run
# away with a 10,000-digit integer: far beyond any quantity a scenario tracks.
MAX_NUMBER = 1e15
MAX_EXPONENT = 10


def _bounded(op: Callable[[float, float], Any]) -> Callable[[float, float], float]:
    def run(left: float, right: float) -> float:
        try:
            value = op(float(left), float(right))
        except OverflowError:
            value = math.inf
        except (ZeroDivisionError, ValueError):
            return 0.0
        if not isinstance(value, float | int) or value != value:  # complex, or NaN
            return 0.0
        return max(-MAX_NUMBER, min(MAX_NUMBER, float(value)))

    return run


class _Compiler:
    """Turns a checked rule-engine syntax tree into closures; rejects constructs we do not
    support, and comparisons rule-engine allows but which are certainly mistakes."""

    def __init__(self, text: str, namespace: Namespace) -> None:
        self.text = text
        self.namespace = namespace
        self.names: set[str] = set()

    def error(
        self, code: str, message: str, needle: str | None = None, hint: str | None = None
    ) -> ExpressionError:
        offset = self.text.find(needle) if needle else -1
        if offset < 0:
            return ExpressionError(code, message, 0, len(self.text), hint)
        return ExpressionError(code, message, offset, len(needle or " "), hint)

    def compile(self, node: Any) -> tuple[Evaluator, TypeName]:
        method = getattr(self, "_" + type(node).__name__, None)
        if method is None:
            raise self.error(
                "BRK305",
                tx(
                    "{value} expressions are not supported in scenarios",
                    value=type(node).__name__.removesuffix("Expression").lower(),
                ),
                hint=tx(
                    "use comparisons, arithmetic, `and`/`or`/`not`, `in [...]` and `cond ? a : b`"
                ),
            )
        result: tuple[Evaluator, TypeName] = method(node)
        return result

    # leaves -----------------------------------------------------------------
    def _SymbolExpression(self, node: Any) -> tuple[Evaluator, TypeName]:
        name = node.name
        self.names.add(name)
        symbol = self.namespace.symbols[name]
        return (lambda env: env[name]), symbol.type

    def _FloatExpression(self, node: Any) -> tuple[Evaluator, TypeName]:
        value = _literal(node.value)
        if not abs(value) <= MAX_NUMBER:  # also catches infinity and NaN
            text = str(node.value)
            raise self.error(
                "BRK307",
                tx(
                    "the number {value} is out of range (at most 10^15 either way)",
                    value=_shown(node.value),
                ),
                text if text in self.text else None,
            )
        return (lambda env: value), "number"

    def _StringExpression(self, node: Any) -> tuple[Evaluator, TypeName]:
        value = node.value
        return (lambda env: value), "string"

    def _BooleanExpression(self, node: Any) -> tuple[Evaluator, TypeName]:
        value = bool(node.value)
        return (lambda env: value), "boolean"

    # operators ---------------------------------------------------------------
    def _LogicExpression(self, node: Any) -> tuple[Evaluator, TypeName]:
        operands = _chain(node) if node.type in _CHAINS else None
        if operands is not None:
            # `a and b and c` parses as `(a and b) and c`: one closure tests the operands
            # in turn, in the same order, with the same result (checked in that order too).
            tests = [self._boolean(operand, node.type) for operand in operands]
            return _CHAINS[node.type](*tests), "boolean"
        left = self._boolean(node.left, node.type)
        right = self._boolean(node.right, node.type)
        if node.type == "and":
            return (lambda env: left(env) and right(env)), "boolean"
        if node.type == "or":
            return (lambda env: left(env) or right(env)), "boolean"
        return (lambda env: bool(left(env)) != bool(right(env))), "boolean"  # xor

    def _boolean(self, node: Any, operator_name: str) -> Evaluator:
        fn, kind = self.compile(node)
        if kind != "boolean":
            raise self.error(
                "BRK303",
                tx(
                    "`{operator_name}` needs true/false on both sides, got a {kind}",
                    operator_name=operator_name,
                    kind=kind,
                ),
                hint=tx("compare the value, e.g. `x > 0`"),
            )
        return fn

    def _UnaryExpression(self, node: Any) -> tuple[Evaluator, TypeName]:
        fn, kind = self.compile(node.right)
        if node.type == "not":
            if kind != "boolean":
                raise self.error(
                    "BRK303", tx("`not` needs true/false, got a {kind}", kind=kind), "not"
                )
            direct = self._direct("not", node.right, None, (fn,))
            return direct or (lambda env: not fn(env)), "boolean"
        if kind != "number":
            raise self.error(
                "BRK303", tx("unary minus needs a number, got a {kind}", kind=kind), "-"
            )
        return (lambda env: -fn(env)), "number"

    def _arith(self, node: Any) -> tuple[Evaluator, TypeName]:
        left, lk = self.compile(node.left)
        right, rk = self.compile(node.right)
        if node.type == "add" and lk == rk == "string":
            return (lambda env: left(env) + right(env)), "string"
        if lk != "number" or rk != "number":
            raise self.error(
                "BRK303", tx("arithmetic needs numbers, got a {lk} and a {rk}", lk=lk, rk=rk)
            )
        if node.type == "pow":
            self._check_exponent(node.right)
        op = _bounded(_ARITHMETIC[node.type])
        if node.type in {"tdiv", "fdiv", "mod"}:
            # Division by zero in a scenario is an authoring slip, not a crash: yield 0.
            def safe(env: Env) -> float:
                denominator = right(env)
                return op(left(env), denominator) if denominator else 0.0

            return safe, "number"
        return (lambda env: op(left(env), right(env))), "number"

    def _check_exponent(self, node: Any) -> None:
        """`x ** 99999` overflows: exponents are small numbers written out."""
        literal = node.right if _is(node, "UnaryExpression") else node
        if _is(literal, "FloatExpression") and abs(float(literal.value)) <= MAX_EXPONENT:
            return
        raise self.error(
            "BRK307",
            tx(
                "an exponent must be a number from -{MAX_EXPONENT} to {MAX_EXPONENT2} written "
                "in the expression",
                MAX_EXPONENT=MAX_EXPONENT,
                MAX_EXPONENT2=MAX_EXPONENT,
            ),
            "**",
            tx("a larger or computed power can overflow; use multiplication or a meter"),
        )

    _ArithmeticExpression = _arith
    _AddExpression = _arith
    _SubtractExpression = _arith

    def _ArithmeticComparisonExpression(self, node: Any) -> tuple[Evaluator, TypeName]:
        left, lk = self.compile(node.left)
        right, rk = self.compile(node.right)
        if lk != rk or lk == "boolean":
            raise self.error(
                "BRK303",
                tx("cannot order a {lk} against a {rk}", lk=lk, rk=rk),
                hint=tx("`<`, `>`, `<=`, `>=` compare two numbers or two strings"),
            )
        op = _ORDERING[node.type]
        direct = self._direct(node.type, node.left, node.right, (left, right))
        return direct or (lambda env: op(left(env), right(env))), "boolean"

    def _ComparisonExpression(self, node: Any) -> tuple[Evaluator, TypeName]:
        left, lk = self.compile(node.left)
        right, rk = self.compile(node.right)
        if lk != rk:
            raise self.error(
                "BRK303",
                tx(
                    "comparing a {lk} with a {rk} is always {value}",
                    lk=lk,
                    rk=rk,
                    value="false" if node.type == "eq" else "true",
                ),
                hint=tx("compare values of the same type; strings need quotes"),
            )
        self._check_choice(node.left, node.right)
        self._check_choice(node.right, node.left)
        direct = self._direct(node.type, node.left, node.right, (left, right))
        if direct is not None:
            return direct, "boolean"
        if node.type == "eq":
            return (lambda env: left(env) == right(env)), "boolean"
        return (lambda env: left(env) != right(env)), "boolean"

    def _direct(
        self, op: str, left: Any, right: Any, fns: tuple[Evaluator, ...]
    ) -> Evaluator | None:
        """One closure, shared across the scenario, for the commonest tests: a name
        against a constant (`apprehensions > 100000`, `"g600" == offer_guard`) and
        `not name`. The same operation on the same values as the general closures, so
        the same result; but one call per test instead of three, and no new closure for
        a test another rule already made. `fns` are the operands' checked closures."""
        shared = self.namespace.shared
        key: tuple[Any, ...]
        if op == "not":
            if not _is(left, "SymbolExpression"):
                return None
            key = (op, left.name)
            if key not in shared:
                shared[key] = _not_name(left.name)
        elif _is(left, "SymbolExpression") and _is(right, *_CONSTANTS):
            value = fns[1](_EMPTY)
            key = (op, left.name, type(value), value)
            if key not in shared:
                shared[key] = _name_first(_TESTS[op], left.name, value)
        elif _is(left, *_CONSTANTS) and _is(right, "SymbolExpression"):
            value = fns[0](_EMPTY)
            key = (op, type(value), value, right.name)
            if key not in shared:
                shared[key] = _name_last(_TESTS[op], value, right.name)
        else:
            return None
        return shared[key]

    def _check_choice(self, symbol_node: Any, literal_node: Any) -> None:
        """`offer_guard == "g600"`: the string must be one of the option ids."""
        if not _is(symbol_node, "SymbolExpression"):
            return
        literals = []
        if _is(literal_node, "StringExpression"):
            literals = [literal_node.value]
        elif _is(literal_node, "ArrayExpression", "SetExpression"):
            literals = [m.value for m in literal_node.value if _is(m, "StringExpression")]
        choices = self.namespace.symbols[symbol_node.name].choices
        for value in literals:
            if choices is not None and value not in choices:
                raise self.error(
                    "BRK306",
                    tx(
                        "`{value}` is not a possible value of `{name}`",
                        value=value,
                        name=symbol_node.name,
                    ),
                    f'"{value}"',
                    did_you_mean(value, choices),
                )

    def _ContainsExpression(self, node: Any) -> tuple[Evaluator, TypeName]:
        # rule-engine's `member in container`: node.member, node.container
        container = node.container
        if not _is(container, "ArrayExpression", "SetExpression"):
            raise self.error("BRK305", tx('`in` needs a literal list, e.g. `x in ["a", "b"]`'))
        member, mk = self.compile(node.member)
        items = []
        for item in container.value:
            fn, kind = self.compile(item)
            if kind != mk:
                raise self.error(
                    "BRK303", tx("list of {kind}s tested for a {mk}", kind=kind, mk=mk)
                )
            items.append(fn(_EMPTY) if not _uses_symbols(item) else None)
        self._check_choice(node.member, container)
        if all(i is not None for i in items):
            values = frozenset(items)
            return (lambda env: member(env) in values), "boolean"
        dynamic = [self.compile(item)[0] for item in container.value]
        return (lambda env: member(env) in [f(env) for f in dynamic]), "boolean"

    def _TernaryExpression(self, node: Any) -> tuple[Evaluator, TypeName]:
        cond = self._boolean(node.condition, "?")
        yes, yk = self.compile(node.case_true)
        no, nk = self.compile(node.case_false)
        if yk != nk:
            raise self.error(
                "BRK303", tx("the two branches of `? :` give a {yk} and a {nk}", yk=yk, nk=nk)
            )
        return (lambda env: yes(env) if cond(env) else no(env)), yk


_EMPTY: dict[str, Any] = {}


def _is(node: Any, *kinds: str) -> bool:
    """Whether `node` is one of these kinds of syntax node, from either front end (the
    fast one's nodes are named like rule-engine's; see `game.scenario.expression_syntax`)."""
    return type(node).__name__ in kinds


def _is_node(value: Any) -> bool:
    """Whether `value` is a syntax node of either front end."""
    if isinstance(value, Node):
        return True
    ast = sys.modules.get("rule_engine.ast")  # loaded if this tree came from rule-engine
    return ast is not None and isinstance(value, ast.ExpressionBase)


def _uses_symbols(node: Any) -> bool:
    return _is(node, "SymbolExpression") or any(
        _uses_symbols(v)
        for k, v in vars(node).items()
        if k not in {"context", "_evaluator", "result_type"} and _is_node(v)
    )


def _shown(number: Any) -> str:
    """A number as a person would write it in a message: 1e+400, not 400 digits."""
    try:
        return re.sub(r"\.?0+(?=e)", "", format(number, ".6g"))
    except (TypeError, ValueError):
        return str(number)[:20]


_CONSTANTS = ("FloatExpression", "StringExpression", "BooleanExpression")


def _not_name(name: str) -> Evaluator:
    def test(env: Env, name: str = name) -> bool:
        return not env[name]

    return test


# The shared tests of `_Compiler._direct`: name, value and operator are bound as defaults
# rather than closed over (two objects per test instead of five, which counts in a
# scenario with thousands of them), and a test is one call instead of three.
def _name_first(op: Callable[[Any, Any], Any], name: str, value: Any) -> Evaluator:
    def test(
        env: Env, op: Callable[[Any, Any], Any] = op, name: str = name, value: Any = value
    ) -> Any:
        return op(env[name], value)

    return test


def _name_last(op: Callable[[Any, Any], Any], value: Any, name: str) -> Evaluator:
    def test(
        env: Env, op: Callable[[Any, Any], Any] = op, value: Any = value, name: str = name
    ) -> Any:
        return op(value, env[name])

    return test


_TESTS: dict[str, Callable[[Any, Any], Any]] = {
    **_ORDERING,
    "eq": operator.eq,
    "ne": operator.ne,
}


def _chain(node: Any) -> list[Any] | None:
    """The operands of a whole chain of two to four `and`s (or `or`s), left to right;
    None for a longer one, which compiles pairwise as it always did."""
    operands = [node.right]
    first = node.left
    while _is(first, "LogicExpression") and first.type == node.type:
        if len(operands) == 3:
            return None
        operands.append(first.right)
        first = first.left
    operands.append(first)
    operands.reverse()
    return operands


# The chains bind their operands as defaults, not in a closure: two objects per chain
# instead of up to six (see `_name_first`).
def _and(*tests: Evaluator) -> Evaluator:
    if len(tests) == 2:
        a, b = tests

        def both(env: Env, a: Evaluator = a, b: Evaluator = b) -> Any:
            return a(env) and b(env)

        return both
    if len(tests) == 3:
        a, b, c = tests

        def all3(env: Env, a: Evaluator = a, b: Evaluator = b, c: Evaluator = c) -> Any:
            return a(env) and b(env) and c(env)

        return all3
    a, b, c, d = tests

    def all4(
        env: Env, a: Evaluator = a, b: Evaluator = b, c: Evaluator = c, d: Evaluator = d
    ) -> Any:
        return a(env) and b(env) and c(env) and d(env)

    return all4


def _or(*tests: Evaluator) -> Evaluator:
    if len(tests) == 2:
        a, b = tests

        def either(env: Env, a: Evaluator = a, b: Evaluator = b) -> Any:
            return a(env) or b(env)

        return either
    if len(tests) == 3:
        a, b, c = tests

        def any3(env: Env, a: Evaluator = a, b: Evaluator = b, c: Evaluator = c) -> Any:
            return a(env) or b(env) or c(env)

        return any3
    a, b, c, d = tests

    def any4(
        env: Env, a: Evaluator = a, b: Evaluator = b, c: Evaluator = c, d: Evaluator = d
    ) -> Any:
        return a(env) or b(env) or c(env) or d(env)

    return any4


_CHAINS: dict[str, Callable[..., Evaluator]] = {"and": _and, "or": _or}
