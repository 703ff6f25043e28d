"""What the command line prints to stderr is clean: no terminal escape codes from files,
no 100 KB echoes, files named once, numbers shown the way a person writes them."""

from __future__ import annotations

import contextlib
import io
import json

import pytest

from game.cli.main import main
from game.cli.messages import LINE_LIMIT, CleanMessages
from tests.conftest import ROOT

SAVE = json.loads((ROOT / "saves" / "historical-2019.brink.json").read_text())


def _errors(capsys, argv) -> str:
    with contextlib.suppress(SystemExit):  # argparse's usage errors
        main(argv)
    return capsys.readouterr().err


@pytest.mark.parametrize("command", ["replay", "report"])
def test_escape_codes_in_a_save_never_reach_the_terminal(tmp_path, capsys, command):
    save = dict(SAVE, players={"us": "\u001b]0;PWNED\u0007\u001b[2J"})
    path = tmp_path / "x.brink.json"
    path.write_text(json.dumps(save))
    err = _errors(capsys, [command, str(path)])
    assert "PWNED" in err  # the message is there, its control characters are not
    assert "\x1b" not in err and "\x07" not in err


def test_report_names_the_file_once(tmp_path, capsys):
    path = tmp_path / "x.json"
    path.write_text("{}")
    err = _errors(capsys, ["report", str(path)])
    assert err.count("x.json") == 1, err


def test_a_huge_seed_is_not_echoed_in_full(capsys):
    err = _errors(capsys, ["play", "roosevelt-room-2019", "--seed", "9" * 100_000])
    assert "is not a seed" in err
    assert max(len(line) for line in err.splitlines()) <= LINE_LIMIT + 1


def test_the_stream_cuts_long_lines_written_in_pieces():
    out = io.StringIO()
    stream = CleanMessages(out, limit=10)
    stream.write("abcdefgh")
    stream.write("ijkl\nshort\x1b\n")
    assert out.getvalue() == "abcdefghij…\nshort\ufffd\n"


def test_a_5000_digit_number_in_yaml_is_placed_and_named(tmp_path, capsys):
    path = tmp_path / "big.yaml"
    path.write_text("id: x\nmeters:\n  a: " + "9" * 5000 + "\n")
    err = _errors(capsys, ["validate", str(path)])
    assert "big.yaml:3:6: BRK003 cannot read `99999999999999999999…` as a number" in err
    assert "ValueError" not in err


def test_a_huge_number_in_an_expression_is_shown_as_a_person_writes_it(tmp_path, capsys):
    text = (ROOT / "scenarios" / "caravan-2018.yaml").read_text()
    path = tmp_path / "pow.yaml"
    path.write_text(
        text.replace(
            "when: caravan_in_mexico > 0 and day > 29", "when: caravan_in_mexico > 10 ** 400", 1
        )
    )
    err = _errors(capsys, ["validate", str(path)])
    assert "the number 1e+400 is out of range" in err
