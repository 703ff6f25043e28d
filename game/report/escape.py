"""Scenario and save text made safe for the page it is printed on.

Reports are handed out and opened in browsers and Markdown viewers, and their text comes
from files anyone can write (a scenario's labels, a save's notes and file name). So no
text from them may become markup: in Markdown, characters that start HTML, entities or
links are escaped and a table cell cannot be split by `|`; in HTML everything is escaped.
No renderer ever makes a link from such text, so `javascript:` has nowhere to go.
"""

from __future__ import annotations

import html
import re

# Entities for what starts HTML (`<`, `&`), which every Markdown flavour honours;
# backslashes for what starts a link (`[`), splits a table cell (`|`) or could cancel
# one of our escapes (`\\`), and code spans.
_MARKDOWN_SPECIAL = re.compile(r"([\\`\[\]|])")
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\x0b\x0c\x85]+")


def md(text: object) -> str:
    """Text for Markdown: shown as written, never interpreted as markup, on one line."""
    flat = _LINE_BREAKS.sub(" ", str(text))
    escaped = html.escape(flat, quote=False)  # <script>, <img onerror=…>, &entities;
    return _MARKDOWN_SPECIAL.sub(r"\\\1", escaped)


def h(text: object) -> str:
    """Text for HTML element content or a quoted attribute."""
    return html.escape(str(text), quote=True)
