"""The classroom server: HTTP and WebSocket on one port (aiohttp).

Each connection says hello with a code; the code decides the seat (a delegation at one
table) or the instructor's desk. The server then pushes views, and answers each request
with ack/refused/applied or an error. One slow, broken or hostile client never stalls
or changes another: every connection has its own send queue and message budget, and
every request's effects are confined to the seat's own table."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import html
import logging
import signal
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

from game.engine.moves import IllegalMove
from game.i18n import tx
from game.net.codes import SeatCode, SeatKey, normalise
from game.net.feed import Sent
from game.net.guard import CodeGuard, RateLimit
from game.net.protocol import (
    MAX_CLIENT_FRAME,
    WS_PATH,
    Applied,
    CollectRequest,
    Error,
    Hello,
    InstructorRequest,
    Message,
    MoveRequest,
    Ping,
    Pong,
    ProtocolError,
    Refused,
    Reissued,
    Revoke,
    Saves,
    Seat,
    Watch,
    Welcome,
    encode,
    parse_client,
)
from game.net.room import Pending, Room
from game.net.views import scoped_scenario
from game.scenario.models import ROLES, RoleId, is_role

log = logging.getLogger("brink.class")

HELLO_TIMEOUT = 15.0  # seconds a new connection has to say hello
MAX_BAD_MESSAGES = 20  # malformed or invalid messages before the connection is closed
MAX_QUEUED = 512  # frames waiting for a slow client before it is dropped
VIEWS_PER_TURN = 4  # tables whose views are built before other work may run
NOT_RECORDED = tx("the server could not record the move; try again")


@dataclass(eq=False)
class Connection:
    ws: web.WebSocketResponse
    address: str
    seat: SeatCode
    limit: RateLimit
    outbox: asyncio.Queue[str | None] = field(default_factory=asyncio.Queue)
    watching: set[int] = field(default_factory=set)
    bad_messages: int = 0
    # (table, role) -> what this connection holds of that seat's view: the next view
    # it is sent is a delta from there.
    sent: dict[SeatKey, Sent] = field(default_factory=dict)

    def send(self, frame: str) -> None:
        """Queue a frame; a client too slow to take them is disconnected."""
        if self.outbox.qsize() >= MAX_QUEUED:
            self.outbox.put_nowait(None)
            return
        self.outbox.put_nowait(frame)

    async def writer(self) -> None:
        while (frame := await self.outbox.get()) is not None:
            try:
                await self.ws.send_str(frame)
            except (ConnectionError, RuntimeError):
                break
        await self.ws.close()


class ClassServer:
    def __init__(
        self,
        room: Room,
        *,
        guard: CodeGuard | None = None,
        rate: Callable[[], RateLimit] = RateLimit,
        setup: Callable[[web.Application], object] | None = None,
    ) -> None:
        self.room = room
        self.guard = guard or CodeGuard()
        self.rate = rate
        self.seats: dict[SeatKey, set[Connection]] = {}
        self.instructors: set[Connection] = set()
        self._address_locks: dict[str, asyncio.Lock] = {}
        self.app = web.Application()
        self.app.router.add_get("/", self.landing)
        self.app.router.add_get("/health", self.health)
        self.app.router.add_get(WS_PATH, self.websocket)
        if setup is not None:
            setup(self.app)
        self.runner: web.AppRunner | None = None
        self._callbacks: list[Callable[[], None]] = []
        self._moved: set[int] = set()  # tables whose views wait for the answers
        self._work = asyncio.Event()
        self._committer: asyncio.Task[None] | None = None
        self._sender: asyncio.Task[None] | None = None  # sends the views (_send_moved)
        # What the seats' connections were last sent (a reconnecting client that says it
        # has that many moves is sent a delta from it), and, for a table that had moves
        # given up, the moves it was rebuilt with: a client that saw more saw moves the
        # table no longer has, so it gets whole views.
        self._seat_sent: dict[SeatKey, Sent] = {}
        self._rolled_back: dict[int, int] = {}
        self._scoped: dict[str | None, dict[str, Any]] = {}

    # ------------------------------------------------------------------ lifecycle
    async def start(self, host: str, port: int) -> tuple[str, int]:
        """Listen; return the host and the port actually bound (port 0 picks one)."""
        self.runner = web.AppRunner(
            self.app, access_log=None, handle_signals=False, shutdown_timeout=1.0
        )
        await self.runner.setup()
        site = web.TCPSite(self.runner, host, port)
        await site.start()
        self._committer = asyncio.create_task(self._commit_loop())
        # aiohttp keeps the listening sockets on the site's asyncio Server.
        sockets = getattr(site._server, "sockets", None) or []
        if not sockets:
            raise OSError(f"not listening on {host}:{port}")
        return host, int(sockets[0].getsockname()[1])

    async def stop(self) -> None:
        for conn in self._all_connections():
            conn.outbox.put_nowait(None)
        for task in (self._committer, self._sender):
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
        self.room.flush()
        if self.runner is not None:
            await self.runner.cleanup()

    # ------------------------------------------------------------------ HTTP
    async def landing(self, request: web.Request) -> web.Response:
        title = html.escape(self.room.ruleset.scenario.title)
        origin = html.escape(str(request.url.origin()))
        body = (
            "<!doctype html><meta charset=utf-8><title>Brinkmanship classroom</title>"
            f"<h1>Brinkmanship classroom</h1><p>{title}</p>"
            f"<p>Join your seat from a terminal: <code>brink join {origin} CODE</code></p>"
        )
        if "browser-seat" in request.app.router:  # game.cli.browser_seats is installed
            body += '<p>Or play in this browser: <a href="/seat/">open your seat</a>.</p>'
        return web.Response(text=body, content_type="text/html")

    async def health(self, request: web.Request) -> web.Response:
        return web.json_response({"ok": True, "tables": len(self.room.tables)})

    # ------------------------------------------------------------------ WebSocket
    async def websocket(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(max_msg_size=MAX_CLIENT_FRAME, heartbeat=30)
        await ws.prepare(request)
        address = request.remote or "?"
        try:
            conn = await self._join(ws, address)
        except Exception:  # a bug must close one connection, never the server
            log.exception("joining from %s failed", address)
            conn = None
        if conn is None:
            await ws.close()
            return ws
        writer = asyncio.create_task(conn.writer())
        try:
            await self._serve(conn)
        except Exception:  # a bug must close one connection, never the server
            log.exception("connection from %s failed", address)
            conn.send(encode(Error(code="server", message=tx("internal error; reconnect"))))
        finally:
            self._leave(conn)
            conn.outbox.put_nowait(None)
            with contextlib.suppress(Exception):
                await writer
        return ws

    async def _join(self, ws: web.WebSocketResponse, address: str) -> Connection | None:
        try:
            frame = await asyncio.wait_for(ws.receive(), HELLO_TIMEOUT)
        except TimeoutError:
            await _reply(
                ws, Error(code="hello_first", message=tx("say hello with your code first"))
            )
            return None
        if frame.type != WSMsgType.TEXT:
            return None
        try:
            hello = parse_client(frame.data)
        except ProtocolError as err:
            await _reply(ws, Error(code=err.code, message=err.message))
            return None
        if not isinstance(hello, Hello):
            await _reply(
                ws, Error(code="hello_first", message=tx("say hello with your code first"))
            )
            return None
        # Attempts from one address are checked one at a time, each after that address's
        # delay: guessing codes in parallel is no faster. Other addresses do not wait.
        lock = self._address_locks.setdefault(address, asyncio.Lock())
        async with lock:
            delay = self.guard.delay(address)
            if delay:
                await asyncio.sleep(delay)
            seat = self.room.seat(normalise(hello.code))
            if seat is None:
                self.guard.failed(address)
                known = self.room.codes.get(normalise(hello.code))
                why = (
                    tx("this code was withdrawn by the instructor")
                    if known is not None
                    else tx("no seat has this code; check it against the roster")
                )
                await _reply(ws, Error(code="code", message=why))
                return None
            self.guard.succeeded(address)
        if not self._address_locks[address].locked():
            self._address_locks.pop(address, None)
        conn = Connection(ws, address, seat, self.rate())
        conn.send(encode(self._welcome(seat)))
        if seat.instructor:
            self.instructors.add(conn)
            conn.send(encode(self.room.rows(self._seat_counts)))
        else:
            key = seat.seat
            assert key is not None  # not the instructor's code: a delegation's seat
            self.seats.setdefault(key, set()).add(conn)
            push, conn.sent[key] = self.room.feed(*key, self._resumable(key, hello.known_moves))
            conn.send(encode(push))
            self._push_tables()
        return conn

    def _resumable(self, key: SeatKey, known_moves: int) -> Sent | None:
        """What a client that says it has seen `known_moves` moves holds of a seat, if
        the server knows it: views are decided by the moves, so a client that has seen
        as many as the seat was last sent holds that very view."""
        sent = self._seat_sent.get(key)
        if sent is None or known_moves == 0 or sent.moves != known_moves:
            return None
        if known_moves > self._rolled_back.get(key[0], known_moves):
            return None
        return sent

    def _welcome(self, seat: SeatCode) -> Welcome:
        settings = self.room.settings
        return Welcome(
            seat=Seat(instructor=True)
            if seat.instructor
            else Seat(table=seat.table, role=seat.role),
            scenario_id=settings.scenario_id,
            scenario_sha256=settings.scenario_sha256,
            seed=settings.seed,
            players={} if seat.instructor else dict(settings.players),
            tables=settings.tables,
            scenario=self._scenario_for(seat.seat[1] if seat.seat else None),
        )

    def _scenario_for(self, role: RoleId | None) -> dict[str, Any]:
        """The scenario as a role may see it, computed once per role."""
        if role not in self._scoped:
            self._scoped[role] = scoped_scenario(self.room.ruleset.scenario, role)
        return self._scoped[role]

    async def _serve(self, conn: Connection) -> None:
        async for frame in conn.ws:
            if frame.type != WSMsgType.TEXT:
                if frame.type == WSMsgType.BINARY:
                    conn.send(encode(Error(code="malformed", message=tx("send JSON text frames"))))
                    continue
                break  # closed, or an error such as an oversized frame
            if not conn.limit.allow():
                conn.send(
                    encode(Error(code="flood", message=tx("too many messages; disconnected")))
                )
                break
            try:
                message = parse_client(frame.data)
            except ProtocolError as err:
                conn.send(encode(Error(code=err.code, message=err.message)))
                if err.code == "version":
                    break
                conn.bad_messages += 1
                if conn.bad_messages >= MAX_BAD_MESSAGES:
                    break
                continue
            if conn.seat.revoked or self.room.seat(conn.seat.code) is None:
                conn.send(encode(Error(code="revoked", message=tx("this code was withdrawn"))))
                break
            self._handle(conn, message)

    def _handle(self, conn: Connection, message: Message) -> None:
        seat = conn.seat
        if isinstance(message, Ping):
            conn.send(encode(Pong()))
        elif isinstance(message, Hello):
            conn.send(encode(Error(code="invalid", message=tx("this connection already joined"))))
        elif isinstance(message, MoveRequest):
            self._move(conn, message)
        elif not seat.instructor:
            ident = getattr(message, "id", None)
            conn.send(
                encode(
                    Error(
                        code="not_allowed",
                        message=tx("only the instructor's code can do that"),
                        id=ident,
                    )
                )
            )
        elif isinstance(message, InstructorRequest):
            try:
                applied = self.room.intervene(
                    message.id, message.table, message.action, message.inject_id, message.days
                )
            except (ValueError, IllegalMove) as err:
                conn.send(encode(Error(code="invalid", message=str(err), id=message.id)))
                return
            pending = {p.table: p for p in self.room.last_pending}
            self._after_commit(lambda: self._answer_command(conn, applied, pending))
        elif isinstance(message, Watch):
            if message.table not in self.room.tables:
                conn.send(
                    encode(
                        Error(
                            code="no_table",
                            message=tx("there is no table {table}", table=message.table),
                        )
                    )
                )
                return
            conn.watching.add(message.table)
            for role in ROLES:
                push, conn.sent[(message.table, role)] = self.room.feed(
                    message.table, role, None, all_reasons=True
                )
                conn.send(encode(push))
        elif isinstance(message, CollectRequest):
            # After the moves in flight are committed: the saves hold what the store holds.
            ident = message.id
            self._after_commit(lambda: conn.send(encode(Saves(id=ident, files=self.room.saves()))))
        elif isinstance(message, Revoke):
            code = normalise(message.code)
            replacement = self.room.revoke(code)
            if replacement is None or replacement.table is None:
                error = Error(code="invalid", message=tx("no seat has this code"), id=message.id)
                conn.send(encode(error))
                return
            conn.send(
                encode(
                    Reissued(
                        id=message.id,
                        table=replacement.table,
                        role=replacement.role,
                        code=replacement.code,
                    )
                )
            )
            for other in self._all_connections():
                if other.seat.code == code:
                    other.send(encode(Error(code="revoked", message=tx("this code was withdrawn"))))
                    other.outbox.put_nowait(None)

    def _move(self, conn: Connection, request: MoveRequest) -> None:
        seat = conn.seat
        role = seat.role
        if not is_role(role) or seat.table is None:  # the instructor's seat
            conn.send(
                encode(
                    Error(
                        code="not_allowed",
                        message=tx("the instructor does not move for a delegation"),
                        id=request.id,
                    )
                )
            )
            return
        try:
            move = request.to_move()
        except ProtocolError as err:
            conn.send(encode(Error(code=err.code, message=err.message, id=request.id)))
            return
        table = seat.table
        answer = self.room.play(table, role, request.id, request.based_on, move)
        if isinstance(answer, Refused):
            conn.send(encode(answer))
            return
        pending = self.room.last_pending

        def answer_once_committed() -> None:
            if answer.duplicate:  # the first copy may have been given up since
                done = request.id in self.room.tables[table].applied
            else:
                done = all(p.committed for p in pending)
            if not done:
                conn.send(encode(Refused(id=request.id, reason=NOT_RECORDED)))
                return
            conn.send(encode(answer))
            if not answer.duplicate:
                self._moved.add(table)

        self._after_commit(answer_once_committed)

    def _answer_command(
        self, conn: Connection, applied: Applied, pending: dict[int, Pending]
    ) -> None:
        results = []
        for result in applied.results:
            given_up = result.table in pending and not pending[result.table].committed
            results.append(
                result.model_copy(update={"reason": NOT_RECORDED}) if given_up else result
            )
        conn.send(encode(applied.model_copy(update={"results": results})))
        for result in results:
            if result.reason is None and result.table in pending:
                self._moved.add(result.table)

    # ------------------------------------------------------------------ committing
    def _after_commit(self, then: Callable[[], None]) -> None:
        """Run `then` once every move applied so far is committed (or given up)."""
        self._callbacks.append(then)
        self._work.set()

    async def _commit_loop(self) -> None:
        """Commit what the tables played, many moves per transaction, in a worker thread
        so the disk sync never stalls the connections; then send the answers."""
        while True:
            await self._work.wait()
            self._work.clear()
            batch = self.room.take_batch()
            callbacks, self._callbacks = self._callbacks, []
            if batch:
                try:
                    # Written here, synced in a worker thread: see RoomStore.stage_many.
                    self.room.stage(batch)
                    await asyncio.to_thread(self.room.commit, batch)
                except Exception:
                    log.exception("could not record %d moves", len(batch))
                    for table in sorted({p.table for p in self.room.failed(batch)}):
                        self._resync(table)
            for then in callbacks:
                try:
                    then()
                except Exception:
                    log.exception("answering after a commit failed")
            if self._moved and self._sender is None:
                # The answers go out first (each connection's writer, woken above, sends
                # what is queued when it runs), then the views, one per table however
                # many of its moves this commit held: an acknowledgement never waits for
                # the views of the other tables in the batch. Meanwhile this loop starts
                # the next commit, so the views are built while the disk syncs.
                self._sender = asyncio.create_task(self._send_moved())

    async def _send_moved(self) -> None:
        """The views of the tables that moved, a few tables at a time: in between, the
        loop reads new moves and sends the answers of the next commit, so no answer
        waits for a whole class's views (building them took 15-25 ms at 50 tables)."""
        try:
            while self._moved:
                moved, self._moved = sorted(self._moved), set()
                for done, table in enumerate(moved, 1):
                    try:
                        self._broadcast(table, tables=False)
                    except Exception:  # a bug must cost some views, never the server
                        log.exception("sending the views of table %d failed", table)
                    if done % VIEWS_PER_TURN == 0:
                        await asyncio.sleep(0)
                self._push_tables()
        finally:
            self._sender = None

    # ------------------------------------------------------------------ pushing
    def _broadcast(self, table: int, tables: bool = True) -> None:
        """Every seat of `table` gets its own role's view; watchers get both; the desk
        gets the table of tables (unless `tables` is False: the caller sends it once for
        several tables). Each connection is sent a delta from what it holds;
        connections holding the same (as all of a seat's do after the first broadcast)
        share one frame."""
        watchers = [c for c in self.instructors if table in c.watching]
        for role in ROLES:
            key = (table, role)
            conns = self.seats.get(key, set())
            sent = self._send_views(key, conns, all_reasons=False)
            if sent is not None:
                self._seat_sent[key] = sent
            self._send_views(key, watchers, all_reasons=True)
        if tables:
            self._push_tables()

    def _send_views(
        self, key: SeatKey, conns: Iterable[Connection], all_reasons: bool
    ) -> Sent | None:
        """Bring each connection's view of a seat up to date; what they hold after."""
        frames: list[tuple[Sent | None, str, Sent]] = []  # base -> frame, new base
        latest = None
        for conn in conns:
            base = conn.sent.get(key)
            hit = next((f for f in frames if f[0] is base), None)
            if hit is None:
                push, sent = self.room.feed(*key, base, all_reasons=all_reasons)
                hit = (base, encode(push), sent)
                frames.append(hit)
            conn.sent[key] = latest = hit[2]
            conn.send(hit[1])
        return latest

    def _resync(self, table: int) -> None:
        """Whole views to everyone at a table whose moves had to be given up: what they
        saw may have run ahead of what the store holds."""
        moves = self.room.tables[table].moves
        self._rolled_back[table] = min(moves, self._rolled_back.get(table, moves))
        for role in ROLES:
            key = (table, role)
            for conn in self.seats.get(key, ()):
                conn.sent.pop(key, None)
            for conn in self.instructors:
                if table in conn.watching:
                    conn.sent.pop(key, None)
        self._broadcast(table)

    def _push_tables(self) -> None:
        if self.instructors:
            frame = encode(self.room.rows(self._seat_counts))
            for conn in self.instructors:
                conn.send(frame)

    def _seat_counts(self, table: int) -> dict[RoleId, int]:
        return {role: len(self.seats.get((table, role), ())) for role in ROLES}

    def _leave(self, conn: Connection) -> None:
        self.instructors.discard(conn)
        if conn.seat.seat is not None:
            conns = self.seats.get(conn.seat.seat)
            if conns is not None:
                conns.discard(conn)
            self._push_tables()

    def _all_connections(self) -> list[Connection]:
        return [c for conns in self.seats.values() for c in conns] + list(self.instructors)


