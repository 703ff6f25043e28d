"""Errors that teach: each common authoring mistake is caught, positioned, and comes with
a hint that says how to fix it; every problem of a file is reported in one pass."""

from __future__ import annotations

import pytest

from game.rules.ruleset import load_ruleset
from game.scenario.diagnostics import Diagnostic, ScenarioError
from tests.scenario.test_error_docs import BASE, _top_level


def scenario_with(**sections: str) -> str:
    """The small valid scenario of docs/errors.md with some top-level sections replaced."""
    parts = _top_level(BASE)
    for text in sections.values():
        parts.update(_top_level(text))
    return "".join(parts.values())


def problems(tmp_path, text: str) -> list[Diagnostic]:
    path = tmp_path / "s.yaml"
    path.write_text(text)
    with pytest.raises(ScenarioError) as caught:
        load_ruleset(path)
    return caught.value.diagnostics


def loads(tmp_path, text: str) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(text)
    load_ruleset(path)


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


METER_BLOCK = """meters:
  apprehensions:
    label: Apprehensions
    min: 0
{max}
    start: 144000
    source: wayne-2019-07
"""


@pytest.mark.parametrize("max_line", ["     max: 300000", "   max: 300000"])
def test_wrong_indentation_names_indentation_and_the_expected_column(tmp_path, max_line):
    text = scenario_with(meters=METER_BLOCK.format(max=max_line))
    [d] = problems(tmp_path, text)
    assert d.code == "BRK010"
    assert d.line == line_of(text, "max: 300000")
    assert d.column == max_line.index("max") + 1
    assert "indentation" in d.message
    assert f"expected column 5 (as on line {line_of(text, 'min: 0')})" in d.message
    assert d.hint is not None and "column 5" in d.hint


def test_a_tab_in_the_indentation_is_named(tmp_path):
    text = scenario_with(meters=METER_BLOCK.format(max="\tmax: 300000"))
    [d] = problems(tmp_path, text)
    assert (d.code, d.line) == ("BRK010", line_of(text, "max: 300000"))
    assert "spaces" in (d.hint or "")


def test_a_syntax_error_inside_a_new_block_is_not_blamed_on_indentation(tmp_path):
    text = scenario_with(meters=METER_BLOCK.format(max="    max: [300000"))
    assert {d.code for d in problems(tmp_path, text)} == {"BRK003"}


OPTIONS = """issues:
  - id: guard
    label: Guard deployment
    source: wayne-2019-07
    options:
      - {{id: none, label: {none}}}
      - {{id: southern_6000, label: {big}, level: 6000}}
"""


@pytest.mark.parametrize("word", ["No", "yes", "off", "ON", "true"])
def test_yes_no_words_read_as_booleans_ask_for_quotes(tmp_path, word):
    text = scenario_with(issues=OPTIONS.format(none=word, big="Troops"))
    [d] = problems(tmp_path, text)
    assert d.code == "BRK011"
    assert (d.line, d.column) == (line_of(text, f"label: {word}}}"), line_of_col(text, word))
    assert f'label: "{word}"' in (d.hint or "")


def line_of_col(text: str, word: str) -> int:
    line = text.splitlines()[line_of(text, f"label: {word}}}") - 1]
    return line.index(f"label: {word}") + len("label: ") + 1


def test_quoted_yes_no_words_are_text_and_flags_take_yes_no(tmp_path):
    text = scenario_with(issues=OPTIONS.format(none='"No"', big="'off'"))
    loads(tmp_path, text.replace("meters:", "flags: {treaty: no}\nmeters:"))


def test_a_comma_cutting_unquoted_text_asks_to_quote_the_whole_text(tmp_path):
    text = scenario_with(issues=OPTIONS.format(none="Nothing", big="Troops, police and agents"))
    [d] = problems(tmp_path, text)
    assert d.code == "BRK012"
    assert d.line == line_of(text, "Troops, police")
    assert "comma" in d.message and "`police and agents`" in d.message
    assert d.hint == 'put the whole text in quotes: label: "Troops, police and agents"'


EVENTS = """events:
  - {{id: news-day, at: {date}, then: [{{news: Something happens}}], source: designer}}
"""


@pytest.mark.parametrize(
    "date, side", [("2019-08-01", "after the scenario ends"), ("2019-05-01", "before")]
)
def test_an_event_outside_the_period_is_an_error(tmp_path, date, side):
    text = scenario_with(events=EVENTS.format(date=date))
    [d] = problems(tmp_path, text)
    assert d.code == "BRK410"
    assert d.line == line_of(text, date)
    assert "event `news-day`" in d.message and side in d.message
    assert "2019-06-01 to 2019-07-15" in d.message


