"""Text from a scenario is shown as written (issue 11): markup in a label, a name or a
note never crashes the app, never styles the screen and never becomes a click that runs
an app action; Markdown, HTML, terminal escapes, right-to-left text and long words are
shown as text.

The scenario is the flagship with every field people read replaced by hostile text, and
the app is driven with the keyboard through the title, set-up, briefing, codex, table
(reply, meters, news), instructor's controls, ending and debrief screens.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rich.style import Style
from rich.text import Text
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import DataTable, Footer, OptionList, Static
from textual.widgets._data_table import default_cell_formatter

from game.play.session import Session
from game.scenario.yaml_source import load_yaml
from game.tui.app import BrinkApp
from game.tui.plain import clean
from game.tui.screens import setup as setup_screen
from game.tui.screens import title as title_screen
from tests.conftest import ROOT

HOSTILE = [
    "[/]",
    "[b]",
    "[@click=app.quit]x[/]",
    "[link=javascript:alert(1)]x[/link]",
    "\x1b[31m",
    "W" * 150,  # a very long word
    "$",
    "🧨 🇲🇽",
    "שלום مرحبا",  # right to left
    "# h",
    "<script>alert(1)</script>",
    "**b** _i_ `c` | \\",
    "[x](javascript:alert(1))",
    "\u202eevil",  # a bidi override
]
EVERYTHING = " ".join(HOSTILE)

# Fields people read (the keys of the scenario file); `value` only in key figures, where
# it is text (elsewhere it is an expression).
TEXT_KEYS = {
    "author", "body", "briefing", "delegate", "description", "headline", "history",
    "label", "name", "note", "news", "outlet", "period", "reason", "red_lines", "short",
    "summary", "term", "text", "title", "unit", "wants", "why",
}  # fmt: skip
FLAGSHIP = ROOT / "scenarios" / "roosevelt-room-2019.yaml"


def _replaced(node: Any, words: str, marks: dict[str, str], path: tuple[str, ...] = ()) -> Any:
    if isinstance(node, dict):
        return {k: _replaced(v, words, marks, (*path, k)) for k, v in node.items()}
    if isinstance(node, list):
        return [_replaced(v, words, marks, path) for v in node]
    key = path[-1] if path else ""
    if isinstance(node, str) and (key in TEXT_KEYS or (key == "value" and "key_figures" in path)):
        # The same text gets the same mark: a delegate is named by its name elsewhere.
        return f"{words} {marks.setdefault(node, MARK.format(len(marks)))}"
    return node


MARK = "«{}»"
MARKS = re.compile(r"«\d+»")


def hostile_scenario(folder: Path, words: str) -> Path:
    """The flagship with `words` and a mark of its own (`«12»`) in every text field.
    Each top-level key is a line of YAML whose value is written as JSON (a JSON value is
    a YAML flow value), so the title screen's quick reader finds the title too."""
    data, _ = load_yaml(FLAGSHIP.read_text(encoding="utf-8"), str(FLAGSHIP))
    history = data["history"]  # the historical moves: ids, not text
    data = _replaced(data, words, {})
    data["history"] = history
    lines = [
        f"{key}: {json.dumps(value, ensure_ascii=False, default=str)}"
        for key, value in data.items()
    ]
    path = folder / "hostile.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# ---------------------------------------------------------------------- what is shown
def _shown(widget: Widget) -> Iterator[Content | Text]:
    """What the widget paints, as Content or Text (raising MarkupError if it would)."""
    if isinstance(widget, OptionList):
        from textual.visual import visualize

        for index in range(widget.option_count):
            prompt = widget.get_option_at_index(index).prompt
            yield visualize(widget, prompt, markup=widget._markup)  # type: ignore[misc]
    elif isinstance(widget, DataTable):
        for row in widget.rows:
            for cell in widget.get_row(row):
                yield default_cell_formatter(cell)  # type: ignore[misc]
    else:
        try:
            rendered = widget.render()
        except NotImplementedError:
            return
        if isinstance(rendered, Content | Text):
            yield rendered


def _plain(shown: Content | Text) -> str:
    return shown.plain


def _actions(shown: Content | Text) -> list[str]:
    """Click actions and links in the styles of a piece of text."""
    found = []
    for span in shown.spans:
        style = span.style
        if isinstance(style, Style):
            found += [str(v) for k, v in (style.meta or {}).items() if k.startswith("@")]
            found += [style.link] if style.link else []
        elif "@click" in str(style) or "link" in str(style):
            found.append(str(style))
    return found


def screen_words(app: BrinkApp) -> tuple[str, list[str]]:
    """Every piece of text of the screen and its toasts, whitespace made single spaces,
    and the click actions found in them (the footer's keys aside: they are the app's)."""
    screen: Screen[Any] = app.screen
    texts, actions = [], []
    for widget in screen.walk_children(with_self=False):
        if isinstance(widget, Footer) or any(isinstance(a, Footer) for a in widget.ancestors):
            continue
        for shown in _shown(widget):
            texts.append(_plain(shown))
            actions += _actions(shown)
    for note in app._notifications:
        texts.append(note.message)
        message = Content.from_markup(note.message) if note.markup else Content(note.message)
        actions += _actions(message)
    texts.append(str(app.format_title(screen.title or app.title, screen.sub_title or "")))
    return " ".join(" ".join(texts).split()), actions


