"""What validate accepts can be played: the opening must offer the side to move a move
(BRK405), and a game stuck later is a one-line error of simulate, not a crash."""

from __future__ import annotations

import re

from game.cli.main import main
from tests.conftest import ROOT

DOC = (ROOT / "docs" / "errors.md").read_text()
BASE = re.search(r"```yaml base\n(.*?)```", DOC, re.S).group(1)  # type: ignore[union-attr]


def _scenario(tmp_path, old: str, new: str):
    assert old in BASE
    path = tmp_path / "talks.yaml"
    path.write_text(BASE.replace(old, new))
    return path


def test_an_opening_without_a_legal_move_is_refused_at_first_phase(tmp_path, capsys):
    path = _scenario(
        tmp_path,
        "{trigger: propose, source: talks, dest: answer}",
        '{trigger: propose, source: talks, dest: answer, when: "moves > 1000"}',
    )
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert "BRK405" in err and "first_phase: talks" in err
    assert main(["simulate", str(path), "--runs", "2"]) == 1  # refused the same way
    assert "BRK405" in capsys.readouterr().err


def test_a_game_stuck_mid_way_is_a_one_line_error(tmp_path, capsys):
    # The US may answer only after a thousand moves: Mexico proposes, then nobody can move.
    path = _scenario(
        tmp_path,
        "{trigger: accept, source: answer, dest: after}\n"
        "  - {trigger: reject, source: answer, dest: talks}",
        '{trigger: accept, source: answer, dest: after, when: "moves > 1000"}\n'
        '  - {trigger: reject, source: answer, dest: talks, when: "moves > 1000"}',
    )
    assert main(["validate", str(path)]) == 0
    capsys.readouterr()
    for command in (
        ["simulate", str(path), "--runs", "2"],
        ["tournament", str(path), "--runs", "1"],
    ):
        assert main(command) == 1
        err = capsys.readouterr().err
        assert "gets stuck" in err and "US has no legal move" in err and err.count("\n") == 1
    assert main(["lint", str(path), "--games", "3"]) in (0, 1)
    assert "internal error" not in capsys.readouterr().err
