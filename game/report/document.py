"""A report as a format-free document: headings, paragraphs, tables, charts, lists.

Reports are built once as a `Document` and printed by one renderer per format
(`markdown.py`, `html_page.py`). Text is data unless it is wrapped in `Fixed`: a plain
`str` comes from a scenario or a save and each renderer escapes it for its format (see
`escape.py`); `Fixed` is the report's own wording, written as it stands.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeAlias


@dataclass(frozen=True)
class Fixed:
    """The report's own words: printed verbatim, never escaped."""

    text: str


@dataclass(frozen=True)
class Strong:
    parts: Text


@dataclass(frozen=True)
class Emphasis:
    parts: Text


@dataclass(frozen=True)
class Aside:
    """A remark in passing (why an event happened): italic, set apart in HTML."""

    parts: Text


Inline: TypeAlias = "str | Fixed | Strong | Emphasis | Aside"
Text: TypeAlias = "tuple[Inline, ...]"


@dataclass(frozen=True)
class Heading:
    level: int
    text: Text


@dataclass(frozen=True)
class Paragraph:
    text: Text


@dataclass(frozen=True)
class Cell:
    text: Inline
    marked: bool = False  # set apart (see `Legend`): ◆ in Markdown, bold in HTML


@dataclass(frozen=True)
class Table:
    header: tuple[Inline, ...]
    rows: tuple[tuple[Cell, ...], ...]


@dataclass(frozen=True)
class Legend:
    """What a marked cell means, right after its table."""

    text: Text


@dataclass(frozen=True)
class Series:
    title: str
    unit: str
    values: tuple[float, ...]


@dataclass(frozen=True)
class Charts:
    """Values over dates: line charts in HTML, one table in Markdown."""

    dates: tuple[str, ...]
    series: tuple[Series, ...]


@dataclass(frozen=True)
class ItemList:
    items: tuple[Text, ...]
    ordered: bool = False
    empty: Text = ()  # said instead when there are no items


@dataclass(frozen=True)
class Headline:
    """How the game ended, what was played, and what happened in history. HTML boxes the
    three with history second; Markdown keeps history last."""

    ending: Text
    facts: Text
    history: Text | None = None


@dataclass(frozen=True)
class Entry:
    """One line of a transcript: the move, the player's reasons, what followed."""

    title: Text
    quotes: tuple[str, ...] = ()
    notes: tuple[Text, ...] = ()


Block: TypeAlias = "Heading | Paragraph | Table | Legend | Charts | ItemList | Headline | Entry"


@dataclass(frozen=True)
class Document:
    title: str
    blocks: tuple[Block, ...] = field(default_factory=tuple)
    # The debrief page scales on phones; the class table is read on a projector.
    viewport: bool = True


def cells(*texts: Inline) -> tuple[Cell, ...]:
    """A table row of unmarked cells."""
    return tuple(Cell(t) for t in texts)
