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


def test_new_in_spanish_writes_a_spanish_scenario_that_passes(tmp_path, capsys):
    assert main(["--lang", "es", "new", "platicas", "--dir", str(tmp_path)]) == 0
    assert "creado" in capsys.readouterr().out
    path = tmp_path / "platicas.yaml"
    text = path.read_text(encoding="utf-8")
    assert "\nlanguage: es\n" in text
    assert "# Un escenario nuevo de Brinkmanship." in text  # Spanish comments
    ruleset = load_ruleset(path)
    scenario = ruleset.scenario
    assert scenario.roles["mexico"].name == "Delegación de México"
    assert scenario.roles["mexico"].name.versions == {"es": "Delegación de México"}
    assert lint(ruleset, games=100).diagnostics == []
    assert all(result.passed for result in run_suite(ruleset))
    tests_text = (tmp_path / "platicas.tests.yaml").read_text(encoding="utf-8")
    assert "# Partidas guionizadas de platicas" in tests_text
    for argv in (["validate", str(path)], ["lint", str(path)], ["test", str(path)]):
        assert main(["--lang", "es", *argv]) == 0


def test_new_in_english_is_unchanged_by_the_spanish_template(tmp_path):
    from game.tools.scaffold import TEMPLATES

    assert main(["--lang", "en", "new", "talks", "--dir", str(tmp_path)]) == 0
    expected = (TEMPLATES / "scenario.yaml").read_text(encoding="utf-8")
    written = (tmp_path / "talks.yaml").read_text(encoding="utf-8")
    assert "language:" not in written and "A new Brinkmanship scenario." in written
    assert written.splitlines()[2:] == [
        line.replace("{id}", "talks")
        .replace("{path}", str(tmp_path / "talks.yaml"))
        .replace("{title}", "Talks")
        for line in expected.splitlines()[2:]
    ]


def test_new_refuses_in_spanish(tmp_path, capsys):
    assert main(["--lang", "es", "new", "Mal Id", "--dir", str(tmp_path)]) == 1
    assert "no sirve como id" in capsys.readouterr().err
