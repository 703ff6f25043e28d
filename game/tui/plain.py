"""Text from outside the program — a scenario, a save, the class server, the AI's
reasons, the player's typing — shown on the screen exactly as written.

Textual reads a `str` given to a widget as markup: a label with `[/]` crashes the app,
and `[@click=app.quit]Quit[/]` becomes a button that runs an app action. A Rich `Text`
is never read as markup, so every such string reaches a widget as a `Text` made here
(or through a `Text` the screen assembles from pieces made here), and Markdown gets it
escaped. Control characters and bidi overrides are shown as U+FFFD, as in the reports,
so no text can recolour, retitle or reorder the terminal.

The screens' own words may still be literal strings with markup of their own; the test
`tests/tui/test_plain_text.py` fails if a widget is handed a formatted string instead.
"""

from __future__ import annotations

import re

from rich.text import Text

from game.report.escape import plain as _controls_shown

# Every ASCII punctuation character may be backslash-escaped in CommonMark, and is then
# taken literally: no heading, list, emphasis, link, table cell, HTML or entity.
_MARKDOWN_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def clean(text: object) -> str:
    """The string, with control characters but tab and newline shown as U+FFFD."""
    return _controls_shown(text)


def plain(text: object, style: str = "") -> Text:
    """`text` as it is written, never read as markup."""
    return Text(clean(text), style=style)


def styled(*parts: str | tuple[str, str]) -> Text:
    """The screen's own styling around data: `styled((name, "bold"), ": ", value)`.
    Each part is a string or a (string, style) pair, and none is read as markup."""
    text = Text()
    for part in parts:
        words, style = (part, "") if isinstance(part, str) else part
        text.append(clean(words), style=style)
    return text


def md(text: object) -> str:
    """Text for a Markdown document shown in the TUI, on one line (a table cell, a list
    item, a heading): every character as written."""
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", clean(" ".join(str(text).split())))


def md_block(text: object) -> str:
    """Text of several paragraphs for a Markdown document (a briefing): every character
    as written, its blank lines kept. Each line loses the indentation that would make it
    a code block, in which escapes are shown, not read."""
    lines = (line.strip() for line in str(text).strip().splitlines())
    return "\n".join(_MARKDOWN_PUNCTUATION.sub(r"\\\1", clean(line)) for line in lines)


def md_code(text: object) -> str:
    """A Markdown code span showing `text` as written: its fence is longer than any run
    of backticks inside (escapes are not read in a code span, so none is used)."""
    words = clean(" ".join(str(text).split()))
    fence = "`" * (max((len(run) for run in re.findall("`+", words)), default=0) + 1)
    return f"{fence} {words} {fence}"  # one space each side is dropped when shown
