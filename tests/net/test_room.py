"""The room without the network: moves checked, committed, acknowledged; restarts that
replay the database; instructor commands recorded as F2 records them; saves."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from game.engine.api import transcript
from game.engine.moves import INSTRUCTOR, PAUSE, Move
from game.net.bots import choose
from game.net.codes import ALPHABET, new_roster, normalise, roster_csv
from game.net.protocol import Ack, Refused
from game.net.room import Room
from game.net.views import merge_view
from game.play.session import HUMAN, Session
from game.rules.ruleset import Ruleset
from game.saves import SaveGame, restore
from tests.net.rooms import open_room


def _play(room: Room, table: int, count: int, seed: int = 0) -> None:
    rng = random.Random(seed)
    for number in range(count):
        session = room.tables[table].session
        if session.over:
            return
        role = session.state.actor
        move = choose(session.view(role), rng)
        answer = room.play(table, role, f"{seed}-{number}", room.tables[table].moves, move)
        assert isinstance(answer, Ack), answer
        assert room.flush()


def test_codes_are_distinct_typeable_and_normalised() -> None:
    roster = new_roster(40, ["us", "mexico"])
    codes = [s.code for s in roster]
    assert len(set(codes)) == len(codes) == 81
    assert all(len(c) == 8 and set(c) <= set(ALPHABET) for c in codes)
    assert normalise(" k7m2-qx9p ") == "K7M2QX9P"
    csv_text = roster_csv(roster)
    assert csv_text.splitlines()[0] == "table,role,code"
    assert csv_text.splitlines()[-1] == f",instructor,{roster[-1].code}"


def _stored(path: Path) -> int:
    """Moves another connection to the database finds (as a restart after a crash would)."""
    return int(sqlite3.connect(path).execute("SELECT COUNT(*) FROM moves").fetchone()[0])


def test_an_answer_waits_until_its_moves_are_committed(tmp_path: Path, flagship: Ruleset) -> None:
    room = open_room(tmp_path / "room.db", flagship)
    _play(room, 1, 2)
    assert _stored(tmp_path / "room.db") == room.tables[1].moves == 2
    session = room.tables[1].session
    move = choose(session.view(session.state.actor), random.Random(4))
    answer = room.play(1, session.state.actor, "third", 2, move)
    assert isinstance(answer, Ack) and answer.moves == 3
    [pending] = room.last_pending
    assert pending.committed is None and _stored(tmp_path / "room.db") == 2
    assert room.flush()
    assert pending.committed is True and _stored(tmp_path / "room.db") == 3
    assert room.tables[2].moves == 0


def test_many_tables_commit_in_one_transaction(tmp_path: Path, flagship: Ruleset) -> None:
    room = open_room(tmp_path / "room.db", flagship, tables=3)
    for number, table in room.tables.items():
        role = table.session.state.actor
        room.play(number, role, f"t{number}", 0, choose(table.session.view(role), random.Random()))
    batch = room.take_batch()
    assert [p.table for p in batch] == [1, 2, 3]
    room.write(batch)
    assert _stored(tmp_path / "room.db") == 3


def test_a_restart_resumes_every_table_with_the_same_transcript(
    tmp_path: Path, flagship: Ruleset
) -> None:
    rooms = [
        open_room(tmp_path / name, flagship, tables=3, ai="mexico")
        for name in ("room.db", "never-stopped.db")
    ]
    for room in rooms:
        for table in (1, 2):
            # Seeds whose table-2 game is still open here, so it can play on below.
            _play(room, table, 2 + table, seed=2 * table)
        room.intervene("inj", 2, "inject", inject_id="court-ruling")
        assert room.flush()
    room, twin = rooms
    before = {n: room.transcript(n) for n in room.tables}
    room.store.close()
    again = open_room(tmp_path / "room.db", flagship)
    assert {n: again.transcript(n) for n in again.tables} == before
    assert again.codes == room.codes
    # The game plays on after the restart exactly as it does without one.
    _play(twin, 2, 3, seed=9)
    _play(again, 2, 3, seed=9)
    assert again.transcript(2) == twin.transcript(2)
    assert len(again.tables[2].session.state.moves) > len(room.tables[2].session.state.moves)


def test_stale_views_other_seats_illegal_moves_and_replays_are_refused(
    tmp_path: Path, flagship: Ruleset
) -> None:
    room = open_room(tmp_path / "room.db", flagship)
    table = room.tables[1]
    actor = table.session.state.actor
    waiting = "mexico" if actor == "us" else "us"
    offer = {i: o[0] for i, o in table.session.view(actor).menu.offer_space.items()}
    move = Move.propose(actor, offer)

    answer = room.play(1, waiting, "x", 0, move)
    assert isinstance(answer, Refused) and "not yours" in answer.reason
    answer = room.play(1, actor, "y", 0, Move(actor, "accept"))
    assert isinstance(answer, Refused)
    assert answer.reason == table.session.check(Move(actor, "accept"))

    assert room.play(1, actor, "z", 0, move) == Ack(id="z", moves=1)
    # The same message again: acknowledged as already done, nothing applied twice.
    assert room.play(1, actor, "z", 0, move) == Ack(id="z", moves=1, duplicate=True)
    assert table.moves == 1
    # A move built on the view before that one.
    stale = room.play(1, waiting, "w", 0, Move(waiting, "reject"))
    assert isinstance(stale, Refused)
    assert stale.reason.startswith("the table moved on: ")
    assert table.moves == 1


def test_instructor_commands_are_recorded_as_f2_records_them(
    tmp_path: Path, flagship: Ruleset
) -> None:
    room = open_room(tmp_path / "room.db", flagship)
    applied = room.intervene("p", None, "pause")
    assert [r.reason for r in applied.results] == [None, None]
    again = room.intervene("p2", 1, "pause")
    assert again.results[0].reason == "the clock is already paused"
    room.intervene("e", 1, "extend", days=7)
    room.intervene("i", 2, "inject", inject_id="new-border-figures")
    bad = room.intervene("b", 2, "inject", inject_id="alien-landing")
    assert "not an inject" in (bad.results[0].reason or "")

    # The same commands through F2's path (Session.intervene) give the same moves and log.
    local = Session(flagship, 7, {"us": HUMAN, "mexico": HUMAN})
    local.intervene(Move(INSTRUCTOR, PAUSE))
    local.intervene(Move.extend(7))
    assert room.tables[1].session.state.moves == local.state.moves
    assert room.transcript(1) == transcript(local.state.log)
    assert room.tables[2].session.state.moves[-1] == Move.inject("new-border-figures")


def test_every_table_is_collected_as_an_ordinary_save(tmp_path: Path, flagship: Ruleset) -> None:
    room = open_room(tmp_path / "room.db", flagship, ai="us")
    _play(room, 2, 4)
    files = room.saves()
    assert sorted(files) == ["table-01.brink.json", "table-02.brink.json"]
    save = SaveGame.loads(files["table-02.brink.json"])
    assert save.players == {"us": "ai-normal", "mexico": HUMAN}
    assert save.meta["table"] == 2
    assert transcript(restore(save, flagship).log) == room.transcript(2)


def test_a_move_the_database_cannot_record_is_not_played(
    tmp_path: Path, flagship: Ruleset, monkeypatch: pytest.MonkeyPatch
) -> None:
    room = open_room(tmp_path / "room.db", flagship)
    _play(room, 1, 2)
    before = room.transcript(1)

    def disk_full(*args: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(room.store, "append_many", disk_full)
    session = room.tables[1].session
    role = session.state.actor
    move = choose(session.view(role), random.Random(1))
    room.play(1, role, "lost", 2, move)
    [pending] = room.last_pending
    assert not room.flush()
    assert pending.committed is False
    # Given up, so not played: the table is what the store holds, and the id is unknown.
    assert room.transcript(1) == before
    assert "lost" not in room.tables[1].applied


def test_a_delta_view_merges_into_the_full_view(tmp_path: Path, flagship: Ruleset) -> None:
    room = open_room(tmp_path / "room.db", flagship)
    first = room.push(1, "mexico").view
    _play(room, 1, 4)
    delta = room.push(1, "mexico", events_from=len(first["events"]))
    assert not delta.full and "delegation" not in delta.view
    assert len(delta.view["events"]) < len(room.push(1, "mexico").view["events"])
    assert merge_view(first, delta.view, delta.events_from) == room.push(1, "mexico").view
