"""Flags in words: the transcript prints a flag's label (or its name in words), never the
name expressions use, in the reader's language."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine.api import apply, new_game
from game.engine.moves import Move
from game.i18n import localise
from game.rules.ruleset import load_ruleset
from game.scenario.coverage import texts
from game.scenario.registry import bundled_scenarios
from tests.conftest import FIXTURES

MINI = (FIXTURES / "mini.yaml").read_text(encoding="utf-8")


def test_a_flag_without_a_label_is_its_name_in_words(mini):
    assert mini.scenario.flag_label("warned") == "Warned"
    assert mini.scenario.flags["warned"].start is False


def test_a_labelled_flag_is_printed_by_its_label_in_each_language(tmp_path: Path):
    path = tmp_path / "mini.yaml"
    path.write_text(
        MINI.replace(
            "  warned: false\n",
            "  warned:\n    start: false\n    label:\n"
            "      en: The US has warned Mexico\n      es: EE. UU. ya advirtió a México\n",
        ),
        encoding="utf-8",
    )
    ruleset = load_ruleset(path)
    label = ruleset.scenario.flag_label("warned")
    assert localise(label, "es") == "EE. UU. ya advirtió a México"
    assert ("flags", "warned", "label") in {t.path for t in texts(ruleset.scenario)}


@pytest.mark.parametrize("scenario_id", sorted(bundled_scenarios()))
def test_every_bundled_flag_has_a_label_in_both_languages(scenario_id):
    ruleset = load_ruleset(scenario_id)
    for name, flag in ruleset.scenario.flags.items():
        assert set(flag.label.versions) == {"en", "es"}, name


def test_the_engine_line_reads_label_colon_yes(flagship):
    """tariff_ever_imposed, set when the tariff bites: «Ya se impuso un arancel: sí»."""
    state = new_game(flagship, 1)
    apply(state, Move("mexico", "walk_out"))  # the clock runs on and the tariff bites
    flags = [e for e in state.log if e.kind == "flag"]
    line = next(e.text for e in flags if e.data["flag"] == "tariff_ever_imposed")
    assert line == "A tariff has been imposed: yes"
    assert localise(line, "es") == "Ya se impuso un arancel: sí"
