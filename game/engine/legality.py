"""Legality: what a role may do now, and why a move is not allowed (in words for the
player). Read-only: nothing here changes a state."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

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
    Move,
)
from game.engine.state import GameState
from game.scenario.models import ROLES, RoleId


@dataclass(frozen=True)
class MoveMenu:
    """What a role may do now: concrete moves, and the options it may put in an offer."""

    role: RoleId
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


def legal_moves(state: GameState, role: RoleId) -> MoveMenu:
    if state.actor != role or role not in ROLES:
        return MoveMenu(role)  # not this role's turn (the other's, the clock's, or over)
    moves = tuple(m for m in state.game.role_moves[role] if _allowed(state, m))
    space: dict[str, tuple[str, ...]] = {}
    if _phase_allows(state, PROPOSE):
        space = _offer_space(state)
    return MoveMenu(role, moves, space)


def _allowed(state: GameState, move: Move) -> bool:
    """`check_move(state, move) is None` for one of the actor's own argument-free moves
    or actions, without wording the reasons: the menu is asked for on every turn of every
    simulated game, and most candidates fail."""
    if move.kind == ACT:
        compiled = state.game.ruleset.actions[move.action].when
        if compiled is not None and not compiled.evaluate(state.env):
            return False
    elif move.kind != WALK_OUT and (state.offer is None or state.offer_by == move.role):
        return False  # accept or reject with no offer from the other side
    return _phase_allows(state, move.trigger)


def _phase_allows(state: GameState, trigger: str) -> bool:
    for _, condition in state.game.transitions_from.get((trigger, state.phase), ()):
        if condition is None or condition.evaluate(state.env):
            return True
    return False


def _offer_space(state: GameState) -> dict[str, tuple[str, ...]]:
    options = state.game.ruleset.options
    env = state.env
    space = {}
    for issue in state.game.scenario.issues:
        allowed = tuple(
            o.id
            for o in issue.options
            if (issue.id, o.id) not in options or options[(issue.id, o.id)].evaluate(env)
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
    action = state.game.scenario.actions_by_id.get(move.action)
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
        issue = scenario.issues_by_id.get(issue_id)
        if issue is None:
            return f"`{issue_id}` is not an issue on the table"
        option = issue.options_by_id.get(option_id)
        if option is None:
            return f"`{option_id}` is not an option of {issue.label}"
        compiled = options.get((issue_id, option_id))
        if compiled is not None and not compiled(state.env):
            return f"{option.label} ({issue.label}) cannot be offered now"
    return None


def _blocked_by_phase(state: GameState, move: Move) -> str | None:
    """The phase machine must have a transition for this move whose condition holds."""
    scenario = state.game.scenario
    matching = state.game.transitions_from.get((move.trigger, state.phase), ())
    if not matching:
        phase = scenario.phase(state.phase)
        return f"you cannot {move.trigger.replace('_', ' ')} now ({phase.label})"
    for _, condition in matching:
        if condition is None or condition(state.env):
            return None
    reasons = [t.reason for t, _ in matching if t.reason]
    return reasons[0] if reasons else f"{move.trigger.replace('_', ' ')} is not possible yet"
