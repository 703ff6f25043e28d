"""The engine's public face, shaped like OpenSpiel's `State`: every client (a person at
the TUI, the random agent, the simulator, the replay) plays through these calls.

    state = new_game("roosevelt-room-2019", seed=7)
    while not is_terminal(state):
        move = agent.choose(view(state, state.actor))
        events = apply(state, move)
    outcome(state)
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from game.engine.clocks import DeadlineReading, next_deadline, read_clock
from game.engine.events import Event
from game.engine.game import Game
from game.engine.moves import (
    ACCEPT,
    ACT,
    EXTEND,
    INJECT,
    PAUSE,
    PROPOSE,
    REJECT,
    RESUME,
    WALK_OUT,
    IllegalMove,
    Move,
)
from game.engine.resolution import Resolution
from game.engine.state import GameState
from game.rules.ruleset import Ruleset, load_ruleset
from game.scenario.models import ROLES, Ending, Role

BASIC_MOVES = (ACCEPT, REJECT, WALK_OUT)


# --------------------------------------------------------------------------- creation


def game_for(ruleset: Ruleset) -> Game:
    """The shared Game of a ruleset, built once (machines are costly to build)."""
    cached = getattr(ruleset, "_game", None)
    if cached is None:
        cached = Game(ruleset)
        ruleset._game = cached  # type: ignore[attr-defined]
    return cached


def new_game(scenario: str | Path | Ruleset, seed: int = 0) -> GameState:
    ruleset = scenario if isinstance(scenario, Ruleset) else load_ruleset(scenario)
    return game_for(ruleset).new_state(seed)


def replay(ruleset: Ruleset, seed: int, moves: Iterable[Move]) -> GameState:
    """Rebuild a game from its seed and moves; raise IllegalMove if one does not fit."""
    state = new_game(ruleset, seed)
    for number, move in enumerate(moves, 1):
        reason = check_move(state, move)
        if reason is not None:
            raise IllegalMove(f"move {number} ({move.role} {move.trigger}): {reason}")
        apply(state, move)
    return state


# --------------------------------------------------------------------------- legal moves


@dataclass(frozen=True)
class MoveMenu:
    """What a role may do now: concrete moves, and the options it may put in an offer."""

    role: str
    moves: tuple[Move, ...] = ()
    offer_space: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def can_propose(self) -> bool:
        return bool(self.offer_space)

    def __bool__(self) -> bool:
        return bool(self.moves) or self.can_propose

    def __contains__(self, move: object) -> bool:
        if not isinstance(move, Move) or move.role != self.role:
            return False
        if move.kind == PROPOSE:
            return self.can_propose and all(
                option in self.offer_space.get(issue, ()) for issue, option in move.offer
            )
        return move in self.moves

    def sample(self, rng: random.Random) -> Move:
        """A uniformly chosen kind of move; offers pick each issue's option uniformly."""
        kinds = len(self.moves) + (1 if self.can_propose else 0)
        pick = rng.randrange(kinds)
        if pick < len(self.moves):
            return self.moves[pick]
        offer = {issue: rng.choice(options) for issue, options in self.offer_space.items()}
        return Move.propose(self.role, offer)


def legal_moves(state: GameState, role: str) -> MoveMenu:
    if state.actor != role:
        return MoveMenu(role)
    candidates = [Move(role, kind) for kind in BASIC_MOVES]
    candidates += [Move.act(role, a.id) for a in state.game.scenario.actions if a.role == role]
    moves = tuple(m for m in candidates if check_move(state, m) is None)
    space: dict[str, tuple[str, ...]] = {}
    if _blocked_by_phase(state, Move(role, PROPOSE)) is None:
        space = _offer_space(state)
    return MoveMenu(role, moves, space)


def _offer_space(state: GameState) -> dict[str, tuple[str, ...]]:
    options = state.game.ruleset.options
    env = state.env
    space = {}
    for issue in state.game.scenario.issues:
        allowed = tuple(
            o.id
            for o in issue.options
            if (issue.id, o.id) not in options or options[(issue.id, o.id)](env)
        )
        space[issue.id] = allowed
    return space


