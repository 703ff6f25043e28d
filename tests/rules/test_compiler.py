"""The expression compiler, directly: the closures it builds, the names it records, and
the positioned errors an author sees."""

from __future__ import annotations

import pytest

from game.rules.expressions import ExpressionError, Namespace, compile_expression


@pytest.fixture
def ns() -> Namespace:
    names = Namespace()
    names.declare("apprehensions", "number")
    names.declare("tariff_rate", "number")
    names.declare("deal", "boolean")
    names.declare("offer_guard", "string", choices=frozenset({"", "g6000", "g10000"}))
    return names


def test_a_condition_reads_the_environment_and_names_what_it_reads(ns: Namespace) -> None:
    compiled = compile_expression("apprehensions > 100000 and not deal", ns, "boolean")
    assert compiled.names == frozenset({"apprehensions", "deal"})
    assert compiled.result == "boolean"
    assert compiled({"apprehensions": 144000.0, "deal": False}) is True
    assert compiled({"apprehensions": 144000.0, "deal": True}) is False
    assert compiled({"apprehensions": 90000.0, "deal": False}) is False


def test_arithmetic_uses_floats_and_division_by_zero_gives_zero(ns: Namespace) -> None:
    ratio = compile_expression("apprehensions / tariff_rate", ns, "number")
    assert ratio({"apprehensions": 10.0, "tariff_rate": 4.0}) == 2.5
    assert ratio({"apprehensions": 10.0, "tariff_rate": 0.0}) == 0.0


def test_membership_in_a_literal_list(ns: Namespace) -> None:
    compiled = compile_expression('offer_guard in ["g6000", "g10000"]', ns, "boolean")
    assert compiled({"offer_guard": "g6000"}) is True
    assert compiled({"offer_guard": ""}) is False


def test_the_ternary_picks_a_branch(ns: Namespace) -> None:
    compiled = compile_expression("deal ? 0 : tariff_rate", ns, "number")
    assert compiled({"deal": True, "tariff_rate": 5.0}) == 0.0
    assert compiled({"deal": False, "tariff_rate": 5.0}) == 5.0


@pytest.mark.parametrize(
    ("text", "expect", "code", "offset"),
    [
        ("apprehension > 5", "boolean", "BRK302", 0),
        ("deal and tarif_rate > 5", "boolean", "BRK302", 9),
        ("apprehensions >", "boolean", "BRK301", 15),
        ('offer_guard == "g600"', "boolean", "BRK306", 15),
        ("tariff_rate + 1", "boolean", "BRK304", 0),
        ("deal and 5", "boolean", "BRK303", 0),
        ('tariff_rate == "5"', "boolean", "BRK303", 0),
    ],
)
def test_errors_carry_a_code_and_the_offset_where_they_start(
    ns: Namespace, text: str, expect: str, code: str, offset: int
) -> None:
    with pytest.raises(ExpressionError) as caught:
        compile_expression(text, ns, expect)  # type: ignore[arg-type]
    assert caught.value.code == code
    assert caught.value.offset == offset


def test_an_unknown_name_suggests_the_declared_one(ns: Namespace) -> None:
    with pytest.raises(ExpressionError) as caught:
        compile_expression("tarif_rate > 5", ns, "boolean")
    assert "tariff_rate" in (caught.value.hint or "")
