"""Fact regressions: the bundled scenarios quote only registered figures, cite them to a
source that reports them, date their events as the record does, and name weekdays right.

What this can check honestly is the checkable part of a fact-check: figures (numbers
such as "144,000" or "25%"), dates, weekdays, tariff steps and citations. It cannot tell
whether a sentence without a number says what its source says; the register
(`facts.yaml`) and the human fact-check are for that. When `../shared/` (the digest and
the five articles) is beside the project, the register itself is checked against them.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from game.scenario.registry import bundled_scenarios
from tests.scenarios.fact_texts import designer_marked, figures, prose, sentences

ROOT = Path(__file__).resolve().parents[2]
REGISTER = Path(__file__).with_name("facts.yaml")
SHARED = Path(os.environ.get("BRINK_SOURCES", ROOT.parent / "shared"))
PUBLIC_RECORD = "public-record"
DESIGNER = "designer"
BUNDLED = sorted(bundled_scenarios())
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = [dt.date(2019, m, 1).strftime("%B") for m in range(1, 13)]
_WEEKDAY, _MONTH = "|".join(WEEKDAYS), "|".join(MONTHS)
# "Monday 10 June", "Monday, 10 June", "Monday, June 10"
WEEKDAY_DATE = re.compile(rf"\b({_WEEKDAY}),? (?:(\d{{1,2}}) ({_MONTH})|({_MONTH}) (\d{{1,2}}))\b")


@cache
def register() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(REGISTER.read_text(encoding="utf-8"))
    return data


@cache
def scenario_data(scenario_id: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(bundled_scenarios()[scenario_id].read_text("utf-8"))
    return data


def declared(scenario_id: str) -> set[str]:
    return {source["id"] for source in scenario_data(scenario_id)["sources"]}


def cited(node: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "source" and isinstance(value, str):
                found.add(value)
            elif key != "transitions":
                found |= cited(value)
    elif isinstance(node, list):
        for item in node:
            found |= cited(item)
    return found


# ------------------------------------------------------------------ citations


@pytest.mark.parametrize("scenario_id", BUNDLED)
def test_every_source_cited_is_declared_and_every_article_is_a_known_seed(scenario_id):
    data = scenario_data(scenario_id)
    articles = register()["articles"]
    assert cited(data) - declared(scenario_id) - {DESIGNER} == set()
    for source in data["sources"]:
        if source["id"] == PUBLIC_RECORD:
            assert "file" not in source, "the public record is not an article"
            continue
        assert source["id"] in articles, f"{source['id']}: not an article of the register"
        assert source.get("file") == articles[source["id"]], source["id"]


@pytest.mark.parametrize("scenario_id", BUNDLED)
def test_public_record_says_what_it_covers(scenario_id):
    """A scenario citing the public record names what in it: the Declaration, the schedule..."""
    if PUBLIC_RECORD not in cited(scenario_data(scenario_id)):
        pytest.skip("does not cite the public record")
    source = next(s for s in scenario_data(scenario_id)["sources"] if s["id"] == PUBLIC_RECORD)
    assert len(source.get("note", "").split()) >= 10, "say which public facts it stands for"


def test_an_article_is_described_alike_in_every_scenario():
    seen: dict[str, tuple[str, str, str]] = {}
    for scenario_id in BUNDLED:
        for source in scenario_data(scenario_id)["sources"]:
            facts = (source.get("file", ""), str(source.get("date", "")), source.get("author", ""))
            assert seen.setdefault(source["id"], facts) == facts, (scenario_id, source["id"])


@pytest.mark.parametrize("scenario_id", BUNDLED)
def test_sourced_effects_on_designer_indices_say_the_size_is_the_designers(scenario_id):
    """An article can back a rule's direction; a change to an invented index cannot be
    sized by it, so the rule has to say whose size it is."""
    assert unmarked_designer_sizes(scenario_data(scenario_id)) == []


def unmarked_designer_sizes(data: dict[str, Any]) -> list[str]:
    invented = {name for name, meter in data["meters"].items() if meter["source"] == DESIGNER}
    unmarked = []
    for section in ("rules", "events", "injects", "actions"):
        for entry in data.get(section, []):
            if entry["source"] == DESIGNER:
                continue
            changed = {
                m for e in entry.get("then", []) for m in {**e.get("add", {}), **e.get("set", {})}
            }
            said = f"{entry.get('note', '')} {entry.get('description', '')}".lower()
            if changed & invented and DESIGNER not in said:
                unmarked.append(f"{section}: {entry['id']}")
    return unmarked


def test_an_unmarked_size_is_caught():
    data = {
        "meters": {
            "anger": {"source": DESIGNER},
            "visas": {"source": "radnofsky-montes-2019-05-31"},
        },
        "rules": [
            {"id": "a", "then": [{"add": {"anger": 5}}], "source": "wayne-2019-07"},
            {
                "id": "b",
                "then": [{"add": {"anger": 5}}],
                "source": "wayne-2019-07",
                "note": "The size is the designer's.",
            },
            {"id": "c", "then": [{"set": {"visas": 881}}], "source": "radnofsky-montes-2019-05-31"},
        ],
    }
    assert unmarked_designer_sizes(data) == ["rules: a"]


# ------------------------------------------------------------------ figures


def misquoted(data: dict[str, Any]) -> list[str]:
    """Figures in a scenario's prose that the register does not give to the cited source."""
    reported: dict[str, list[str]] = register()["figures"]
    declared = {source["id"] for source in data["sources"]}
    problems = []
    for text in prose(data):
        if text.source == DESIGNER:
            continue
        allowed = declared if text.source is None else {text.source}
        for sentence in sentences(text.text):
            if designer_marked(sentence):
                continue
            for figure in figures(sentence):
                if not allowed & set(reported.get(figure, [])):
                    where = ".".join(str(p) for p in text.path)
                    cites = text.source or "any source the scenario declares"
                    problems.append(f"{where}: {figure} is not reported by {cites}")
    return problems


