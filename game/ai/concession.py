"""The time-dependent concession agent, built from the three parts of the BOA
architecture (Baarslag et al.): a bidding strategy, an opponent model and an
acceptance strategy.

- Bidding: a target utility that falls from the agent's ideal toward what no deal is
  worth, along a curve over the time left to the next tariff step. The exponent `e`
  of the curve sets the temperament: below 1 holds out until the deadline (Boulware),
  above 1 gives ground early (Conceder). At each step the agent still holds a share
  `hold` of its room, then concedes from there toward the next step, so the target
  never rises. Among the offers just above its target it proposes the one its model
  says the other side will like best, keeping what it has conceded issue by issue
  unless the other side took something back (`game.ai.commitments`).
- Opponent model: frequency analysis of the other side's offers (`game.ai.opponent`).
- Acceptance: take an offer worth at least its own next offer or what it would ask for
  when its turn comes again (AC_next); never one below its reservation value or across
  a red line. Offers that keep their concessions move in coarser steps than offers free
  to reshuffle, and without the look-ahead two such agents would meet about a round
  later, often after the tariff step.
"""

from __future__ import annotations

import bisect
import math
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import compress
from operator import add, neg

from game.ai import explain
from game.ai.actions import choose_action
from game.ai.agent import Decision, Reason
from game.ai.clock import Deadline, accepted_and_undone, deadline, offers_from
from game.ai.commitments import Commitments, asked_more, commitments
from game.ai.opponent import OpponentModel, learn
from game.ai.preferences import Offer, Preferences, preferences_for
from game.ai.ranking import RankedOffers
from game.engine.api import RoleView
from game.engine.clocks import clock_specs
from game.engine.moves import ACCEPT, REJECT, WALK_OUT, Move
from game.i18n import tx
from game.rules.ruleset import Ruleset
from game.scenario.models import Difficulty, RoleId, other_role

# How many offers just above the target the bidding strategy weighs against each other.
BID_WINDOW = 1000
# ... and only those within this much utility of the target: the agent concedes no more
# than it means to, and trades inside that band.
BID_BAND = 0.04


def concession_level(fraction: float, windows: int, exponent: float, hold: float) -> float:
    """Share (1..0) of its room to concede that the agent still holds.

    It starts at 1, falls to `hold` at the first clock step (tariff or deadline) along the curve
    1 - fraction^(1/e), to `hold`² at the second, and so on: non-increasing in time."""
    high = hold**windows
    low = hold ** (windows + 1)
    fraction = min(1.0, max(0.0, fraction))
    return float(low + (high - low) * (1.0 - fraction ** (1.0 / exponent)))


def target_utility(level: float, reservation: float, best: float) -> float:
    floor = min(reservation, best)
    return floor + (best - floor) * level


@dataclass(frozen=True)
class Situation:
    """What the concession agent knows when it decides (see `ConcessionAgent._situation`)."""

    model: OpponentModel | None
    clock: Deadline
    reservation: float
    best: float  # the most it could ask for now
    target: float  # what it asks for now
    settle: float  # what it would ask for by its next turn
    opening: float  # what it asked for at the start
    theirs: Offer | None  # the other side's offer on the table
    can_accept: bool
    held: Commitments


@dataclass(frozen=True)
class Choice:
    """The move decided, and the stance it came from (None when no deal is worth it)."""

    move: Move
    stance: Stance | None
    no_deal_worth_it: bool = False


