"""A headless classroom client: join a seat (or the instructor's desk) with a code, send
moves and commands, receive the views the server pushes, and reconnect by itself.

Used by the tests, the benchmark's bots, `brink class collect`, and the remote session
the Textual screens drive. No textual here.

    client = ClassClient("http://127.0.0.1:8765", "K7M2QX9P")
    welcome = await client.connect()
    push = await client.next_view()
    answer = await client.move(Move("mexico", "walk_out"), based_on=push.moves)
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import uuid
from collections.abc import AsyncIterator, Callable
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import aiohttp

from game.engine.moves import Move
from game.net.codes import SeatKey
from game.net.feed import merge_push
from game.net.protocol import (
    MAX_SERVER_FRAME,
    WS_PATH,
    Ack,
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
    Tables,
    ViewPush,
    Watch,
    Welcome,
    encode,
    parse_server,
)
from game.scenario.models import RoleId, is_role

# Errors after which reconnecting cannot help: the code is wrong or revoked, the
# versions differ, or the server judged this client abusive.
FATAL_ERRORS = frozenset({"code", "version", "flood", "revoked"})
CONNECTING, CONNECTED, RECONNECTING, CLOSED = "connecting", "connected", "reconnecting", "closed"


class ClassClientError(Exception):
    """The classroom could not be joined or the connection was given up; for a person."""

    def __init__(self, message: str, code: str = "") -> None:
        super().__init__(message)
        self.code = code


def websocket_url(url: str) -> str:
    """`http://host:port` as `class start` prints it → `ws://host:port/ws`."""
    parts = urlsplit(url if "://" in url else f"http://{url}")
    if parts.scheme not in ("http", "https", "ws", "wss") or not parts.hostname:
        raise ClassClientError(f"{url!r} is not a classroom address such as http://HOST:PORT")
    scheme = "wss" if parts.scheme in ("https", "wss") else "ws"
    return urlunsplit((scheme, parts.netloc, WS_PATH, "", ""))


class ClassClient:
    def __init__(
        self,
        url: str,
        code: str,
        client: str = "bot",
        *,
        reconnect: bool = True,
        first_backoff: float = 0.05,
        max_backoff: float = 2.0,
        on_state: Callable[[str], None] | None = None,
    ) -> None:
        self.url = websocket_url(url)
        self.code = code.strip().upper()
        self.kind = client
        self.reconnect = reconnect
        self.first_backoff = first_backoff
        self.max_backoff = max_backoff
        self.on_state = on_state
        self.state = CONNECTING
        self.welcome: Welcome | None = None
        self.tables: Tables | None = None
        self.latest: dict[SeatKey, ViewPush] = {}
        # Every push (views, always whole, and instructor tables), in the order received.
        self.pushes: asyncio.Queue[ViewPush | Tables] = asyncio.Queue()
        self.connections = 0  # successful connections so far (reconnects = this - 1)
        self.error: ClassClientError | None = None
        self._pending: dict[str, tuple[asyncio.Future[Message], Message]] = {}
        self._ws: aiohttp.ClientWebSocketResponse | None = None
        self._http: aiohttp.ClientSession | None = None
        self._runner: asyncio.Task[None] | None = None
        self._connected = asyncio.Event()
        self._changed = asyncio.Event()  # set (and replaced) whenever anything changes
        self._closing = False

    # ------------------------------------------------------------------ lifecycle
    async def connect(self, timeout: float = 10.0) -> Welcome:
        """Join; raise ClassClientError if the server cannot be reached or says no."""
        self._http = aiohttp.ClientSession()
        try:
            ws, welcome = await asyncio.wait_for(self._open(), timeout)
        except (aiohttp.ClientError, OSError, TimeoutError) as err:
            await self._http.close()
            raise ClassClientError(
                f"cannot reach the classroom at {self.url}: {_why(err)}"
            ) from None
        except ClassClientError:
            await self._http.close()
            raise
        self._runner = asyncio.create_task(self._run(ws))
        return welcome

    async def close(self) -> None:
        self._closing = True
        if self._ws is not None:
            await self._ws.close()
        if self._runner is not None:
            self._runner.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._runner
        if self._http is not None:
            await self._http.close()
        self._set_state(CLOSED)
        self._fail_pending(ClassClientError("the client was closed"))

    async def __aenter__(self) -> ClassClient:
        await self.connect()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    @property
    def seat(self) -> SeatKey | None:
        """(table, role) of this client's seat; None for the instructor."""
        if self.welcome is None or self.welcome.seat.instructor:
            return None
        role = self.welcome.seat.role
        return (self.welcome.seat.table or 0, role) if is_role(role) else None

    # ------------------------------------------------------------------ requests
    async def move(
        self, move: Move, based_on: int | None = None, timeout: float = 30.0
    ) -> Ack | Refused:
        """Send a move; return the server's ack or its refusal (with the reason)."""
        if based_on is None:
            based_on = self.moves()
        answer = await self._request(MoveRequest.of(_new_id(), based_on, move), timeout)
        assert isinstance(answer, Ack | Refused)
        return answer

    async def instructor(
        self,
        action: str,
        table: int | None = None,
        inject_id: str = "",
        days: int = 7,
        timeout: float = 30.0,
    ) -> Applied:
        request = InstructorRequest.model_validate(
            {"id": _new_id(), "table": table, "action": action, "inject_id": inject_id,
             "days": days}
        )  # fmt: skip
        answer = await self._request(request, timeout)
        assert isinstance(answer, Applied)
        return answer

    async def revoke(self, code: str, timeout: float = 30.0) -> Reissued:
        """Withdraw a seat's code (instructor only); the answer holds the seat's new code."""
        answer = await self._request(Revoke(id=_new_id(), code=code), timeout)
        assert isinstance(answer, Reissued)
        return answer

    async def collect(self, timeout: float = 60.0) -> Saves:
        answer = await self._request(CollectRequest(id=_new_id()), timeout)
        assert isinstance(answer, Saves)
        return answer

    async def watch(self, table: int) -> None:
        await self.send(Watch(table=table))

    async def ping(self) -> None:
        await self.send(Ping())

    async def send(self, message: Message) -> None:
        """Send one message as it is (waits while reconnecting)."""
        await self._connected.wait()
        assert self._ws is not None
        await self._ws.send_str(encode(message))

    # ------------------------------------------------------------------ views
    def moves(self, table: int | None = None) -> int:
        """Moves made at this seat's table (or `table`), as far as this client knows."""
        pushes = [p for (t, _), p in self.latest.items() if table is None or t == table]
        return max((p.moves for p in pushes), default=0)

    def view(self, table: int | None = None, role: RoleId | None = None) -> ViewPush | None:
        if table is None or role is None:
            if self.seat is None:
                return None
            table, role = self.seat
        return self.latest.get((table, role))

    async def next_view(self, timeout: float = 30.0) -> ViewPush:
        """The next view pushed (tables updates are skipped)."""
        async with asyncio.timeout(timeout):
            while True:
                push = await self.pushes.get()
                if isinstance(push, ViewPush):
                    return push

    async def wait_for(self, condition: Callable[[ClassClient], Any], timeout: float = 30.0) -> Any:
        """Wait until `condition(self)` is truthy (checked after every frame)."""
        async with asyncio.timeout(timeout):
            while True:
                changed = self._changed
                result = condition(self)
                if result:
                    return result
                if self.error is not None:
                    raise self.error
                await changed.wait()

    # ------------------------------------------------------------------ internals
    async def _request(self, message: Message, timeout: float) -> Message:
        ident: str = message.id  # type: ignore[attr-defined]
        future: asyncio.Future[Message] = asyncio.get_running_loop().create_future()
        self._pending[ident] = (future, message)
        try:
            if self._connected.is_set() and self._ws is not None:
                # Sent now; if the connection drops first, it is re-sent on reconnect
                # with the same id, and the server answers it once.
                with contextlib.suppress(ConnectionError, aiohttp.ClientError):
                    await self._ws.send_str(encode(message))
            elif self.error is not None:
                raise self.error
            return await asyncio.wait_for(asyncio.shield(future), timeout)
        finally:
            self._pending.pop(ident, None)

    async def _open(self) -> tuple[aiohttp.ClientWebSocketResponse, Welcome]:
        assert self._http is not None
        ws = await self._http.ws_connect(self.url, max_msg_size=MAX_SERVER_FRAME, heartbeat=20)
        hello = Hello(code=self.code, client=self.kind, known_moves=self.moves())  # type: ignore[arg-type]
        await ws.send_str(encode(hello))
        reply = await ws.receive()
        if reply.type != aiohttp.WSMsgType.TEXT:
            await ws.close()
            raise ClassClientError("the classroom closed the connection before welcoming us")
        message = parse_server(reply.data)
        if isinstance(message, Error):
            await ws.close()
            raise ClassClientError(message.message, message.code)
        if not isinstance(message, Welcome):
            await ws.close()
            raise ClassClientError(f"the classroom answered {message.type!r} to hello")  # type: ignore[attr-defined]
        self.welcome = message
        self._ws = ws
        self.connections += 1
        self._connected.set()
        self._set_state(CONNECTED)
        for _, request in list(self._pending.values()):
            await ws.send_str(encode(request))
        return ws, message

    async def _run(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        backoff = self.first_backoff
        while True:
            await self._read(ws)
            self._connected.clear()
            if self._closing or not self.reconnect or self.error is not None:
                break
            self._set_state(RECONNECTING)
            while True:
                # Jitter spreads a whole class reconnecting after a server restart.
                await asyncio.sleep(backoff * (0.5 + random.random()))
                backoff = min(backoff * 2, self.max_backoff)
                try:
                    ws, _ = await asyncio.wait_for(self._open(), 10)
                    backoff = self.first_backoff
                    break
                except (aiohttp.ClientError, OSError, TimeoutError, ProtocolError):
                    continue
                except ClassClientError as err:
                    if err.code in FATAL_ERRORS:
                        self.error = err
                        break
            if self.error is not None:
                break
        self._set_state(CLOSED)
        self._fail_pending(self.error or ClassClientError("the connection to the classroom closed"))

    async def _read(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        with contextlib.suppress(aiohttp.ClientError, ConnectionError):
            async for frame in ws:
                if frame.type != aiohttp.WSMsgType.TEXT:
                    continue
                try:
                    message = parse_server(frame.data)
                except ProtocolError:
                    continue  # a newer server's message we cannot read: skip it
                self._dispatch(message)
                self._notify()

    def _dispatch(self, message: Message) -> None:
        if isinstance(message, ViewPush):
            key = (message.table, message.role)
            if not message.full:
                previous = self.latest.get(key)
                if previous is None:
                    return  # cannot happen: a delta builds on a view this client has
                message = merge_push(previous, message)
            self.latest[key] = message
            self.pushes.put_nowait(message)
        elif isinstance(message, Tables):
            self.tables = message
            self.pushes.put_nowait(message)
        elif isinstance(message, Ack | Refused | Applied | Saves | Reissued):
            self._resolve(message.id, message)
        elif isinstance(message, Error):
            if message.code in FATAL_ERRORS:
                self.error = ClassClientError(message.message, message.code)
            if message.id is not None:
                self._resolve(message.id, ClassClientError(message.message, message.code))
        elif isinstance(message, Pong | Welcome):
            pass

    def _resolve(self, ident: str, result: Message | Exception) -> None:
        entry = self._pending.get(ident)
        if entry is None or entry[0].done():
            return
        if isinstance(result, Exception):
            entry[0].set_exception(result)
        else:
            entry[0].set_result(result)

    def _fail_pending(self, error: Exception) -> None:
        for future, _ in self._pending.values():
            if not future.done():
                future.set_exception(error)

    def _set_state(self, state: str) -> None:
        self.state = state
        if self.on_state is not None:
            self.on_state(state)
        self._notify()

    def _notify(self) -> None:
        """Wake every `wait_for`, which checks its condition again."""
        self._changed.set()
        self._changed = asyncio.Event()


@contextlib.asynccontextmanager
async def instructor_desk(url: str, code: str, doing: str) -> AsyncIterator[ClassClient]:
    """A connection with the instructor's code, for one command (no reconnecting);
    raise ClassClientError if the code is a seat's: `doing` says what needed it."""
    client = ClassClient(url, code, "console", reconnect=False)
    welcome = await client.connect()
    try:
        if not welcome.seat.instructor:
            raise ClassClientError(f"{doing} needs the instructor's code")
        yield client
    finally:
        await client.close()


def _new_id() -> str:
    return uuid.uuid4().hex


def _why(err: BaseException) -> str:
    if isinstance(err, TimeoutError):
        return "no answer"
    return str(err) or type(err).__name__
