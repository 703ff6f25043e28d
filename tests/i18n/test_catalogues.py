"""The catalogues cover every marked string, and the language machinery picks and
translates as documented."""

from __future__ import annotations

import gettext
import io
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.i18n import LocalText, choose_language, localise, parse_lang, tx, use, using
from game.i18n import current as current_lang
from game.i18n.catalogs import DOMAINS, compile_po
from game.i18n.extract import TRANSLATED, check


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_marked_string_is_translated(lang: str, domain: str) -> None:
    problems = check(lang, domain)
    assert not problems, "\n".join(map(str, problems)) + (
        "\nRun `python -m game.i18n.extract` and translate the new entries."
    )


@pytest.mark.parametrize(
    ("flag", "env", "expected"),
    [
        (None, {}, "en"),
        (None, {"LANG": "es_MX.UTF-8"}, "es"),
        (None, {"LANG": "C.UTF-8"}, "en"),
        (None, {"LC_ALL": "es_ES.UTF-8", "LANG": "en_US.UTF-8"}, "es"),
        (None, {"LC_ALL": "C", "LANG": "es_MX.UTF-8"}, "en"),
        (None, {"BRINK_LANG": "es", "LANG": "en_US"}, "es"),
        ("en", {"BRINK_LANG": "es", "LANG": "es_MX"}, "en"),
        ("es", {}, "es"),
        (None, {"BRINK_LANG": "fr", "LANG": "es_GT.UTF-8"}, "es"),
    ],
)
def test_language_choice_order(flag: str | None, env: dict[str, str], expected: str) -> None:
    assert choose_language(flag, env) == expected


@given(st.text())
def test_parse_lang_never_raises(value: str) -> None:
    assert parse_lang(value) in (None, "en", "es")


def test_scenario_text_keeps_its_versions() -> None:
    text = LocalText.of({"en": "Tariff", "es": "Arancel"})
    assert text == "Tariff" and text.upper() == "TARIFF"
    assert localise(text, "es") == "Arancel" and localise(text, "en") == "Tariff"
    assert text.has("es") and not LocalText.of({"es": "Sólo"}).has("en")
    spanish_only = LocalText.of({"es": "Arancel"}, primary_lang="es")
    assert spanish_only == "Arancel" and localise(spanish_only, "en") == "Arancel"
    assert pickle.loads(pickle.dumps(text)).in_lang("es") == "Arancel"


def test_generated_text_is_english_and_localises_its_arguments(monkeypatch) -> None:
    po = (
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
        'msgid "{issue} is settled"\nmsgstr "{issue} está resuelto"\n'
    ).encode()
    catalogue = gettext.GNUTranslations(io.BytesIO(compile_po(po)))
    monkeypatch.setattr("game.i18n.active.translations", lambda lang: catalogue)
    sentence = tx("{issue} is settled", issue=LocalText.of({"en": "Asylum", "es": "Asilo"}))
    assert sentence == "Asylum is settled"
    assert localise(sentence, "es") == "Asilo está resuelto"
    assert localise("plain", "es") == "plain"


def test_using_restores_the_language() -> None:
    use("en")
    with using("es"):
        assert current_lang() == "es"
    assert current_lang() == "en"


def test_joined_text_localises_every_piece(monkeypatch) -> None:
    asylum = LocalText.of({"en": "Asylum", "es": "Asilo"})
    joined = "Issue: " + asylum + "."
    assert joined == "Issue: Asylum." and isinstance(joined, LocalText)
    assert localise(joined, "es") == "Issue: Asilo."
    assert pickle.loads(pickle.dumps(joined)).in_lang("es") == "Issue: Asilo."
