"""The safe YAML loader: positions, and refusal of everything a scenario never needs."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.scenario.diagnostics import ScenarioError
from game.scenario.yaml_source import Mark, load_yaml, read_scenario_file


def codes(text: str) -> list[tuple[str, int, int]]:
    with pytest.raises(ScenarioError) as caught:
        load_yaml(text, "t.yaml")
    return [(d.code, d.line, d.column) for d in caught.value.diagnostics]


def test_positions_of_keys_values_and_items():
    data, src = load_yaml("a:\n  b: [x, 'y']\n  c:\n    - d: 1\n", "t.yaml")
    assert data == {"a": {"b": ["x", "y"], "c": [{"d": 1}]}}
    assert src.key(("a", "b")) == Mark(2, 3)
    assert src.value(("a", "b", 1)) == Mark(2, 10)
    assert src.scalar_style(("a", "b", 1)) == "'"
    assert src.value(("a", "c", 0, "d")) == Mark(4, 10)
    assert src.locate(("a", "c", 0, "missing")) == Mark(4, 7)
    assert src.locate(()) == Mark(1, 1)


def test_keys_stay_names():
    data, _ = load_yaml("on: month\nno: 1\ny: 2\n", "t.yaml")
    assert data == {"on": "month", "no": 1, "y": 2}


def test_every_duplicate_key_is_reported():
    assert codes("a: 1\nb: 2\na: 3\nb: 4\n") == [("BRK004", 3, 1), ("BRK004", 4, 1)]


def test_python_tags_are_refused_and_never_run(tmp_path):
    marker = tmp_path / "pwned"
    text = f"a: !!python/object/apply:os.system ['touch {marker}']\n"
    assert codes(text) == [("BRK005", 1, 4)]
    assert not marker.exists()
    assert codes("a: !custom 1\n")[0][0] == "BRK005"
    assert codes("a: !!binary aGk=\n")[0][0] == "BRK005"


def test_billion_laughs_is_refused():
    lines = ["a0: &a0 [" + ", ".join(["lol"] * 10) + "]"]
    for i in range(1, 9):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    assert codes("\n".join(lines) + "\n")[0][0] == "BRK006"


def test_deep_nesting_is_refused_without_recursion_errors():
    assert codes("a: " + "[" * 5000 + "]" * 5000)[0][0] == "BRK007"
    with pytest.raises(ScenarioError):
        load_yaml("[" * 100_000, "t.yaml")


@pytest.mark.parametrize(
    "text, code",
    [
        ("- a\n- b\n", "BRK008"),
        ("", "BRK008"),
        ("a: 1\n---\nb: 2\n", "BRK003"),
        ("a: [1, 2\n", "BRK003"),
        ("[a]: 1\n", "BRK003"),
        ("<<: {a: 1}\n", "BRK005"),
    ],
)
def test_malformed_documents(text, code):
    assert codes(text)[0][0] == code


def test_file_checks(tmp_path):
    with pytest.raises(ScenarioError) as missing:
        read_scenario_file(tmp_path / "nope.yaml")
    assert missing.value.diagnostics[0].code == "BRK001"
    binary = tmp_path / "bin.yaml"
    binary.write_bytes(b"a: \xff\xfe\n")
    with pytest.raises(ScenarioError) as not_utf8:
        read_scenario_file(binary)
    assert not_utf8.value.diagnostics[0].code == "BRK009"
    huge = tmp_path / "huge.yaml"
    huge.write_bytes(b"#" * 1_100_000)
    with pytest.raises(ScenarioError) as too_big:
        read_scenario_file(huge)
    assert too_big.value.diagnostics[0].code == "BRK002"


def test_rendered_diagnostic_points_at_the_column():
    with pytest.raises(ScenarioError) as caught:
        load_yaml("a: 1\nbb: !tag x\n", "t.yaml")
    lines = caught.value.render().splitlines()
    assert lines[0].startswith("t.yaml:2:5: BRK005")
    assert lines[1] == "    bb: !tag x"
    assert lines[2] == "        ^"


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=300), st.binary(max_size=300)))
def test_arbitrary_input_never_escapes_as_an_exception(text):
    try:
        data, _ = load_yaml(text, "t.yaml")
    except ScenarioError as err:
        assert err.diagnostics
        assert all(d.line >= 1 and d.column >= 1 for d in err.diagnostics)
    else:
        assert isinstance(data, dict)


def test_unclosed_bracket_hint_points_at_its_opening():
    with pytest.raises(ScenarioError) as caught:
        load_yaml("id: broken\ntitle: [unclosed\n", "t.yaml")
    [d] = caught.value.diagnostics
    assert d.code == "BRK003"
    assert d.message == "a list in square brackets is never closed"
    assert d.hint == "close it with `]`; it opens at line 2, column 8"
