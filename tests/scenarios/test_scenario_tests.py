"""Every bundled scenario's own scripted tests pass; a wrong expectation is reported."""

from __future__ import annotations

import pytest

from game.cli.main import main
from game.rules.ruleset import load_ruleset
from game.scenario.registry import bundled_scenarios
from game.tools.scenario_tests import Case, run_case, run_suite, suite_path

BUNDLED = sorted(bundled_scenarios())


@pytest.mark.parametrize("scenario_id", BUNDLED)
def test_bundled_scenario_tests_pass(scenario_id):
    ruleset = load_ruleset(scenario_id)
    assert suite_path(ruleset).is_file(), f"{scenario_id} has no .tests.yaml"
    results = run_suite(ruleset)
    assert results
    assert all(r.passed for r in results), [(r.name, r.failures) for r in results]


def test_wrong_expectations_fail_with_reasons(flagship):
    case = Case.model_validate(
        {
            "name": "wrong on purpose",
            "moves": [{"mexico": "walk_out"}],
            "expect": {
                "ending": "joint-declaration",
                "meters": {"apprehensions": {"max": 1}},
                "flags": {"stc_signed": True},
                "fired": ["review-45"],
            },
        }
    )
    result = run_case(flagship, case)
    assert not result.passed
    assert len(result.failures) == 4
    assert result.failures[0] == "ending: expected joint-declaration, got trade-war"


def test_illegal_scripted_move_is_reported(flagship):
    case = Case.model_validate({"name": "bad", "moves": [{"us": "accept"}], "expect": {}})
    [failure] = run_case(flagship, case).failures
    assert failure.startswith("move 1 (us accept) is illegal: it is not your turn")


def test_brink_test_exit_codes(tmp_path, capsys):
    assert main(["test", "roosevelt-room-2019"]) == 0
    assert "10 passed, 0 failed" in capsys.readouterr().out
    bad = tmp_path / "bad.tests.yaml"
    bad.write_text(
        "scenario: roosevelt-room-2019\ntests:\n  - name: x\n    moves: "
        "[{mexico: walk_out}]\n    expect: {ending: regional-pact}\n"
    )
    assert main(["test", "roosevelt-room-2019", "--file", str(bad)]) == 1
    assert "FAIL  x" in capsys.readouterr().out
