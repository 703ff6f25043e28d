"""Safe YAML with positions.

PyYAML's safe loader composes the node tree; we build plain Python values from it
ourselves so that we can (a) remember the line and column of every key and value,
(b) refuse what a scenario never needs: duplicate keys, non-standard tags, runaway
alias expansion, deep nesting, huge files. Nothing in a file can construct an object.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path as FilePath
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from game.scenario.diagnostics import Diagnostic, ScenarioError, Severity

MAX_BYTES = 1_048_576
MAX_DEPTH = 64
MAX_ALIAS_NODES = 10_000

Path = tuple[str | int, ...]
_STANDARD_TAGS = {
    f"tag:yaml.org,2002:{t}"
    for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
}


@dataclass(frozen=True)
class Mark:
    line: int
    column: int


class SourceMap:
    """Positions of every node of a loaded document, by path of keys and indices."""

    def __init__(self, filename: str, text: str) -> None:
        self.filename = filename
        self.text = text
        self._values: dict[Path, Mark] = {}
        self._keys: dict[Path, Mark] = {}
        self._styles: dict[Path, str | None] = {}

    def value(self, path: Path) -> Mark | None:
        return self._values.get(tuple(path))

    def key(self, path: Path) -> Mark | None:
        return self._keys.get(tuple(path))

    def scalar_style(self, path: Path) -> str | None:
        return self._styles.get(tuple(path))

    def locate(self, path: Sequence[str | int], at_key: bool = False) -> Mark:
        path = tuple(path)
        while path:
            mark = (self._keys.get(path) if at_key else None) or self._values.get(path)
            if mark is not None:
                return mark
            path = path[:-1]
            at_key = False
        return Mark(1, 1)

    def diagnostic(
        self,
        path: Sequence[str | int],
        code: str,
        message: str,
        *,
        hint: str | None = None,
        span: int = 1,
        severity: Severity = "error",
        at_key: bool = False,
        offset: int = 0,
    ) -> Diagnostic:
        mark = self.locate(path, at_key)
        line, column = mark.line, mark.column + offset
        style = self.scalar_style(tuple(path))
        if style in ("|", ">") and not at_key:
            # Block scalars start on the next line, indented.
            lines = self.text.splitlines()
            if mark.line < len(lines):
                body = lines[mark.line]
                line = mark.line + 1
                column = len(body) - len(body.lstrip()) + 1 + offset
        return Diagnostic(code, message, self.filename, line, column, severity, hint, span)


def _base_loader() -> type:
    """libyaml's parser where PyYAML has it (several times faster), else the pure-Python
    safe loader. Composing and node building stay ours either way."""
    try:
        from yaml._yaml import CParser
    except ImportError:  # pragma: no cover - PyYAML built without libyaml
        return yaml.SafeLoader

    class LibyamlLoader(CParser, yaml.composer.Composer, yaml.resolver.Resolver):
        def __init__(self, text: str) -> None:
            CParser.__init__(self, text)
            yaml.composer.Composer.__init__(self)
            yaml.resolver.Resolver.__init__(self)

        def get_single_node(self) -> Any:
            # libyaml's own composer would skip our depth and alias checks.
            return yaml.composer.Composer.get_single_node(self)

        def dispose(self) -> None:
            pass

    return LibyamlLoader


class _Composer(_base_loader()):  # type: ignore[misc]
    """The safe parser, with a depth limit and an alias budget while composing."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.depth = 0
        self.alias_nodes = 0
        self.sizes: dict[int, int] = {}

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event: Any = self.peek_event()
            anchor = event.anchor
            if anchor in self.anchors:
                self.alias_nodes += _size(self.anchors[anchor], self.sizes)
                if self.alias_nodes > MAX_ALIAS_NODES:
                    raise _Refusal(
                        "BRK006",
                        "too many alias expansions",
                        event.start_mark,
                        f"aliases may expand to at most {MAX_ALIAS_NODES:,} nodes",
                    )
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _Refusal(
                "BRK007",
                f"nesting deeper than {MAX_DEPTH} levels",
                self.peek_event().start_mark,
                "flatten the structure",
            )
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def _mark(event: Any) -> Any:
    return getattr(event, "start_mark", None)


def _size(node: Node, cache: dict[int, int]) -> int:
    key = id(node)
    if key in cache:
        return cache[key]
    cache[key] = 1  # guards against recursive aliases
    total = 1
    if isinstance(node, SequenceNode):
        total += sum(_size(n, cache) for n in node.value)
    elif isinstance(node, MappingNode):
        total += sum(_size(k, cache) + _size(v, cache) for k, v in node.value)
    cache[key] = total
    return total


class _Refusal(Exception):
    def __init__(self, code: str, message: str, mark: Any, hint: str | None = None) -> None:
        super().__init__(message)
        self.code, self.message, self.mark, self.hint = code, message, mark, hint


