"""`brink new`: the scaffold validates, lints clean and passes its own tests."""

from __future__ import annotations

from game.cli.main import main
from game.rules.ruleset import load_ruleset
from game.tools.lint import lint
from game.tools.scenario_tests import run_suite


def test_new_scenario_passes_validate_lint_and_tests(tmp_path, capsys):
    assert main(["new", "border-talks", "--dir", str(tmp_path)]) == 0
    path = tmp_path / "border-talks.yaml"
    assert (tmp_path / "border-talks.tests.yaml").is_file()
    assert path.read_text().startswith("# yaml-language-server: $schema=")
    ruleset = load_ruleset(path)
    assert ruleset.id == "border-talks"
    assert lint(ruleset, games=100).diagnostics == []
    assert all(result.passed for result in run_suite(ruleset))
    assert main(["validate", str(path)]) == 0
    assert main(["test", str(path)]) == 0


def test_new_refuses_to_overwrite_or_bad_ids(tmp_path, capsys):
    assert main(["new", "talks", "--dir", str(tmp_path)]) == 0
    before = (tmp_path / "talks.yaml").read_text()
    (tmp_path / "talks.yaml").write_text(before + "# my edits\n")
    assert main(["new", "talks", "--dir", str(tmp_path)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert (tmp_path / "talks.yaml").read_text().endswith("# my edits\n")
    assert main(["new", "Bad Id", "--dir", str(tmp_path)]) == 1
