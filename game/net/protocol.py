"""The classroom protocol, version 1: JSON text frames over a WebSocket at `/ws`.

Every message is a pydantic model carrying `v` (the protocol version) and `type`; one
discriminated union parses what a client sends, another what the server sends. Anything
that is not a well-formed message of this version becomes a `ProtocolError` with a code
and a sentence for a person, never an exception from deep inside a parser.

Client → server: hello, move, instructor, watch, collect, revoke, ping.
Server → client: welcome, view, ack, refused, applied, error, tables, saves, reissued,
pong.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, model_validator
from pydantic_core import from_json

from game.engine.moves import Move, MoveRole
from game.net.wire_text import WireStr, joined_translations, split_translations
from game.scenario.models import RoleId

VERSION = 1
# A frame larger than this is refused (the server also tells aiohttp, which closes the
# connection before reading it); the biggest legitimate frames are the server's views.
MAX_CLIENT_FRAME = 16 * 1024
MAX_SERVER_FRAME = 8 * 1024 * 1024
WS_PATH = "/ws"

ClientKind = Literal["tui", "browser", "console", "bot"]
InstructorAction = Literal["pause", "resume", "extend", "inject"]

MessageId = Annotated[str, Field(min_length=1, max_length=64)]
Code = Annotated[str, Field(min_length=1, max_length=32)]


class ProtocolError(Exception):
    """A frame that is not a message this server understands; `code` says which way."""

    # Codes: malformed (not JSON / not an object), too_large, version, unknown_type, invalid.
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def _empty(value: object) -> bool:
    # Left out of a frame when there is nothing in it: older readers never see the key.
    return not value


class Message(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    v: Literal[1] = 1  # VERSION


# --------------------------------------------------------------------------- client → server


class Hello(Message):
    type: Literal["hello"] = "hello"
    code: Code
    client: ClientKind = "bot"
    # Moves the client has already seen (0 on a first connection); a reconnecting
    # client sends its count, and if the server still knows the view it had then, it
    # sends only what changed since (a delta) instead of the whole view.
    known_moves: int = Field(default=0, ge=0)


class MoveRequest(Message):
    type: Literal["move"] = "move"
    id: MessageId
    # The number of moves of the view this move was built on; if the table has moved on
    # since, the move is refused rather than applied to a game its sender has not seen.
    based_on: int = Field(ge=0)
    move: dict[str, Any]

    def to_move(self) -> Move:
        try:
            return Move.from_json(self.move)
        except ValueError as err:
            raise ProtocolError("invalid", f"the move is malformed: {err}") from None

    @classmethod
    def of(cls, id: str, based_on: int, move: Move) -> MoveRequest:
        return cls(id=id, based_on=based_on, move=move.to_json())


class InstructorRequest(Message):
    type: Literal["instructor"] = "instructor"
    id: MessageId
    table: int | None = Field(default=None, ge=1)  # None: every table
    action: InstructorAction
    inject_id: str = Field(default="", max_length=100)
    days: int = Field(default=7, ge=1, le=365)


class Watch(Message):
    """The instructor opens a table read-only: both sides' views are pushed from now on."""

    type: Literal["watch"] = "watch"
    table: int = Field(ge=1)


class CollectRequest(Message):
    type: Literal["collect"] = "collect"
    id: MessageId


class Revoke(Message):
    """The instructor withdraws a seat's code (a code that went round the class): its
    connections are closed and the seat gets a new code, sent back in `reissued`."""

    type: Literal["revoke"] = "revoke"
    id: MessageId
    code: Code


class Ping(Message):
    type: Literal["ping"] = "ping"


ClientMessage = Annotated[
    Hello | MoveRequest | InstructorRequest | Watch | CollectRequest | Revoke | Ping,
    Field(discriminator="type"),
]

# --------------------------------------------------------------------------- server → client