class _Builder:
    """Plain values from the node tree, recording positions and collecting problems."""

    def __init__(self, source: SourceMap) -> None:
        self.src = source
        self.problems: list[Diagnostic] = []
        self.scalars = yaml.SafeLoader("")
        self.nodes = 0

    def problem(self, code: str, message: str, mark: Any, hint: str | None = None) -> None:
        self.problems.append(
            Diagnostic(code, message, self.src.filename, mark.line + 1, mark.column + 1, hint=hint)
        )

    def build(self, node: Node, path: Path) -> Any:
        self.nodes += 1
        if self.nodes > MAX_ALIAS_NODES * 20:
            raise _Refusal("BRK006", "document expands to too many nodes", node.start_mark)
        self.src._values[path] = Mark(node.start_mark.line + 1, node.start_mark.column + 1)
        if node.tag not in _STANDARD_TAGS:
            self.problem(
                "BRK005",
                f"unsupported tag `{node.tag}`",
                node.start_mark,
                "scenario files use plain YAML values only",
            )
            return None
        if isinstance(node, MappingNode):
            return self.mapping(node, path)
        if isinstance(node, SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, ScalarNode)
        self.src._styles[path] = node.style
        return self.scalar(node)

    def scalar(self, node: ScalarNode) -> Any:
        value = self.scalars.construct_object(node, deep=True)
        if isinstance(value, dt.datetime):
            return value
        return value

    def mapping(self, node: MappingNode, path: Path) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.problem(
                    "BRK005",
                    "merge keys (`<<`) are not supported",
                    key_node.start_mark,
                    "write the keys out in full",
                )
                continue
            if not isinstance(key_node, ScalarNode) or key_node.tag not in _STANDARD_TAGS:
                self.problem("BRK003", "mapping keys must be plain names", key_node.start_mark)
                continue
            # Keys are names: take their text as written, so `on:` or `no:` stay strings.
            key = str(key_node.value)
            if key in first:
                self.problem(
                    "BRK004",
                    f"duplicate key `{key}`",
                    key_node.start_mark,
                    f"`{key}` is already set on line {first[key]}",
                )
                continue
            first[key] = key_node.start_mark.line + 1
            child = (*path, key)
            self.src._keys[child] = Mark(
                key_node.start_mark.line + 1, key_node.start_mark.column + 1
            )
            result[key] = self.build(value_node, child)
        return result


def load_yaml(text: str | bytes, filename: str) -> tuple[Any, SourceMap]:
    """Parse one YAML document safely; return plain data and its positions."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as err:
            raise ScenarioError(
                [
                    Diagnostic(
                        "BRK009",
                        "file is not UTF-8 text",
                        filename,
                        hint=f"byte {err.start} cannot be decoded",
                    )
                ]
            ) from None
    text = text.removeprefix("\ufeff")
    source = SourceMap(filename, text)
    try:
        root = _compose(text)
        if root is None or not isinstance(root, MappingNode):
            mark = root.start_mark if root is not None else None
            raise _Refusal(
                "BRK008",
                "a scenario file must be a mapping of fields",
                mark,
                "start with `id:`, `title:` and the other fields",
            )
        builder = _Builder(source)
        data = builder.build(root, ())
    except _Refusal as refusal:
        line = refusal.mark.line + 1 if refusal.mark is not None else 1
        col = refusal.mark.column + 1 if refusal.mark is not None else 1
        raise ScenarioError(
            [Diagnostic(refusal.code, refusal.message, filename, line, col, hint=refusal.hint)],
            text,
        ) from None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 1
        col = mark.column + 1 if mark else 1
        hint = None
        if err.context:
            hint = err.context
            if err.context_mark is not None:
                # Say where the unfinished construct began: often the real mistake.
                hint += (
                    f" that started at line {err.context_mark.line + 1}, "
                    f"column {err.context_mark.column + 1}"
                )
        problem = str(err.problem or "invalid YAML")
        # PyYAML 6.0.2+ refuses deep nesting itself, before our composer sees it.
        code = "BRK007" if "nesting depth" in problem else "BRK003"
        raise ScenarioError(
            [Diagnostic(code, problem, filename, line, col, hint=hint)], text
        ) from None
    except (
        yaml.YAMLError,
        RecursionError,
        ValueError,
        TypeError,
        OverflowError,
        AttributeError,
    ) as err:
        raise ScenarioError(
            [Diagnostic("BRK003", f"invalid YAML: {type(err).__name__}", filename)], text
        ) from None
    if builder.problems:
        raise ScenarioError(builder.problems, text)
    return data, source


def _compose(text: str) -> Node | None:
    loader = _Composer(text)
    try:
        root = loader.get_single_node()
    except yaml.composer.ComposerError as err:
        if "expected a single document" in str(err.context or ""):
            raise _Refusal(
                "BRK003",
                "a scenario file holds one YAML document",
                err.problem_mark,
                "remove the `---` separator",
            ) from None
        raise
    finally:
        loader.dispose()
    return root  # type: ignore[no-any-return]


def read_scenario_file(path: FilePath) -> tuple[Any, SourceMap]:
    """Read a scenario file with size and encoding checks, then load it."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ScenarioError(
                [Diagnostic("BRK002", f"file is {size:,} bytes; the limit is {MAX_BYTES:,}", name)]
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ScenarioError([Diagnostic("BRK001", "no such file", name)]) from None
    except IsADirectoryError:
        raise ScenarioError([Diagnostic("BRK001", "this is a folder, not a file", name)]) from None
    except OSError as err:
        raise ScenarioError([Diagnostic("BRK001", f"cannot read: {err.strerror}", name)]) from None
    return load_yaml(raw, name)
