"""A broken scenario file is explained in the author's language: our own words for the
YAML reader's common complaints, a Spanish sentence around anything else."""

from __future__ import annotations

import pytest

from game.cli.main import main
from game.i18n import localise, use, using
from game.scenario.validation import _plain_message

# PyYAML's own phrasing; none of it may reach a Spanish author without Spanish around it.
PYYAML_WORDS = ("did not find", "while parsing", "while scanning", "found ", "expected <")

BROKEN = {
    "unclosed-quote.yaml": (
        'id: x\ntitle: "unclosed\nperiod: y\n',
        "un texto entre comillas nunca se cierra",
    ),
    "tab.yaml": ("id: x\nroles:\n\tus: 1\n", "un tabulador en la sangría"),
    "indent.yaml": (
        "id: x\ntitle: a\n  period: b\n",
        "se esperaba la columna 1 (como en la línea 2)",
    ),
    "duplicate.yaml": ("id: x\nid: y\n", "clave duplicada `id`"),
    "bracket.yaml": ("id: [x\n", "una lista entre corchetes nunca se cierra"),
    "brace.yaml": ("id: {a: 1\n", "un mapeo entre llaves nunca se cierra"),
    "after-quote.yaml": ('id: x\ntitle: "a" b\n', "aquí se esperaba una línea `clave: valor`"),
    "at.yaml": ("id: x\ntitle: @at\n", "un valor no puede empezar con este carácter"),
    "escape.yaml": ('id: x\ntitle: "bad \\q"\n', "una barra invertida entre comillas dobles"),
    "alias.yaml": ("id: *nothere\n", "nombra un ancla (`&nombre`) que no está definida"),
    "anchor.yaml": ("id: &a x\nt: &a y\n", "la misma ancla (`&nombre`) está definida dos veces"),
    "block.yaml": ("id: x\ntitle: |x\n  a\n", "nada puede seguir a `|` o `>`"),
}


@pytest.fixture(autouse=True)
def _english_after(monkeypatch):
    monkeypatch.setenv("BRINK_LANG", "en")
    yield
    use("en")


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_yaml_is_explained_in_spanish(tmp_path, capsys, name):
    text, expected = BROKEN[name]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert main(["--lang", "es", "validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert expected in err
    assert "sugerencia:" in err or name == "duplicate.yaml" or "BRK010" in err
    assert not any(words in err for words in PYYAML_WORDS), err


@pytest.mark.parametrize("name", ["unclosed-quote.yaml", "bracket.yaml", "alias.yaml"])
def test_the_same_files_read_in_plain_english(tmp_path, capsys, name):
    path = tmp_path / name
    path.write_text(BROKEN[name][0], encoding="utf-8")
    assert main(["--lang", "en", "validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert "BRK003" in err and "hint:" in err
    assert not any(words in err for words in PYYAML_WORDS), err


def test_our_validators_speak_spanish(tmp_path, capsys):
    path = tmp_path / "range.yaml"
    path.write_text(_minimal_with_meter(min_=10, max_=5), encoding="utf-8")
    assert main(["--lang", "es", "validate", str(path)]) == 1
    assert "min (10) es mayor que max (5)" in capsys.readouterr().err


def _minimal_with_meter(min_: int, max_: int) -> str:
    from tests.conftest import FIXTURES

    text = (FIXTURES / "mini.yaml").read_text(encoding="utf-8")
    return text.replace(
        "meters:\n",
        "meters:\n  broken: {label: B, min: "
        + f"{min_}, max: {max_}, start: {max_}, source: designer}}\n",
        1,
    )


def test_an_unknown_pydantic_error_is_a_spanish_sentence_with_the_original_as_detail():
    error = {"type": "frobnicated", "msg": "Input should be frobnicated", "loc": ("id",)}
    message = _plain_message(error)
    with using("es"):
        assert localise(message) == (
            "este valor no se acepta aquí (detalle del validador: Input should be frobnicated)"
        )
    assert (
        localise(message, "en") == "this value is not accepted here (Input should be frobnicated)"
    )