def check_move(state: GameState, move: Move) -> str | None:
    """None if `move` is legal now, else the reason, in words for the player."""
    scenario = state.game.scenario
    if state.ending is not None:
        return "the game is over"
    if move.by_instructor:
        return _check_intervention(state, move)
    if move.role not in ROLES:
        return f"`{move.role}` is not a delegation in this game"
    if state.actor != move.role:
        waiting = scenario.roles[state.actor].name if state.actor in ROLES else "the clock"
        return f"it is not your turn: waiting for {waiting}"
    if move.kind == ACT:
        reason = _check_action(state, move)
        if reason is not None:
            return reason
    elif move.kind in (ACCEPT, REJECT):
        if state.offer is None or state.offer_by == move.role:
            return f"there is no offer from the other side to {move.kind}"
    elif move.kind == PROPOSE:
        reason = _check_offer(state, move)
        if reason is not None:
            return reason
    elif move.kind != WALK_OUT:
        return f"`{move.kind}` is not a kind of move"
    return _blocked_by_phase(state, move)


MAX_EXTENSION_DAYS = 60


def _check_intervention(state: GameState, move: Move) -> str | None:
    """The instructor may step in at any moment of a game that is not over."""
    if move.kind == INJECT:
        if move.action not in state.game.ruleset.injects:
            known = ", ".join(state.game.ruleset.injects) or "none"
            return f"`{move.action}` is not an inject of this scenario (injects: {known})"
        return None
    if move.kind == PAUSE:
        return "the clock is already paused" if state.clock_paused else None
    if move.kind == RESUME:
        return None if state.clock_paused else "the clock is not paused"
    if move.kind == EXTEND:
        try:
            days = int(move.action)
        except ValueError:
            return f"`{move.action}` is not a number of days"
        if not 1 <= days <= MAX_EXTENSION_DAYS:
            return f"a deadline can be moved 1 to {MAX_EXTENSION_DAYS} days"
        if state.next_clock() is None:
            return "there is no deadline ahead to move"
        return None
    return f"`{move.kind}` is not something the instructor can do"


def _check_action(state: GameState, move: Move) -> str | None:
    action = next((a for a in state.game.scenario.actions if a.id == move.action), None)
    if action is None:
        return f"`{move.action}` is not an action of this scenario"
    if action.role != move.role:
        return f"only the {state.game.scenario.roles[action.role].name} can {action.label.lower()}"
    compiled = state.game.ruleset.actions[action.id].when
    if compiled is not None and not compiled(state.env):
        return f"{action.label} is not possible now"
    return None


def _check_offer(state: GameState, move: Move) -> str | None:
    scenario = state.game.scenario
    options = state.game.ruleset.options
    for issue_id, option_id in move.offer:
        issue = next((i for i in scenario.issues if i.id == issue_id), None)
        if issue is None:
            return f"`{issue_id}` is not an issue on the table"
        option = next((o for o in issue.options if o.id == option_id), None)
        if option is None:
            return f"`{option_id}` is not an option of {issue.label}"
        compiled = options.get((issue_id, option_id))
        if compiled is not None and not compiled(state.env):
            return f"{option.label} ({issue.label}) cannot be offered now"
    return None


def _blocked_by_phase(state: GameState, move: Move) -> str | None:
    """The phase machine must have a transition for this move whose condition holds."""
    scenario = state.game.scenario
    matching = state.game.transitions_from.get((move.trigger, state.phase), [])
    if not matching:
        phase = scenario.phase(state.phase)
        return f"you cannot {move.trigger.replace('_', ' ')} now ({phase.label})"
    for _, condition in matching:
        if condition is None or condition(state.env):
            return None
    reasons = [t.reason for t, _ in matching if t.reason]
    return reasons[0] if reasons else f"{move.trigger.replace('_', ' ')} is not possible yet"


# --------------------------------------------------------------------------- playing


def apply(state: GameState, move: Move) -> list[Event]:
    """Play `move`; return the events it caused, in order. Raise IllegalMove if not legal."""
    reason = check_move(state, move)
    if reason is not None:
        raise IllegalMove(reason)
    start = len(state.log)
    Resolution(state).play(move)
    return state.log[start:]


def is_terminal(state: GameState) -> bool:
    return state.ending is not None


def current_player(state: GameState) -> str:
    return state.actor


# --------------------------------------------------------------------------- outcome


@dataclass(frozen=True)
class ObjectiveResult:
    id: str
    text: str
    weight: int
    met: bool
    source: str


@dataclass(frozen=True)
class Outcome:
    ending: Ending | None
    scores: dict[str, int]
    objectives: dict[str, tuple[ObjectiveResult, ...]]
    success: dict[str, bool]

    @property
    def ending_id(self) -> str | None:
        return self.ending.id if self.ending else None


