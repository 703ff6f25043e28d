"""Translation coverage: what each language lacks, reported by `brink lint`."""

from __future__ import annotations

from game.engine import is_terminal
from game.i18n import localise
from game.rules.ruleset import load_ruleset
from game.scenario.coverage import coverage, texts
from game.tools.lint import coverage_lines, lint
from tests.conftest import FIXTURES
from tests.helpers import random_game

MINI = (FIXTURES / "mini.yaml").read_text()


def _by_lang(scenario):
    return {c.lang: c for c in coverage(scenario)}


def test_an_english_only_scenario_lacks_all_its_spanish_and_lint_only_sums_it_up():
    ruleset = load_ruleset(FIXTURES / "mini.yaml")
    covers = _by_lang(ruleset.scenario)
    total = len(list(texts(ruleset.scenario)))
    assert covers["en"].written == total and covers["en"].missing == []
    assert covers["es"].written == 0 and covers["es"].total == total
    report = lint(ruleset, games=5)
    assert "BRK507" not in {d.code for d in report.diagnostics}
    [line] = coverage_lines(report, ruleset)
    assert line.startswith(f"Spanish: 0 of {total} texts (0%); missing: title (line 3), ")
    assert f"… and {total - 8} more" in line
    [full] = coverage_lines(report, ruleset, verbose=True)
    assert "more" not in full and "issues.review.options.days_45.label (line 46)" in full


def test_the_spanish_only_fixture_validates_lints_and_plays():
    ruleset = load_ruleset(FIXTURES / "solo-es.yaml")
    scenario = ruleset.scenario
    assert scenario.language == "es" and scenario.title == "Pláticas breves"
    covers = _by_lang(scenario)
    assert covers["es"].missing == [] and covers["en"].written == 0
    report = lint(ruleset, games=20)
    assert report.errors == []
    assert "BRK507" not in {d.code for d in report.diagnostics}
    assert [line.split(";")[0] for line in coverage_lines(report, ruleset)] == [
        f"English: 0 of {covers['en'].total} texts (0%)"
    ]
    state = random_game(ruleset, seed=3)
    assert is_terminal(state)
    # Its texts read the same in either language: there is only the Spanish.
    assert localise(scenario.issue("guard").label, "en") == "Despliegue de la Guardia Nacional"


def test_a_bilingual_scenario_warns_at_every_text_a_language_lacks(tmp_path):
    text = MINI.replace("title: Mini talks", "title: {en: Mini talks, es: Pláticas mini}")
    path = tmp_path / "s.yaml"
    path.write_text(text)
    ruleset = load_ruleset(path)
    report = lint(ruleset, games=5)
    missing = [d for d in report.diagnostics if d.code == "BRK507"]
    covers = _by_lang(ruleset.scenario)
    assert len(missing) == len(covers["es"].missing) == covers["es"].total - 1
    assert all(d.severity == "warning" for d in missing)
    first = missing[0]
    assert first.message == "`period` has no Spanish version"
    assert first.line == text.splitlines().index("period: June 2019") + 1
    assert report.errors == []  # a warning: lint still passes


def test_a_spanish_scenario_with_one_english_text_asks_for_the_rest_in_english(tmp_path):
    text = (
        (FIXTURES / "solo-es.yaml")
        .read_text()
        .replace("title: Pláticas breves", "title: {es: Pláticas breves, en: Brief talks}")
    )
    path = tmp_path / "s.yaml"
    path.write_text(text)
    ruleset = load_ruleset(path)
    assert ruleset.scenario.title == "Brief talks"  # English is the primary text
    warned = [d for d in lint(ruleset, games=5).diagnostics if d.code == "BRK507"]
    covers = _by_lang(ruleset.scenario)
    assert len(warned) == len(covers["en"].missing) == covers["en"].total - 1
    assert {d.message.split(" has ")[1] for d in warned} == {"no English version"}
