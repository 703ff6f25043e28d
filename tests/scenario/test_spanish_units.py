"""Units are read after a number: «60 puntos», never «60 índice» (a designer's index is
scored in points in Spanish), in the bundled scenarios and the engine's meter line."""

from __future__ import annotations

import pytest

from game.engine.moves import Move
from game.i18n import localise
from game.play.session import Session
from game.rules.ruleset import load_ruleset

BUNDLED = ["roosevelt-room-2019", "caravan-2018", "review-2019"]
# Spanish units that read naturally after a number, as the bundled scenarios use them.
READS_AFTER_A_NUMBER = {"puntos", "personas", "solicitudes", "efectivos", "al mes", "%"}


@pytest.mark.parametrize("scenario_id", BUNDLED)
def test_every_spanish_unit_reads_after_a_number(scenario_id: str) -> None:
    scenario = load_ruleset(scenario_id).scenario
    units = [m.unit for m in scenario.meters.values() if m.unit]
    units += [d.unit for d in scenario.deadlines if d.unit]
    assert units
    for unit in units:
        spanish = localise(unit, "es")
        assert spanish in READS_AFTER_A_NUMBER, (unit, spanish)
        if str(unit) == "index":
            assert spanish == "puntos"


def test_the_spanish_meter_line_counts_points() -> None:
    session = Session.start("roosevelt-room-2019", "us", "ai-normal", 3)
    session.play(Move("us", "reject"))
    lines = [localise(e.text, "es") for e in session.state.log if "→" in getattr(e, "text", "")]
    patience = [line for line in lines if line.startswith("Paciencia del presidente:")]
    assert patience and all(line.endswith(" puntos") for line in patience), lines
    assert not any("índice" in line for line in lines)
