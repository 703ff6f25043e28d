"""A source's outlet ("News dispatch", "Essay") is text for readers: it may be written per
language, the bundled scenarios give it in Spanish, and saves do not notice."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine.api import new_game
from game.i18n import LocalText, localise
from game.rules.ruleset import load_ruleset
from game.saves import capture, restore
from game.scenario.models import Scenario, Source
from game.scenario.play_digest import play_digest
from tests.conftest import FIXTURES

BUNDLED = ["roosevelt-room-2019", "caravan-2018", "review-2019"]
MINI = (FIXTURES / "mini.yaml").read_text(encoding="utf-8")
OUTLET = "outlet: Mexico Institute}"


def _load(tmp_path: Path, text: str):
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    return load_ruleset(path)


@pytest.mark.parametrize("scenario_id", BUNDLED)
def test_every_bundled_outlet_has_its_own_spanish(scenario_id: str) -> None:
    sources = [s for s in load_ruleset(scenario_id).scenario.sources if s.outlet]
    assert sources
    for source in sources:
        assert isinstance(source.outlet, LocalText)
        assert set(source.outlet.versions) == {"en", "es"}, source.id
    spanish = {localise(s.outlet, "es") for s in sources}
    assert not spanish & {"News dispatch", "Essay", "News report", "Public record"}


def test_an_outlet_takes_either_form(tmp_path: Path) -> None:
    assert OUTLET in MINI
    plain = _load(tmp_path, MINI).scenario.sources[0].outlet
    assert localise(plain, "es") == "Mexico Institute"  # one language: the same for all
    both = MINI.replace(OUTLET, "outlet: {en: Essay, es: Ensayo}}")
    outlet = _load(tmp_path, both).scenario.sources[0].outlet
    assert (str(outlet), localise(outlet, "es")) == ("Essay", "Ensayo")


def test_translating_an_outlet_keeps_the_saves(tmp_path: Path) -> None:
    original = _load(tmp_path, MINI)
    save = capture(new_game(original, 3), {"us": "human", "mexico": "human"})
    translated = _load(
        tmp_path, MINI.replace(OUTLET, "outlet: {en: Mexico Institute, es: Instituto México}}")
    )
    assert translated.file.play_digest == original.file.play_digest
    restore(save, translated)


def _as_before(scenario: Scenario) -> Scenario:
    """The scenario as the models read it when `outlet` was a plain `str` field."""
    sources = [
        Source.model_construct(**{**dict(s), "outlet": str.__str__(s.outlet)})
        for s in scenario.sources
    ]
    return scenario.model_copy(update={"sources": sources})


@pytest.mark.parametrize("scenario_id", BUNDLED)
def test_saves_made_before_outlets_were_translatable_still_match(scenario_id: str) -> None:
    """The play digest hashes an outlet's English as it hashed the plain string before,
    so every save recorded since play digests exist keeps matching its scenario."""
    scenario = load_ruleset(scenario_id).scenario
    assert play_digest(scenario) == play_digest(_as_before(scenario))