class ConcessionAgent:
    """A negotiator whose difficulty and temperament come from the scenario's YAML."""

    def __init__(
        self, ruleset: Ruleset, difficulty: str = "normal", seed: int = 0, persona: str = ""
    ) -> None:
        self.name = f"ai-{difficulty}"
        self.ruleset = ruleset
        self.settings: Difficulty = ruleset.scenario.ai.level(difficulty)
        self.seed = seed
        self.persona = persona
        scenario = ruleset.scenario
        # Step days of every clock (tariff ladder and deadlines): time runs toward them.
        self.ladder_days = tuple(sorted(day for spec in clock_specs(scenario) for day in spec.days))
        self._exponents: dict[str, float] = {}
        self.defaults = {i.id: i.default_option() for i in scenario.issues}
        self.move_days = {p.id: p.move_days for p in scenario.phases}

    # ------------------------------------------------------------------ temperament
    def exponent(self, role: RoleId) -> float:
        """This game's concession exponent for `role`: the difficulty's, scaled by the
        delegate's personality, varied by the game seed within the difficulty's spread."""
        if role not in self._exponents:
            prefs = self.ruleset.scenario.roles[role].preferences
            scale = 1.0
            if prefs is not None and prefs.personalities:
                chosen = next(
                    (p for p in prefs.personalities if p.delegate == self.persona),
                    prefs.personalities[0],
                )
                scale = chosen.concession
            spread = self.settings.spread
            jitter = random.Random(f"brinkmanship-temper:{self.seed}:{role}").uniform(
                -spread, spread
            )
            self._exponents[role] = self.settings.concession * scale * math.exp(jitter)
        return self._exponents[role]

    # ------------------------------------------------------------------ deciding
    def decide(self, view: RoleView, rng: random.Random) -> Decision:
        prefs = preferences_for(self.ruleset, view.role)
        if not view.menu.can_propose and Move(view.role, ACCEPT) not in view.menu:
            return choose_action(view, prefs, rng, self.ruleset.scenario)
        return self._bargain(view, prefs, rng)

    def _bargain(self, view: RoleView, prefs: Preferences, rng: random.Random) -> Decision:
        """Answer the offer on the table, or make one: the concession strategy. Deciding
        and explaining are apart: `_situation` reads the game, `_choose` picks the move,
        `_explain` says why in the delegation's words."""
        situation = self._situation(view, prefs)
        choice = self._choose(view, prefs, situation, rng)
        return Decision(choice.move, self._explain(prefs, situation, choice))

    def _situation(self, view: RoleView, prefs: Preferences) -> Situation:
        """Where the agent stands: its model of the other side, the clock, and the
        utilities it aims at now and by its next turn."""
        menu = view.menu
        other = other_role(view.role)
        their_offers = offers_from(view, other)
        model = (
            learn(menu.offer_space, their_offers)
            if self.settings.opponent_model and their_offers
            else None
        )
        clock = deadline(view, self.ladder_days, self.move_days.get(view.phase, 0.0))
        reservation = prefs.reservation(view.env)
        best = best_utility(prefs, menu.offer_space)
        exponent = self.exponent(view.role)
        level = concession_level(clock.fraction, clock.windows, exponent, self.settings.hold)
        # What it would ask for when its turn comes again: an offer worth that much
        # now is not worth a round of the clock.
        next_fraction = clock.fraction_next if clock.fraction_next is not None else clock.fraction
        settle_level = concession_level(next_fraction, clock.windows, exponent, self.settings.hold)
        theirs = view.offer if view.offer_by == other else None
        return Situation(
            model=model,
            clock=clock,
            reservation=reservation,
            best=best,
            target=target_utility(level, reservation, best),
            settle=target_utility(settle_level, reservation, best),
            opening=target_utility(1.0, reservation, best),
            theirs=theirs,
            can_accept=theirs is not None
            and Move(view.role, ACCEPT) in menu
            and not accepted_and_undone(view),
            held=commitments(view, prefs, self.defaults),
        )

    def _choose(
        self, view: RoleView, prefs: Preferences, situation: Situation, rng: random.Random
    ) -> Choice:
        menu = view.menu
        if situation.best < situation.reservation and Move(view.role, WALK_OUT) in menu:
            return Choice(Move(view.role, WALK_OUT), None, no_deal_worth_it=True)
        stance = respond(
            prefs,
            situation.held.space(prefs, menu.offer_space),
            situation.theirs if situation.can_accept else None,
            situation.target,
            situation.reservation,
            situation.model,
            rng,
            propose=menu.can_propose,
            accept_at=situation.settle,
        )
        if stance.accept:
            return Choice(Move(view.role, ACCEPT), stance)
        if stance.offer is None:
            kind = REJECT if Move(view.role, REJECT) in menu else WALK_OUT
            return Choice(Move(view.role, kind), stance)
        return Choice(Move.propose(view.role, stance.offer), stance)

    def _explain(
        self, prefs: Preferences, situation: Situation, choice: Choice
    ) -> tuple[Reason, ...]:
        s = situation
        if choice.no_deal_worth_it or choice.stance is None:
            return (
                Reason(
                    tx(
                        "No deal on the table could be worth more to us than no deal "
                        "({reservation}).",
                        reservation=explain.pct(s.reservation),
                    )
                ),
            )
        pace = explain.clock(s.clock, s.target, s.reservation, s.opening)
        stance = choice.stance
        theirs, plan, planned = s.theirs, stance.offer, stance.planned
        if stance.accept:
            assert theirs is not None
            return (
                explain.compare(prefs.utility(theirs), s.settle, s.reservation, planned),
                *explain.strengths(prefs, theirs),
                pace,
            )
        if plan is None:
            return (pace,)
        reasons: list[Reason] = []
        if theirs is not None:
            value = prefs.utility(theirs)
            line = prefs.crosses_red_line(theirs)
            reasons.append(
                explain.red_line(prefs, line)
                if line
                else explain.compare(value, s.target, s.reservation, planned)
            )
        reasons += self._taking_back(prefs, s.held, plan)
        reasons += explain.trades(prefs, theirs, plan, s.model)
        reasons.append(pace)
        return explain.one_per_issue(prefs, reasons)

    def _taking_back(self, prefs: Preferences, held: Commitments, plan: Offer) -> list[Reason]:
        """Why the plan goes back on an earlier concession, when it does (only after the
        other side went back on something: otherwise the plan cannot)."""
        back = asked_more(prefs, held.last, plan) if held.last else []
        return explain.taking_back(prefs, back, held.released_by)


