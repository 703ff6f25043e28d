"""One seat of a classroom table, played through the same `GameSession` interface as a
local game, so the very same screens drive it.

The engine runs on the class server; this side only shows what the server pushes and
sends moves up. Every change (a view pushed, a move acknowledged or refused, the
connection lost or back) is handed to `listener`, which the Textual app turns into a
screen refresh, a status line or a banner. No textual here.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import ValidationError

from game.ai.agent import Decision, Reason
from game.engine.api import Outcome, RoleView
from game.engine.events import Event
from game.engine.moves import Move
from game.i18n import N_, tx
from game.net.client import CLOSED, CONNECTED, RECONNECTING, ClassClient, ClassClientError
from game.net.protocol import Ack, ViewPush, Welcome
from game.net.views import ViewReader
from game.play.interface import Reply
from game.saves import SaveError
from game.scenario.models import ROLES, RoleId, Scenario, as_role

if TYPE_CHECKING:
    from game.play.session import Session
    from game.report.debrief import Debrief

# What the listener hears: the kind of change, and a sentence for the player.
VIEW, ACKED, REFUSED, CONNECTION = "view", "acked", "refused", "connection"


@dataclass(frozen=True)
class Change:
    kind: str  # VIEW, ACKED, REFUSED or CONNECTION
    text: str = ""
    # For CONNECTION: the client's state (connected, reconnecting, closed).
    state: str = ""


Listener = Callable[[Change], None]


class RemoteSession:
    """A seat (table, role) of a class server's room; implements `GameSession`."""

    def __init__(self, client: ClassClient, welcome: Welcome, first: ViewPush) -> None:
        if welcome.seat.instructor or welcome.seat.role not in ROLES:
            raise ClassClientError("this is the instructor's code: use `brink class console`")
        self.client = client
        self.welcome = welcome
        self.table = welcome.seat.table or 0
        self.role: RoleId = as_role(welcome.seat.role or "")
        self._scenario = seat_scenario(welcome.scenario)
        self.listener: Listener | None = None
        self._push = first
        self._views = ViewReader()
        self._view = self._views.read(first.view)
        self._final: Session | None = None
        self._final_error = ""
        self._reader: asyncio.Task[None] | None = None
        self._sending: set[asyncio.Task[None]] = set()

    # ------------------------------------------------------------------ connecting
    @classmethod
    async def join(cls, url: str, code: str, client: str = "tui") -> RemoteSession:
        """Connect with a seat's code and wait for its first view (ClassClientError if
        the classroom cannot be reached or the code is not a seat's)."""
        connection = ClassClient(url, code, client)
        welcome = await connection.connect()
        if welcome.seat.instructor:
            await connection.close()
            raise ClassClientError(
                "this is the instructor's code: open the console with `brink class console`"
            )
        try:
            first = await connection.next_view(timeout=30)
            session = cls(connection, welcome, first)
        except (ClassClientError, TimeoutError) as err:
            await connection.close()
            if isinstance(err, TimeoutError):
                raise ClassClientError("the classroom did not send this seat's view") from None
            raise
        connection.on_state = session._connection_changed
        session._reader = asyncio.create_task(session._read_pushes())
        return session

    def listen(self, listener: Listener) -> None:
        self.listener = listener

    async def close(self) -> None:
        self.listener = None  # closing is not news for the screens
        if self._reader is not None:
            self._reader.cancel()
        await self.client.close()

    @property
    def connection(self) -> str:
        """connected, reconnecting or closed."""
        return self.client.state

    async def _read_pushes(self) -> None:
        while True:
            push = await self.client.pushes.get()
            if isinstance(push, ViewPush) and push.table == self.table and push.role == self.role:
                if push.moves < self._push.moves:
                    continue  # an older view overtaken by a newer one
                self._push = push
                self._view = self._views.read(push.view)
                self._tell(Change(VIEW))

    def _connection_changed(self, state: str) -> None:
        template = {
            RECONNECTING: N_("Connection to the classroom lost — reconnecting…"),
            CONNECTED: N_("Reconnected to the classroom."),
            CLOSED: N_("Disconnected from the classroom."),
        }.get(state)
        text: str = tx(template) if template is not None else state
        if state == CLOSED and self.client.error is not None:
            text = tx("Disconnected from the classroom: {error}", error=self.client.error)
        self._tell(Change(CONNECTION, text, state))

    def _tell(self, change: Change) -> None:
        if self.listener is not None:
            self.listener(change)

    # ------------------------------------------------------------------ GameSession
    @property
    def scenario(self) -> Scenario:
        return self._scenario

    @property
    def players(self) -> Mapping[RoleId, str]:
        return self.welcome.players

    @property
    def humans(self) -> list[RoleId]:
        return [self.role]

    @property
    def hot_seat(self) -> bool:
        return False

    @property
    def over(self) -> bool:
        return self._view.ending is not None

    @property
    def to_move(self) -> RoleId | Literal[""]:
        return self.role if self._view.my_turn else ""

    @property
    def is_class_game(self) -> bool:
        return True

    @property
    def saves_locally(self) -> bool:
        return False

    @property
    def unsaved(self) -> bool:
        return False  # every move is on the server before it is acknowledged

    @property
    def slot(self) -> str | None:
        return None

    @property
    def autosave_error(self) -> str | None:
        return None

    @property
    def save_path(self) -> Path | None:
        return None

    @property
    def moves(self) -> int:
        """Moves made at the table in the latest view."""
        return self._push.moves

    def view(self, role: RoleId) -> RoleView:
        if role != self.role:
            raise ValueError(f"this seat plays {self.role}; the {role} view is not sent here")
        return self._view

    def reply(self, role: RoleId) -> Reply | None:
        sent = self._push.replies.get(role)
        if sent is None:
            return None
        reasons = tuple(Reason(text) for text in sent.reasons)
        return Reply(role, Decision(Move.from_json(sent.move), reasons))

    def last_move(self, role: RoleId) -> Move | None:
        for data in reversed(self._push.move_list):
            if data.get("role") == role:
                return Move.from_json(data)
        return None

    def meter_history(self, role: RoleId) -> dict[str, list[float]]:
        self.view(role)  # the same refusal for another role
        return {name: list(values) for name, values in self._push.timeline.items()}

    def outcome(self) -> Outcome:
        final = self._finished()
        if final is not None:
            return final.outcome()
        ending = self._scenario.ending(self._view.ending) if self._view.ending else None
        return Outcome(ending, {}, {}, {})

    def debrief(self) -> Debrief | None:
        final = self._finished()
        return final.debrief() if final is not None else None

    def check(self, move: Move) -> str | None:
        view = self._view
        if view.ending is not None:
            return "the game is over"
        if move.role != self.role:
            return f"this seat plays {self._scenario.roles[self.role].name}"
        if not view.my_turn:
            return f"it is not your turn: waiting for {view.counterpart}"
        if move not in view.menu:
            return f"you cannot {move.trigger.replace('_', ' ')} now ({view.phase_label})"
        return None

    def play(self, move: Move) -> list[Event] | None:
        """Send the move built on the view on screen; the answer comes to the listener."""
        task = asyncio.get_running_loop().create_task(self._send(move, self._push.moves))
        self._sending.add(task)
        task.add_done_callback(self._sending.discard)
        return None

    async def _send(self, move: Move, based_on: int) -> None:
        try:
            answer = await self.client.move(move, based_on=based_on)
        except (ClassClientError, TimeoutError) as err:
            reason = str(err) or tx("no answer from the classroom")
            self._tell(Change(REFUSED, tx("the move was not delivered: {reason}", reason=reason)))
            return
        if isinstance(answer, Ack):
            self._tell(Change(ACKED))
        else:
            self._tell(Change(REFUSED, answer.reason))

    def intervene(self, move: Move) -> list[Event]:
        raise PermissionError("in a class game the instructor steers from the class console")

    def default_slot(self) -> str:
        return f"{self.welcome.scenario_id}-table-{self.table}-{self.role}"

    def save(self, slot: str) -> Path:
        raise SaveError("the class server keeps this game; your instructor collects it")

    def autosave(self) -> Path | None:
        return None  # every move is on the class server before it is acknowledged

    # ------------------------------------------------------------------ the ending
    def _finished(self) -> Session | None:
        """At the end, the whole game rebuilt here from the seed and the moves, if this
        computer has the very same scenario file: scores and the debrief then show both
        sides, as a local game's do. None while the game goes on or without the file."""
        if self._view.ending is None or self._final_error:
            return None
        if self._final is None or len(self._final.state.moves) != len(self._push.move_list):
            try:
                self._final = _replayed(self.welcome, self._push.move_list)
            except (SaveError, ValueError, OSError) as err:
                self._final_error = str(err) or type(err).__name__
                return None
        return self._final


