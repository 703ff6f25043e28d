"""The message parser: every well-formed message round-trips, anything else becomes a
ProtocolError with a code — never another exception (hypothesis fuzzes it)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine.moves import Move
from game.net.protocol import (
    MAX_CLIENT_FRAME,
    Ack,
    Applied,
    CollectRequest,
    Error,
    Hello,
    InstructorRequest,
    Message,
    MoveRequest,
    Ping,
    ProtocolError,
    Refused,
    Revoke,
    TableResult,
    Watch,
    encode,
    parse_client,
    parse_server,
)

CLIENT_MESSAGES: list[Message] = [
    Hello(code="K7M2QX9P", client="tui", known_moves=4),
    MoveRequest.of("a1", 3, Move.propose("us", {"guard": "token"}, note="Our final word")),
    MoveRequest.of("a2", 0, Move.act("mexico", "deliver_as_promised")),
    InstructorRequest(id="i", table=2, action="inject", inject_id="court-ruling"),
    InstructorRequest(id="j", action="extend", days=7),
    Watch(table=3),
    CollectRequest(id="c"),
    Revoke(id="r", code="K7M2QX9P"),
    Ping(),
]


@pytest.mark.parametrize("message", CLIENT_MESSAGES, ids=lambda m: m.type)  # type: ignore[attr-defined]
def test_client_messages_round_trip(message: Message) -> None:
    assert parse_client(encode(message)) == message


def test_server_messages_round_trip() -> None:
    for message in [
        Ack(id="a", moves=3),
        Refused(id="a", reason="the table moved on: Mexico proposes"),
        Applied(id="i", results=[TableResult(table=1, moves=4, reason=None)]),
        Error(code="version", message="..."),
    ]:
        assert parse_server(encode(message)) == message


def test_a_move_request_carries_the_move_as_saves_store_it() -> None:
    move = Move.propose("us", {"guard": "token", "mpp": "whole_border"})
    request = parse_client(encode(MoveRequest.of("x", 1, move)))
    assert isinstance(request, MoveRequest)
    assert request.to_move() == move
    bad = parse_client(json.dumps({"v": 1, "type": "move", "id": "x", "based_on": 0, "move": {}}))
    with pytest.raises(ProtocolError) as err:
        bad.to_move()  # type: ignore[attr-defined]
    assert err.value.code == "invalid"


@pytest.mark.parametrize(
    ("frame", "code"),
    [
        ("", "malformed"),
        ("{", "malformed"),
        ("null", "malformed"),
        ('"hello"', "malformed"),
        ("[" * 100_000, "too_large"),
        ("[" * 5000 + "]" * 5000, "malformed"),
        ('{"type": "hello", "code": "X"}', "version"),
        ('{"v": "1", "type": "hello", "code": "X"}', "version"),
        ('{"v": 1, "type": "welcome"}', "unknown_type"),
        ('{"v": 1, "type": {"a": 1}}', "unknown_type"),
        ('{"v": true, "type": "ping"}', "version"),
        ('{"v": 1, "type": "hello"}', "invalid"),
        ('{"v": 1, "type": "hello", "code": "X", "client": "rootkit"}', "invalid"),
        ('{"v": 1, "type": "move", "id": "x", "based_on": -1, "move": {}}', "invalid"),
        ('{"v": 1, "type": "instructor", "id": "x", "action": "shutdown"}', "invalid"),
        ('{"v": 1, "type": "watch", "table": 0}', "invalid"),
    ],
)
def test_bad_frames_become_typed_errors(frame: str, code: str) -> None:
    with pytest.raises(ProtocolError) as err:
        parse_client(frame)
    assert err.value.code == code
    assert err.value.message


def test_the_size_limit_counts_the_frame() -> None:
    padded = json.dumps({"v": 1, "type": "ping"}) + " " * MAX_CLIENT_FRAME
    with pytest.raises(ProtocolError) as err:
        parse_client(padded)
    assert err.value.code == "too_large"


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
kinds = (
    st.sampled_from(["hello", "move", "instructor", "watch", "collect", "revoke", "ping", "x"])
    | json_values
)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200) | st.binary(max_size=200))
def test_any_bytes_parse_or_fail_with_a_protocol_error(frame: str | bytes) -> None:
    try:
        message = parse_client(frame)
    except ProtocolError as err:
        assert err.code in {"malformed", "too_large", "version", "unknown_type", "invalid"}
    else:
        assert isinstance(message, Message)


@settings(max_examples=500, deadline=None)
@given(kinds, st.dictionaries(st.sampled_from(
    ["code", "client", "known_moves", "id", "based_on", "move", "table", "action",
     "inject_id", "days", "extra"]), json_values, max_size=6))  # fmt: skip
def test_any_object_of_this_version_parses_or_fails_with_a_protocol_error(
    kind: object, fields: dict[str, object]
) -> None:
    frame = json.dumps({"v": 1, "type": kind, **fields})
    try:
        message = parse_client(frame)
    except ProtocolError as err:
        assert err.code in {"unknown_type", "invalid"}
    else:
        assert message.type == kind  # type: ignore[attr-defined]
        assert parse_client(encode(message)) == message
        if isinstance(message, MoveRequest):
            try:
                message.to_move()
            except ProtocolError as err:
                assert err.code == "invalid"