@dataclass(frozen=True)
class Stance:
    """What a concession negotiator does with the offer in front of it."""

    accept: bool
    offer: dict[str, str] | None  # its counter-offer, if it may propose
    planned: float  # the worth of that counter-offer to it (its target without one)


def respond(
    prefs: Preferences,
    space: Mapping[str, tuple[str, ...]],
    theirs: Mapping[str, str] | None,
    target: float,
    reservation: float,
    model: OpponentModel | None,
    rng: random.Random,
    propose: bool = True,
    accept_at: float | None = None,
) -> Stance:
    """The core of the agent, free of the game: plan the next offer at `target`, and
    accept `theirs` if the acceptance rule says so, with `accept_at` (if given) in place
    of the target: what the agent would ask for by its next turn. The tournament's agents and the
    NegMAS comparison (benchmarks/negotiation.py) both run through here."""
    plan = plan_offer(prefs, space, target, model, rng) if propose else None
    planned = prefs.utility(plan) if plan is not None else target
    bar = target if accept_at is None else accept_at
    accept = theirs is not None and accepts(prefs, theirs, bar, reservation, planned)
    return Stance(accept, plan, planned)


def best_utility(prefs: Preferences, space: Mapping[str, tuple[str, ...]]) -> float:
    """The most the role could ask for now, among offers it may make."""
    ranked = prefs.ranked()
    allowed = _offerable(prefs, space)
    first = (0 if len(ranked) else -1) if allowed is None else allowed.find(1)
    return ranked.utilities[first] if first >= 0 else 0.0


def plan_offer(
    prefs: Preferences,
    space: Mapping[str, tuple[str, ...]],
    target: float,
    model: OpponentModel | None,
    rng: random.Random,
) -> dict[str, str] | None:
    """The offer to make: among those just above the target, the best for the other
    side by the model (any of them without one)."""
    ranked = prefs.ranked()
    utilities = ranked.utilities
    # `utilities` falls: find where it drops below the target.
    cut = max(1, bisect.bisect_left(utilities, -target + 1e-12, key=neg))
    allowed = _offerable(prefs, space)
    ceiling = utilities[cut - 1] + BID_BAND
    band = bisect.bisect_left(utilities, -ceiling - 1e-12, key=neg)
    # With every offer allowed the nearest ones are plenty; when the rules or the
    # agent's own earlier concessions rule some out, it looks through the whole band.
    # The window is of places in `ranked`; an offer is spelt out only once chosen.
    window: Sequence[int]
    if allowed is None:
        window = range(max(band, cut - BID_WINDOW), cut)
    else:
        window = list(compress(range(band, cut), allowed[band:cut]))
        if not window:
            window = _nearest(utilities, cut, allowed, target)
    if not window:
        return None
    if model is None:
        index = rng.choice(window)
    else:
        scores = _model_scores(prefs, model.tables(prefs.issue_ids), window)
        bar = max(scores) - 1e-9
        index = rng.choice(list(compress(window, map(bar.__le__, scores))))
    return dict(zip(prefs.issue_ids, ranked.key(index), strict=True))


