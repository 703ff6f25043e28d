"""Textual's Markdown, with one set of inline styles for the whole document.

Each of Textual's Markdown blocks (every paragraph, heading, list item and table) keeps
its own styles for emphasis, bold, strike-through and inline code, each computed through
a hidden DOM node of its own: four nodes per block, about 45 KB, several times what the
block's own widget costs. The styles are the same for every block of a document, so here
the blocks keep none, and the document keeps them once: a block's text looks a style up
on its ancestors when it has none of its own (`Widget._get_style`), and finds the
document's. The rules below are Textual's own (`Markdown.DEFAULT_CSS`), moved from each
block to the document; the text looks the same in every theme.

A table's parse tree (a block per row and per cell, widgets never mounted) is let go once
the table has composed its cells from it, as Textual already does for lists: a document
of a few tables kept some fifty of them, about 10 KB each, for as long as it was shown.

The name stays `Markdown`, so the checks that every Markdown text is escaped and
translated (tests/tui) see these documents as they saw Textual's.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.widgets import Markdown as TextualMarkdown
from textual.widgets.markdown import MarkdownBlock

INLINE = {"em", "strong", "s", "code_inline"}


# Textual's table block (its module does not export the class).
_TABLE = TextualMarkdown.BLOCKS["table_open"]


def _compose_table(table: Any) -> ComposeResult:
    yield from _TABLE.compose(table)
    table._blocks.clear()  # its rows and cells, read into the table's cells above


def _without_inline_styles(block: type[MarkdownBlock]) -> type[MarkdownBlock]:
    """`block` under the same name (so the same CSS applies to it), keeping no inline
    styles of its own (and, for a table, not its parse tree once composed)."""
    namespace: dict[str, Any] = {"COMPONENT_CLASSES": set(), "__module__": __name__}
    if issubclass(block, _TABLE):
        namespace["compose"] = _compose_table
    light: type[MarkdownBlock] = type(block.__name__, (block,), namespace)
    # Inherited component classes add up along the bases; `inherit_component_classes`
    # stops that, but Widget does not pass the keyword on, so the flag is set here.
    light._inherit_component_classes = False
    return light


class Markdown(TextualMarkdown):
    COMPONENT_CLASSES = INLINE
    DEFAULT_CSS = """
    Markdown {
        &:ansi > .code_inline {
            background: ansi_default !important;
        }
        &:dark > .code_inline {
            background: $warning 10%;
            color: $text-warning 95%;
        }
        &:light > .code_inline {
            background: $error 5%;
            color: $text-error 95%;
        }
        & > .em {
            text-style: italic;
        }
        & > .strong {
            text-style: bold;
        }
        & > .s {
            text-style: strike;
        }
    }
    """
    BLOCKS = {name: _without_inline_styles(block) for name, block in TextualMarkdown.BLOCKS.items()}