class Seat(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    table: int | None = None
    role: MoveRole | None = None  # a delegation, or "instructor"
    instructor: bool = False


class Welcome(Message):
    type: Literal["welcome"] = "welcome"
    seat: Seat
    scenario_id: str
    scenario_sha256: str
    seed: int
    players: dict[RoleId, str]  # the seat's table (empty for the instructor): role -> player
    tables: int
    # The scenario as this seat may see it: for a delegation, the other side's briefing,
    # objectives, preferences, key figures and private meters are removed.
    scenario: dict[str, Any]


class Reply(BaseModel):
    """An AI chair's last move; its reasons only where the receiver may read them."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    move: dict[str, Any]
    # Each a string, or {"en": ..., "es": ...} on the wire (see game.net.wire_text).
    reasons: list[WireStr] = Field(default_factory=list)


class ViewPush(Message):
    type: Literal["view"] = "view"
    table: int
    role: RoleId
    moves: int  # moves made at the table, AI and instructor moves included
    view: dict[str, Any]  # a RoleView, see game.net.views
    # A delta (full=False) builds on the last view this connection received of the seat
    # (a connection's first view of a seat is full, unless its hello's `known_moves`
    # matched a view the server knows it has): the view holds every plain field, the
    # lists and mappings that changed (of `env`, only the entries that changed), and
    # the events from `events_from` on; the timeline's points start at
    # `timeline_from` and the move list at `move_list_from`. game.net.feed.merge_push
    # (game.net.views.merge_view for the view alone) rebuilds the whole push.
    full: bool = True
    events_from: int = Field(default=0, ge=0)
    replies: dict[RoleId, Reply] = Field(default_factory=dict)
    # Visible meters over time, for charts: meter -> values, one per event of the clock.
    timeline: dict[str, list[float]] = Field(default_factory=dict)
    timeline_from: int = Field(default=0, ge=0)
    # Every move made at the table, as saves store them (offers and notes are public).
    move_list: list[dict[str, Any]] = Field(default_factory=list)
    move_list_from: int = Field(default=0, ge=0)


class Ack(Message):
    type: Literal["ack"] = "ack"
    id: str
    moves: int
    # The same message id was applied before (a client re-sending after a reconnect):
    # nothing was applied again.
    duplicate: bool = False


class Refused(Message):
    type: Literal["refused"] = "refused"
    id: str
    reason: str  # in English; the other languages under `translations`
    translations: dict[str, dict[str, str]] = Field(default_factory=dict, exclude_if=_empty)

    @model_validator(mode="before")
    @classmethod
    def _split(cls, data: Any) -> Any:
        return split_translations(data, ("reason",))

    @model_validator(mode="after")
    def _join(self) -> Refused:
        joined_translations(self, ("reason",))
        return self


class TableResult(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    table: int
    moves: int
    reason: WireStr | None = None  # None: applied


class Applied(Message):
    """The answer to an instructor command: what happened at each table it addressed."""

    type: Literal["applied"] = "applied"
    id: str
    results: list[TableResult]


class Error(Message):
    type: Literal["error"] = "error"
    # malformed, too_large, version, unknown_type, invalid, code, flood, not_allowed,
    # no_table, hello_first, server
    code: str
    message: str
    id: str | None = None
    # The message in the other languages (see game.net.wire_text); `message` is English.
    translations: dict[str, dict[str, str]] = Field(default_factory=dict, exclude_if=_empty)

    @model_validator(mode="before")
    @classmethod
    def _split(cls, data: Any) -> Any:
        return split_translations(data, ("message",))

    @model_validator(mode="after")
    def _join(self) -> Error:
        joined_translations(self, ("message",))
        return self


class TableRow(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    table: int
    phase: WireStr
    date: str
    tariff_rate: float
    to_move: str
    last_move: WireStr
    last_move_at: float | None  # Unix time (server clock) of the last move, None before
    ending: str | None
    moves: int
    clock_paused: bool = False
    seats: dict[RoleId, int] = Field(default_factory=dict)  # role -> connected clients


class Tables(Message):
    type: Literal["tables"] = "tables"
    rows: list[TableRow]
    injects: dict[str, WireStr] = Field(default_factory=dict)  # id -> label


class Saves(Message):
    type: Literal["saves"] = "saves"
    id: str
    files: dict[str, str]  # file name -> the .brink.json text


class Reissued(Message):
    type: Literal["reissued"] = "reissued"
    id: str
    table: int
    role: MoveRole
    code: str  # the seat's new code; the old one no longer opens it


class Pong(Message):
    type: Literal["pong"] = "pong"


ServerMessage = Annotated[
    Welcome | ViewPush | Ack | Refused | Applied | Error | Tables | Saves | Reissued | Pong,
    Field(discriminator="type"),
]

_CLIENT: TypeAdapter[Any] = TypeAdapter(ClientMessage)
_SERVER: TypeAdapter[Any] = TypeAdapter(ServerMessage)
_CLIENT_TYPES = {"hello", "move", "instructor", "watch", "collect", "revoke", "ping"}
_SERVER_TYPES = {
    "welcome", "view", "ack", "refused", "applied", "error", "tables", "saves", "reissued", "pong"
}  # fmt: skip


def parse_client(frame: str | bytes, limit: int = MAX_CLIENT_FRAME) -> Message:
    """A client's frame as a message; raise ProtocolError on anything else."""
    return _parse(frame, limit, _CLIENT, _CLIENT_TYPES)


def parse_server(frame: str | bytes, limit: int = MAX_SERVER_FRAME) -> Message:
    """A server's frame as a message; raise ProtocolError on anything else."""
    return _parse(frame, limit, _SERVER, _SERVER_TYPES)


def encode(message: Message) -> str:
    return message.model_dump_json()


def _parse(frame: str | bytes, limit: int, adapter: TypeAdapter[Any], types: set[str]) -> Message:
    if len(frame) > limit:
        raise ProtocolError("too_large", f"a message may be at most {limit} bytes")
    try:
        # pydantic's own JSON parser (Rust): a view is read in well under half the time
        # `json.loads` takes, and a client reads one at every move.
        data = from_json(frame)
    except (ValueError, RecursionError):
        raise ProtocolError("malformed", "the message is not valid JSON") from None
    if not isinstance(data, dict):
        raise ProtocolError("malformed", "a message must be a JSON object")
    version = data.get("v")
    if type(version) is not int or version != VERSION:
        raise ProtocolError(
            "version",
            f"this server speaks protocol version {VERSION}, the message has version "
            f"{version!r}; update Brinkmanship so both sides match",
        )
    kind = data.get("type")
    if not isinstance(kind, str) or kind not in types:
        raise ProtocolError("unknown_type", f"unknown message type {str(kind)[:40]!r}")
    try:
        message: Message = adapter.validate_python(data)
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(p) for p in first["loc"][1:]) or "message"
        raise ProtocolError("invalid", f"{kind} message: {where}: {first['msg']}") from None
    return message
