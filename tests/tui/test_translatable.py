"""Every string the TUI shows goes through `_()` (or `N_()` where it is defined): a
literal passed straight to a Label, Static, Button, notify, a Binding's description and
the like would stay English on a Spanish screen. Read from the source (AST), so a new
untranslated string fails here before anyone runs the extractor; the catalogue test
(tests/i18n) then fails while a marked string has no Spanish translation."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import game.tui

TUI = Path(game.tui.__file__).parent
# Markup tags, and names that are the same in every language: the game, its command.
NOT_WORDS = re.compile(r"\[/?[a-z ]*\]|Brinkmanship|\bbrink( class console)?:")

# Callables whose first positional argument is shown to the user.
FIRST_ARG = {
    "Label",
    "Static",
    "Button",
    "Markdown",
    "notify",
    "report",
    "set_status",
    "show_status",
    "status",
    "update",
    "ErrorDialog",
    "ConnectionBanner",
    "TabPane",
    "Option",
    "RadioButton",
    "add_column",
    "append",
}
ALL_ARGS = {"add_columns", "SystemCommand"}
SHOWN_KEYWORDS = {"description", "placeholder", "tooltip", "message", "title"}
SHOWN_ATTRIBUTES = {"sub_title", "title", "HELP", "TITLE_TEXT"}


def literal_text(node: ast.expr) -> bool:
    """Whether `node` is English written out: a string (or f-string) with words in it
    that did not go through a translating call."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and any(
            c.isalpha() for c in NOT_WORDS.sub("", node.value)
        )
    if isinstance(node, ast.JoinedStr):
        return any(literal_text(part) for part in node.values if isinstance(part, ast.Constant))
    if isinstance(node, ast.BinOp):
        return literal_text(node.left) or literal_text(node.right)
    if isinstance(node, ast.IfExp):
        return literal_text(node.body) or literal_text(node.orelse)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return literal_text(node.func.value)  # "Done: {x}".format(...) is English too
    return False


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def untranslated(source: str, filename: str = "<source>") -> Iterator[str]:
    """`file:line: text` for each string shown to users without `_()`/`N_()`."""
    for node in ast.walk(ast.parse(source, filename)):
        shown: list[ast.expr] = []
        if isinstance(node, ast.Call):
            name = _name(node.func)
            if name in FIRST_ARG and node.args:
                shown.append(node.args[0])
            elif name in ALL_ARGS:
                shown += node.args
            elif name == "Binding" and len(node.args) >= 3:
                shown.append(node.args[2])
            if name in FIRST_ARG | ALL_ARGS | {"Binding", "Input", "exit"}:
                shown += [k.value for k in node.keywords if k.arg in SHOWN_KEYWORDS]
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                ident = (
                    target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", "")
                )
                if ident in SHOWN_ATTRIBUTES:
                    shown.append(node.value)
        for expr in shown:
            if literal_text(expr):
                yield f"{filename}:{expr.lineno}: {ast.unparse(expr)[:80]}"


def test_every_string_shown_in_the_tui_is_marked_for_translation():
    found = [
        problem
        for path in sorted(TUI.rglob("*.py"))
        for problem in untranslated(path.read_text(encoding="utf-8"), str(path.relative_to(TUI)))
    ]
    assert not found, "Shown without _():\n" + "\n".join(found)


def test_the_check_finds_untranslated_strings():
    source = """
class S:
    BINDINGS = [Binding("q", "quit", "Quit"), Binding("h", "help", N_("Help"))]
    HELP = "Plain English"
    def compose(self):
        yield Label("Hello")
        yield Label(_("Hello"))
        yield Button(f"Save {slot}")
        yield Static("[b]" + _("Bold") + "[/b]")
        yield Input(placeholder="e.g. ABC")
        self.notify("Saved.")
        self.notify(_("Saved as {x}").format(x=1))
        self.set_status("Done: {m}".format(m=1))
        self.sub_title = f"{localise(name)} — {who}"
"""
    lines = sorted(int(p.split(":")[1]) for p in untranslated(source))
    assert lines == [3, 4, 6, 8, 10, 11, 13]
