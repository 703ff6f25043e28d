"""`brink class start` and `collect` with bad input: one line for a person, exit 1 or 2."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from game.cli.commands import class_start
from game.cli.main import main as brink


def _start(tmp_path: Path, *args: str) -> list[str]:
    return ["class", "start", "roosevelt-room-2019", "--db", str(tmp_path / "r.db"), *args]


def _one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1, err
    assert "Traceback" not in err
    return err


def test_a_port_in_use_is_one_line_and_status_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        status = brink(_start(tmp_path, "--tables", "2", "--port", str(port)))
    assert status == 1
    assert f"port {port} is already in use" in _one_line_error(capsys)


def test_an_address_not_on_this_computer_is_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 192.0.2.1 is reserved for documentation: no interface here has it, nothing is sent.
    status = brink(_start(tmp_path, "--tables", "2", "--port", "0", "--host", "192.0.2.1"))
    assert status == 2
    assert "cannot listen on host '192.0.2.1'" in _one_line_error(capsys)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((), "a new room needs --tables N"),
        (("--tables", "0"), "--tables must be between 1 and 200"),
        (("--tables", "2", "--port", "70000"), "--port must be between 0 and 65535"),
    ],
)
def test_bad_settings_are_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], expected: str
) -> None:
    assert brink(_start(tmp_path, *args)) == 2
    assert expected in _one_line_error(capsys)


def test_a_database_of_another_room_is_not_mixed_up(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as taken:  # the first start fails to listen, after saving the room
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        assert brink(_start(tmp_path, "--tables", "2", "--seed", "4", "--port", port)) == 1
        capsys.readouterr()
        assert brink(_start(tmp_path, "--tables", "3", "--port", port)) == 2
        assert "holds a room of 2 tables" in _one_line_error(capsys)
        assert brink(_start(tmp_path, "--seed", "5", "--port", port)) == 2
        assert "seed 4" in _one_line_error(capsys)
    other = ["class", "start", "caravan-2018", "--db", str(tmp_path / "r.db")]
    assert brink(other) == 1
    assert "roosevelt-room-2019" in _one_line_error(capsys)


def test_a_database_that_is_not_one_is_status_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "r.db").write_text("this is not a database" * 100)
    assert brink(_start(tmp_path, "--tables", "2")) == 1
    assert "cannot be used as the classroom database" in _one_line_error(capsys)


def test_a_public_host_prints_a_warning_and_the_addresses_to_use(
    capsys: pytest.CaptureFixture[str],
) -> None:
    class_start._warn_if_public("10.1.2.3", 8765)
    out, err = capsys.readouterr()
    assert "warning" in err and "anyone on this network" in err
    assert "http://10.1.2.3:8765" in out
    class_start._warn_if_public("127.0.0.1", 8765)
    out, err = capsys.readouterr()
    assert err == "" and "Only this computer" in out


def test_collect_from_nowhere_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]  # bound, not listening: connections are refused
        status = brink(
            ["class", "collect", f"http://127.0.0.1:{port}", "ABCDEFGH", "-o", str(tmp_path)]
        )
    assert status == 1
    assert "cannot reach the classroom" in _one_line_error(capsys)
    assert brink(["class", "collect", "ftp://x", "ABCDEFGH"]) == 1
    assert "not a classroom address" in _one_line_error(capsys)