async def _reply(ws: web.WebSocketResponse, message: Message) -> None:
    with contextlib.suppress(ConnectionError, RuntimeError):
        await ws.send_str(encode(message))


# Container objects allocated (net of those freed) between young collections.
GC_YOUNG_THRESHOLD = 10_000


def settle_memory() -> None:
    """Keep Python's cycle collector out of the moves' way. What the room holds once
    loaded (the scenario, the catalogues, every table's game) lives as long as the
    server, yet a full collection walked all of it: a pause of 50-150 ms in the middle
    of a class's moves, on its own over the latency target. Frozen, it is never walked
    again; and a move's garbage is freed as it goes (it has few cycles), so young
    collections every 10,000 surviving objects instead of every 700 interrupt the moves
    far less often for the same work."""
    gc.collect()
    gc.freeze()
    _, older, oldest = gc.get_threshold()
    gc.set_threshold(GC_YOUNG_THRESHOLD, older, oldest)


def run_until_stopped(
    server: ClassServer, host: str, port: int, ready: Callable[[str, int], Any]
) -> None:
    """Serve until Ctrl+C or SIGTERM; `ready(host, port)` is called once listening.
    Stopping commits what is pending: nothing a player was told is lost."""

    async def main() -> None:
        settle_memory()
        bound = await server.start(host, port)
        ready(*bound)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for name in ("SIGINT", "SIGTERM"):
            with contextlib.suppress(NotImplementedError, AttributeError, ValueError):
                loop.add_signal_handler(getattr(signal, name), stop.set)
        try:
            await stop.wait()
        finally:
            await server.stop()

    asyncio.run(main())
