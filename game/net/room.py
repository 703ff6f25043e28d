"""The room: every table's authoritative game, what each seat may be told, and the
instructor's commands. Plain synchronous code (no networking): a move is checked by the
engine and applied; its answer waits in `pending` until the moves are committed to the
store (`flush`, or the server's writer thread, which commits many tables' moves in one
transaction), and only then may it be sent.

Each table is a `game.play.Session` — the same object a local game uses — so AI chairs
reply exactly as they do at home, and a table's save is an ordinary `.brink.json`."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from game.engine.api import replay, transcript
from game.engine.moves import EXTEND, INJECT, INSTRUCTOR, PAUSE, RESUME, IllegalMove, Move
from game.i18n import tx, tx_join
from game.net.codes import SeatCode, new_code
from game.net.feed import Sent, seat_push
from game.net.protocol import (
    Ack,
    Applied,
    Refused,
    Reply,
    TableResult,
    TableRow,
    Tables,
    ViewPush,
)
from game.net.store import RoomSettings, RoomStore
from game.net.views import EventWire, timeline_payload, view_payload
from game.play.session import Session
from game.rules.ruleset import Ruleset
from game.saves import capture
from game.scenario.models import RoleId

Clock = Callable[[], float]


class TableSession(Session):
    """A table's game on the server: the database, not a save slot, keeps it."""

    def autosave(self) -> None:
        return None


@dataclass(eq=False)
class Pending:
    """Moves applied at a table that are not yet committed; their answer waits."""

    table: int
    first: int  # moves at the table before these
    message_id: str
    moves: list[Move]
    at: float
    committed: bool | None = None  # None until written (True) or given up (False)


@dataclass
class Table:
    number: int
    session: TableSession
    last_move_at: float | None = None
    # Client message ids already applied here -> moves at the table after applying them.
    applied: dict[str, int] = field(default_factory=dict)
    # Its events as JSON, made once for every seat and view.
    wire: EventWire = field(default_factory=EventWire)

    @property
    def moves(self) -> int:
        return len(self.session.state.moves)