def _replayed(welcome: Welcome, moves: list[dict[str, Any]]) -> Session:
    from game.play.session import Session
    from game.rules.ruleset import load_ruleset
    from game.scenario.diagnostics import ScenarioError

    try:
        ruleset = load_ruleset(welcome.scenario_id)
    except ScenarioError as err:
        raise SaveError(f"scenario {welcome.scenario_id} is not on this computer") from err
    if not ruleset.file.accepts(welcome.scenario_sha256):
        raise SaveError(f"this computer has another version of {welcome.scenario_id}")
    from game.engine.api import replay

    state = replay(ruleset, welcome.seed, (Move.from_json(m) for m in moves))
    return Session(ruleset, welcome.seed, dict(welcome.players), state)


def seat_scenario(data: dict[str, Any]) -> Scenario:
    """The scenario a seat was sent, as the model the screens read. The server leaves out
    what this seat may not know (the other side's briefing and objectives) and every
    condition and effect (the client evaluates nothing). Each required part left out is
    filled with a blank stand-in here, never with the real text, which was not sent."""
    filled = json.loads(json.dumps(data))
    for _ in range(MAX_PASSES):
        try:
            return Scenario.model_validate(filled)
        except ValidationError as err:
            missing = [e["loc"] for e in err.errors() if e["type"] == "missing"]
            if not missing:
                raise ClassClientError(
                    f"the classroom sent a scenario this game cannot read: {err}"
                ) from None
            for loc in missing:
                _put(filled, loc, _STAND_INS.get(str(loc[-1]), ""))
    raise ClassClientError("the classroom sent a scenario this game cannot read")


MAX_PASSES = 5
_STAND_INS: dict[str, Any] = {
    "when": "true",
    "then": [{"news": ""}],
    "briefing": "",
    "objectives": [
        {
            "id": "confidential",
            "text": "Confidential to that delegation",
            "when": "true",
            "weight": 1,
            "source": "designer",
        }
    ],
}


def _put(data: Any, loc: tuple[int | str, ...], value: Any) -> None:
    for key in loc[:-1]:
        data = data[key]
    data[loc[-1]] = json.loads(json.dumps(value))