@pytest.mark.parametrize("scenario_id", BUNDLED)
def test_every_figure_quoted_is_reported_by_the_source_cited(scenario_id):
    assert misquoted(scenario_data(scenario_id)) == []


def test_a_misattributed_figure_is_caught():
    """The class of defect this file exists for: a number cited to an article without it."""
    options = [
        ("More enforcement (~2,000)", "white-house-talks-2019-06-05"),
        ("About 6,000 Guard", "wayne-2019-07"),
        ("About 6,500 Guard", "wayne-2019-07"),
        ("Enforcement; a level of 2,000 is the designer's", "wayne-2019-07"),
        ("Some 3,000 more", DESIGNER),
    ]
    data = {
        "sources": [{"id": "wayne-2019-07"}, {"id": "white-house-talks-2019-06-05"}],
        "roles": {"us": {"briefing": "May brought 144,000; the cap is 25%; 7,000 walked."}},
        "issues": [{"options": [{"label": label, "source": src} for label, src in options]}],
    }
    assert misquoted(data) == [
        "roles.us.briefing: 25% is not reported by any source the scenario declares",
        "roles.us.briefing: 7,000 is not reported by any source the scenario declares",
        "issues.0.options.0.label: 2,000 is not reported by white-house-talks-2019-06-05",
        "issues.0.options.1.label: 6,000 is not reported by wayne-2019-07",
    ]


def test_figures_are_read_as_a_reader_would():
    assert figures("5% from 10 June, up to 25% by 2019") == ["5%", "25%"]
    assert figures("144,000 in May; over 30 percent; 881 visas; 6 children; 20,000+") == [
        "144,000",
        "30%",
        "881",
        "20,000",
    ]
    assert figures("a 13-year high in 2019, 45 and 90 days") == []


# ------------------------------------------------------------------ dates


