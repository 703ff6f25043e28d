"""A game being played by people: who sits in each chair, the AI's replies and their
reasons, and saving as you go.

The TUI (and the classroom tools) drive a Session; it never imports textual. A session
is its scenario, seed, players and moves, exactly like a save, so resuming a save gives
the very same game, AI replies included (each AI decision is a function of the seed,
the role and the number of moves made).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from game.ai import AGENTS, Agent, agent_rng, make_agent
from game.ai.concession import prepare
from game.ai.preferences import preferences_for
from game.engine.api import (
    Outcome,
    RoleView,
    apply,
    check_move,
    is_terminal,
    new_game,
    outcome,
    view,
)
from game.engine.events import Event
from game.engine.moves import IllegalMove, Move
from game.engine.state import GameState
from game.i18n import N_, tx
from game.play.interface import Reply
from game.rules.ruleset import Ruleset, load_ruleset
from game.saves import (
    SaveError,
    SaveGame,
    capture,
    read_save,
    restore,
    save_dir,
    slot_path,
    write_save,
)
from game.scenario.models import ROLES, RoleId, Scenario, is_role, other_role
from game.userdirs import AUTO_PREFIX, is_auto_slot

if TYPE_CHECKING:
    from game.report.debrief import Debrief

__all__ = ["HUMAN", "OPPONENTS", "Reply", "Session"]

HUMAN = "human"
OPPONENTS = {
    "ai-easy": N_("AI, easy"),
    "ai-normal": N_("AI, normal"),
    "ai-hard": N_("AI, hard"),
    HUMAN: N_("Second player on this keyboard"),
}


class Session:
    """A game played on this machine; it implements `game.play.interface.GameSession`."""

    def __init__(
        self,
        ruleset: Ruleset,
        seed: int,
        players: Mapping[RoleId, str],
        state: GameState | None = None,
        folder: Path | None = None,
    ) -> None:
        unknown = [p for p in players.values() if p != HUMAN and p not in AGENTS]
        if unknown:
            raise ValueError(f"unknown player {unknown[0]!r}")
        self.ruleset = ruleset
        self.seed = seed
        self.players = dict(players)
        self.state = state if state is not None else new_game(ruleset, seed)
        self.folder = folder
        self.agents: dict[RoleId, Agent] = {
            role: make_agent(name, ruleset, seed)
            for role, name in self.players.items()
            if name != HUMAN
        }
        for role in self.agents:
            # Rank the AI's offers now, while the briefing is read, not on its first reply.
            prepare(preferences_for(ruleset, role))
        # Likewise the digest the first auto-save records (a hash of the whole scenario).
        ruleset.file.play_digest  # noqa: B018 - computed and cached by the property
        self.replies: dict[RoleId, Reply] = {}
        self.saved_moves = len(self.state.moves)  # moves covered by the last named save
        self.slot: str | None = None
        # This game's own auto-save slot, named at its first auto-save (never shared with
        # another game, so a new game cannot overwrite the last one).
        self.autosave_slot: str | None = None
        self.autosave_error: str | None = None
        self.save_path: Path | None = None  # the file written last with this whole game

    # ------------------------------------------------------------------ creation
    @classmethod
    def start(
        cls,
        scenario: str | Path | Ruleset,
        role: RoleId,
        opponent: str = "ai-normal",
        seed: int = 0,
        folder: Path | None = None,
    ) -> Session:
        ruleset = scenario if isinstance(scenario, Ruleset) else load_ruleset(scenario)
        if role not in ROLES:
            raise ValueError(f"role must be `us` or `mexico`, not {role!r}")
        players: dict[RoleId, str] = {role: HUMAN, other_role(role): opponent}
        session = cls(ruleset, seed, players, folder=folder)
        session.run_ai()
        return session

    @classmethod
    def load(cls, path: Path, folder: Path | None = None) -> Session:
        """Resume a save (raise SaveError with a sentence if it cannot be used)."""
        session = cls.from_save(read_save(path), tx("save {name}", name=path.name), folder)
        session.slot = path.name.removesuffix(".brink.json")
        if is_auto_slot(session.slot) and _same_folder(path.parent, session.save_folder()):
            session.autosave_slot = session.slot  # the game goes on in its own save
        session.save_path = path
        return session

    @classmethod
    def from_save(cls, save: SaveGame, where: str, folder: Path | None = None) -> Session:
        """The game a save records (raise SaveError if its scenario cannot be used)."""
        state = restore(save, where=where)
        players: dict[RoleId, str] = {r: save.players.get(r, HUMAN) for r in ROLES}
        return cls(state.ruleset, save.seed, players, state, folder)

    # ------------------------------------------------------------------ state
    @property
    def humans(self) -> list[RoleId]:
        return [r for r in ROLES if self.players.get(r) == HUMAN]

    @property
    def hot_seat(self) -> bool:
        return len(self.humans) == 2

    @property
    def over(self) -> bool:
        return is_terminal(self.state)

    @property
    def to_move(self) -> RoleId | Literal[""]:
        """The human whose turn it is, or '' (the AI is thinking, or the game is over)."""
        actor = self.state.actor
        return actor if is_role(actor) and self.players.get(actor) == HUMAN else ""

    @property
    def unsaved(self) -> bool:
        return len(self.state.moves) != self.saved_moves

    @property
    def scenario(self) -> Scenario:
        return self.ruleset.scenario

    @property
    def is_class_game(self) -> bool:
        return False

    @property
    def saves_locally(self) -> bool:
        return True

    def view(self, role: RoleId) -> RoleView:
        return view(self.state, role)

    def reply(self, role: RoleId) -> Reply | None:
        return self.replies.get(role)

    def last_move(self, role: RoleId) -> Move | None:
        return next((m for m in reversed(self.state.moves) if m.role == role), None)

    def meter_history(self, role: RoleId) -> dict[str, list[float]]:
        visible = [m.name for m in self.view(role).meters]
        series: dict[str, list[float]] = {name: [] for name in visible}
        for snap in self.state.timeline:
            for name in visible:
                series[name].append(snap.meters.get(name, 0.0))
        return series

    def outcome(self) -> Outcome:
        return outcome(self.state)

    def debrief(self) -> Debrief | None:
        from game.report.debrief import build_debrief

        return build_debrief(capture(self.state, self.players), self.ruleset)

    # ------------------------------------------------------------------ moves
    def check(self, move: Move) -> str | None:
        return check_move(self.state, move)

    def play(self, move: Move) -> list[Event]:
        """A human's move, then the AI's replies; raise IllegalMove (state untouched)."""
        reason = check_move(self.state, move)
        if reason is not None:
            raise IllegalMove(reason)
        events = apply(self.state, move)
        if is_role(move.role):
            self.replies.pop(move.role, None)
        for reply in self.run_ai():
            events += reply.events
        self.autosave()
        return events

    def intervene(self, move: Move) -> list[Event]:
        """An instructor's intervention (inject, pause, resume, extend); it is saved with
        the moves, so the debrief and any replay show it where it happened."""
        reason = check_move(self.state, move)
        if reason is not None:
            raise IllegalMove(reason)
        events = apply(self.state, move)
        for reply in self.run_ai():
            events += reply.events
        self.autosave()
        return events

    def run_ai(self) -> list[Reply]:
        """Let the AI move until a human must (or the game ends)."""
        replies = []
        while not self.over and (role := self.state.actor) in self.agents and is_role(role):
            rng = agent_rng(self.seed, role, len(self.state.moves))
            decision = self.agents[role].decide(self.view(role), rng)
            reply = Reply(role, decision, apply(self.state, decision.move))
            self.replies[role] = reply
            replies.append(reply)
        return replies

    # ------------------------------------------------------------------ saving
    def save_folder(self) -> Path:
        return save_dir(self.folder)

    def default_slot(self) -> str:
        roles = "-".join(f"{r}" for r in self.humans) or "ai"
        return _slug(f"{self.ruleset.id}-{roles}-{self.state.date.isoformat()}")

    def save(self, slot: str) -> Path:
        path = write_save(
            capture(self.state, self.players, {"label": self._label()}),
            slot_path(slot, self.save_folder()),
            make_parent=True,
        )
        self.save_path = path
        if slot != self.autosave_slot:
            self.saved_moves = len(self.state.moves)
            self.slot = slot
        return path

    def autosave(self) -> Path | None:
        """Saved after every move so nothing is lost. A failure (a full disk, a folder
        that cannot be written) does not stop the game: it is kept for the UI to show."""
        try:
            if self.autosave_slot is None:
                self.autosave_slot = self._fresh_autosave_slot()
            path = self.save(self.autosave_slot)
        except SaveError as err:
            self.autosave_error = str(err)
            return None
        self.autosave_error = None
        return path

    def _fresh_autosave_slot(self) -> str:
        """auto-<scenario>-<roles>-<UTC time>, with -2, -3… if two games start together."""
        roles = "-".join(self.humans) or "ai"
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
        base = f"{AUTO_PREFIX}{_slug(self.ruleset.id)[:28]}-{roles}-{stamp}"
        folder = self.save_folder()
        slot, n = base, 1
        while slot_path(slot, folder).exists():
            n += 1
            slot = f"{base}-{n}"
        return slot

    def _label(self) -> str:
        scenario = self.ruleset.scenario
        who = ", ".join(f"{scenario.roles[r].short}: {self.players[r]}" for r in ROLES)
        return f"{scenario.title} — {self.state.date.isoformat()} ({who})"


def _same_folder(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9_-]+", "-", text.lower()).strip("-")[:60] or "game"
