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
