"""Safe YAML with positions.

PyYAML's safe loader composes the node tree; we build plain Python values from it
ourselves so that we can (a) tell the line and column of every key and value (found
by reading the text again when first asked: see `SourceMap`), (b) refuse what a
scenario never needs: duplicate keys, non-standard tags, runaway alias expansion, deep
nesting, huge files. Nothing in a file can construct an object.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path as FilePath
from typing import Any

import yaml
from yaml.composer import ComposerError
from yaml.events import (
    AliasEvent,
    MappingEndEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from game.i18n import tx
from game.scenario.diagnostics import Diagnostic, ScenarioError, Severity
from game.scenario.yaml_words import in_own_words

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


_COLUMN_BITS = 32
_COLUMN_MASK = (1 << _COLUMN_BITS) - 1


def _pack(mark: Any) -> int:
    """A PyYAML mark (0-based) as one int: 1-based line above, 1-based column below."""
    line: int = mark.line
    column: int = mark.column
    return (line + 1) << _COLUMN_BITS | (column + 1)


def _unpack(packed: int | None) -> Mark | None:
    return None if packed is None else Mark(packed >> _COLUMN_BITS, packed & _COLUMN_MASK)


@dataclass
class _Positions:
    """Where each node of a document starts, by path: values and keys packed into one int
    each (see `_pack`; a big scenario has thousands, and plain ints cost the cycle
    collector nothing, unlike objects), and the style of each scalar."""

    values: dict[Path, int] = field(default_factory=dict)
    keys: dict[Path, int] = field(default_factory=dict)
    styles: dict[Path, str | None] = field(default_factory=dict)


class SourceMap:
    """Positions of every node of a loaded document, by path of keys and indices."""

    def __init__(
        self, filename: str, text: str, compose: Callable[[str], Node | None] | None = None
    ) -> None:
        self.filename = filename
        self.text = text
        # Positions are read only for diagnostics, which a clean file needs none of, yet
        # a loaded scenario lives as long as the game: a load records none of them and
        # hands over `compose`, the composer it read `text` with, so that the first
        # question reads `text` again with it (`_read_positions`), giving the very nodes
        # the load built. Without `compose` there is nothing to read again: none.
        self._compose = compose
        self._read: _Positions | None = None if compose else _Positions()
        # Plain words YAML read as true/false (`yes`, `no`, `on`, `off`), as written.
        # This and `_split` are few, so every load records them (the model checks read
        # them when a file does not fit the models).
        self._booleans: dict[Path, str] = {}
        # Keys of a flow mapping that are the rest of an unquoted text cut at a comma:
        # `{text: Fewer crossings, fewer deaths}` → `fewer deaths` → path of `text`.
        self._split: dict[Path, Path] = {}

    @property
    def _positions(self) -> _Positions:
        if self._read is None:
            self._read = _read_positions(self)
        return self._read

    @property
    def _values(self) -> dict[Path, int]:
        return self._positions.values

    @property
    def _keys(self) -> dict[Path, int]:
        return self._positions.keys

    @property
    def _styles(self) -> dict[Path, str | None]:
        return self._positions.styles

    def value(self, path: Path) -> Mark | None:
        return _unpack(self._values.get(tuple(path)))

    def key(self, path: Path) -> Mark | None:
        return _unpack(self._keys.get(tuple(path)))

    def scalar_style(self, path: Path) -> str | None:
        return self._styles.get(tuple(path))

    def boolean_word(self, path: Path) -> str | None:
        """The word as written, if YAML read the plain scalar at `path` as true/false."""
        return self._booleans.get(tuple(path))

    def split_from(self, path: Path) -> Path | None:
        """For a key that is the rest of a text cut by a comma, the path of that text."""
        return self._split.get(tuple(path))

    def locate(self, path: Sequence[str | int], at_key: bool = False) -> Mark:
        path = tuple(path)
        positions = self._positions
        while path:
            packed = (positions.keys.get(path) if at_key else None) or positions.values.get(path)
            if packed is not None:
                return Mark(packed >> _COLUMN_BITS, packed & _COLUMN_MASK)
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
        # Tags of plain scalars by (text, implicit): the resolver tries a dozen patterns,
        # and a scenario repeats the same few words and numbers many times.
        self.scalar_tags: dict[tuple[str, Any], str] = {}

    def compose_node(self, parent: Any, index: Any) -> Any:
        """PyYAML's `Composer.compose_node` with the node builders it calls folded in (a
        big scenario has tens of thousands of nodes, and the calls were most of the
        composing time), plus the depth limit and the alias budget. The same nodes, tags
        and errors; path resolvers, which nothing registers, keep PyYAML's own path."""
        event: Any = self.peek_event()
        kind = type(event)
        anchors = self.anchors
        anchor = event.anchor
        if kind is AliasEvent and anchor in anchors:
            self.alias_nodes += _size(anchors[anchor], self.sizes)
            if self.alias_nodes > MAX_ALIAS_NODES:
                raise _Refusal(
                    "BRK006",
                    tx("too many alias expansions"),
                    event.start_mark,
                    tx(
                        "aliases may expand to at most {MAX_ALIAS_NODES} nodes",
                        MAX_ALIAS_NODES=format(MAX_ALIAS_NODES, ","),
                    ),
                )
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _Refusal(
                "BRK007",
                tx("nesting deeper than {MAX_DEPTH} levels", MAX_DEPTH=MAX_DEPTH),
                event.start_mark,
                tx("flatten the structure"),
            )
        try:
            if self.yaml_path_resolvers:  # pragma: no cover - registered by no one
                return super().compose_node(parent, index)
            if kind is AliasEvent:
                self.get_event()
                if anchor not in anchors:
                    raise ComposerError(
                        None, None, f"found undefined alias {anchor!r}", event.start_mark
                    )
                return anchors[anchor]
            if anchor is not None and anchor in anchors:
                raise ComposerError(
                    f"found duplicate anchor {anchor!r}; first occurrence",
                    anchors[anchor].start_mark,
                    "second occurrence",
                    event.start_mark,
                )
            self.get_event()
            tag = event.tag
            node: Any
            if kind is ScalarEvent:
                if tag is None or tag == "!":
                    key = (event.value, event.implicit)
                    tag = self.scalar_tags.get(key)
                    if tag is None:
                        tag = self.scalar_tags[key] = self.resolve(ScalarNode, *key)
                node = ScalarNode(
                    tag, event.value, event.start_mark, event.end_mark, style=event.style
                )
                if anchor is not None:
                    anchors[anchor] = node
                return node
            if kind is SequenceStartEvent:
                if tag is None or tag == "!":
                    tag = self.resolve(SequenceNode, None, event.implicit)
                node = SequenceNode(tag, [], event.start_mark, None, flow_style=event.flow_style)
                if anchor is not None:
                    anchors[anchor] = node
                items = node.value
                while not self.check_event(SequenceEndEvent):
                    items.append(self.compose_node(node, len(items)))
            else:
                if tag is None or tag == "!":
                    tag = self.resolve(MappingNode, None, event.implicit)
                node = MappingNode(tag, [], event.start_mark, None, flow_style=event.flow_style)
                if anchor is not None:
                    anchors[anchor] = node
                pairs = node.value
                while not self.check_event(MappingEndEvent):
                    key_node = self.compose_node(node, None)
                    pairs.append((key_node, self.compose_node(node, key_node)))
            node.end_mark = self.get_event().end_mark
            return node
        finally:
            self.depth -= 1


