"""The sentences of a scenario that state facts, with the source each one cites.

Used by the fact-regression tests: a figure such as "144,000" or "25%" in a briefing, a
label, a news item or a history line must be one the fact register records for the source
that text cites (or sit in a sentence that says the number is the designer's).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

# Keys whose string values are prose shown to players, instructors or readers of the
# debrief. Identifiers, expressions (`when`, `set`, `add`, valuations' `value`) and
# source titles are not prose.
PROSE_KEYS = frozenset(
    {
        "briefing",
        "wants",
        "red_lines",
        "label",
        "text",
        "note",
        "description",
        "summary",
        "history",
        "headline",
        "body",
        "news",
        "why",
        "term",
    }
)
# Texts whose source is the whole scenario rather than one entry: they may quote any
# figure the register records for a source the scenario declares.
# Sections and keys that hold identifiers, expressions or bibliographic data, not prose.
NOT_PROSE = frozenset({"sources", "when", "set", "add", "value", "values", "offer"})
SCENARIO_WIDE = frozenset({"briefing", "wants", "red_lines", "summary"})
DESIGNER = "designer"

# A figure: thousands with separators (144,000), a percentage (25%, 30 percent), or a
# plain number of three or more digits that is not a year (881).
FIGURE = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(\s*%|\s+percent)?(?![\w,]*\d)")
SENTENCE_END = re.compile(r"(?<=[.;!?])\s+")


@dataclass(frozen=True)
class Prose:
    path: tuple[str | int, ...]
    key: str
    text: str
    source: str | None  # the `source:` of the entry holding the text; None: scenario-wide


def figures(sentence: str) -> list[str]:
    """The figures in `sentence`, normalised: `144,000`, `25%`; years and small counts left out."""
    found = []
    for match in FIGURE.finditer(sentence):
        number, percent = match.group(1), match.group(2)
        if percent:
            found.append(f"{number}%")
            continue
        value = int(number.replace(",", ""))
        if "," not in number and 1990 <= value <= 2030:
            continue  # a year
        if value >= 100:
            found.append(f"{value:,}")
    return found


def sentences(text: str) -> list[str]:
    return [s for s in SENTENCE_END.split(" ".join(text.split())) if s]


def designer_marked(sentence: str) -> bool:
    """The sentence itself says its numbers are the designer's."""
    return DESIGNER in sentence.lower()


def prose(data: Any) -> Iterator[Prose]:
    """Every prose string in a scenario's YAML data, with the source that covers it."""
    yield from _walk(data, (), None)


def _walk(node: Any, path: tuple[str | int, ...], source: str | None) -> Iterator[Prose]:
    if isinstance(node, dict):
        own = node.get("source")
        if isinstance(own, str) and path[:1] != ("transitions",):
            source = own
        for key, value in node.items():
            if _is_key_figure(path, key) or key in PROSE_KEYS:
                yield from _texts(value, (*path, key), key, source)
            elif key not in NOT_PROSE:
                yield from _walk(value, (*path, key), source)
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from _walk(item, (*path, i), source)


def _is_key_figure(path: tuple[str | int, ...], key: str) -> bool:
    return key == "value" and "key_figures" in path


def _texts(
    value: Any, path: tuple[str | int, ...], key: str, source: str | None
) -> Iterator[Prose]:
    scope = None if key in SCENARIO_WIDE else source
    if isinstance(value, str):
        yield Prose(path, key, value, scope)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _texts(item, (*path, i), key, source)
    elif isinstance(value, dict):  # a news item written as {headline, body}
        yield from _walk(value, path, source)
