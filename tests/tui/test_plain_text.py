"""No formatted string reaches a widget as markup (issue 11): the class stays fixed.

Textual reads a `str` given to a label, a button, an option, a toast or a table cell as
markup, so data inside one (a scenario's label, a save's name, the class server's words)
can crash the app with `[/]` or run an action with `[@click=…]`. This test reads the
source of game/tui and fails when such a widget is handed anything but

- a literal (the screen's own words, markup and all), or one wrapped for translation,
  `_("…")`;
- text made by `game.tui.plain` (`plain`, `styled`, `clean`), a Rich `Text` or a Textual
  `Content` (never read as markup), or the result of a function of game/tui annotated
  to return them;
- for Markdown, a document built by one of the builders below, which escape their data;
- a toast with `markup=False`;

or a local name assigned one of these. What `Text` holds is checked on the screen by
tests/tui/test_hostile_text.py.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tests.conftest import ROOT

TUI = ROOT / "game" / "tui"

# Widgets whose first argument is read as markup when it is a str.
CONSTRUCTORS = {
    "Button", "Checkbox", "ConnectionBanner", "Label", "Option", "RadioButton", "Static",
    "Tab", "TabPane",
}  # fmt: skip
# Methods and the positions of their arguments read as markup ("*": all of them).
METHODS: dict[str, tuple[int, ...] | str] = {
    "update": (0,),
    "notify": (0,),
    "add_row": "*",
    "add_columns": "*",
    "add_column": (0,),
    "update_cell": (2,),
    "replace_option_prompt_at_index": (1,),
    "write": (0,),
    "set_option_prompt": (1,),
}
# Keyword arguments read as markup: App.exit's message is printed by Rich.
KEYWORDS = {"exit": "message"}
# Attributes read as markup when set.
ATTRIBUTES = {"label", "border_title", "border_subtitle"}
# `x.update(...)` on these receivers is a dict's update, not a widget's.
DICTS = {"self.mine"}
HELPERS = {"plain", "styled", "clean"}  # game/tui/plain.py
TRANSLATION = {"_", "gettext", "ngettext", "pgettext", "N_"}
TEXT_TYPES = {"Text", "Content"}
# Each escapes the scenario's and the save's text in the Markdown it returns
# (game.tui.plain.md, game.report.escape.md); HelpScreen._text holds only our words.
MARKDOWN_BUILDERS = {"dossier", "codex", "ending_report", "to_markdown", "_text"}


def _is_literal(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.JoinedStr):  # an f-string without a placeholder
        return all(isinstance(v, ast.Constant) for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _is_literal(node.left) and _is_literal(node.right)
    return False


def _callee(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def text_functions(sources: dict[Path, ast.Module]) -> set[str]:
    """Functions of game/tui whose every definition is annotated to return Text or
    Content (or a tuple or list of them)."""
    verdicts: dict[str, bool] = {}
    for tree in sources.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and node.returns is not None:
                names = {n.id for n in ast.walk(node.returns) if isinstance(n, ast.Name)}
                ok = bool(names & TEXT_TYPES) and names <= TEXT_TYPES | {"tuple", "list"}
                verdicts[node.name] = verdicts.get(node.name, True) and ok
    return {name for name, ok in verdicts.items() if ok}


@dataclass
class Checker:
    texts: set[str]
    scopes: list[dict[str, ast.expr]] = field(default_factory=list)

    def safe(self, node: ast.expr, markdown: bool = False, seen: int = 0) -> bool:
        if seen > 20:
            return False
        if _is_literal(node):
            return True
        if isinstance(node, ast.IfExp):
            return self.safe(node.body, markdown, seen + 1) and self.safe(
                node.orelse, markdown, seen + 1
            )
        if isinstance(node, ast.Starred):
            return self.safe(node.value, markdown, seen + 1)
        if isinstance(node, ast.Tuple | ast.List):
            return all(self.safe(e, markdown, seen + 1) for e in node.elts)
        if isinstance(node, ast.Name):
            value = self._assigned(node.id)
            return value is not None and self.safe(value, markdown, seen + 1)
        if isinstance(node, ast.Call):
            name = _callee(node)
            if markdown:
                return name in MARKDOWN_BUILDERS
            if name in TRANSLATION:
                return all(_is_literal(a) for a in node.args)
            if name == "map" and node.args:  # map(plain, cells)
                first = node.args[0]
                return isinstance(first, ast.Name) and first.id in HELPERS
            if name == "join" and isinstance(node.func, ast.Attribute):  # Text("\n").join(…)
                receiver = node.func.value
                return isinstance(receiver, ast.Call) and _callee(receiver) in TEXT_TYPES
            if name == "assemble":  # Text.assemble(…), Content.assemble(…)
                receiver = node.func.value if isinstance(node.func, ast.Attribute) else None
                return isinstance(receiver, ast.Name) and receiver.id in TEXT_TYPES
            return name in HELPERS or name in TEXT_TYPES or name in self.texts
        return False

    def _assigned(self, name: str) -> ast.expr | None:
        for scope in reversed(self.scopes):
            if name in scope:
                return scope[name]
        return None


def _assignments(body: list[ast.stmt]) -> dict[str, ast.expr]:
    """Names a function (or the module) assigns, with the value each is given; a name
    unpacked from a call is given the call. A name assigned twice must be safe twice:
    the values are kept as a tuple."""
    found: dict[str, list[ast.expr]] = {}
    nodes = [n for stmt in body for n in (stmt, *_own_nodes(stmt))]
    for node in nodes:
        if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name):
                    found.setdefault(target.id, []).append(node.value)
                elif isinstance(target, ast.Tuple):
                    for element in target.elts:
                        if isinstance(element, ast.Name):
                            found.setdefault(element.id, []).append(node.value)
        elif isinstance(node, ast.For | ast.comprehension):
            # A loop variable is unknown: a name bound by a loop is never safe.
            for element in ast.walk(node.target):
                if isinstance(element, ast.Name):
                    found.setdefault(element.id, []).append(ast.Name("?"))
    return {name: ast.Tuple(values) for name, values in found.items()}


def problems(path: Path, tree: ast.Module, texts: set[str]) -> Iterator[str]:
    checker = Checker(texts, [_assignments(tree.body)])
    yield from _problems(path, tree, checker)


def _own_nodes(node: ast.AST) -> Iterator[ast.AST]:
    """The nodes of a module or function, without those of the functions inside it."""
    for child in ast.iter_child_nodes(node):
        if not isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            yield child
            yield from _own_nodes(child)


def _functions(node: ast.AST) -> Iterator[ast.FunctionDef | ast.AsyncFunctionDef]:
    """The functions directly inside a module, class or function."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
            yield child
        elif not isinstance(child, ast.Lambda):
            yield from _functions(child)


