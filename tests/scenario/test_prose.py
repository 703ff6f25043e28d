"""Bilingual scenario text: a plain string in the file's language, or `{en: ..., es: ...}`."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.i18n import LocalText, localise
from game.rules.ruleset import load_ruleset
from game.scenario.diagnostics import ScenarioError
from game.scenario.models import Scenario
from game.scenario.yaml_source import load_yaml
from tests.conftest import FIXTURES

MINI = (FIXTURES / "mini.yaml").read_text()


def load(tmp_path, text: str):
    path = tmp_path / "s.yaml"
    path.write_text(text)
    return load_ruleset(path).scenario


def errors(tmp_path, text: str):
    with pytest.raises(ScenarioError) as caught:
        load(tmp_path, text)
    return caught.value.diagnostics


def test_plain_strings_are_english_text_with_one_version(tmp_path):
    scenario = load(tmp_path, MINI)
    assert scenario.title == "Mini talks"
    assert isinstance(scenario.title, LocalText)
    assert scenario.title.versions == {"en": "Mini talks"}
    # A reader of Spanish gets the English when there is nothing else.
    assert localise(scenario.title, "es") == "Mini talks"


def test_a_mapping_gives_each_reader_their_version_and_english_is_primary(tmp_path):
    text = MINI.replace(
        "title: Mini talks", "title:\n  es: Pláticas mini\n  en: Mini talks"
    ).replace(
        "      - {id: none, label: No review}",
        "      - {id: none, label: {en: No review, es: Sin revisión}}",
    )
    scenario = load(tmp_path, text)
    assert str.__str__(scenario.title) == "Mini talks"
    assert localise(scenario.title, "es") == "Pláticas mini"
    option = scenario.option("review", "none")
    assert option is not None and localise(option.label, "es") == "Sin revisión"
    assert option.label == "No review"


def test_news_may_be_a_headline_per_language_or_a_news_item(tmp_path):
    text = MINI.replace(
        "      - news: The White House calls the offer marginal",
        "      - news: {en: The White House calls the offer marginal, es: 'Es poco, dice la"
        " Casa Blanca'}",
    )
    news = load(tmp_path, text).rules[0].then[2].news
    assert news == "The White House calls the offer marginal"
    assert localise(news, "es") == "Es poco, dice la Casa Blanca"


def test_a_comma_cutting_a_version_asks_for_quotes(tmp_path):
    text = MINI.replace("title: Mini talks", "title: {en: Mini talks, es: Pláticas, mini}")
    [d] = errors(tmp_path, text)
    assert d.code == "BRK012"
    assert d.line == 3


def test_a_spanish_only_file_is_primary_in_spanish(tmp_path):
    text = "language: es\n" + MINI.replace("title: Mini talks", "title: Pláticas mini")
    scenario = load(tmp_path, text)
    assert scenario.language == "es"
    assert scenario.title == "Pláticas mini"
    assert scenario.title.versions == {"es": "Pláticas mini"}
    # Other texts of the file count as Spanish too, whatever words they use.
    assert scenario.roles["us"].briefing.versions == {"es": "Get enforcement."}


def test_an_unknown_language_key_is_pointed_at_with_a_hint(tmp_path):
    text = MINI.replace("title: Mini talks", "title:\n  en: Mini talks\n  fr: Petites")
    [d] = errors(tmp_path, text)
    assert d.code == "BRK104"
    assert "`fr` is not a language" in d.message
    assert (d.line, d.column) == (text.splitlines().index("  fr: Petites") + 1, 3)
    assert d.hint is not None and "en:" in d.hint and "es:" in d.hint


def test_an_empty_version_is_an_error_at_it(tmp_path):
    text = MINI.replace("title: Mini talks", "title:\n  en: Mini talks\n  es: ''")
    [d] = errors(tmp_path, text)
    assert "`es` version must be non-empty" in d.message
    assert d.line == text.splitlines().index("  es: ''") + 1


def test_a_short_label_is_checked_in_every_language():
    data = {
        "id": "c",
        "label": "Closure",
        "short": {"en": "closure", "es": "cierre de la frontera"},
        "steps": [{"date": "2019-06-01"}],
        "source": "designer",
    }
    from pydantic import ValidationError

    from game.scenario.models import Deadline

    with pytest.raises(ValidationError, match="at most 12"):
        Deadline.model_validate(data)


def test_dumps_round_trip_versions_and_keep_english_only_text_plain(tmp_path):
    text = MINI.replace("title: Mini talks", "title: {en: Mini talks, es: Pláticas mini}")
    scenario = load(tmp_path, text)
    data = scenario.model_dump(mode="json")
    assert data["title"] == {"en": "Mini talks", "es": "Pláticas mini"}
    assert data["summary"] == "A tiny scenario used by the engine tests."
    again = Scenario.model_validate(data)
    assert localise(again.title, "es") == "Pláticas mini"


def test_the_schema_offers_both_forms():
    schema = Scenario.model_json_schema()
    title = schema["properties"]["title"]
    assert title["anyOf"][0]["type"] == "string"
    assert "language" in title["anyOf"][0]["description"]
    assert title["anyOf"][1] == {"$ref": "#/$defs/Translations"}
    assert set(schema["$defs"]["Translations"]["properties"]) == {"en", "es"}
    assert schema["properties"]["language"]["enum"] == ["en", "es"]


# --------------------------------------------------------------------------- properties

# Prose fields of mini.yaml, by path in its data.
PROSE_PATHS = [
    ("title",),
    ("period",),
    ("summary",),
    ("roles", "us", "briefing"),
    ("roles", "mexico", "name"),
    ("roles", "us", "objectives", 0, "text"),
    ("issues", 0, "label"),
    ("issues", 1, "options", 0, "label"),
    ("meters", "apprehensions", "unit"),
    ("phases", 2, "label"),
    ("endings", 0, "summary"),
    ("rules", 0, "then", 2, "news"),
    ("events", 0, "then", 0, "news", "headline"),
]
FORMS = st.sampled_from(["plain", "en", "es", "both"])
WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzáéíóúñ ", min_size=1, max_size=20).map(
    lambda s: "t" + s.strip()
)


def _set(data, path, value):
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def _get(data, path):
    for part in path:
        data = data[part]
    return data


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    language=st.sampled_from([None, "en", "es"]),
    choices=st.lists(
        st.tuples(FORMS, WORDS, WORDS), min_size=len(PROSE_PATHS), max_size=len(PROSE_PATHS)
    ),
)
def test_any_mix_of_plain_and_mapped_texts_localises_right(tmp_path, language, choices):
    data, _ = load_yaml(MINI, "mini.yaml")  # the game's reading: `on:` stays a key
    if language:
        data["language"] = language
    plain_lang = language or "en"
    expected = {}
    for path, (form, en, es) in zip(PROSE_PATHS, choices, strict=True):
        if form == "plain":
            _set(data, path, en)
            versions = {plain_lang: en}
        elif form == "en":
            versions = {"en": en}
        elif form == "es":
            versions = {"es": es}
        else:
            versions = {"en": en, "es": es}
        if form != "plain":
            _set(data, path, dict(versions))
        expected[path] = versions
    scenario = load(tmp_path, yaml.safe_dump(data, allow_unicode=True))
    dumped = scenario.model_dump()
    for path, versions in expected.items():
        text = _attr(scenario, path)
        primary = versions.get("en") or next(iter(versions.values()))
        assert text == primary
        for lang in ("en", "es"):
            assert localise(text, lang) == versions.get(lang, primary)
        assert _get(dumped, path) is not None


def _attr(node, path):
    for part in path:
        node = node[part] if isinstance(node, dict | list) else getattr(node, part)
    return node


@pytest.mark.parametrize("name", ["mini.yaml", "border-closure.yaml"])
def test_english_only_files_read_exactly_as_written(name):
    from game.scenario.coverage import texts

    raw, _ = load_yaml((FIXTURES / name).read_text(), name)
    scenario = load_ruleset(FIXTURES / name).scenario
    found = list(texts(scenario))
    assert found
    for text in found:
        assert text.text == _get(raw, text.path)
        assert dict(text.text.versions) == {"en": _get(raw, text.path)}
