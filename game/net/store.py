"""The classroom's event log in SQLite: the room's settings, its codes, and every move of
every table, each committed before the server acknowledges it.

WAL mode with `synchronous=FULL`: a committed move survives a `kill -9` of the server
and a power cut alike. A restart replays each table's moves through the engine."""

from __future__ import annotations

import contextlib
import json
import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from game.engine.moves import Move
from game.net.codes import SeatCode
from game.scenario.models import RoleId

SCHEMA = """
CREATE TABLE IF NOT EXISTS room (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS seats (
    code TEXT PRIMARY KEY, tbl INTEGER, role TEXT NOT NULL, revoked INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS moves (
    tbl INTEGER NOT NULL, n INTEGER NOT NULL, msg_id TEXT, move TEXT NOT NULL, at REAL NOT NULL,
    PRIMARY KEY (tbl, n)
);
CREATE INDEX IF NOT EXISTS moves_by_message ON moves (tbl, msg_id);
"""


# A table's moves from `first + 1` on: (table, first, message id, moves, when).
MoveGroup = tuple[int, int, str | None, list[Move], float]
ROWS_PER_INSERT = 1000  # 5 values a row: well under SQLite's limit of variables


class StoreError(Exception):
    """The database cannot be used; the message is for a person."""


@dataclass(frozen=True)
class RoomSettings:
    scenario: str  # the reference given to `class start` (a bundled id or a path)
    scenario_id: str
    scenario_sha256: str
    seed: int
    tables: int
    players: dict[RoleId, str]  # role -> "human" or an AI name, the same at every table

    def to_rows(self) -> list[tuple[str, str]]:
        return [
            ("scenario", self.scenario),
            ("scenario_id", self.scenario_id),
            ("scenario_sha256", self.scenario_sha256),
            ("seed", str(self.seed)),
            ("tables", str(self.tables)),
            ("players", json.dumps(self.players, sort_keys=True)),
        ]


@dataclass(frozen=True)
class StoredMove:
    table: int
    number: int  # 1-based position in the table's list of moves
    message_id: str | None  # the client message that caused it (None: an AI reply)
    move: Move
    at: float


class RoomStore:
    def __init__(self, path: Path | str) -> None:
        self.path = str(path)
        self.lock = threading.Lock()
        try:
            # The server commits from a writer thread; the lock keeps one user at a time.
            self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=FULL")
            self.db.executescript(SCHEMA)
        except sqlite3.Error as err:
            raise StoreError(
                f"{self.path}: cannot be used as the classroom database ({err})"
            ) from None

    def close(self) -> None:
        self.db.close()

    # ------------------------------------------------------------------ the room
    def settings(self) -> RoomSettings | None:
        """The room this database holds, or None for a new database."""
        try:
            rows = dict(self.db.execute("SELECT key, value FROM room").fetchall())
            if not rows:
                return None
            return RoomSettings(
                rows["scenario"],
                rows["scenario_id"],
                rows["scenario_sha256"],
                int(rows["seed"]),
                int(rows["tables"]),
                json.loads(rows["players"]),
            )
        except (KeyError, ValueError, sqlite3.Error) as err:
            raise StoreError(f"{self.path}: the room's settings are damaged ({err})") from None

    def create(self, settings: RoomSettings, roster: Iterable[SeatCode]) -> None:
        with self._transaction():
            self.db.executemany("INSERT INTO room VALUES (?, ?)", settings.to_rows())
            self.db.executemany(
                "INSERT INTO seats VALUES (?, ?, ?, ?)",
                [(s.code, s.table, s.role, int(s.revoked)) for s in roster],
            )

    def roster(self) -> list[SeatCode]:
        rows = self.db.execute(
            "SELECT code, tbl, role, revoked FROM seats ORDER BY tbl IS NULL, tbl, role DESC"
        ).fetchall()
        return [SeatCode(code, tbl, role, bool(revoked)) for code, tbl, role, revoked in rows]

    def replace_code(self, old: str, new: SeatCode) -> None:
        """Withdraw `old` and give its seat `new`, together."""
        with self._transaction():
            self.db.execute("UPDATE seats SET revoked = 1 WHERE code = ?", (old,))
            self.db.execute(
                "INSERT INTO seats VALUES (?, ?, ?, 0)", (new.code, new.table, new.role)
            )

    # ------------------------------------------------------------------ moves
    def append(
        self, table: int, first: int, message_id: str | None, moves: list[Move], at: float
    ) -> None:
        """Record moves `first+1 ...` of `table` (a message's move and the AI replies it
        caused): all of them are committed when this returns, or none."""
        self.append_many([(table, first, message_id, moves, at)])

    def append_many(self, groups: list[MoveGroup]) -> None:
        """Several tables' moves in one transaction: one disk sync for all of them."""
        self.stage_many(groups)
        self.commit_staged()

    def stage_many(self, groups: list[MoveGroup]) -> None:
        """The first half of `append_many`: the moves written in an open transaction,
        which `commit_staged` (the disk sync, fit for a worker thread) or
        `rollback_staged` ends; the store is locked until then.

        Why split: the server commits from a worker thread, and each statement run
        there has to win the interpreter back from the busy event loop (milliseconds
        each). Here, in the loop's own thread, the moves go in as one statement per
        thousand, and the thread is left the commit alone."""
        rows = [
            (table, first + i + 1, message_id if i == 0 else None, _encode(m), at)
            for table, first, message_id, moves, at in groups
            for i, m in enumerate(moves)
        ]
        self.lock.acquire()
        try:
            self.db.execute("BEGIN IMMEDIATE")
            for start in range(0, len(rows), ROWS_PER_INSERT):
                chunk = rows[start : start + ROWS_PER_INSERT]
                values = ", ".join(["(?, ?, ?, ?, ?)"] * len(chunk))
                self.db.execute(f"INSERT INTO moves VALUES {values}", [v for r in chunk for v in r])
        except BaseException:
            self.rollback_staged()
            raise

    def commit_staged(self) -> None:
        """Commit what `stage_many` wrote (raise if the database refuses: nothing of it
        is then recorded)."""
        try:
            self.db.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                self.db.execute("ROLLBACK")
            raise
        finally:
            if self.lock.locked():
                self.lock.release()

    def rollback_staged(self) -> None:
        try:
            with contextlib.suppress(sqlite3.Error):
                self.db.execute("ROLLBACK")
        finally:
            if self.lock.locked():
                self.lock.release()

    def moves(self, table: int) -> list[StoredMove]:
        with self.lock:
            rows = self.db.execute(
                "SELECT n, msg_id, move, at FROM moves WHERE tbl = ? ORDER BY n", (table,)
            ).fetchall()
        stored = []
        for n, msg_id, text, at in rows:
            try:
                move = Move.from_json(json.loads(text))
            except ValueError as err:
                raise StoreError(
                    f"{self.path}: table {table}, move {n} is damaged ({err})"
                ) from None
            stored.append(StoredMove(table, n, msg_id, move, at))
        return stored

    def _transaction(self) -> _Transaction:
        return _Transaction(self.db, self.lock)


class _Transaction:
    def __init__(self, db: sqlite3.Connection, lock: threading.Lock) -> None:
        self.db = db
        self.lock = lock

    def __enter__(self) -> None:
        self.lock.acquire()
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except BaseException:
            self.lock.release()
            raise

    def __exit__(self, kind: object, *rest: object) -> None:
        try:
            self.db.execute("COMMIT" if kind is None else "ROLLBACK")
        finally:
            self.lock.release()


def _encode(move: Move) -> str:
    return json.dumps(move.to_json(), sort_keys=True, ensure_ascii=False)
