"""The game's Markdown (game.tui.widgets.markdown) looks exactly like Textual's, in every
theme, while its blocks keep no inline styles of their own."""

from __future__ import annotations

import re

import pytest
from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Markdown as TextualMarkdown
from textual.widgets.markdown import MarkdownBlock

from game.tui.widgets.markdown import Markdown

# Every inline style, in every kind of block.
TEXT = """\
# Title *em* **strong**

Para with *em*, **strong**, `code`, ~~strike~~, [a link](https://example.org), ***both***.

## Heading with `code`

- bullet **one** *a*
- bullet `two`
  - nested ~~struck~~

1. first *x*
2. second **y**

| A *h* | **B** |
|---|---|
| cell *em* | `code` |
| **bold** | ~~s~~ |

> quoted *em* **b** `c`

### Small *e* `c`
"""


async def _screenshot(markdown: type[Widget], theme: str) -> str:
    class Page(App[None]):
        def compose(self) -> ComposeResult:
            with VerticalScroll():
                yield markdown(TEXT)

    app = Page()
    async with app.run_test(size=(80, 50)) as pilot:
        app.theme = theme
        await pilot.pause()
        svg = app.export_screenshot()
    # Each export names its own CSS classes after a hash of the app; the rest must match.
    return re.sub(r"terminal-\d+", "terminal", svg)


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light", "ansi-dark", "ansi-light"])
async def test_it_looks_exactly_like_textuals(theme):
    assert await _screenshot(Markdown, theme) == await _screenshot(TextualMarkdown, theme)


async def test_its_blocks_keep_no_inline_styles_of_their_own():
    app = App[None]()
    async with app.run_test() as pilot:
        await app.mount(Markdown(TEXT))
        await pilot.pause()
        blocks = list(app.screen.query(MarkdownBlock))
        assert len(blocks) > 10
        assert all(not block._component_styles for block in blocks)
        assert set(app.screen.query_one(Markdown)._component_styles) == {
            "em",
            "strong",
            "s",
            "code_inline",
        }
