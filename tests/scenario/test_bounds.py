"""The bounds analysis never calls a condition impossible that some in-bounds state
makes true (it may only miss impossible ones): checked against rule-engine's own
evaluation on random expressions and random in-bounds values."""

from __future__ import annotations

from decimal import Decimal

import rule_engine
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from game.scenario.bounds import BOTH, Interval, _Bounds

KNOWN = {"a": Interval(0, 100), "b": Interval(-5, 5)}

numbers = st.recursive(
    st.one_of(
        st.sampled_from(["a", "b"]),
        st.integers(-200, 200).map(str),
    ),
    lambda inner: st.tuples(inner, st.sampled_from(["+", "-", "*", "/"]), inner).map(
        lambda t: f"({t[0]} {t[1]} {t[2]})"
    ),
    max_leaves=4,
)
comparisons = st.tuples(numbers, st.sampled_from(["<", "<=", ">", ">=", "==", "!="]), numbers).map(
    lambda t: f"({t[0]} {t[1]} {t[2]})"
)
conditions = st.recursive(
    st.one_of(comparisons, st.sampled_from(["flag", "true", "false"])),
    lambda inner: st.one_of(
        st.tuples(inner, st.sampled_from(["and", "or"]), inner).map(
            lambda t: f"({t[0]} {t[1]} {t[2]})"
        ),
        inner.map(lambda c: f"not {c}"),
    ),
    max_leaves=4,
)


@settings(max_examples=300, deadline=None)
@given(
    conditions,
    st.lists(
        st.tuples(st.integers(0, 100), st.integers(-5, 5), st.booleans()), min_size=1, max_size=8
    ),
)
def test_impossible_means_false_in_every_in_bounds_state(text, states):
    try:
        rule = rule_engine.Rule(text)
    except (rule_engine.errors.EngineError, ArithmeticError):
        assume(False)  # e.g. `1 / 0` folded while parsing: the loader reports those
    possible = _Bounds(KNOWN).truth(rule.statement.expression)
    assert possible <= BOTH and possible
    for a, b, flag in states:
        try:
            holds = rule.matches({"a": Decimal(a), "b": Decimal(b), "flag": flag})
        except (rule_engine.errors.EvaluationError, ArithmeticError):
            continue  # e.g. division by zero: the engine yields 0 there instead
        assert holds in possible, (text, a, b, flag)
