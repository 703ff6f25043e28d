"""A source's title that describes it ("Public record (…)") is text for readers: the
bundled scenarios give it in Spanish, a published headline stays as published (and is
not missing in Spanish), and saves do not notice either."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine.api import new_game
from game.i18n import LocalText, localise, using
from game.rules.ruleset import load_ruleset
from game.saves import capture, restore
from game.scenario.coverage import coverage
from game.scenario.models import Scenario, Source
from game.scenario.play_digest import play_digest
from game.tui.text import source_line
from tests.conftest import FIXTURES

BUNDLED = ["roosevelt-room-2019", "caravan-2018", "review-2019"]
MINI = (FIXTURES / "mini.yaml").read_text(encoding="utf-8")
TITLE = "title: Sustaining Progress with Mexico on Migration,"
HEADLINES = {
    "Sustaining Progress with Mexico on Migration",
    "Mexico's Response to the Central American Migrant Caravans",
}


def _load(tmp_path: Path, text: str):
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    return load_ruleset(path)


@pytest.mark.parametrize("scenario_id", BUNDLED)
def test_described_sources_have_spanish_titles_and_headlines_stay(scenario_id: str) -> None:
    sources = load_ruleset(scenario_id).scenario.sources
    for source in sources:
        assert isinstance(source.title, LocalText)
        spanish = localise(source.title, "es")
        if str(source.title) in HEADLINES:
            assert spanish == str(source.title)  # as published
        else:
            assert set(source.title.versions) == {"en", "es"}, source.id
            assert spanish != str(source.title)
    record = next(s for s in sources if s.id == "public-record")
    assert str(record.title).startswith("Public record (")
    assert localise(record.title, "es").startswith("Dominio público (")


@pytest.mark.parametrize("scenario_id", BUNDLED)
def test_a_headline_in_one_language_is_not_missing_in_spanish(scenario_id: str) -> None:
    scenario = load_ruleset(scenario_id).scenario
    assert {str(s.title) for s in scenario.sources} & HEADLINES
    spanish = next(c for c in coverage(scenario) if c.lang == "es")
    assert spanish.missing == [] and spanish.percent == 100


def test_the_source_line_gives_the_title_in_the_readers_language() -> None:
    scenario = load_ruleset("roosevelt-room-2019").scenario
    with using("es"):
        line = source_line(scenario, "public-record")
    assert line.startswith("“Dominio público (") and "Public record" not in line
    with using("en"):
        assert source_line(scenario, "public-record").startswith("“Public record (")


def test_translating_a_title_keeps_the_saves(tmp_path: Path) -> None:
    assert TITLE in MINI
    original = _load(tmp_path, MINI)
    save = capture(new_game(original, 3), {"us": "human", "mexico": "human"})
    both = "title: {en: Sustaining Progress with Mexico on Migration, es: Un progreso},"
    translated = _load(tmp_path, MINI.replace(TITLE, both))
    assert localise(translated.scenario.sources[0].title, "es") == "Un progreso"
    assert translated.file.play_digest == original.file.play_digest
    restore(save, translated)


def _as_before(scenario: Scenario) -> Scenario:
    """The scenario as the models read it when `title` and `outlet` were plain `str`."""
    plain = {"title": str.__str__, "outlet": str.__str__}
    sources = [
        Source.model_construct(**{**dict(s), **{k: f(getattr(s, k)) for k, f in plain.items()}})
        for s in scenario.sources
    ]
    return scenario.model_copy(update={"sources": sources})


@pytest.mark.parametrize("scenario_id", BUNDLED)
def test_saves_made_before_titles_were_translatable_still_match(scenario_id: str) -> None:
    scenario = load_ruleset(scenario_id).scenario
    assert play_digest(scenario) == play_digest(_as_before(scenario))
