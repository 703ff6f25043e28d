"""The fast front end for common expressions gives exactly what rule-engine's full path
gives: the same closures (same values on any environment), the same names and result
type, and for anything it cannot handle, the same error."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import game.rules.expressions as expressions
from game.rules.expressions import Compiled, ExpressionError, Namespace, compile_expression
from game.rules.ruleset import Ruleset, load_ruleset
from game.scenario.expression_syntax import quick_parse
from game.scenario.registry import bundled_scenarios


def _namespace() -> Namespace:
    ns = Namespace()
    ns.declare("apprehensions", "number")
    ns.declare("tariff_rate", "number")
    ns.declare("days", "number")
    ns.declare("deal", "boolean")
    ns.declare("mpp", "boolean")
    ns.declare("phase", "string", choices=frozenset({"opening", "talks", ""}))
    ns.declare("offer_by", "string")
    return ns


NS = _namespace()


def full_path(text: str, namespace: Namespace, expect: str) -> Compiled | ExpressionError:
    original = expressions.quick_parse
    expressions.quick_parse = lambda *_: None  # type: ignore[assignment]
    try:
        return compile_expression(text, namespace, expect)  # type: ignore[arg-type]
    except ExpressionError as err:
        return err
    finally:
        expressions.quick_parse = original


def either_path(text: str, namespace: Namespace, expect: str) -> Compiled | ExpressionError:
    try:
        return compile_expression(text, namespace, expect)  # type: ignore[arg-type]
    except ExpressionError as err:
        return err


def environments(namespace: Namespace) -> list[dict[str, Any]]:
    numbers = [0.0, 1.0, -3.5, 1000.0, 25.0, 0.1]
    strings = ["", "opening", "talks", "us"]
    envs = []
    for i in range(6):
        env: dict[str, Any] = {}
        for j, (name, symbol) in enumerate(sorted(namespace.symbols.items())):
            k = i + j
            if symbol.type == "number":
                env[name] = numbers[k % len(numbers)]
            elif symbol.type == "boolean":
                env[name] = k % 2 == 0
            else:
                env[name] = strings[k % len(strings)]
        envs.append(env)
    return envs


def assert_same(text: str, namespace: Namespace, expect: str) -> None:
    fast, slow = either_path(text, namespace, expect), full_path(text, namespace, expect)
    if isinstance(slow, ExpressionError):
        assert isinstance(fast, ExpressionError), text
        assert (fast.code, fast.message, fast.offset, fast.length, fast.hint) == (
            slow.code,
            slow.message,
            slow.offset,
            slow.length,
            slow.hint,
        ), text
        return
    assert isinstance(fast, Compiled), (text, fast)
    assert (fast.result, fast.names) == (slow.result, slow.names), text
    for env in environments(namespace):
        left, right = _outcome(fast, env), _outcome(slow, env)
        assert left == right and type(left) is type(right), (text, env, left, right)


def _outcome(compiled: Compiled, env: dict[str, Any]) -> object:
    """The value, or the kind of error (huge powers overflow on both paths alike)."""
    try:
        return compiled(env)
    except ArithmeticError as err:
        return type(err)


@pytest.mark.parametrize("scenario_id", bundled_scenarios())
def test_every_bundled_expression_compiles_the_same_on_both_paths(scenario_id: str) -> None:
    ruleset: Ruleset = load_ruleset(scenario_id)
    texts: list[tuple[str, str]] = []
    for rule in [*ruleset.rules, *ruleset.events.values(), *ruleset.actions.values()]:
        if rule.when is not None:
            texts.append((rule.when.text, "boolean"))
    for compiled in [
        *(c for c in ruleset.transitions if c is not None),
        *ruleset.options.values(),
        *ruleset.objectives.values(),
        *ruleset.endings.values(),
    ]:
        texts.append((compiled.text, compiled.result))
    assert texts
    taken = 0
    for text, expect in texts:
        assert_same(text, ruleset.namespace, expect)
        taken += quick_parse(text, ruleset.namespace.symbols) is not None
    # The point of the fast path: most real conditions take it.
    assert taken >= len(texts) // 2


@pytest.mark.parametrize(
    "text",
    [
        "apprehensions > 1000 and tariff_rate >= 5 and not deal",
        "not deal and mpp or deal",
        "not (deal or mpp)",
        "-apprehensions < -5",
        "apprehensions - days - 1 > 2 * tariff_rate / 4",
        "apprehensions / 0 == 0",
        'phase == "talks"',
        "phase == 'opening' and offer_by != \"us\"",
        "tariff_rate == 5 == deal",
        "1 < 2",
        "apprehensions < days < 5",
        "0.1 + 0.2 == tariff_rate",
        "apprehensions > 1e3",
        "apprehensions > 1_000",
        "apprehensions > 0x10",
        "apprehensions ** 2 > 4",
        "apprehensions // 2 > 4",
        "apprehensions % 2 == 1",
        "deal == true",
        "not true",
        'phase == "talk"',
        "phase == 5",
        "deal and 5",
        "apprehensions",
        "apprehensions >",
        "apprehensions = 5",
        "apprehensions > 5 && deal",
        "unknown > 5",
        "in > 5",
        "apprehensions > 5 # comment",
        "phase in ['talks']",
        "deal ? 1 : 0",
        "(apprehensions > 5",
        "apprehensions > 5)",
        "",
        "   ",
        "apprehensions\n> 5",
        "apprehensions\r> 5",
        "phase.length > 3",
        "'a\\'b' == phase",
        "s'talks' == phase",
        "phase < 'talks'",
        "phase + 'x' == 'talksx'",
        "-(-tariff_rate) == tariff_rate",
        "- -5 < tariff_rate",
    ],
)
def test_edge_shapes_give_what_rule_engine_gives(text: str) -> None:
    assert_same(text, NS, "boolean")
    assert_same(text, NS, "number")


_ATOMS = st.sampled_from(
    [
        "apprehensions",
        "tariff_rate",
        "deal",
        "mpp",
        "phase",
        "'talks'",
        '"x"',
        "5",
        "0.5",
        "true",
        "false",
        "unknown",
        "1e2",
        "-2",
    ]
)
_BINARY = st.sampled_from(
    [
        " and ",
        " or ",
        " == ",
        " != ",
        " < ",
        " <= ",
        " > ",
        " >= ",
        " + ",
        " - ",
        " * ",
        " / ",
        "**",
        " in ",
        "=",
        " % ",
    ]
)


@st.composite
def expressions_text(draw: st.DrawFn, depth: int = 3) -> str:
    if depth == 0 or draw(st.booleans()):
        return draw(_ATOMS)
    shape = draw(st.integers(0, 3))
    if shape == 0:
        return "not " + draw(expressions_text(depth - 1))
    if shape == 1:
        return "(" + draw(expressions_text(depth - 1)) + ")"
    if shape == 2:
        return "-" + draw(expressions_text(depth - 1))
    return draw(expressions_text(depth - 1)) + draw(_BINARY) + draw(expressions_text(depth - 1))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(expressions_text(), st.sampled_from(["boolean", "number", "string"]))
def test_random_expressions_give_what_rule_engine_gives(text: str, expect: str) -> None:
    assert_same(text, NS, expect)
