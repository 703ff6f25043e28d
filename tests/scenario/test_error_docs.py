"""docs/errors.md: every code is documented, and every example yields its code."""

from __future__ import annotations

import re

import pytest

from game.rules.ruleset import load_ruleset
from game.scenario.diagnostics import CODES, ScenarioError
from game.tools.lint import lint
from tests.conftest import ROOT

DOC = (ROOT / "docs" / "errors.md").read_text()
SECTION = re.compile(r"^### (BRK\d{3}) ", re.M)
BLOCK = re.compile(r"```yaml( file| base)?\n(.*?)```", re.S)


def _sections() -> dict[str, str]:
    parts = SECTION.split(DOC)
    return {parts[i]: parts[i + 1] for i in range(1, len(parts), 2)}


def _top_level(text: str) -> dict[str, str]:
    """Top-level sections of a YAML text, by key, as raw text."""
    sections: dict[str, str] = {}
    key = None
    for line in text.splitlines(keepends=True):
        match = re.match(r"^([a-z_]+):", line)
        if match:
            key = match.group(1)
            sections[key] = ""
        if key is not None:
            sections[key] += line
    return sections


BASE = next(m.group(2) for m in BLOCK.finditer(DOC) if m.group(1) == " base")


def test_every_code_is_documented():
    assert set(_sections()) == set(CODES)


def test_base_scenario_is_valid(tmp_path):
    path = tmp_path / "base.yaml"
    path.write_text(BASE)
    load_ruleset(path)


EXAMPLES = [
    (code, m.group(1), m.group(2))
    for code, body in _sections().items()
    for m in BLOCK.finditer(body)
]


@pytest.mark.parametrize("code, kind, example", EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_documented_example_yields_its_code(tmp_path, code, kind, example):
    if kind == " file":
        text = example
    else:
        sections = _top_level(BASE)
        sections.update(_top_level(example))
        text = "".join(sections.values())
    path = tmp_path / "example.yaml"
    path.write_text(text)
    if code.startswith("BRK5"):
        report = lint(load_ruleset(path), games=20)
        assert code in {d.code for d in report.diagnostics}
        return
    with pytest.raises(ScenarioError) as caught:
        load_ruleset(path)
    assert code in {d.code for d in caught.value.diagnostics}, caught.value.render()
