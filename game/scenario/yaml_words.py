"""The YAML reader's complaints in an author's words, in the author's language.

PyYAML (libyaml underneath) reports a syntax error in its own English terms: "did not
find expected key", "while scanning a quoted scalar". The common ones are said here as a
scenario author understands them, with a hint at the fix; any other keeps the reader's
words as a detail behind a sentence in the author's language, so nothing reaches a
Spanish author in English alone. Indentation and a colon inside text have their own
explanations (`yaml_source.misindented`, `colon_in_text`), tried before these.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from game.i18n import LocalText, tx
from game.scenario.diagnostics import Diagnostic

# (what the problem says, what the context says or "" for any context) → message, hint.
# The hint gets `line` and `column`: where the unfinished construct began.
Words = tuple[Callable[[], LocalText], Callable[[int, int], LocalText | None]]


def _none(line: int, column: int) -> None:
    return None


_WORDS: list[tuple[str, str, Words]] = [
    (
        "found unexpected end of stream",
        "quoted scalar",
        (
            lambda: tx("a text in quotes is never closed"),
            lambda line, column: tx(
                "close the quote opened at line {line}, column {column}", line=line, column=column
            ),
        ),
    ),
    (
        "found unexpected document separator",
        "quoted scalar",
        (
            lambda: tx("a text in quotes is never closed"),
            lambda line, column: tx(
                "close the quote opened at line {line}, column {column}", line=line, column=column
            ),
        ),
    ),
    (
        "found unknown escape character",
        "",
        (
            lambda: tx("a backslash inside double quotes starts an escape YAML does not know"),
            lambda line, column: tx(
                "write `\\\\` for a backslash, or put the text in single quotes"
            ),
        ),
    ),
    (
        "found character that cannot start any token",
        "",
        (
            lambda: tx("a value cannot start with this character (`@` and `` ` `` are reserved)"),
            lambda line, column: tx("put the whole text in quotes"),
        ),
    ),
    (
        "did not find expected ',' or ']'",
        "",
        (
            lambda: tx("a list in square brackets is never closed"),
            lambda line, column: tx(
                "close it with `]`; it opens at line {line}, column {column}",
                line=line,
                column=column,
            ),
        ),
    ),
    (
        "did not find expected ',' or '}'",
        "",
        (
            lambda: tx("a mapping in curly brackets is never closed"),
            lambda line, column: tx(
                "close it with `}}`; it opens at line {line}, column {column}",
                line=line,
                column=column,
            ),
        ),
    ),
    (
        "found undefined alias",
        "",
        (
            lambda: tx("`*` names an anchor (`&name`) that is not defined above"),
            lambda line, column: tx("define the anchor before it is used, or write the value out"),
        ),
    ),
    (
        "found duplicate anchor",
        "",
        (
            lambda: tx("the same anchor (`&name`) is defined twice"),
            lambda line, column: tx("give each anchor its own name"),
        ),
    ),
    (
        "did not find expected comment or line break",
        "block scalar",
        (
            lambda: tx("nothing may follow `|` or `>` on its line"),
            lambda line, column: tx("start the text on the next line, indented"),
        ),
    ),
    (
        "did not find expected key",
        "",
        (
            lambda: tx("a `key: value` line was expected here"),
            lambda line, column: tx(
                "check the indentation, and put in quotes a text that goes on after a "
                "closing quote; the block began at line {line}, column {column}",
                line=line,
                column=column,
            ),
        ),
    ),
    (
        "did not find expected node content",
        "",
        (lambda: tx("a value is missing here"), _none),
    ),
    (
        "mapping values are not allowed",
        "",
        (
            lambda: tx("a `:` here would start a key where none can begin"),
            lambda line, column: tx("put the text in quotes, or check the indentation"),
        ),
    ),
    (
        "block sequence entries are not allowed",
        "",
        (
            lambda: tx("a list item (`- `) cannot start here"),
            lambda line, column: tx("check the indentation of the list"),
        ),
    ),
    (
        "could not find expected ':'",
        "",
        (
            lambda: tx("a key is missing its `:`"),
            lambda line, column: tx("write `key: value`, or put a text that runs on in quotes"),
        ),
    ),
    (
        "did not find expected '-' indicator",
        "",
        (
            lambda: tx("a list item here does not line up with the items above"),
            lambda line, column: tx("start every item of a list at the same column"),
        ),
    ),
    (
        "found a tab character",
        "",
        (
            lambda: tx("a tab in the indentation"),
            lambda line, column: tx("indent with spaces only; YAML does not allow tabs"),
        ),
    ),
]


def in_own_words(err: Any, syntax: Diagnostic) -> Diagnostic:
    """`syntax` (PyYAML's words) said in ours: a known problem with its fix, else a
    sentence in the reader's language quoting PyYAML's words."""
    problem = str(getattr(err, "problem", None) or "")
    context = str(getattr(err, "context", None) or "")
    start = getattr(err, "context_mark", None) or getattr(err, "problem_mark", None)
    line = start.line + 1 if start is not None else syntax.line
    column = start.column + 1 if start is not None else syntax.column
    # A composer error puts its main complaint in the context ("found duplicate anchor").
    said = f"{problem}\n{context}"
    for says, within, (message, hint) in _WORDS:
        if says in said and within in context:
            return dataclasses.replace(syntax, message=message(), hint=hint(line, column))
    detail = "; ".join(part for part in (problem, context) if part) or type(err).__name__
    return dataclasses.replace(
        syntax,
        message=tx("this is not valid YAML"),
        hint=tx("the YAML reader says: {detail}", detail=detail),
    )