def _libyaml_composer() -> type | None:
    """libyaml's own composer, all in C, for `_quick_load`; None without libyaml."""
    try:
        from yaml._yaml import CParser
    except ImportError:  # pragma: no cover - PyYAML built without libyaml
        return None

    class LibyamlComposer(CParser, yaml.resolver.Resolver):
        def __init__(self, text: str) -> None:
            CParser.__init__(self, text)
            yaml.resolver.Resolver.__init__(self)
            self.scalar_tags: dict[tuple[str, Any], str] = {}

        # The composer calls these three for every node. Path resolvers, all that the
        # first two track, are registered by no one (`_quick_load` checks), so a
        # collection's tag is the default one.
        def descend_resolver(self, current_node: Any, current_index: Any) -> None:
            pass

        def ascend_resolver(self) -> None:
            pass

        def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
            if kind is SequenceNode:
                return self.DEFAULT_SEQUENCE_TAG
            if kind is MappingNode:
                return self.DEFAULT_MAPPING_TAG
            # As `_Composer` does: the same few words and numbers recur many times.
            key = (value, implicit)
            tag = self.scalar_tags.get(key)
            if tag is None:
                resolve = super().resolve
                tag = self.scalar_tags[key] = resolve(kind, value, implicit)  # type: ignore[no-untyped-call]
            return tag

    return LibyamlComposer


