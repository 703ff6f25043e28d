"""The debrief and the class comparison read in Spanish: flags by their labels, dates as a
Mexican reader writes them, causes in words; the English report keeps its ISO dates."""

from __future__ import annotations

import re

import pytest

from game.engine.api import apply, new_game
from game.engine.moves import Move
from game.i18n import using
from game.report.compare import Team, compare_html, compare_markdown
from game.report.debrief import build_debrief
from game.report.render import to_html, to_markdown
from game.rules.ruleset import load_ruleset
from game.saves import capture, read_save
from tests.conftest import FIXTURES, ROOT

REVIEW = FIXTURES / "saves-before-translation" / "review-2019.brink.json"
CARAVAN = FIXTURES / "saves-before-translation" / "caravan-2018.brink.json"
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
# Source ids may hold a date (`white-house-talks-2019-06-05`); they stay as written.
SOURCE_ID = re.compile(r"\(fuente: [a-z0-9-]+\)")


def _report(save, fmt: str, lang: str) -> str:
    with using(lang):
        debrief = build_debrief(read_save(save))
        return to_html(debrief) if fmt == "html" else to_markdown(debrief)


def _visible(page: str) -> str:
    """The words of an HTML page (tags and attributes left out)."""
    return re.sub(r"<[^>]*>", " ", page)


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_flag_reads_as_its_label_in_spanish(fmt):
    text = _report(REVIEW, fmt, "es")
    assert "Ya pasó el primer mes del acuerdo: sí" in text
    assert "Toca dialogar en la revisión de los 90 días: no" in text
    for raw in ("first_month_done", "talks_due", "overdelivered", "ahora es"):
        assert raw not in text


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_flag_reads_as_its_label_in_english(fmt):
    text = _report(REVIEW, fmt, "en")
    assert "First month of the deal over: yes" in text
    assert "is now yes" not in text and "first_month_done" not in text


@pytest.mark.parametrize("save", [REVIEW, CARAVAN, ROOT / "saves" / "historical-2019.brink.json"])
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_no_iso_date_is_left_in_a_spanish_report(save, fmt):
    text = _report(save, fmt, "es")
    shown = _visible(text) if fmt == "html" else text
    assert ISO_DATE.findall(SOURCE_ID.sub("", shown)) == []


def test_the_course_table_dates_are_spanish_and_english_stays_iso():
    spanish = _report(REVIEW, "md", "es")
    assert "| 8 de junio de 2019 | 0 | 144,000 |" in spanish
    english = _report(REVIEW, "md", "en")
    assert "| 2019-06-08 | 0 | 144,000 |" in english


def test_the_chart_axes_carry_spanish_dates():
    page = _report(REVIEW, "html", "es")
    assert 'class="tick">8 de junio de 2019</text>' in page
    assert 'class="tick">2019-06-08</text>' in _report(REVIEW, "html", "en")


def test_causes_are_words_in_spanish_and_unchanged_in_english():
    spanish = _report(CARAVAN, "md", "es")
    assert "*(jugada: proponer)*" in spanish and "jugada propose" not in spanish
    assert "*(move propose)*" in _report(CARAVAN, "md", "en")


def test_a_title_ending_in_an_abbreviation_gets_no_second_full_stop():
    spanish = _report(CARAVAN, "md", "es")
    assert "**Desenlace: La caravana llega a la frontera de EE. UU.**" in spanish
    assert "UU.." not in spanish
    assert "**Ending: The caravan reaches the US border.**" in _report(CARAVAN, "md", "en")


def test_no_empty_citation_when_there_is_no_2019_deal():
    assert "◆ difiere de 2019.\n" in _report(CARAVAN, "md", "es")
    assert "terms: ." not in _report(CARAVAN, "md", "en")


@pytest.fixture(scope="module")
def closure_teams() -> list[Team]:
    """Two teams of the tariff-free fixture: one lets the closure happen, one settles."""
    ruleset = load_ruleset(FIXTURES / "border-closure.yaml")
    players = {"us": "human", "mexico": "human"}
    teams = []
    for name, moves in (
        ("walked", [Move("mexico", "walk_out")]),
        ("settled", [Move.propose("mexico", {"checks": "some"}), Move("us", "accept")]),
    ):
        state = new_game(ruleset, 1)
        for move in moves:
            apply(state, move)
        teams.append(Team(name, build_debrief(capture(state, players), ruleset)))
    return teams


def test_the_class_comparison_dates_a_threat_in_spanish(closure_teams):
    assert closure_teams[0].debrief.imposed("closure")  # the fixture did what we meant
    with using("es"):
        text = compare_markdown(closure_teams)
        page = compare_html(closure_teams)
    assert "| walked | " in text and "desde el 5 de abril de 2019" in text
    assert "nunca" in text
    assert ISO_DATE.findall(text) == [] and ISO_DATE.findall(_visible(page)) == []
    with using("en"):
        assert "from 2019-04-05" in compare_markdown(closure_teams)
