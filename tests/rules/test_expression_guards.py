"""Expressions cannot overflow: large exponents and numbers are refused when the scenario
loads (BRK307), and arithmetic saturates at run time instead of raising."""

from __future__ import annotations

import pytest

from game.rules.expressions import MAX_NUMBER, ExpressionError, Namespace, compile_expression


@pytest.fixture
def names() -> Namespace:
    namespace = Namespace()
    namespace.declare("moves", "number")
    namespace.declare("apprehensions", "number")
    return namespace


@pytest.mark.parametrize(
    "text", ["moves ** 99999 > 1", "2 ** moves > 1", "moves ** (moves) > 1", "1e400 > moves",
             "moves > 10000000000000000", "moves ** -11 > 0"],
)  # fmt: skip
def test_overflowing_expressions_are_refused_with_brk307(names, text):
    with pytest.raises(ExpressionError) as caught:
        compile_expression(text, names, "boolean")
    assert caught.value.code == "BRK307"


@pytest.mark.parametrize(
    "text, env, expected",
    [
        ("apprehensions ** 10", {"apprehensions": 1e300}, MAX_NUMBER),
        ("apprehensions * apprehensions * apprehensions", {"apprehensions": 1e200}, MAX_NUMBER),
        ("0 - apprehensions * apprehensions", {"apprehensions": 1e200}, -MAX_NUMBER),
        ("(0 - apprehensions) ** 0.5", {"apprehensions": 4.0}, 0.0),  # no complex numbers
        ("apprehensions ** -2", {"apprehensions": 0.0}, 0.0),  # 0 ** -2: like division by 0
        ("apprehensions / 0", {"apprehensions": 5.0}, 0.0),
        ("apprehensions ** 2", {"apprehensions": 3.0}, 9.0),  # ordinary sums are untouched
        ("moves - 1.5", {"moves": 4}, 2.5),
    ],
)
def test_arithmetic_saturates_instead_of_raising(names, text, env, expected):
    compiled = compile_expression(text, names, "number")
    assert compiled(env) == expected