_LibyamlComposer = _libyaml_composer()


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


class _TooDeep(Exception):
    """`_quick_load` found deep nesting: the full path reads the file and reports it."""


_STR = "tag:yaml.org,2002:str"


class _Refusal(Exception):
    def __init__(self, code: str, message: str, mark: Any, hint: str | None = None) -> None:
        super().__init__(message)
        self.code, self.message, self.mark, self.hint = code, message, mark, hint


class _Builder:
    """Plain values from the node tree, collecting problems, and recording positions
    into `positions` if given."""

    def __init__(
        self,
        source: SourceMap,
        depth_limit: int | None = None,
        positions: _Positions | None = None,
    ) -> None:
        self.src = source
        self.positions = positions
        self.problems: list[Diagnostic] = []
        self.scalars = yaml.SafeLoader("")
        self.nodes = 0
        # For `_quick_load`, whose composer has no depth limit: the longest path allowed.
        self.depth_limit = depth_limit
        # Numbers, booleans, nulls and dates by (tag, text): a scenario repeats the same few,
        # and each is immutable, so one object serves every occurrence.
        self.constants: dict[tuple[str, str], Any] = {}

    def problem(self, code: str, message: str, mark: Any, hint: str | None = None) -> None:
        self.problems.append(
            Diagnostic(code, message, self.src.filename, mark.line + 1, mark.column + 1, hint=hint)
        )

    def build(self, node: Node, path: Path) -> Any:
        self.nodes += 1
        if self.nodes > MAX_ALIAS_NODES * 20:
            raise _Refusal("BRK006", tx("document expands to too many nodes"), node.start_mark)
        mark = node.start_mark
        positions = self.positions
        if positions is not None:
            positions.values[path] = (mark.line + 1) << _COLUMN_BITS | (mark.column + 1)  # `_pack`
        if self.depth_limit is not None and len(path) > self.depth_limit:
            raise _TooDeep
        tag = node.tag
        if tag not in _STANDARD_TAGS:
            self.problem(
                "BRK005",
                tx("unsupported tag `{tag}`", tag=tag),
                mark,
                tx("scenario files use plain YAML values only"),
            )
            return None
        if isinstance(node, ScalarNode):  # most nodes: tested first
            if positions is not None:
                positions.styles[path] = node.style
            if tag == _STR:
                return node.value  # what the constructor gives for a string
            value = self.scalar(node)
            if isinstance(value, bool) and not node.style:  # plain: None or ""
                self.src._booleans[path] = node.value
            return value
        if isinstance(node, MappingNode):
            return self.mapping(node, path)
        assert isinstance(node, SequenceNode)
        return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]

    def scalar(self, node: ScalarNode) -> Any:
        tag = node.tag
        if tag == _STR:
            return node.value  # what the constructor returns for a string
        key = (tag, node.value)
        if key in self.constants:
            return self.constants[key]
        try:
            value = self.scalars.construct_object(node, deep=True)
            # The constructor remembers every node it built (for aliases, which scalars
            # do not need): forgotten at once, so the loaded file's nodes and marks do
            # not outlive the load and weigh on the cycle collector afterwards.
            del self.scalars.constructed_objects[node]
        except (ValueError, OverflowError):  # 5,000 digits, 2019-02-30: say where it is
            shown = node.value if len(node.value) <= 24 else f"{node.value[:20]}…"
            number = node.tag.endswith((":int", ":float"))
            self.problem(
                "BRK003",
                tx(
                    "cannot read `{shown}` as a {value}",
                    shown=shown,
                    value="number" if number else "date",
                ),
                node.start_mark,
                tx(
                    "it is {n_value} characters long; numbers are at most 10^15 either way",
                    n_value=format(len(node.value), ","),
                )
                if number
                else tx("dates are written YYYY-MM-DD and must exist in the calendar"),
            )
            return None
        self.constants[key] = value
        return value

    def mapping(self, node: MappingNode, path: Path) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first: dict[str, int] = {}
        keys = self.positions.keys if self.positions is not None else None
        flow = node.flow_style
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.problem(
                    "BRK005",
                    tx("merge keys (`<<`) are not supported"),
                    key_node.start_mark,
                    tx("write the keys out in full"),
                )
                continue
            if not isinstance(key_node, ScalarNode) or key_node.tag not in _STANDARD_TAGS:
                self.problem("BRK003", tx("mapping keys must be plain names"), key_node.start_mark)
                continue
            # Keys are names: take their text as written, so `on:` or `no:` stay strings.
            key = str(key_node.value)
            if key in first:
                self.problem(
                    "BRK004",
                    tx("duplicate key `{key}`", key=key),
                    key_node.start_mark,
                    tx("`{key}` is already set on line {value}", key=key, value=first[key]),
                )
                continue
            mark = key_node.start_mark
            first[key] = mark.line + 1
            child = (*path, key)
            if keys is not None:
                keys[child] = (mark.line + 1) << _COLUMN_BITS | (mark.column + 1)  # `_pack`
            result[key] = self.build(value_node, child)
            if flow and first and _is_cut_text(key_node, value_node):
                previous = list(first)[-2] if len(first) > 1 else None
                if previous is not None:
                    self.src._split[child] = (*path, previous)
        return result