def _problems(path: Path, scope: ast.AST, checker: Checker) -> Iterator[str]:
    """Problems of a module or function, then of each function inside it (which sees the
    names its enclosing functions assign)."""
    yield from _node_problems(path, _own_nodes(scope), checker)
    for function in _functions(scope):
        checker.scopes.append(_assignments(function.body))
        yield from _problems(path, function, checker)
        checker.scopes.pop()


def _node_problems(path: Path, nodes: Iterator[ast.AST], checker: Checker) -> Iterator[str]:
    where = path.relative_to(ROOT)
    for node in nodes:
        if isinstance(node, ast.Call):
            name = _callee(node)
            if any(k.arg == "markup" and _is_false(k.value) for k in node.keywords):
                continue
            if name == "Markdown" and node.args:
                args = [node.args[0]]
                markdown = True
            elif name in CONSTRUCTORS and isinstance(node.func, ast.Name):
                args, markdown = node.args[:1], False
            elif name in METHODS and isinstance(node.func, ast.Attribute):
                if name == "update" and ast.unparse(node.func.value) in DICTS:
                    continue
                positions = METHODS[name]
                args = list(node.args) if positions == "*" else [
                    node.args[i] for i in positions if i < len(node.args)
                ]  # fmt: skip
                markdown = False
            elif name in KEYWORDS:
                args = [k.value for k in node.keywords if k.arg == KEYWORDS[name]]
                markdown = False
            else:
                continue
            for arg in args:
                if not checker.safe(arg, markdown):
                    yield f"{where}:{node.lineno}: {name}({ast.unparse(arg)})"
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                attribute = isinstance(target, ast.Attribute) and target.attr in ATTRIBUTES
                if attribute and not checker.safe(node.value):
                    yield f"{where}:{node.lineno}: .{target.attr} = {ast.unparse(node.value)}"


def _is_false(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value is False


def _sources() -> dict[Path, ast.Module]:
    return {p: ast.parse(p.read_text(encoding="utf-8")) for p in sorted(TUI.rglob("*.py"))}


def _check(code: str) -> list[str]:
    """Problems in a snippet, as if it were a module of game/tui."""
    tree = ast.parse(code)
    return list(problems(TUI / "snippet.py", tree, text_functions({TUI: tree}) | {"detail"}))


def test_no_formatted_string_reaches_a_widget_as_markup():
    sources = _sources()
    texts = text_functions(sources)
    found = [p for path, tree in sources.items() for p in problems(path, tree, texts)]
    assert found == [], "give these game.tui.plain's plain()/styled(), not a str:\n" + "\n".join(
        found
    )


def test_the_check_sees_data_handed_to_a_widget():
    """The checker itself: each line of BAD is caught, no line of GOOD is."""
    bad = """
def f(self, name, err, rows, slot):
    yield Label(f"Saved games in {self.folder}:")  # bad
    yield Static(name)  # bad
    yield Button(self.scenario.title)  # bad
    self.query_one(Static).update("Hello " + name)  # bad
    self.notify(f"Saved as {slot}")  # bad
    table.add_row(*rows)  # bad
    yield Static(", ".join(rows))  # bad
    button.label = f"{1}. {name}"  # bad
    yield Markdown(f"# {name}")  # bad
    for label in rows:
        yield Option(label)  # bad
    yield Label(_(f"Hello {name}"))  # bad
    self.exit(return_code=1, message=f"brink: {name}")  # bad
"""
    good = """
COLUMNS = ("Table", "Phase")
def f(self, name, err, rows, slot):
    yield Label("Seed")
    yield Label(_("Seed"))
    yield Static(plain(name), id="x")
    yield Button("[u]P[/u]ropose", id="propose")
    label = plain(f"{1}. {name}")
    button.label = label
    self.query_one(Static).update(styled((name, "bold"), ": ", err))
    self.query_one(Static).update(self.detail())
    self.notify(f"Saved as {slot}", markup=False)
    table.add_row(*map(plain, rows))
    table.add_columns(*COLUMNS)
    yield Markdown(dossier(scenario, role))
    yield Option(Text.assemble(("N", "bold"), "ew"), id="new")
    yield Static(name, markup=False)
    self.mine.update(rows)
    self.exit(return_code=1, message="brink: the console needs the instructor's code")
"""
    assert len(_check(bad)) == bad.count("# bad")
    assert _check(good) == []
