"""The title screen's quick read of each scenario's title and period."""

from pathlib import Path

from game.i18n import localise
from game.scenario.registry import bundled_scenarios
from game.tui.catalogue import scenario_headers


def test_a_title_written_per_language_reads_as_english_with_its_spanish(tmp_path: Path) -> None:
    path = tmp_path / "both.yaml"
    path.write_text(
        "format: 1\nid: both\ntitle:\n  en: Roosevelt Room, June 2019\n"
        "  es: Sala Roosevelt, junio de 2019\nperiod:\n  en: '30 May 2019'\n"
        '  es: "30 de mayo de 2019"\nsummary: x\n',
        encoding="utf-8",
    )
    [header] = scenario_headers({"both": path})
    assert header.title == "Roosevelt Room, June 2019"
    assert localise(header.title, "es") == "Sala Roosevelt, junio de 2019"
    assert header.period == "30 May 2019"
    assert localise(header.period, "es") == "30 de mayo de 2019"


def test_a_plain_title_is_read_as_before(tmp_path: Path) -> None:
    path = tmp_path / "plain.yaml"
    path.write_text("format: 1\nid: plain\ntitle: 'The caravan'\nperiod: Oct 2018\n", "utf-8")
    [header] = scenario_headers({"plain": path})
    assert (header.title, header.period) == ("The caravan", "Oct 2018")


def test_every_bundled_scenario_shows_its_title_not_its_id() -> None:
    for header in scenario_headers(bundled_scenarios()):
        assert header.title != header.id and header.period


def test_a_title_written_as_a_flow_mapping(tmp_path):
    """`title: {en: …, es: …}` on one line, as a YAML dumper writes a translated title."""
    from game.i18n import localise
    from game.tui.catalogue import scenario_headers

    path = tmp_path / "flow.yaml"
    path.write_text(
        'id: flow\ntitle: {"en": "The caravan", "es": "La caravana"}\nperiod: October 2018\n',
        encoding="utf-8",
    )
    (header,) = scenario_headers({"flow": path})
    assert header.title == "The caravan" and localise(header.title, "es") == "La caravana"
    assert header.period == "October 2018"
