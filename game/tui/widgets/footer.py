"""The footer, its key descriptions in the reader's language.

Bindings are class attributes, built once at import: their descriptions are marked with
`N_` and translated here, each time the footer is composed (after a key binding change or
a switch of language), so the footer always speaks the current language."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer as TextualFooter
from textual.widgets._footer import FooterKey

from game.i18n import N_, _

# Textual's own description of the command palette key, translated like ours.
N_("palette")


class Footer(TextualFooter):
    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                widget.description = _(widget.description)
                if isinstance(widget.tooltip, str):
                    widget.tooltip = _(widget.tooltip)
            yield widget
