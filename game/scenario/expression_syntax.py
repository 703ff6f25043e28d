"""A fast front end for the common shapes of scenario expressions.

Most conditions are a few comparisons of declared names with numbers or quoted option
ids, joined by `and`/`or`/`not` (`apprehensions > 1000 and not deal`). rule-engine's
parser (ply, plus a type check at every node) costs about a millisecond each, which
dominates loading a scenario with thousands of rules. This module parses exactly that
subset, with rule-engine's precedence, into nodes of the same classes the expression
compiler reads, so both front ends share one compiler and one set of type checks.

It is deliberately conservative: anything outside the subset, any name not declared,
and any operator applied to two constants (rule-engine folds those in `Decimal`
arithmetic, which a float closure could round differently) makes it return None, and
the expression takes the full rule-engine path, which also gives the positioned errors.
So an expression this parser accepts compiles to the same closure as before, and every
error message is rule-engine's or the compiler's, as before.

The nodes are this module's own, named and shaped like rule-engine's (the compiler and
the bounds check read nodes by class name and attributes), so that a scenario whose
expressions all take this path never loads rule-engine: its parser builds its tables
when imported, several megabytes for the whole game. The subset includes the ternary
`cond ? a : b`, which rule-engine parses loosest of all and right to left.
"""

from __future__ import annotations

import re
from collections.abc import Container
from typing import Any

_TOKEN = re.compile(
    r"""[ \t\n]*(?:
      (?P<number>[0-9]+(?:\.[0-9]+)?)(?![0-9A-Za-z_.$])
    | (?P<string>"[^"\\\n]*"|'[^'\\\n]*')
    | (?P<name>[A-Za-z_][A-Za-z0-9_]*)(?![$&.\[])
    | (?P<op>==|!=|<=|>=|<(?![<=])|>(?![>=])|\+|-|\*(?!\*)|/(?!/)|\(|\)|\?(?!\?)|:)
    )""",
    re.VERBOSE,
)
# Words rule-engine reserves (or refuses); a name spelt like one goes the full path.
_KEYWORDS = {"and", "or", "not", "true", "false", "in", "for", "if", "null", "inf", "nan"}
_REFUSED = {"elif", "else", "while"}
_ORDERING = {"<": "lt", "<=": "le", ">": "gt", ">=": "ge"}
_EQUALITY = {"==": "eq", "!=": "ne"}


class Node:
    """A node of a syntax tree (rule-engine's are `ExpressionBase`)."""


class SymbolExpression(Node):
    def __init__(self, name: str) -> None:
        self.name = name


class FloatExpression(Node):
    def __init__(self, value: float) -> None:
        self.value = value


class StringExpression(Node):
    def __init__(self, value: str) -> None:
        self.value = value


class BooleanExpression(Node):
    def __init__(self, value: bool) -> None:
        self.value = value


class _Binary(Node):
    def __init__(self, type_: str, left: Any, right: Any) -> None:
        self.type = type_
        self.left = left
        self.right = right


class LogicExpression(_Binary):
    pass


class ComparisonExpression(_Binary):
    pass


class ArithmeticComparisonExpression(_Binary):
    pass


class AddExpression(_Binary):
    pass


class SubtractExpression(_Binary):
    pass


class ArithmeticExpression(_Binary):
    pass


class UnaryExpression(Node):
    def __init__(self, type_: str, right: Any) -> None:
        self.type = type_
        self.right = right


class TernaryExpression(Node):
    def __init__(self, condition: Any, case_true: Any, case_false: Any) -> None:
        self.condition = condition
        self.case_true = case_true
        self.case_false = case_false


_LITERALS = (FloatExpression, StringExpression, BooleanExpression)


class _Unsupported(Exception):
    """Outside the subset: take the full path."""


def quick_parse(text: str, symbols: Container[str]) -> Any | None:
    """The syntax tree of `text` if it is in the subset and every name is declared,
    else None."""
    try:
        parser = _Parser(_tokens(text), symbols)
        tree = parser.ternary()
        if parser.position != len(parser.tokens) - 1:  # all but the end marker
            return None
        return tree
    except (_Unsupported, RecursionError):
        return None


_END = ("", "")  # after the last token: matches no operator, and `take` refuses it
_OR, _AND, _NOT = ("name", "or"), ("name", "and"), ("name", "not")
_PLUS, _MINUS, _TIMES, _DIVIDED = ("op", "+"), ("op", "-"), ("op", "*"), ("op", "/")
_QUESTION, _COLON = ("op", "?"), ("op", ":")


def _tokens(text: str) -> list[tuple[str, str]]:
    """The tokens, then `_END`; `_Unsupported` at a character no token starts with."""
    tokens = []
    position = 0
    stop = len(text.rstrip(" \t\n"))
    for match in _TOKEN.finditer(text, 0, stop):
        if match.start() != position:
            raise _Unsupported
        kind = match.lastgroup
        assert kind is not None
        tokens.append((kind, match.group(kind)))
        position = match.end()
    if position != stop or not tokens:
        raise _Unsupported
    tokens.append(_END)
    return tokens