class Room:
    def __init__(
        self,
        settings: RoomSettings,
        ruleset: Ruleset,
        store: RoomStore,
        clock: Clock = time.time,
    ) -> None:
        self.settings = settings
        self.ruleset = ruleset
        self.store = store
        self.clock = clock
        self.codes: dict[str, SeatCode] = {s.code: s for s in store.roster()}
        self.pending: list[Pending] = []  # applied, not yet committed, oldest first
        self.last_pending: list[Pending] = []  # what the last play/intervene added
        self.tables = {n: self._restore(n) for n in range(1, settings.tables + 1)}

    # ------------------------------------------------------------------ seats
    def seat(self, code: str) -> SeatCode | None:
        """The seat a code opens, or None (unknown or revoked)."""
        seat = self.codes.get(code)
        return None if seat is None or seat.revoked else seat

    def revoke(self, code: str) -> SeatCode | None:
        """Withdraw a seat's code and give the seat a new one (returned); None if the
        code opens no seat (or is the instructor's, which stays)."""
        seat = self.seat(code)
        if seat is None or seat.instructor:
            return None
        fresh = new_code()
        while fresh in self.codes:
            fresh = new_code()
        replacement = SeatCode(fresh, seat.table, seat.role)
        self.store.replace_code(code, replacement)
        self.codes[code] = SeatCode(seat.code, seat.table, seat.role, revoked=True)
        self.codes[fresh] = replacement
        return replacement

    # ------------------------------------------------------------------ moves
    def play(
        self, table_no: int, role: RoleId, message_id: str, based_on: int, move: Move
    ) -> Ack | Refused:
        """A seat's move: refused with a reason, or applied and acknowledged — an answer
        to send only once `last_pending` is committed."""
        self.last_pending = []
        table = self.tables[table_no]
        if message_id in table.applied:
            return Ack(id=message_id, moves=table.applied[message_id], duplicate=True)
        if move.role != role:
            side = self.ruleset.scenario.roles[role].name
            refusal = tx("you sit for the {side}; that move is not yours", side=side)
            return Refused(id=message_id, reason=refusal)
        if based_on != table.moves:
            return Refused(id=message_id, reason=self._moved_on(table, role, based_on))
        reason = table.session.check(move)
        if reason is not None:
            return Refused(id=message_id, reason=reason)
        return self._apply(table, message_id, lambda: table.session.play(move))

    def intervene(
        self, message_id: str, table_no: int | None, action: str, inject_id: str = "", days: int = 7
    ) -> Applied:
        """An instructor's command at one table or all, recorded as an instructor move."""
        move = instructor_move(action, inject_id, days)
        self.last_pending = []
        added: list[Pending] = []
        numbers = list(self.tables) if table_no is None else [table_no]
        results = []
        for number in numbers:
            table = self.tables.get(number)
            if table is None:
                missing = tx("there is no such table")
                results.append(TableResult(table=number, moves=0, reason=missing))
                continue
            if message_id in table.applied:
                results.append(TableResult(table=number, moves=table.applied[message_id]))
                continue
            reason = table.session.check(move)
            if reason is None:
                answer = self._apply(table, message_id, partial(table.session.intervene, move))
                reason = answer.reason if isinstance(answer, Refused) else None
                added += self.last_pending
            results.append(TableResult(table=number, moves=table.moves, reason=reason))
        self.last_pending = added
        return Applied(id=message_id, results=results)

    def _apply(self, table: Table, message_id: str, act: Callable[[], object]) -> Ack | Refused:
        before = table.moves
        try:
            act()
        except IllegalMove as err:
            return Refused(id=message_id, reason=str(err))
        now = self.clock()
        pending = Pending(table.number, before, message_id, table.session.state.moves[before:], now)
        self.pending.append(pending)
        self.last_pending = [pending]
        table.last_move_at = now
        table.applied[message_id] = table.moves
        return Ack(id=message_id, moves=table.moves)

    # ------------------------------------------------------------------ committing
    def take_batch(self) -> list[Pending]:
        batch, self.pending = self.pending, []
        return batch

    def write(self, batch: list[Pending]) -> None:
        """Commit a batch in one transaction; raise if the database refuses it — then
        call `failed`."""
        self.store.append_many([(p.table, p.first, p.message_id, p.moves, p.at) for p in batch])
        for pending in batch:
            pending.committed = True

    def stage(self, batch: list[Pending]) -> None:
        """Write a batch in an open transaction, for `commit` to end (the store is locked
        meanwhile); raise if the database refuses it — then call `failed`."""
        self.store.stage_many([(p.table, p.first, p.message_id, p.moves, p.at) for p in batch])

    def commit(self, batch: list[Pending]) -> None:
        """Commit the staged batch (the disk sync: safe to run in a worker thread)."""
        self.store.commit_staged()
        for pending in batch:
            pending.committed = True

    def failed(self, batch: list[Pending]) -> list[Pending]:
        """A batch could not be recorded, so it was not played: its tables are rebuilt
        from the store, and moves made there since are given up too. Returns all of them."""
        tables = {p.table for p in batch}
        dropped = batch + [p for p in self.pending if p.table in tables]
        self.pending = [p for p in self.pending if p.table not in tables]
        for pending in dropped:
            pending.committed = False
        for number in sorted(tables):
            self.tables[number] = self._restore(number)
        return dropped

    def flush(self) -> bool:
        """Commit everything pending now (in this thread); False if it was given up."""
        batch = self.take_batch()
        if not batch:
            return True
        try:
            self.write(batch)
        except Exception:
            self.failed(batch)
            return False
        return True

    def _moved_on(self, table: Table, role: RoleId, based_on: int) -> str:
        if based_on > table.moves:
            return tx(
                "the table has made {moves} moves, not {based_on}",
                moves=table.moves,
                based_on=based_on,
            )
        missed = table.moves - based_on
        view = table.session.view(role)
        lines = [e.text for e in view.events if e.kind in ("move", "instructor")][-missed:]
        what = tx_join("; ", lines) if lines else tx("{n} move(s) were made", n=missed)
        return tx("the table moved on: {what}", what=what)

    # ------------------------------------------------------------------ what seats see
    def push(
        self, table_no: int, role: RoleId, all_reasons: bool = False, events_from: int | None = None
    ) -> ViewPush:
        """The view of `role` at a table (without its static fields and with the events
        from `events_from` on, if given): see `replies` for what the AI's reasons show."""
        table = self.tables[table_no]
        session = table.session
        return ViewPush(
            table=table_no,
            role=role,
            moves=table.moves,
            view=view_payload(session.view(role), events_from, table.wire),
            full=events_from is None,
            events_from=events_from or 0,
            replies=self.replies(table_no, role, all_reasons),
            timeline=timeline_payload(session.state, role),
            move_list=[m.to_json() for m in session.state.moves],
        )

    def feed(
        self, table_no: int, role: RoleId, base: Sent | None, all_reasons: bool = False
    ) -> tuple[ViewPush, Sent]:
        """The push that brings a receiver holding `base` of this seat up to date (whole
        if `base` is None), and what the receiver holds after it."""
        table = self.tables[table_no]
        session = table.session
        replies = self.replies(table_no, role, all_reasons)
        return seat_push(table_no, session.state, session.view(role), replies, base, table.wire)

    def replies(
        self, table_no: int, role: RoleId, all_reasons: bool = False
    ) -> dict[RoleId, Reply]:
        """The AI chairs' last moves. AI reasons are private to their chair: only the
        instructor (`all_reasons`) reads the other chair's; a seat sees the moves."""
        return {
            r: Reply(
                move=reply.decision.move.to_json(),
                reasons=[x.text for x in reply.decision.reasons]
                if all_reasons or r == role
                else [],
            )
            for r, reply in self.tables[table_no].session.replies.items()
        }

    def rows(self, seats: Callable[[int], dict[RoleId, int]] | None = None) -> Tables:
        rows = []
        for number, table in self.tables.items():
            state = table.session.state
            last = state.moves[-1] if state.moves else None
            # From the end: the console's rows are sent after every commit.
            line = next(
                (e.text for e in reversed(state.log) if e.kind in ("move", "instructor")), None
            )
            rows.append(
                TableRow(
                    table=number,
                    phase=self.ruleset.scenario.phase(state.phase).label,
                    date=state.date.isoformat(),
                    tariff_rate=state.tariff_rate,
                    to_move=state.actor if state.ending is None else "",
                    last_move=line if last is not None and line is not None else "",
                    last_move_at=table.last_move_at,
                    ending=state.ending,
                    moves=table.moves,
                    clock_paused=state.clock_paused,
                    seats=seats(number) if seats else {},
                )
            )
        injects = {i.id: i.label for i in self.ruleset.scenario.injects}
        return Tables(rows=rows, injects=injects)

    # ------------------------------------------------------------------ after class
    def saves(self) -> dict[str, str]:
        """Every table as an ordinary save: `table-01.brink.json` -> its text."""
        files = {}
        width = max(2, len(str(len(self.tables))))
        for number, table in self.tables.items():
            session = table.session
            label = (
                f"{self.ruleset.scenario.title} — table {number} ({session.state.date.isoformat()})"
            )
            save = capture(session.state, session.players, {"label": label, "table": number})
            files[f"table-{number:0{width}d}.brink.json"] = save.dumps()
        return files

    def transcript(self, table_no: int) -> str:
        return transcript(self.tables[table_no].session.state.log)

    # ------------------------------------------------------------------ restart
    def _restore(self, number: int) -> Table:
        stored = self.store.moves(number)
        state = replay(self.ruleset, self.settings.seed, [s.move for s in stored])
        session = TableSession(self.ruleset, self.settings.seed, self.settings.players, state)
        table = Table(number, session)
        last_message = None
        for s in stored:
            # A message's answer counts the AI replies committed with it.
            last_message = s.message_id or last_message
            if last_message is not None:
                table.applied[last_message] = s.number
        if stored:
            table.last_move_at = stored[-1].at
        # A new table whose first chair is an AI moves now (and records it); a restored
        # one stopped where a person must move, since AI replies commit with their cause.
        if not session.over and session.state.actor in session.agents:
            before = table.moves
            session.run_ai()
            self.store.append(
                number, before, None, list(session.state.moves[before:]), self.clock()
            )
        return table


def instructor_move(action: str, inject_id: str = "", days: int = 7) -> Move:
    """The move F2 records for the same command (see game.tui.screens.instructor)."""
    if action == INJECT:
        return Move.inject(inject_id)
    if action == EXTEND:
        return Move.extend(days)
    if action in (PAUSE, RESUME):
        return Move(INSTRUCTOR, action)
    raise ValueError(f"`{action}` is not an instructor command")