def _model_scores(
    prefs: Preferences, tables: list[dict[str, float]], window: Sequence[int]
) -> list[float]:
    """Each offer's worth to the other side by the model: one lookup per issue and offer,
    added up issue after issue (the same float as summing offer by offer), column-wise
    because a window holds hundreds of offers. A run of places (the usual case, every
    offer allowed) reads slices of the columns and looks the leading issues up
    together: see `_leading_totals`."""
    ranked = prefs.ranked()
    # Per issue, the model's value of each option by its index in the ranking's columns
    # (an option the rules rule out now is not in the model, and not in the window).
    rows = [
        [table.get(option, 0.0) for option in options]
        for table, options in zip(tables, ranked.options, strict=True)
    ]
    if isinstance(window, range):
        lowest, cut = window.start, window.stop
        depth, totals = _leading_totals(ranked, rows, lowest, cut)
        columns = [column[lowest:cut] for column in ranked.digits[depth:]]
        rows = rows[depth:]
    else:
        totals, columns = None, [bytes(map(column.__getitem__, window)) for column in ranked.digits]
    for row, column in zip(rows, columns, strict=True):
        values = list(map(row.__getitem__, column))
        totals = values if totals is None else list(map(add, totals, values))
    return totals or []


def _leading_totals(
    ranked: RankedOffers, rows: list[list[float]], lowest: int, cut: int
) -> tuple[int, list[float] | None]:
    """The model's totals over the leading issues of the offers `lowest:cut`, and how
    many issues that is: they are looked up together, in a table of every combination
    of their options built for this model (each entry summed issue after issue, so every
    total is the same float), when such a table is no larger than the window."""
    depth = _leading_depth(ranked, cut - lowest)
    if depth < 2:
        return 0, None
    combined: list[float] = []
    for row in rows[:depth]:
        combined = row if not combined else [total + v for total in combined for v in row]
    return depth, list(map(combined.__getitem__, ranked.prefix_codes(depth)[lowest:cut]))


def _leading_depth(ranked: RankedOffers, window: int) -> int:
    """How many leading issues have no more combinations of options than `window`
    offers: a table of them is no larger than the window, and pays for itself."""
    size, depth = 1, 0
    for options in ranked.options:
        size *= len(options)
        if size > window:
            break
        depth += 1
    return depth


def prepare(prefs: Preferences) -> None:
    """Build what bidding reads, ahead of the first decision (while the player reads the
    briefing, say): the ranking, and the codes of the leading issues for any window."""
    ranked = prefs.ranked()
    ranked.prefix_codes(_leading_depth(ranked, BID_WINDOW))


def _nearest(utilities: Sequence[float], cut: int, allowed: bytes, target: float) -> list[int]:
    """When no offer the rules allow lies just above the target: the allowed offer
    nearest to it, above or below. Offers move in steps once the agent keeps its
    concessions; holding the whole step back would slow it off its curve."""
    found = [i for i in (allowed.rfind(1, 0, cut), allowed.find(1, cut)) if i >= 0]
    if not found:
        return []
    return [min(found, key=lambda i: abs(utilities[i] - target))]


def _unrestricted(prefs: Preferences, space: Mapping[str, tuple[str, ...]]) -> bool:
    """True when every option of every issue may be offered (the usual case)."""
    return all(len(space.get(i.id, ())) >= len(i.values) for i in prefs.issues)


def accepts(
    prefs: Preferences, offer: Mapping[str, str], target: float, reservation: float, planned: float
) -> bool:
    """The acceptance rule: never across a red line or below the reservation value;
    otherwise yes when the offer is worth the target or the agent's own next offer."""
    if prefs.crosses_red_line(offer) is not None:
        return False
    value = prefs.utility(offer)
    if value < reservation:
        return False
    return value >= target - 1e-9 or value >= planned - 1e-9


def _offerable(prefs: Preferences, space: Mapping[str, tuple[str, ...]]) -> bytes | None:
    """Per ranked offer, 1 if it uses only options in `space`, else 0; None when every
    option may be offered. Built once per decision, for thousands of offers at a time."""
    if _unrestricted(prefs, space):
        return None
    return prefs.ranked().mask([space.get(i, ()) for i in prefs.issue_ids])


__all__ = ["ConcessionAgent", "Deadline", "accepts", "concession_level", "target_utility"]
