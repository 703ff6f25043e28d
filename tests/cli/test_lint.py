"""`brink lint`: the flagship has no errors; planted problems are found."""

from __future__ import annotations

import json

from game.cli.main import main
from game.rules.ruleset import load_ruleset
from game.tools.lint import lint
from tests.conftest import FIXTURES


def test_flagship_lints_without_errors(capsys):
    assert main(["lint", "roosevelt-room-2019", "--games", "60"]) == 0
    out = capsys.readouterr().out
    assert "0 errors" in out and "designer inventions" in out


def test_lint_json_is_deterministic(capsys):
    args = ["lint", "roosevelt-room-2019", "--games", "40", "--format", "json"]
    main(args)
    first = capsys.readouterr().out
    main(args)
    assert capsys.readouterr().out == first
    assert json.loads(first)["games"] == 40


def test_unreachable_phase_is_an_error(tmp_path, capsys):
    text = (
        (FIXTURES / "mini.yaml")
        .read_text()
        .replace(
            "  - {id: broken, label: Talks broken off, actor: clock}\n",
            "  - {id: broken, label: Talks broken off, actor: clock}\n"
            "  - {id: limbo, label: Nowhere, actor: us}\n",
        )
    )
    path = tmp_path / "s.yaml"
    path.write_text(text)
    report = lint(load_ruleset(path), games=10)
    [error] = report.errors
    assert error.code == "BRK501" and "`limbo`" in error.message
    assert error.line == next(i for i, line in enumerate(text.splitlines(), 1) if "limbo" in line)
    assert main(["lint", str(path), "--games", "5"]) == 1


def test_unused_option_is_reported(tmp_path):
    text = (FIXTURES / "mini.yaml").read_text()
    path = tmp_path / "s.yaml"
    path.write_text(text)
    messages = [
        d.message for d in lint(load_ruleset(path), games=5).diagnostics if d.code == "BRK503"
    ]
    assert (
        "option `days_45` of `review` changes nothing: no condition names it or reads "
        "the issue's level" in messages
    )


# The small scenario of docs/errors.md, with a tariff that steps on July 1 unless a deal
# suspends it. Random play accepts an offer within a few rounds, so the step is only
# reached by a side that keeps rejecting: the conditions below become true in play, but
# rarely in random play.
LADDER = """tariff_ladder:
  source: designer
  steps:
    - {date: 2019-07-01, rate: 5}
rules:
  - id: deal-suspends
    when: deal and tariff_status == "threatened"
    then: [{tariff: suspend}]
    source: designer
    note: A deal stops the clock.
  - id: first-tariff-day
    on: tick
    when: tariff_rate >= 5 and not tariff_felt
    then: [{flag: {tariff_felt: true}}, {add: {apprehensions: -1000}}]
    source: designer
    note: The day the tariff bites; its condition is true for an instant only.
flags:
  tariff_felt: false
endings:
  - {id: trade-war, title: Trade war, when: tariff_rate >= 5, summary: Tariffs., source: designer}
  - {id: fewer-crossings, title: Fewer, when: apprehensions < 144000, summary: Y, source: designer}
  - {id: stalemate, title: Stalemate, default: true, summary: Nothing changed., source: designer}
"""


def _ladder_scenario(tmp_path, extra: str = ""):
    from tests.scenario.test_error_docs import BASE, _top_level

    sections = _top_level(BASE)
    sections.update(_top_level(LADDER + extra))
    path = tmp_path / "ladder.yaml"
    path.write_text("".join(sections.values()))
    return load_ruleset(path)


def test_conditions_that_become_true_after_a_tariff_step_are_not_called_constant(tmp_path):
    ruleset = _ladder_scenario(tmp_path)
    report = lint(ruleset, games=40)
    constant = [d for d in report.diagnostics if d.code == "BRK504"]
    assert constant == [], [d.message for d in constant]
    # The games that drag the talks out reach the step: the ending and the rule happen.
    missed = [d.message for d in report.diagnostics if d.code in ("BRK502", "BRK505")]
    assert not [m for m in missed if "trade-war" in m or "first-tariff-day" in m], missed


def test_a_condition_that_never_holds_is_still_reported(tmp_path):
    extra = (
        "rules:\n"
        "  - {id: never, when: tariff_rate > 5, then: [news: x], source: designer, note: n}\n"
    )
    ruleset = _ladder_scenario(tmp_path, extra)
    text = ruleset.file.source.text
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "tariff_rate > 5" in row)
    found = [d for d in lint(ruleset, games=40).diagnostics if d.line == line]
    assert [(d.code, d.message.split(" in ")[0]) for d in found] == [
        ("BRK504", "condition is always false"),
        ("BRK505", "rule `never` never fired"),
    ]


# A tariff that bites from July 1 and is lifted on July 10, all while a clock phase runs:
# no move is ever made while the rate is 5%, so only the clock's stops can see it.
PRELUDE = """first_phase: prelude
phases:
  - {id: prelude, label: Before the talks, actor: clock}
  - {id: talks, label: Talks, actor: mexico}
  - {id: answer, label: Answer, actor: us}
  - {id: after, label: After the talks, actor: clock}
transitions:
  - {trigger: open_talks, source: prelude, dest: talks}
  - {trigger: propose, source: talks, dest: answer}
  - {trigger: accept, source: answer, dest: after}
  - {trigger: reject, source: answer, dest: talks}
tariff_ladder:
  source: designer
  steps:
    - {date: 2019-07-01, rate: 5}
events:
  - {id: lifted, at: 2019-07-10, then: [{tariff: lift}], source: designer}
  - {id: talks-open, at: 2019-07-12, then: [{trigger: open_talks}], source: designer}
endings:
  - {id: trade-war, title: Trade war, when: tariff_rate >= 5, summary: T, source: designer}
  - {id: stalemate, title: Stalemate, default: true, summary: Nothing changed., source: designer}
"""


def test_states_where_the_clock_stops_are_sampled(tmp_path, monkeypatch):
    from game.tools import lint as lint_module
    from tests.scenario.test_error_docs import BASE, _top_level

    sections = _top_level(BASE)
    sections.update(_top_level(PRELUDE))
    path = tmp_path / "prelude.yaml"
    path.write_text("".join(sections.values()))
    ruleset = load_ruleset(path)
    line = next(i for i, row in enumerate(path.read_text().splitlines(), 1) if "trade-war" in row)

    def constant_on_the_ending() -> list[str]:
        found = lint(ruleset, games=10).diagnostics
        return [d.message for d in found if d.code == "BRK504" and d.line == line]

    assert constant_on_the_ending() == []
    # Without the clock's stops, the 5% never shows: the check above would fail.
    monkeypatch.setattr(lint_module, "_clock_stops", lambda state, known: [])
    [message] = constant_on_the_ending()
    assert message.startswith("condition is always false in ")
