"""Whole-file loading: model, reference and expression errors, all reported, positioned."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.rules.ruleset import load_ruleset
from game.scenario.diagnostics import ScenarioError
from game.scenario.registry import resolve
from tests.conftest import FIXTURES

MINI = (FIXTURES / "mini.yaml").read_text()


def load_text(tmp_path, text: str):
    path = tmp_path / "s.yaml"
    path.write_text(text)
    return load_ruleset(path)


def diagnostics(tmp_path, text: str):
    with pytest.raises(ScenarioError) as caught:
        load_text(tmp_path, text)
    return caught.value.diagnostics


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_mini_and_flagship_load(mini, flagship):
    assert mini.id == "mini" and flagship.id == "roosevelt-room-2019"


def test_misspelt_name_in_condition(tmp_path):
    text = MINI.replace("deal_guard_level >= 6000", "deal_gaurd_level >= 6000")
    [d] = diagnostics(tmp_path, text)
    assert d.code == "BRK302"
    assert d.line == line_of(text, "deal_gaurd_level >= 6000")
    assert d.column == text.splitlines()[d.line - 1].index("deal_gaurd_level") + 1
    assert d.hint == "did you mean `deal_guard_level`?"


def test_unknown_option_literal_and_type_mismatch(tmp_path):
    text = MINI.replace('last_move == "accept" and deal and', 'last_move == "acept" and deal and')
    text = text.replace('when: "tariff_rate >= 10"', 'when: "tariff_rate >= \\"high\\""')
    found = {d.code for d in diagnostics(tmp_path, text)}
    assert found == {"BRK306", "BRK303"}


def test_all_problems_reported_in_one_run(tmp_path):
    text = MINI.replace("source: wayne-2019\n    options", "source: wayne-2O19\n    options")
    text = text.replace(
        "  - {id: talks_us, label: US to answer, actor: us, move_days: 1}\n",
        "  - {id: talks_us, label: US to answer, actor: us, move_dayz: 1}\n",
    )
    text = text.replace(
        "- {trigger: deliver, source: implementation, dest: monitoring}",
        "- {trigger: deliver, source: implementation, dest: monitorin}",
    )
    found = diagnostics(tmp_path, text)
    codes = [d.code for d in found]
    assert "BRK102" in codes  # move_dayz
    model_errors = [d for d in found if d.code == "BRK102"]
    assert model_errors[0].hint == "did you mean `move_days`?"


def test_reference_errors_have_hints(tmp_path):
    text = MINI.replace("dest: monitoring}", "dest: monitorin}")
    text = text.replace("source: wayne-2019\n    options", "source: wayne-2O19\n    options")
    found = {d.code: d for d in diagnostics(tmp_path, text)}
    assert found["BRK202"].hint == "did you mean `monitoring`?"
    assert found["BRK201"].hint == "did you mean `wayne-2019`?"


def test_unknown_scenario_id():
    with pytest.raises(ScenarioError) as caught:
        resolve("roosevelt-room-2091")
    assert caught.value.diagnostics[0].code == "BRK901"
    assert "roosevelt-room-2019" in (caught.value.diagnostics[0].hint or "")


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.integers(0, 2**32), st.integers(1, 8))
def test_mutated_scenarios_give_positioned_errors_only(tmp_path, seed, edits):
    rng = random.Random(seed)
    chars = list(MINI)
    for _ in range(edits):
        at = rng.randrange(len(chars))
        action = rng.choice(["delete", "insert", "replace"])
        junk = rng.choice(list(":-[]{}\"'#&*!| \n\tax0_"))
        if action == "delete":
            del chars[at]
        elif action == "insert":
            chars.insert(at, junk)
        else:
            chars[at] = junk
    try:
        load_text(tmp_path, "".join(chars))
    except ScenarioError as err:
        assert err.diagnostics
        for d in err.diagnostics:
            assert d.line >= 1 and d.column >= 1 and d.code.startswith("BRK")


def test_every_missing_field_is_reported(tmp_path):
    text = "id: x\ntitle: t\nperiod: p\nsummary: s\nstart_date: 2019-01-01\n"
    text += "end_date: 2019-02-01\nfirst_phase: a\n"
    missing = {d.message.split("`")[1] for d in diagnostics(tmp_path, text) if d.code == "BRK101"}
    assert missing == {"sources", "roles", "issues", "phases", "transitions", "endings"}