# ---------------------------------------------------------------------- the journey
# Keys pressed from the title screen on, and the screen each press leads to.
JOURNEY = [
    ((), "TitleScreen"),
    (("n",), "SetupScreen"),
    (("ctrl+n",), "BriefingScreen"),  # the dossier
    (("x",), "BriefingScreen"),  # the codex
    (("enter",), "TableScreen"),
    (("right", "p"), "TableScreen"),  # an offer, and the AI's reply with its reasons
    (("e",), "TableScreen"),  # meters
    (("n",), "TableScreen"),  # news, with why the last item happened
    (("f2",), "InstructorScreen"),  # the scenario's injects by name
    (("down", "down", "enter"), "TableScreen"),  # an inject fired: its news in a toast
    (("w",), "EndingScreen"),
    (("d",), "DebriefScreen"),
]


def _marks_follow_the_words(text: str, forms: set[str]) -> int:
    """Every mark on the screen comes right after the hostile words, as written; the
    number of marks seen."""
    seen = 0
    for mark in MARKS.finditer(text):
        before = text[: mark.start()].rstrip()
        assert any(before.endswith(form) for form in forms), (
            f"{mark.group()} not after the words as written: …{before[-200:]}"
        )
        seen += 1
    return seen


async def _journey(words: str, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = hostile_scenario(folder, words)
    # The title and set-up screens list this scenario alone, as if it were bundled.
    for module in (title_screen, setup_screen):
        monkeypatch.setattr(module, "bundled_scenarios", lambda: {str(path): path})
    shown = " ".join(clean(words).split())
    forms = {
        shown,
        shown.lower(),  # "Move the … deadline": a deadline's name inside a sentence
        # The title and period as the title screen reads them, without parsing the file.
        " ".join(clean(json.dumps(words, ensure_ascii=False)[1:-1]).split()),
    }
    app = BrinkApp(default_seed=3)
    async with app.run_test(size=(80, 24)) as pilot:
        for keys, expected in JOURNEY:
            await pilot.press(*keys)
            await pilot.pause()
            assert type(app.screen).__name__ == expected
            text, actions = screen_words(app)
            assert actions == [], f"a click action or link from the data: {actions}"
            assert _marks_follow_the_words(text, forms) > 0, f"no scenario text on {expected}"
            assert "\x1b" not in text and "\u202e" not in text
        assert app.is_running and app.return_code is None  # `[@click=app.quit]` did nothing
    assert app.return_code in (None, 0)


@settings(
    max_examples=3,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(words=st.lists(st.sampled_from(HOSTILE), min_size=1, max_size=4, unique=True).map(" ".join))
@example(words=EVERYTHING)
def test_hostile_scenario_text_is_shown_as_written_on_every_screen(words, tmp_path, monkeypatch):
    # Hypothesis drives plain functions; each example runs its own event loop. A crash
    # inside the app (a MarkupError) is re-raised by run_test and fails the example.
    asyncio.run(_journey(words, tmp_path, monkeypatch))


async def test_labels_with_a_closing_tag_are_shown_and_played(tmp_path):
    """The known crash: `[/]` in a label ended the game with a MarkupError (exit 1) as
    soon as the table showed it (the meter's label did). Here an option, a meter and an
    action carry it, and two players share the keyboard, so it is on the hand-over, both
    tables, the ending and the debrief."""
    scenario = (ROOT / "tests" / "fixtures" / "mini.yaml").read_text(encoding="utf-8")
    for label in ("No deployment", "Apprehensions", "Deploy as promised"):
        scenario = scenario.replace(f"label: {label}", 'label: "[/] [b]"')
    path = tmp_path / "closing-tag.yaml"
    path.write_text(scenario)
    session = Session.start(path, "mexico", "human", 1)
    app = BrinkApp(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter")  # hand-over, briefing
        await pilot.pause()
        assert type(app.screen).__name__ == "TableScreen"
        detail = str(app.screen.query_one("#detail", Static).render())
        assert "You offer: ◀ [/] [b] ▶" in detail
        meters = [str(label.render()) for label in app.screen.query("#meter-panel Label")]
        assert "[/] [b]: 144,000 people ·" in meters
        await pilot.press("p", "enter", "enter")  # Mexico proposes; the US takes the seat
        await pilot.pause()
        assert app.screen.role == "us"  # type: ignore[attr-defined]
        cells = [str(c) for c in app.screen.query_one(DataTable).get_row("guard")]
        assert cells[1] == "[/] [b]"  # their offer, on the table
        await pilot.press("w", "d")  # walk out: the ending, then the debrief
        await pilot.pause()
        assert type(app.screen).__name__ == "DebriefScreen"
        assert app.is_running
    assert app.return_code in (None, 0)