@pytest.mark.parametrize("scenario_id", BUNDLED)
def test_dated_events_fall_on_the_registered_dates(scenario_id):
    dated = register()["dated_events"]
    for event in scenario_data(scenario_id).get("events", []):
        if "at" not in event or event.get("source") == DESIGNER:
            continue
        key = f"{scenario_id}/{event['id']}"
        assert key in dated, f"{key}: a dated event missing from the register"
        allowed = [dated[key]["date"], *dated[key].get("also", [])]
        assert event["at"] in allowed, f"{key}: {event['at']} (the record: {allowed})"


def test_registered_weekdays_match_their_dates():
    for key, entry in register()["dated_events"].items():
        if "weekday" in entry:
            assert WEEKDAYS[entry["date"].weekday()] == entry["weekday"], key


@pytest.mark.parametrize("scenario_id", BUNDLED)
def test_tariff_ladder_follows_the_announced_schedule(scenario_id):
    ladder = scenario_data(scenario_id).get("tariff_ladder")
    if ladder is None:
        pytest.skip("no tariff in this scenario")
    steps = [(step["date"], step["rate"]) for step in ladder["steps"]]
    schedule = [(step["date"], step["rate"]) for step in register()["tariff_schedule"]]
    assert steps == schedule[: len(steps)]


def weekday_mismatches(text: str, years: list[int]) -> list[str]:
    """'Monday 10 June' where 10 June of the period's year is not a Monday."""
    wrong = []
    for match in WEEKDAY_DATE.finditer(text):
        weekday = match.group(1)
        day, month = match.group(2) or match.group(5), match.group(3) or match.group(4)
        dates = [dt.date(year, MONTHS.index(month) + 1, int(day)) for year in years]
        if all(WEEKDAYS[d.weekday()] != weekday for d in dates):
            wrong.append(match.group(0))
    return wrong


@pytest.mark.parametrize("scenario_id", BUNDLED)
def test_weekdays_named_in_scenario_texts_are_right(scenario_id):
    data = scenario_data(scenario_id)
    years = sorted({data["start_date"].year, data["end_date"].year})
    for text in prose(data):
        assert weekday_mismatches(text.text, years) == [], ".".join(map(str, text.path))


def test_weekdays_named_in_the_readme_are_right():
    assert weekday_mismatches((ROOT / "README.md").read_text(encoding="utf-8"), [2019]) == []
    assert weekday_mismatches("the deadline of Tuesday, June 10", [2019]) == ["Tuesday, June 10"]


# ------------------------------------------------------------------ register vs sources

needs_sources = pytest.mark.skipif(
    not (SHARED / "FACTS.md").is_file(),
    reason="the fact digest and articles (../shared/) are not beside the project",
)


def article_text(source_id: str) -> str:
    name = register()["articles"][source_id]
    return " ".join((SHARED / "seeds" / name).read_text(encoding="utf-8").split())


def public_record_text() -> str:
    """The digest's outside facts: section 7 and every line marked as public record."""
    digest = (SHARED / "FACTS.md").read_text(encoding="utf-8")
    outside = digest.split("## 7.", 1)[1].split("\n## ", 1)[0] if "## 7." in digest else ""
    marked = [line for line in digest.splitlines() if "public record" in line.lower()]
    return " ".join([outside, *marked])


def spellings(figure: str) -> list[str]:
    if figure.endswith("%"):
        number = figure[:-1]
        return [f"{number}%", f"{number} percent"]
    return [figure]


@needs_sources
def test_register_figures_are_in_the_articles_that_they_are_given_to():
    for figure, sources in register()["figures"].items():
        for source in sources:
            text = public_record_text() if source == PUBLIC_RECORD else article_text(source)
            assert any(s in text for s in spellings(figure)), f"{figure} not in {source}"


@needs_sources
def test_register_weekdays_are_the_ones_the_articles_give():
    for key, entry in register()["dated_events"].items():
        if "article" in entry:
            assert entry["weekday"] in article_text(entry["article"]), key


@needs_sources
def test_register_names_the_articles_the_digest_lists():
    digest = (SHARED / "FACTS.md").read_text(encoding="utf-8")
    for name in register()["articles"].values():
        assert (SHARED / "seeds" / name).is_file() and name in digest, name
