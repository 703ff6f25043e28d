"""Positions read when first asked: a clean load keeps none, and what a question reads
again is exactly what the file's nodes say, so diagnostics are what they always were."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from game.play.session import Session
from game.rules.ruleset import load_ruleset
from game.scenario.diagnostics import ScenarioError
from game.scenario.yaml_source import Mark, SourceMap, load_yaml

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = sorted((ROOT / "scenarios").glob("*.yaml"))
FLAGSHIP = ROOT / "scenarios" / "roosevelt-room-2019.yaml"
# The parser the loader composes with (libyaml's where PyYAML has it): scalar styles
# differ between the two (a plain scalar's is "" in one, None in the other).
LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Positions = tuple[dict[Any, Any], dict[Any, Any], dict[Any, Any]]


def composed(text: str) -> Positions:
    """Values, keys and styles by path, from a walk of the node tree PyYAML composes: an
    account of what the file says, independent of the loader's builder."""
    values: dict[Any, Mark] = {}
    keys: dict[Any, Mark] = {}
    styles: dict[Any, str | None] = {}

    def walk(node: Any, path: tuple[str | int, ...]) -> None:
        values[path] = Mark(node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, ScalarNode):
            styles[path] = node.style
        elif isinstance(node, SequenceNode):
            for index, item in enumerate(node.value):
                walk(item, (*path, index))
        else:
            assert isinstance(node, MappingNode)
            for key, value in node.value:
                child = (*path, str(key.value))
                keys[child] = Mark(key.start_mark.line + 1, key.start_mark.column + 1)
                walk(value, child)

    walk(yaml.compose(text, Loader=LOADER), ())
    return values, keys, styles


def asked(source: SourceMap, expected: Positions) -> Positions:
    """What `source` answers for every path of `expected`, and for no other."""
    values, keys, styles = expected
    assert set(source._values) == set(values)
    assert set(source._keys) == set(keys)
    assert set(source._styles) == set(styles)
    return (
        {path: source.value(path) for path in values},
        {path: source.key(path) for path in keys},
        {path: source.scalar_style(path) for path in styles},
    )


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_a_bundled_file_positions_every_node_as_composed(path):
    text = path.read_text(encoding="utf-8")
    for document in (text, "anchored: &a [1]\naliased: *a\n" + text):  # both load paths
        _, source = load_yaml(document, path.name)
        assert source._read is None
        expected = composed(document)
        assert asked(source, expected) == expected
        assert source.locate(("no", "such", "path")) == Mark(1, 1)


NAMES = st.text(alphabet="abc_-01 ", min_size=1, max_size=6)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**9), 10**9),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(alphabet="ab &,:#'\"-\n", max_size=24),
)
TREES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(NAMES, inner, max_size=4),
    max_leaves=24,
)


@st.composite
def documents(draw: st.DrawFn) -> str:
    """A small mapping written out in block or flow style, plain or quoted scalars,
    narrow or wide lines; sometimes with an anchor, which takes the loader's full path."""
    data = draw(st.dictionaries(NAMES, TREES, min_size=1, max_size=5))
    if draw(st.booleans()):
        shared = draw(st.lists(TREES, min_size=1, max_size=3))
        data["anchored"] = data["aliased"] = shared  # written as `&id001 …` and `*id001`
    text: str = yaml.safe_dump(
        data,
        default_flow_style=draw(st.sampled_from([False, True, None])),
        default_style=draw(st.sampled_from([None, "'", '"'])),
        width=draw(st.integers(20, 100)),
        allow_unicode=True,
    )
    return text


@settings(max_examples=150, deadline=None)
@given(documents())
def test_asked_positions_are_the_composed_ones(text):
    _, source = load_yaml(text, "t.yaml")
    assert source._read is None
    expected = composed(text)
    assert asked(source, expected) == expected


def test_a_clean_game_keeps_no_positions():
    """Loading, checking, compiling and starting the flagship game asks for no position:
    the thousands of them would live as long as the game."""
    source = Session.start("roosevelt-room-2019", "us", "ai-normal", 3).ruleset.file.source
    assert source._read is None
    assert source.key(("id",)) == Mark(3, 1)  # the first question reads them
    assert source._read is not None
    assert len(source._values) > 2000


def test_a_map_made_by_hand_has_no_positions_to_read():
    source = SourceMap("t.yaml", "a: 1\n")
    assert source.value(("a",)) is None
    assert source.locate(("a",)) == Mark(1, 1)


def _edited(*edits: tuple[str, str]) -> str:
    text = FLAGSHIP.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


# Mistakes the model checks find (a yes/no word, an empty translation, a word for a
# number, a misspelt field, a number cut by a comma) and ones the checks and the rule
# compiler find (in a plain, a quoted and a block scalar; a duplicate id).
SHAPE = (
    ('value: "6"', "value: yes"),
    ('es: "70,000 o menos"}', "es: 70,000 o menos}"),
    ("weight: 15\n        source: wayne-2019-07", "weigth: 15\n        source: wayne-2019-07"),
    ("weight: 40", "weight: forty"),
    ("southern_6000: 0.75,", "southern_6000: 0,75,"),
)
CHECKS = (
    ("when: apprehensions < 100000", "when: apprehensions < < 100000"),
    ("when: 'deal and deal_mpp != \"current\"'", "when: 'deal and deal_mpp != \"current\" and'"),
    ("when: stc_signed or regional_pact\n", "when: |\n          stc_signed or regional_pactx\n"),
    ("id: deportations_up", "id: crossings_down"),
)
ANCHOR = (("source: wayne-2019-07\n", "source: &w wayne-2019-07\n"),)
# As the loader reported them when it recorded every position while loading.
SHAPE_FOUND = [
    ("BRK011", 213, 16, 3),
    ("BRK104", 223, 44, 1),
    ("BRK104", 231, 17, 5),
    ("BRK101", 233, 9, 1),
    ("BRK102", 238, 9, 6),
    ("BRK012", 266, 56, 4),
]
CHECKS_FOUND = [
    ("BRK301", 230, 31, 1),
    ("BRK207", 233, 13, 14),
    ("BRK301", 244, 50, 1),
    ("BRK302", 252, 25, 14),
]


@pytest.mark.parametrize(
    "edits, found",
    [
        (SHAPE, SHAPE_FOUND),
        (CHECKS, CHECKS_FOUND),
        ((*ANCHOR, *SHAPE), SHAPE_FOUND),
        ((*ANCHOR, *CHECKS), CHECKS_FOUND),
    ],
    ids=["shape", "checks", "shape-anchored", "checks-anchored"],
)
def test_diagnostics_of_a_broken_file_are_where_they_were(tmp_path, edits, found):
    path = tmp_path / "broken.yaml"
    path.write_text(_edited(*edits), encoding="utf-8")
    with pytest.raises(ScenarioError) as caught:
        load_ruleset(path)
    diagnostics = caught.value.diagnostics
    assert [(d.code, d.line, d.column, d.span) for d in diagnostics] == found
    if edits[-1] == CHECKS[-1]:
        duplicate = next(d for d in diagnostics if d.code == "BRK207")
        assert duplicate.hint is not None and "is on line 226" in duplicate.hint