def outcome(state: GameState) -> Outcome:
    """Ending (None while the game goes on), each role's score out of 100, per objective."""
    scenario = state.game.scenario
    ending = scenario.ending(state.ending) if state.ending else None
    scores: dict[str, int] = {}
    objectives: dict[str, tuple[ObjectiveResult, ...]] = {}
    for role_id, role in scenario.roles.items():
        results = tuple(
            ObjectiveResult(
                o.id,
                o.text,
                o.weight,
                bool(state.game.ruleset.objectives[(role_id, o.id)](state.env)),
                o.source,
            )
            for o in role.objectives
        )
        total = sum(r.weight for r in results)
        scores[role_id] = round(100 * sum(r.weight for r in results if r.met) / total)
        objectives[role_id] = results
    success: dict[str, bool] = {r: bool(ending and r in ending.success_for) for r in ROLES}
    return Outcome(ending, scores, objectives, success)


# --------------------------------------------------------------------------- views


@dataclass(frozen=True)
class MeterReading:
    name: str
    label: str
    value: float
    unit: str


@dataclass(frozen=True)
class RoleView:
    """What one delegation may see: never the other side's briefing or private meters."""

    role: str
    delegation: Role
    counterpart: str
    counterpart_wants: str
    scenario_id: str
    title: str
    phase: str
    phase_label: str
    actor: str
    date: str
    day: float
    tariff_rate: float
    tariff_status: str
    next_tariff_step: tuple[str, float] | None
    meters: tuple[MeterReading, ...]
    offer: dict[str, str] | None
    offer_by: str
    deal: dict[str, str] | None
    menu: MoveMenu
    moves_made: int
    max_moves: int
    ending: str | None
    # The instructor has paused the clock: moves take no time until it restarts.
    clock_paused: bool = False
    # Days (fractional) until the next tariff step, when there is one.
    next_tariff_in_days: float | None = None
    env: dict[str, object] = field(repr=False, default_factory=dict)
    # The scenario's record of what the delegations actually did, as moves.
    history: tuple[Move, ...] = field(repr=False, default=())
    # The log as it stood when the view was taken; filtered on demand, since agents in
    # a simulation rarely read it.
    log: Sequence[Event] = field(repr=False, default=())
    log_length: int = field(repr=False, default=0)
    # Every clock of the scenario (the tariff ladder first, then its deadlines).
    deadlines: tuple[DeadlineReading, ...] = ()

    @property
    def next_deadline(self) -> DeadlineReading | None:
        """The clock whose next step comes first, if any step is ahead."""
        return next_deadline(self.deadlines)

    @property
    def events(self) -> tuple[Event, ...]:
        """Events this role may see, oldest first."""
        return tuple(e for e in self.log[: self.log_length] if self.role in e.visible_to)

    @property
    def my_turn(self) -> bool:
        return self.actor == self.role and self.ending is None


def view(state: GameState, role: str) -> RoleView:
    scenario = state.game.scenario
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}")
    other = "mexico" if role == "us" else "us"
    step = state.next_tariff_step()
    next_step = None
    days_to_step = None
    if step is not None:
        when = scenario.start_date + dt.timedelta(days=int(step[0]))
        next_step = (when.isoformat(), step[1])
        days_to_step = max(0.0, step[0] - state.day)
    meters = tuple(
        MeterReading(name, m.label, state.meters[name], m.unit)
        for name, m in scenario.meters.items()
        if role in m.visible_to
    )
    hidden = {name for name, m in scenario.meters.items() if role not in m.visible_to}
    env = {k: v for k, v in state.env.items() if k not in hidden}
    return RoleView(
        role=role,
        delegation=scenario.roles[role],
        counterpart=scenario.roles[other].name,  # type: ignore[index]
        counterpart_wants=scenario.roles[other].wants,  # type: ignore[index]
        scenario_id=scenario.id,
        title=scenario.title,
        phase=state.phase,
        phase_label=scenario.phase(state.phase).label,
        actor=state.actor,
        date=state.date.isoformat(),
        day=state.day,
        tariff_rate=state.tariff_rate,
        tariff_status=state.tariff_status,
        next_tariff_step=next_step,
        meters=meters,
        offer=dict(state.offer) if state.offer is not None else None,
        offer_by=state.offer_by,
        deal=dict(state.deal) if state.deal is not None else None,
        menu=legal_moves(state, role),
        moves_made=state.move_count,
        max_moves=scenario.max_moves,
        ending=state.ending,
        clock_paused=state.clock_paused,
        next_tariff_in_days=days_to_step,
        env=env,
        # The live log and its length now: no copy per view, later events stay out.
        log=state.log,
        log_length=len(state.log),
        history=state.game.history,
        deadlines=tuple(
            read_clock(c, scenario.start_date, state.day) for c in state.clocks.values()
        ),
    )


def transcript(events: Sequence[Event]) -> str:
    return "\n".join(e.line() for e in events) + ("\n" if events else "")
