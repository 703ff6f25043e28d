"""The footer, its key descriptions in the reader's language.

Bindings are class attributes, built once at import: their descriptions are marked with
`N_` and translated here, each time the footer is composed (after a key binding change or
a switch of language), so the footer always speaks the current language."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Footer as TextualFooter
from textual.widgets._footer import FooterKey

from game.i18n import N_, _, current
from game.tui.lingering import forget_closed_watchers

# Textual's own description of the command palette key, translated like ours.
N_("palette")


class Footer(TextualFooter):
    # Compact keys sit one space apart, so a description could read on into the next
    # key: «b Informe y Respuesta» (y is a key, and Spanish for "and"). A rule between
    # entries, in the room the space took, keeps each key with its own words.
    DEFAULT_CSS = """
    Footer.-compact FooterKey {
        margin-right: 0;
        border-left: vkey $foreground 20%;
    }
    Footer.-compact FooterKey:first-of-type {
        border-left: none;
    }
    """

    def __init__(self, *children: Widget, **kwargs: Any) -> None:
        # Spanish runs about a quarter longer: the compact footer (one space less around
        # each key) keeps Help in view at 80 columns. English keeps Textual's look.
        kwargs.setdefault("compact", current() != "en")
        super().__init__(*children, **kwargs)

    async def recompose(self) -> None:
        await super().recompose()
        forget_closed_watchers(self)  # the keys of the composition before

    def compose(self) -> ComposeResult:
        said: set[str] = set()
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                widget.description = _(widget.description)
                if isinstance(widget.tooltip, str):
                    widget.tooltip = _(widget.tooltip)
                # A second key for the same thing (Q and Ctrl+Q, both Quit) gives its
                # room to the keys after it, in either language: at 80 columns the
                # English title and ending footers lost Save otherwise. The help and
                # the command palette list both keys.
                if widget.description and widget.description in said:
                    continue
                said.add(widget.description)
            yield widget