class _Parser:
    """Recursive descent, loosest first, following rule-engine's precedence table:
    ? : (right to left) < or < and < not < == != (non-associative) < < <= > >= (non-associative)
    < + - < * / < unary minus < names, numbers, strings, true/false, parentheses.
    The token list ends with `_END`, so looking ahead never runs off its end."""

    def __init__(self, tokens: list[tuple[str, str]], symbols: Container[str]) -> None:
        self.tokens = tokens
        self.symbols = symbols
        self.position = 0

    def take(self) -> tuple[str, str]:
        token = self.tokens[self.position]
        if token is _END:
            raise _Unsupported
        self.position += 1
        return token

    def ternary(self) -> Any:
        """`cond ? a : b`, loosest of all; `a ? b : c ? d : e` is `a ? b : (c ? d : e)`."""
        node = self.disjunction()
        if self.tokens[self.position] != _QUESTION:
            return node
        if isinstance(node, _LITERALS):
            raise _Unsupported  # rule-engine picks the branch while parsing
        self.position += 1
        case_true = self.ternary()
        if self.take() != _COLON:
            raise _Unsupported
        return TernaryExpression(node, case_true, self.ternary())

    def disjunction(self) -> Any:
        node = self.conjunction()
        while self.tokens[self.position] == _OR:
            self.position += 1
            node = _binary(LogicExpression, "or", node, self.conjunction())
        return node

    def conjunction(self) -> Any:
        node = self.negation()
        while self.tokens[self.position] == _AND:
            self.position += 1
            node = _binary(LogicExpression, "and", node, self.negation())
        return node

    def negation(self) -> Any:
        if self.tokens[self.position] == _NOT:
            self.position += 1
            operand = self.negation()
            if isinstance(operand, _LITERALS):
                raise _Unsupported
            return UnaryExpression("not", operand)
        return self.equality()

    def equality(self) -> Any:
        node = self.ordering()
        kind, value = self.tokens[self.position]
        if kind == "op" and value in _EQUALITY:
            self.position += 1
            node = _binary(ComparisonExpression, _EQUALITY[value], node, self.ordering())
            if self.tokens[self.position][1] in _EQUALITY:
                raise _Unsupported  # non-associative: a syntax error for rule-engine
        return node

    def ordering(self) -> Any:
        node = self.sum()
        kind, value = self.tokens[self.position]
        if kind == "op" and value in _ORDERING:
            self.position += 1
            node = _binary(ArithmeticComparisonExpression, _ORDERING[value], node, self.sum())
            if self.tokens[self.position][1] in _ORDERING:
                raise _Unsupported
        return node

    def sum(self) -> Any:
        node = self.product()
        token = self.tokens[self.position]
        while token in (_PLUS, _MINUS):
            self.position += 1
            if token == _PLUS:
                node = _binary(AddExpression, "add", node, self.product())
            else:
                node = _binary(SubtractExpression, "sub", node, self.product())
            token = self.tokens[self.position]
        return node

    def product(self) -> Any:
        node = self.unary()
        token = self.tokens[self.position]
        while token in (_TIMES, _DIVIDED):
            self.position += 1
            node = _binary(
                ArithmeticExpression, "mul" if token == _TIMES else "tdiv", node, self.unary()
            )
            token = self.tokens[self.position]
        return node

    def unary(self) -> Any:
        if self.tokens[self.position] == _MINUS:
            self.position += 1
            operand = self.unary()
            if isinstance(operand, FloatExpression):
                # rule-engine folds `-5` to the constant -5; negation is exact either way.
                return FloatExpression(-operand.value)
            if isinstance(operand, _LITERALS):
                raise _Unsupported
            return UnaryExpression("uminus", operand)
        return self.atom()

    def atom(self) -> Any:
        kind, value = self.take()
        if kind == "number":
            return FloatExpression(float(value))
        if kind == "string":
            return StringExpression(value[1:-1])
        if kind == "name":
            if value == "true" or value == "false":
                return BooleanExpression(value == "true")
            if value in _KEYWORDS or value in _REFUSED or value not in self.symbols:
                raise _Unsupported
            return SymbolExpression(value)
        if value == "(":
            node = self.ternary()
            if self.take() != ("op", ")"):
                raise _Unsupported
            return node
        raise _Unsupported


class AnyName:
    """Names a tree may use when none are declared (the bounds check reads trees of
    expressions that are compiled, and checked for undeclared names, elsewhere)."""

    def __contains__(self, name: object) -> bool:
        return True


def _binary(cls: type[_Binary], type_: str, left: Any, right: Any) -> _Binary:
    if isinstance(left, _LITERALS) and isinstance(right, _LITERALS):
        raise _Unsupported  # rule-engine would fold it, in Decimal arithmetic
    return cls(type_, left, right)
