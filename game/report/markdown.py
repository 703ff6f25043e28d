"""A report `Document` as Markdown, for Markdown hosts and the terminal."""

from __future__ import annotations

from game.i18n import _, localise
from game.report.document import (
    Aside,
    Block,
    Charts,
    Document,
    Emphasis,
    Entry,
    Fixed,
    Heading,
    Headline,
    Inline,
    ItemList,
    Legend,
    Paragraph,
    Strong,
    Table,
    Text,
)
from game.report.escape import md

MARK = "◆"


def render_markdown(document: Document) -> str:
    lines: list[str] = []
    for block in document.blocks:
        lines += _block(block)
    return "\n".join(lines).rstrip() + "\n"


def _inline(part: Inline) -> str:
    if isinstance(part, str):
        return md(part)
    if isinstance(part, Fixed):
        return part.text
    if isinstance(part, Strong):
        return f"**{_text(part.parts)}**"
    if isinstance(part, Emphasis | Aside):
        return f"*{_text(part.parts)}*"
    raise TypeError(part)


def _text(parts: Text) -> str:
    return "".join(_inline(p) for p in parts)


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    return [_row(header), "|" + "---|" * len(header), *(_row(r) for r in rows), ""]


def _block(block: Block) -> list[str]:
    """The block's lines, each block followed by a blank line."""
    if isinstance(block, Heading):
        return ["#" * block.level + " " + _text(block.text), ""]
    if isinstance(block, Paragraph):
        return [_text(block.text), ""]
    if isinstance(block, Legend):
        return [f"{MARK} {_text(block.text)}", ""]
    if isinstance(block, Table):
        rows = [
            [_inline(c.text) + (f" {MARK}" if c.marked else "") for c in row] for row in block.rows
        ]
        return _table([_inline(h) for h in block.header], rows)
    if isinstance(block, Charts):
        if not block.series:  # no clock, and no meter both sides see moved
            return [_("Nothing that both delegations track changed during the game."), ""]
        header = [
            _("Date"),
            *(
                md(f"{localise(s.title)} ({localise(s.unit)})" if s.unit else s.title)
                for s in block.series
            ),
        ]
        rows = [
            [md(date), *(f"{s.values[i]:,.0f}" for s in block.series)]
            for i, date in enumerate(block.dates)
        ]
        return _table(header, rows)
    if isinstance(block, ItemList):
        return _list(block)
    if isinstance(block, Headline):
        history = [_text(block.history), ""] if block.history is not None else []
        return [_text(block.ending), "", _text(block.facts), "", *history]
    if isinstance(block, Entry):
        quotes = [f"> {md(q)}  " for q in block.quotes] + ([""] if block.quotes else [])
        notes = [f"- {_text(n)}" for n in block.notes]
        return [_text(block.title), "", *quotes, *notes, ""]
    raise TypeError(block)


def _series_title(title: str, unit: str) -> str:
    return f"{localise(title)} ({localise(unit)})" if unit else localise(title)


def _list(block: ItemList) -> list[str]:
    # An empty list says so in a paragraph of its own; the list's closing blank line
    # still follows, as it always has.
    empty = [_text(block.empty), ""] if not block.items and block.empty else []
    if block.ordered:
        items = [f"{i}. {_text(item)}" for i, item in enumerate(block.items, 1)]
    else:
        items = [f"- {_text(item)}" for item in block.items]
    return [*empty, *items, ""]
