"""Counts agree with their nouns in Spanish (and English): «1 tema», «1 partida
aleatoria», «1 de 14 reglas y desenlaces es invención del diseñador»."""

from __future__ import annotations

from game.cli.main import main
from tests.conftest import ROOT


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def _one_issue_scenario(tmp_path):
    """The `brink new` scaffold: one issue, two rules, no events, three endings."""
    assert main(["new", "one", "--dir", str(tmp_path)]) == 0
    return tmp_path / "one.yaml"


def test_validate_counts_agree_in_spanish(tmp_path, capsys):
    path = _one_issue_scenario(tmp_path)
    capsys.readouterr()
    status, out, _ = _run(capsys, "--lang", "es", "validate", str(path))
    assert status == 0
    assert "1 tema, 2 reglas, 0 sucesos, 3 desenlaces" in out and "1 temas" not in out
    _status, out, _ = _run(capsys, "--lang", "en", "validate", str(path))
    assert "1 issue, 2 rules, 0 events, 3 endings" in out


def test_lint_counts_agree_in_spanish(capsys):
    _status, out, err = _run(capsys, "--lang", "es", "lint", "caravan-2018", "--games", "1")
    assert "(1 partida aleatoria)" in out
    assert "1 de 14 reglas y desenlaces es invención del diseñador" in out
    assert "no se alcanzó en 1 partida aleatoria" in err and "1 partidas" not in err
    _status, out, err = _run(capsys, "--lang", "en", "lint", "caravan-2018", "--games", "1")
    assert "1 of 14 rules and endings is a designer invention" in out
    assert "was not reached in 1 random game\n" in err


def test_simulate_and_class_report_count_one_in_spanish(capsys):
    status, out, _ = _run(capsys, "--lang", "es", "simulate", "caravan-2018", "--runs", "1")
    assert status == 0 and ": 1 partida, semilla 0" in out
    save = str(ROOT / "saves" / "historical-2019.brink.json")
    status, out, _ = _run(capsys, "--lang", "es", "report", "--class", save)
    assert status == 0 and "1 equipo." in out and "| 0 de 1 equipo |" in out
    assert "1 equipos" not in out


def test_scenario_test_failures_read_in_spanish(tmp_path, capsys):
    path = _one_issue_scenario(tmp_path)
    (tmp_path / "one.tests.yaml").write_text(
        "scenario: one\n"
        "tests:\n"
        "  - name: todo mal\n"
        "    moves:\n"
        "      - {mexico: walk_out}\n"
        "    expect:\n"
        "      ending: deal-holds\n"
        "      fired: [deal-suspends-tariff]\n"
        "  - name: jugada imposible\n"
        "    moves:\n"
        "      - {us: accept}\n"
        "    expect: {ending: stalemate}\n",
        encoding="utf-8",
    )
    capsys.readouterr()
    assert main(["--lang", "es", "test", str(path)]) == 1
    out = capsys.readouterr().out
    assert "desenlace: se esperaba deal-holds, se obtuvo trade-war" in out
    assert "`deal-suspends-tariff` nunca se activó" in out
    assert "la jugada 1 (us accept) no está permitida:" in out
    assert "0 aprobadas, 2 fallidas" in out
    for english in ("expected", "never fired", "is illegal", "phase "):
        assert english not in out