@pytest.mark.parametrize("date", ["2019-06-01", "2019-07-15"])
def test_dates_on_the_ends_of_the_period_are_fine(tmp_path, date):
    loads(tmp_path, scenario_with(events=EVENTS.format(date=date)))


def test_a_tariff_step_after_the_end_and_a_schedule_too_far_are_errors(tmp_path):
    ladder = (
        "tariff_ladder:\n  source: designer\n  steps:\n"
        "    - {date: 2019-06-10, rate: 5}\n    - {date: 2019-09-01, rate: 10}\n"
    )
    rules = (
        "rules:\n  - id: review\n    when: deal\n"
        "    then: [{schedule: {event: review, in_days: 90}}]\n    source: designer\n"
    )
    events = "events:\n  - {id: review, then: [{news: Review}], source: designer}\n"
    text = scenario_with(a=ladder, b=rules, c=events)
    found = {d.line: d for d in problems(tmp_path, text)}
    step = found[line_of(text, "2019-09-01")]
    assert step.code == "BRK410" and "tariff step 2" in step.message
    far = found[line_of(text, "in_days: 90")]
    assert far.code == "BRK410" and "44 days" in far.message


def ending(when: str) -> str:
    return (
        "endings:\n"
        f"  - {{id: fewer-crossings, title: Fewer, when: '{when}', summary: It worked., "
        "source: wayne-2019-07}\n"
        "  - {id: stalemate, title: Stalemate, default: true, summary: Nothing., "
        "source: designer}\n"
    )


@pytest.mark.parametrize(
    "when",
    [
        "apprehensions > 400000",
        "apprehensions < 0",
        "apprehensions > 300000",
        "deal and apprehensions / 2 > 200000",
        "not (apprehensions <= 300000)",
        "apprehensions + 1 < 1 and deal",
        "tariff_rate > 0",  # no tariff ladder: the rate stays 0
        "deal_guard_level > 6000",
        "day > 60",
    ],
)
def test_an_ending_that_cannot_hold_within_the_bounds_is_an_error(tmp_path, when):
    text = scenario_with(endings=ending(when))
    [d] = problems(tmp_path, text)
    assert d.code == "BRK411"
    assert d.severity == "error"
    assert d.line == line_of(text, "fewer-crossings")
    assert "ending `fewer-crossings` can never be reached" in d.message


@pytest.mark.parametrize(
    "when",
    [
        "apprehensions >= 300000",
        "apprehensions > 400000 or deal",
        "apprehensions * 2 > 500000",
        "apprehensions / 2 > 100000",
        'phase == "after" and apprehensions == 0',
        "day >= 44",
        "deal_guard_level >= 6000",
        "(deal ? apprehensions : 500000) > 400000",
    ],
)
def test_conditions_that_can_hold_are_accepted(tmp_path, when):
    loads(tmp_path, scenario_with(endings=ending(when)))


def test_an_objective_that_cannot_be_met_is_an_error(tmp_path):
    text = BASE.replace("when: tariff_rate == 0,", "when: apprehensions < -5,")
    [d] = problems(tmp_path, text)
    assert d.code == "BRK411"
    assert "objective `calm` of the Mexico delegation can never be met" in d.message
    assert "`apprehensions` [0, 300000]" in d.message


RULE = """rules:
  - id: guard-works
    on: month
    when: deal and guard_strength >= 6000 and morale > 3 and deal_gaurd_level > 1
    then: [{add: {aprehensions: -40000, morale: 1}}]
    source: wayne-2019-07
"""


def test_every_unknown_name_and_the_effects_of_the_same_rule_in_one_pass(tmp_path):
    text = scenario_with(rules=RULE)
    found = problems(tmp_path, text)
    when_line = line_of(text, "guard_strength")
    names = [(d.code, d.line, d.message.split("`")[1], d.hint) for d in found]
    declare = "declare it under `meters:` (a number) or `flags:` (true/false)"
    assert names[:3] == [
        ("BRK302", when_line, "guard_strength", declare + ", or check the spelling"),
        ("BRK302", when_line, "morale", declare + ", or check the spelling"),
        ("BRK302", when_line, "deal_gaurd_level", "did you mean `deal_guard_level`?"),
    ]
    effects = {(d.code, d.message): d.hint for d in found[3:]}
    assert effects == {
        ("BRK203", "unknown meter `aprehensions`"): "did you mean `apprehensions`?",
        ("BRK203", "unknown meter `morale`"): "declare it under `meters:`; expected one of: "
        "`apprehensions`",
    }
    columns = [d.column for d in found[:3]]
    line = text.splitlines()[when_line - 1]
    assert columns == [line.index(n) + 1 for n in ("guard_strength", "morale", "deal_gaurd")]


