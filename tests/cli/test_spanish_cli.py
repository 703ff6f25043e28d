"""Commands run with `--lang es` say everything in Spanish: help, argument errors, the
phase graph, the replay's causes; the English output keeps its form."""

from __future__ import annotations

import pytest

from game.cli.main import main
from tests.conftest import ROOT

EXAMPLE = str(ROOT / "saves" / "historical-2019.brink.json")


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_the_graph_labels_are_spanish(capsys):
    _status, out, _err = _run(capsys, "--lang", "es", "graph", "roosevelt-room-2019")
    assert "%% Sala Roosevelt, junio de 2019: máquina de fases" in out
    assert "rate_5: 25% desde el 1 de octubre de 2019" in out
    assert "threatened --> rate_1: reloj" in out
    assert "(rule/event)" not in out and " from 2019" not in out
    _status, out, _err = _run(
        capsys, "--lang", "es", "graph", "roosevelt-room-2019", "--format", "dot"
    )
    assert 'label="Sala Roosevelt, junio de 2019";' in out
    assert 'label="amenazado 0%"' in out


def test_the_replay_names_causes_in_spanish_and_english_is_unchanged(capsys):
    _status, out, _err = _run(capsys, "--lang", "es", "replay", EXAMPLE)
    assert "(suceso three-asks; fuente: radnofsky-montes-2019-05-31)" in out
    assert "(el reloj: se acabó el tiempo; fuente: wayne-2019-07)" in out
    assert "México envió más de lo prometido: sí" in out
    _status, out, _err = _run(capsys, "--lang", "en", "replay", EXAMPLE)
    assert "(event three-asks; source: radnofsky-montes-2019-05-31)" in out
    assert "(clock time ran out; source: wayne-2019-07)" in out


@pytest.mark.parametrize(
    ("argv", "spanish"),
    [
        (["simulate", "caravan-2018", "--runs", "0"], "0 está fuera de rango (de 1 a 1,000,000)"),
        (["lint", "caravan-2018", "--seed", "x"], "`x` no es una semilla"),
        (["tournament", "caravan-2018", "--agents", "x"], "agente desconocido 'x'"),
        (["serve", "--port", "99999"], "--port debe estar entre 1 y 65535"),
    ],
)
def test_argument_errors_are_spanish(capsys, argv, spanish):
    with pytest.raises(SystemExit) if argv[0] != "serve" else _no_exit():
        status = main(["--lang", "es", *argv])
        assert status == 2
    assert spanish in capsys.readouterr().err


class _no_exit:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> bool:
        return False


@pytest.mark.parametrize("command", ["lint", "graph", "new", "validate", "simulate", "test"])
def test_every_argument_has_spanish_help(capsys, command):
    with pytest.raises(SystemExit):
        main(["--lang", "es", command, "--help"])
    out = capsys.readouterr().out
    lines = out.split("argumentos posicionales:")[1].splitlines()
    # Each positional and option is followed by its help on the same or the next line.
    entries = [line for line in lines[1:] if line.startswith("  ") and line.strip()]
    bare = [e for e in entries if e.strip().split()[-1].isupper() and len(e.split()) <= 2]
    assert not bare, bare
    assert "ARCHIVO" not in out


def test_the_scenario_list_is_spanish(capsys):
    _status, out, _err = _run(capsys, "--lang", "es", "scenarios")
    assert "Sala Roosevelt, junio de 2019" in out and "Roosevelt Room" not in out
    _status, out, _err = _run(capsys, "--lang", "es", "scenarios", "--json")
    assert "Roosevelt Room, June 2019" in out  # JSON keeps the primary text