def _is_cut_text(key: ScalarNode, value: Node) -> bool:
    """`{a: b, c d}`: a key without `:` and value, written as plain words, reads like the
    tail of the text before it rather than like a field name."""
    return (
        isinstance(value, ScalarNode)
        and value.tag == "tag:yaml.org,2002:null"
        and value.value == ""
        and value.start_mark.index == key.end_mark.index  # no `:` after the key
        and not key.style  # plain: None (PyYAML) or "" (libyaml)
    )


# What PyYAML and the builder can raise on a file they cannot read: each becomes a
# diagnostic on the full path, and a fall back to it on the quick one.
_READ_ERRORS: tuple[type[BaseException], ...] = (
    yaml.YAMLError,
    RecursionError,
    ValueError,
    TypeError,
    OverflowError,
    AttributeError,
)
_QUICK_FALLBACK: tuple[type[BaseException], ...] = (_TooDeep, _Refusal, *_READ_ERRORS)


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
                        tx("file is not UTF-8 text"),
                        filename,
                        hint=tx("byte {start} cannot be decoded", start=err.start),
                    )
                ]
            ) from None
    text = text.removeprefix("\ufeff")
    quick = _quick_load(text, filename)
    if quick is not None:
        return quick
    source = SourceMap(filename, text, _compose)
    try:
        root = _compose(text)
        if root is None or not isinstance(root, MappingNode):
            mark = root.start_mark if root is not None else None
            raise _Refusal(
                "BRK008",
                tx("a scenario file must be a mapping of fields"),
                mark,
                tx("start with `id:`, `title:` and the other fields"),
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
                hint += tx(
                    " that started at line {value}, column {value2}",
                    value=err.context_mark.line + 1,
                    value2=err.context_mark.column + 1,
                )
        problem = str(err.problem or "invalid YAML")
        # PyYAML 6.0.2+ refuses deep nesting itself, before our composer sees it.
        code = "BRK007" if "nesting depth" in problem else "BRK003"
        diagnostic = Diagnostic(code, problem, filename, line, col, hint=hint)
        if code == "BRK007":
            diagnostic = dataclasses.replace(
                diagnostic,
                message=tx("lists and mappings are nested too deeply"),
                hint=tx("a scenario needs only a few levels; check for runaway brackets"),
            )
        else:
            diagnostic = (
                misindented(text, diagnostic)
                or colon_in_text(text, diagnostic)
                or in_own_words(err, diagnostic)
            )
        raise ScenarioError([diagnostic], text) from None
    except _READ_ERRORS as err:
        raise ScenarioError(
            [
                Diagnostic(
                    "BRK003",
                    tx("this is not valid YAML"),
                    filename,
                    hint=tx("the YAML reader says: {detail}", detail=type(err).__name__),
                )
            ],
            text,
        ) from None
    if builder.problems:
        raise ScenarioError(builder.problems, text)
    return data, source


def _quick_load(text: str, filename: str) -> tuple[Any, SourceMap] | None:
    """The common case, twice as fast to compose: a well-formed file without anchors,
    composed by libyaml's composer (in C) rather than ours. Ours exists for its limits
    and its errors: a file without `&` has no anchors, so no aliases to budget; the
    nesting is bounded while building; and on anything unusual (any YAML error, any
    problem the builder finds, deep nesting) this gives None, so that the full path
    reads the file again and reports exactly what it always did. The nodes are the same
    either way (same parser, same resolver), so are the values and the positions."""
    if _LibyamlComposer is None or "&" in text or yaml.resolver.Resolver.yaml_path_resolvers:
        return None
    source = SourceMap(filename, text, _quick_compose)
    try:
        root = _quick_compose(text)
        if not isinstance(root, MappingNode):
            return None
        # One level short of the composer's limit, so that the full path says where.
        builder = _Builder(source, depth_limit=MAX_DEPTH - 2)
        data = builder.build(root, ())
    except _QUICK_FALLBACK:
        return None
    if builder.problems:
        return None
    return data, source


def _quick_compose(text: str) -> Node | None:
    """The node tree as `_quick_load` composes it."""
    assert _LibyamlComposer is not None
    return _LibyamlComposer(text).get_single_node()  # type: ignore[no-any-return]


def _read_positions(source: SourceMap) -> _Positions:
    """The positions of a loaded document, from its text read again as its load read
    it: the same composer, so the same nodes, and the same builder, so the same paths.
    The load succeeded, so this does too; the booleans and cut texts it finds again go
    to a scratch map, dropped."""
    assert source._compose is not None
    root = source._compose(source.text)
    assert root is not None
    positions = _Positions()
    _Builder(SourceMap(source.filename, source.text), positions=positions).build(root, ())
    return positions


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _columns(line: str) -> list[int]:
    """Where a line's blocks start (0-based): its indentation and, for `- key: value`
    items, the column of the key as well."""
    indent = _indent(line)
    columns = [indent]
    rest = line[indent:]
    while rest.startswith("- ") or rest == "-":
        after = rest[1:]
        indent += 1 + _indent(after)
        rest = after.lstrip(" ")
        if rest:
            columns.append(indent)
    return columns


def _open_columns(lines: list[str], before: int) -> list[tuple[int, int]]:
    """(column, line number) of every block still open above line `before` (1-based),
    nearest first: the columns a new key or item there may start at."""
    found: list[tuple[int, int]] = []
    lowest = 10**9
    for number in range(before - 1, 0, -1):
        line = lines[number - 1]
        stripped = line.strip()
        if not stripped or stripped.startswith("#") or line.startswith("\t"):
            continue
        for column in sorted(_columns(line), reverse=True):
            if column < lowest:
                found.append((column, number))
                lowest = column
        if lowest == 0:
            break
    return found


# Parser complaints that, on a line no open block starts at, mean wrong indentation.
_INDENTATION_SYMPTOMS = (
    "mapping values are not allowed",
    "did not find expected key",
    "did not find expected '-' indicator",
    "expected <block end>",
    "block sequence entries are not allowed",
    "could not find expected ':'",
)


def _opens_block(line: str) -> bool:
    """`key:` with nothing after it (or a block scalar `|`/`>`), or a bare `-`."""
    body = line.split(" #")[0].rstrip()
    return body.endswith((":", "-", "|", ">", "|-", ">-", "|+", ">+"))


def _list_item_at(lines: list[str], columns: list[tuple[int, int]], indent: int) -> int | None:
    """The line number of the open list item whose `-` sits at column `indent`, if any."""
    for column, number in columns:
        if column == indent and lines[number - 1][column:].startswith("-"):
            return number
    return None


def _outside_item(syntax: Diagnostic, line: str, number: int, indent: int, item: int) -> Diagnostic:
    """A key written at the column of a list's dashes, as if it were a new item."""
    word = line.strip().split(":")[0][:30]
    return Diagnostic(
        "BRK010",
        tx(
            "wrong indentation: `{word}` starts at column {value}, the column of the list's "
            "`-` items (line {item}); expected column {value2} to continue that item",
            word=word,
            value=indent + 1,
            item=item,
            value2=indent + 3,
        ),
        syntax.file,
        number,
        indent + 1,
        hint=tx(
            "indent it to column {value} if it belongs to the item above, or start it with `- "
            "` to begin a new item",
            value=indent + 3,
        ),
        span=len(word),
    )


def misindented(text: str, syntax: Diagnostic) -> Diagnostic | None:
    """A syntax error explained as wrong indentation, when the line it is on (or the line
    before, for an over-indented continuation) starts at a column no open block uses."""
    lines = text.splitlines()
    tab_line = syntax.line if 1 <= syntax.line <= len(lines) else 0
    if tab_line and lines[tab_line - 1].lstrip(" ").startswith("\t"):
        return Diagnostic(
            "BRK010",
            tx("a tab in the indentation"),
            syntax.file,
            tab_line,
            _indent(lines[tab_line - 1]) + 1,
            hint=tx("indent with spaces only; YAML does not allow tabs"),
        )
    if not any(symptom in syntax.message for symptom in _INDENTATION_SYMPTOMS):
        return None
    for number in (syntax.line, syntax.line - 1):
        if not 2 <= number <= len(lines):
            continue
        line = lines[number - 1]
        if not line.strip() or line.strip().startswith("#"):
            continue
        indent = _indent(line)
        columns = _open_columns(lines, number)
        above = lines[columns[0][1] - 1] if columns else ""
        item = _list_item_at(lines, columns, indent)
        if item is not None and not line.lstrip(" ").startswith("-"):
            return _outside_item(syntax, line, number, indent, item)
        if not columns or indent in {c for c, _ in columns}:
            continue
        if _opens_block(above) and indent > max(_columns(above)):
            continue  # the first line of a new block may start anywhere to the right
        ranked = sorted(columns, key=lambda c: abs(c[0] - indent))[:2]
        places = [
            tx("column {column} (as on line {line})", column=c + 1, line=n) for c, n in ranked
        ]
        expected = (
            places[0]
            if len(places) == 1
            else tx("{first} or {second}", first=places[0], second=places[1])
        )
        word = line.strip().split(":")[0][:30]
        return Diagnostic(
            "BRK010",
            tx(
                "wrong indentation: `{word}` starts at column {value}; expected {expected}",
                word=word,
                value=indent + 1,
                expected=expected,
            ),
            syntax.file,
            number,
            indent + 1,
            hint=tx(
                "move it to column {value}: YAML reads which block a line belongs to from its "
                "indentation, so every key of a block starts at the same column",
                value=ranked[0][0] + 1,
            ),
            span=len(word),
        )
    return None


def colon_in_text(text: str, syntax: Diagnostic) -> Diagnostic | None:
    """`summary: Talks: day one`: a colon and a space inside unquoted text."""
    lines = text.splitlines()
    if "mapping values are not allowed" not in syntax.message or not (
        1 <= syntax.line <= len(lines)
    ):
        return None
    line = lines[syntax.line - 1]
    key, sep, rest = line.strip().removeprefix("- ").partition(": ")
    if not sep or not rest or rest[:1] in "'\"[{|>":
        return None
    quoted = rest.replace('"', '\\"')
    return Diagnostic(
        "BRK003",
        tx("a colon followed by a space inside unquoted text starts a new key"),
        syntax.file,
        syntax.line,
        syntax.column,
        hint=tx('put the whole text in quotes: {key}: "{quoted}"', key=key, quoted=quoted),
    )


def _compose(text: str) -> Node | None:
    loader = _Composer(text)
    try:
        root = loader.get_single_node()
    except yaml.composer.ComposerError as err:
        if "expected a single document" in str(err.context or ""):
            raise _Refusal(
                "BRK003",
                tx("a scenario file holds one YAML document"),
                err.problem_mark,
                tx("remove the `---` separator"),
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
                [
                    Diagnostic(
                        "BRK002",
                        tx(
                            "file is {size} bytes; the limit is {MAX_BYTES}",
                            size=format(size, ","),
                            MAX_BYTES=format(MAX_BYTES, ","),
                        ),
                        name,
                    )
                ]
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ScenarioError([Diagnostic("BRK001", tx("no such file"), name)]) from None
    except IsADirectoryError:
        raise ScenarioError(
            [Diagnostic("BRK001", tx("this is a folder, not a file"), name)]
        ) from None
    except OSError as err:
        raise ScenarioError(
            [Diagnostic("BRK001", tx("cannot read: {strerror}", strerror=err.strerror), name)]
        ) from None
    return load_yaml(raw, name)
