"""A tit-for-tat negotiator: it concedes as much as the other side just did.

Relative tit-for-tat (Faratin, Sierra and Jennings): the agent measures, in its own
utility, how much the other side's latest offer improved on the one before, and lowers
its own demand by the same amount, plus a small courtesy step so that two reciprocal
agents do not stare at each other forever. It never goes below its reservation value,
never crosses a red line, and accepts an offer worth what it would ask next.
"""

from __future__ import annotations

import random

from game.ai import explain
from game.ai.agent import Decision, Reason
from game.ai.clock import accepted_and_undone, offers_from
from game.ai.commitments import commitments
from game.ai.concession import ConcessionAgent, accepts, best_utility, plan_offer
from game.ai.preferences import Preferences
from game.engine.api import RoleView
from game.engine.moves import ACCEPT, REJECT, WALK_OUT, Move
from game.i18n import N_, tx
from game.rules.ruleset import Ruleset
from game.scenario.models import other_role

COURTESY = 0.02


class ReciprocalAgent(ConcessionAgent):
    def __init__(self, ruleset: Ruleset, seed: int = 0) -> None:
        super().__init__(ruleset, "normal", seed)
        self.name = "tit-for-tat"

    def _bargain(self, view: RoleView, prefs: Preferences, rng: random.Random) -> Decision:
        """Answer or counter, conceding as much as the other side just did."""
        menu = view.menu
        other = other_role(view.role)
        mine = offers_from(view, view.role)
        theirs_all = offers_from(view, other)
        reservation = prefs.reservation(view.env)
        best = best_utility(prefs, menu.offer_space)
        last_demand = prefs.utility(mine[-1]) if mine else best
        if len(theirs_all) >= 2:
            given = prefs.utility(theirs_all[-1]) - prefs.utility(theirs_all[-2])
        else:
            given = 0.0
        step = max(0.0, given) + (COURTESY if mine else 0.0)
        target = max(reservation, min(best, last_demand - step))
        template = (
            N_(
                "They gave us {given} with their last offer; we give back as much plus a "
                "small step, asking {target} now (no deal is worth {reservation} to us)."
            )
            if mine
            else N_(
                "They gave us {given} with their last offer; we give back as much, asking "
                "{target} now (no deal is worth {reservation} to us)."
            )
        )
        stance = Reason(
            tx(
                template,
                given=explain.pct(max(0.0, given)),
                target=explain.pct(target),
                reservation=explain.pct(reservation),
            )
        )
        held = commitments(view, prefs, self.defaults)
        space = held.space(prefs, menu.offer_space)
        plan = plan_offer(prefs, space, target, None, rng) if menu.can_propose else None
        planned = prefs.utility(plan) if plan is not None else target
        theirs = view.offer if view.offer_by == other else None
        if (
            theirs is not None
            and Move(view.role, ACCEPT) in menu
            and not accepted_and_undone(view)
            and accepts(prefs, theirs, target, reservation, planned)
        ):
            value = prefs.utility(theirs)
            return Decision(
                Move(view.role, ACCEPT),
                (
                    explain.compare(value, target, reservation, planned),
                    *explain.strengths(prefs, theirs),
                    stance,
                ),
            )
        if plan is None:
            kind = REJECT if Move(view.role, REJECT) in menu else WALK_OUT
            return Decision(Move(view.role, kind), (stance,))
        reasons = [
            *self._taking_back(prefs, held, plan),
            *explain.trades(prefs, theirs, plan, None),
            stance,
        ]
        return Decision(Move.propose(view.role, plan), explain.one_per_issue(prefs, reasons))
