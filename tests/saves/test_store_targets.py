"""The store writes only over regular files, into folders that exist, and reads only
regular files of bounded size (issue 11: `--save /dev/full`, a FIFO named like a save)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from game.engine.api import new_game
from game.saves import SaveError, capture, read_save, write_atomic, write_save
from game.saves.store import MAX_SAVE_BYTES, list_slots

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs (POSIX)")


def _save():
    return capture(new_game("caravan-2018", 1), {"us": "human", "mexico": "ai-easy"})


def test_a_fifo_is_not_written_over(tmp_path):
    fifo = tmp_path / "x.brink.json"
    os.mkfifo(fifo)
    with pytest.raises(SaveError, match="not a regular file"):
        write_save(_save(), fifo)
    assert stat.S_ISFIFO(fifo.stat().st_mode)  # still the FIFO, not replaced


def test_a_device_is_not_written_over(tmp_path):
    with pytest.raises(SaveError, match="not a regular file"):
        write_save(_save(), Path(os.devnull))
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_a_folder_is_not_written_over(tmp_path):
    with pytest.raises(SaveError, match="is a folder"):
        write_save(_save(), tmp_path)


def test_a_missing_or_non_folder_parent_is_a_sentence(tmp_path):
    with pytest.raises(SaveError, match=r"the folder .*nowhere does not exist"):
        write_save(_save(), tmp_path / "nowhere" / "x.brink.json")
    (tmp_path / "plain").write_text("x")
    with pytest.raises(OSError, match="plain is not a folder"):
        write_atomic(tmp_path / "plain" / "report.html", "<p>")


def test_the_save_folder_itself_is_made_when_asked(tmp_path):
    path = write_save(_save(), tmp_path / "new" / "a.brink.json", make_parent=True)
    assert read_save(path).scenario_id == "caravan-2018"


def test_a_written_file_has_the_usual_permissions(tmp_path):
    umask = os.umask(0o022)
    try:
        write_atomic(tmp_path / "debrief.html", "<p>")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "debrief.html").stat().st_mode) == 0o644


def test_reading_a_fifo_fails_at_once_and_the_load_list_skips_it(tmp_path):
    os.mkfifo(tmp_path / "x.brink.json")
    write_save(_save(), tmp_path / "good.brink.json")
    with pytest.raises(SaveError, match="not a regular file"):
        read_save(tmp_path / "x.brink.json")  # would block forever if it were opened
    assert [s.slot for s in list_slots(tmp_path)] == ["good"]


def test_an_oversized_save_is_refused(tmp_path):
    big = tmp_path / "big.brink.json"
    big.write_bytes(b" " * (MAX_SAVE_BYTES + 1))
    with pytest.raises(SaveError, match="too large"):
        read_save(big)
