"""Scenario and save text made safe for the page it is printed on.

Reports are handed out and opened in browsers and Markdown viewers, and their text comes
from files anyone can write (a scenario's labels, a save's notes and file name). So no
text from them may become markup: in Markdown, characters that start HTML, entities or
links are escaped and a table cell cannot be split by `|`; in HTML everything is escaped.
No renderer ever makes a link from such text, so `javascript:` has nowhere to go.
"""

from __future__ import annotations

import re

from game.i18n import localise

# Entities for what starts HTML (`<`, `&`), which every Markdown flavour honours;
# backslashes for what starts a link (`[`), splits a table cell (`|`) or could cancel
# one of our escapes (`\\`), code spans, emphasis and strike-through (`*`, `_`, `~`).
_MARKDOWN_SPECIAL = re.compile(r"([\\`\[\]|*_~])")
# What makes a line a heading, a quote, a list item or a rule when the text opens it.
_BLOCK_START = re.compile(r"^(\s*)([#>+=-]|\d+(?=[.)]))")
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\x0b\x0c\x85]+")
# Control characters (terminal escape sequences among them) are shown as �, so a note
# in a save cannot recolour, retitle or clear the terminal a report is printed to.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def plain(text: object) -> str:
    """Text for a terminal, in the reader's language (`game.i18n.localise`): control
    characters but tab and newline, and the bidi overrides that reorder what is shown,
    replaced by U+FFFD."""
    return _CONTROL.sub("\ufffd", localise(text))


def one_line(text: object) -> str:
    """Text for one line of a terminal transcript: `plain`, with line breaks as spaces."""
    return plain(_LINE_BREAKS.sub(" ", localise(text)))


def md(text: object) -> str:
    """Text for Markdown: shown as written, never interpreted as markup, on one line."""
    import html  # here, not at the top: the title screen needs `plain` and no more

    escaped = html.escape(one_line(text), quote=False)  # <script>, <img onerror=…>, &entities;
    return _BLOCK_START.sub(_escape_start, _MARKDOWN_SPECIAL.sub(r"\\\1", escaped))


def _escape_start(match: re.Match[str]) -> str:
    space, opening = match.groups()
    # `1.` stays a number when its dot is escaped; `#`, `>`, `+`, `=`, `-` are escaped.
    return space + (opening + "\\" if opening[0].isdigit() else "\\" + opening)


def h(text: object) -> str:
    """Text for HTML element content or a quoted attribute."""
    import html

    return html.escape(plain(text), quote=True)