def test_a_key_at_the_column_of_a_lists_dashes_is_explained(tmp_path):
    issues = OPTIONS.format(none="Nothing", big="Troops").replace("    options:\n", "  options:\n")
    text = scenario_with(issues=issues)
    [d] = problems(tmp_path, text)
    assert (d.code, d.line, d.column) == ("BRK010", line_of(text, "  options:"), 3)
    assert "the column of the list's `-` items" in d.message
    assert "expected column 5" in d.message
    assert "start it with `- `" in (d.hint or "")


def test_a_yes_no_word_in_a_list_of_texts_names_the_item(tmp_path):
    text = BASE.replace(
        "    briefing: Win enforcement.\n",
        "    briefing: Win enforcement.\n    red_lines: [Off, No deal without enforcement]\n",
    )
    [d] = problems(tmp_path, text)
    assert d.code == "BRK011"
    assert d.message == "item 1 of `red_lines` must be text, but YAML read `Off` as a yes/no value"
    assert (d.hint or "").startswith('put it in quotes: "Off"')


def test_an_ending_an_end_effect_reaches_is_not_called_unreachable(tmp_path):
    rules = (
        "rules:\n  - id: give-up\n    when: moves > 6\n    then: [{end: fewer-crossings}]\n"
        "    source: designer\n"
    )
    loads(tmp_path, scenario_with(endings=ending("apprehensions > 400000"), rules=rules))


def test_a_colon_inside_unquoted_text_asks_for_quotes(tmp_path):
    text = BASE.replace("summary: The smallest valid scenario.", "summary: Talks: day one.")
    [d] = problems(tmp_path, text)
    assert (d.code, d.line) == ("BRK003", line_of(text, "summary:"))
    assert d.hint == 'put the whole text in quotes: summary: "Talks: day one."'


def test_a_date_in_words_gets_the_expected_form(tmp_path):
    [d] = problems(tmp_path, scenario_with(events=EVENTS.format(date="June 5 2019")))
    assert d.code == "BRK104" and d.hint == "write a date as year-month-day, e.g. 2019-06-05"


def test_a_misspelt_optional_field_does_not_hide_the_other_problems(tmp_path):
    text = scenario_with(rules=RULE).replace(
        "{id: talks, label: Talks, actor: mexico}",
        "{id: talks, label: Talks, actor: mexico, move_dayz: 2}",
    )
    found = [(d.code, d.line) for d in problems(tmp_path, text)]
    assert found[0] == ("BRK102", line_of(text, "move_dayz"))
    assert [c for c, _ in found[1:]] == ["BRK302", "BRK302", "BRK302", "BRK203", "BRK203"]


def test_a_misspelt_section_does_not_flood_the_report_with_unknown_names(tmp_path):
    text = scenario_with(rules=RULE).replace("\nmeters:\n", "\nmeterz:\n")
    assert [d.code for d in problems(tmp_path, text)] == ["BRK102"]


def rule_when(when: str) -> str:
    return (
        "rules:\n  - id: guard-works\n"
        f"    when: {when}\n"
        "    then: [{add: {apprehensions: -40000}}]\n    source: wayne-2019-07\n"
    )


@pytest.mark.parametrize(
    "when, code, hint",
    [
        ("apprehensions > 100,000", "BRK301", "write numbers without separators, e.g. `100000`"),
        ("deal == yes", "BRK302", "write `true` or `false`"),
        (
            "deal_guard == southern_6000",
            "BRK302",
            '`southern_6000` is an option: write it in quotes, "southern_6000" (and the whole '
            "condition in single quotes in YAML)",
        ),
    ],
)
def test_common_slips_in_conditions_get_a_hint_that_fits(tmp_path, when, code, hint):
    [d] = problems(tmp_path, scenario_with(rules=rule_when(when)))
    assert (d.code, d.hint) == (code, hint)


@pytest.mark.parametrize(
    "meter, code, hint",
    [
        (
            "  apprehensions: {label: A, min: 0, max: 300000, start: 144,000, source: designer}\n",
            "BRK012",
            "write numbers without thousands separators: start: 144000",
        ),
        (
            "  apprehensions:\n    label: A\n    min: 0\n    max: 300000\n    start: 144,000\n"
            "    source: designer\n",
            "BRK104",
            "write numbers without thousands separators: 144000",
        ),
    ],
)
def test_a_thousands_separator_in_a_number(tmp_path, meter, code, hint):
    [d] = problems(tmp_path, scenario_with(meters="meters:\n" + meter))
    assert (d.code, d.line, d.hint) == (code, d.line, hint)
    assert "144,000" in (tmp_path / "s.yaml").read_text().splitlines()[d.line - 1]
