"""What a delegation has already conceded, issue by issue, and when it may take it back.

A negotiator who offers 6,000 troops and then "no new deployment" looks erratic, even if
its overall demand is falling. So an agent's offers are monotone issue by issue: on each
issue it never asks more for itself than it did in its previous offer, unless the other
side has gone back on something since, and then it says so.

Both sides are judged by the values of the one judging: a delegation has taken
something back when its new offer is worth less, on some issue, to the side receiving
it; an agent checks its own offers by its own values (asking more for itself is giving
the other side less on every issue where the two sides pull in opposite directions), so
it needs nothing of the other side's preferences but what it sees on the table.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass, field

from game.ai.preferences import Offer, Preferences
from game.engine.api import RoleView
from game.engine.moves import PROPOSE

PROPOSAL_EVENT = "move"
# Values closer than this are the same to the side judging them.
SAME = 1e-9


@dataclass(frozen=True)
class Retraction:
    """An issue on which an offer gives the receiving side less than the offer before."""

    issue: str
    before: str
    after: str


def went_back(receiver: Preferences, earlier: Offer, later: Offer) -> list[Retraction]:
    """Issues where `later` gives `receiver` less than `earlier` did, in issue order."""
    return _moves(receiver, earlier, later, sign=-1.0)


def asked_more(maker: Preferences, earlier: Offer, later: Offer) -> list[Retraction]:
    """Issues where `maker`'s offer `later` asks more for itself than `earlier` did."""
    return _moves(maker, earlier, later, sign=1.0)


def _moves(prefs: Preferences, earlier: Offer, later: Offer, sign: float) -> list[Retraction]:
    found = []
    for issue in prefs.issues:
        before, after = earlier.get(issue.id), later.get(issue.id)
        if before is None or after is None or before == after:
            continue
        change = issue.values.get(after, 0.0) - issue.values.get(before, 0.0)
        if sign * change > SAME:
            found.append(Retraction(issue.id, before, after))
    return found


@dataclass(frozen=True)
class Commitments:
    """Where a delegation stands before its next offer."""

    last: dict[str, str] = field(default_factory=dict)  # its previous offer, if any
    released_by: tuple[Retraction, ...] = ()  # the other side's retractions since

    @property
    def bound(self) -> bool:
        return bool(self.last) and not self.released_by

    def space(
        self, maker: Preferences, space: Mapping[str, tuple[str, ...]]
    ) -> dict[str, tuple[str, ...]]:
        """`space` narrowed to the options asking no more for `maker` than its previous
        offer did, issue by issue. An issue where the rules no longer allow any of those
        keeps its options: the rules moved, not the delegation."""
        if not self.bound:
            return dict(space)
        narrowed = {}
        for issue_id, options in space.items():
            floor = self.last.get(issue_id)
            if floor is None or issue_id not in maker.issue_ids:
                narrowed[issue_id] = options
                continue
            values = maker.issue(issue_id).values
            kept = tuple(o for o in options if values.get(o, 0.0) <= values.get(floor, 0.0) + SAME)
            narrowed[issue_id] = kept or options
        return narrowed


def proposals(view: RoleView, defaults: Mapping[str, str]) -> list[tuple[str, dict[str, str]]]:
    """Every offer put on the table, oldest first, as (role, full offer): issues an offer
    left out count at their default option, as the engine reads them."""
    made = []
    for event in view.log[: view.log_length]:
        if event.kind != PROPOSAL_EVENT:
            continue
        move = event.data.get("move", {})
        if move.get("kind") == PROPOSE:
            made.append((str(move.get("role")), {**defaults, **dict(move.get("offer", {}))}))
    return made


def commitments(view: RoleView, me: Preferences, defaults: Mapping[str, str]) -> Commitments:
    """The role's previous offer, and what the other side took back since it was made
    (judged by the role's own values: it is the one receiving their offers)."""
    made = proposals(view, defaults)
    mine = [i for i, (role, _) in enumerate(made) if role == view.role]
    if not mine:
        return Commitments()
    last = mine[-1]
    theirs = [(i, offer) for i, (role, offer) in enumerate(made) if role != view.role]
    retracted: list[Retraction] = []
    for (_, before), (index, after) in itertools.pairwise(theirs):
        if index > last:
            retracted += went_back(me, before, after)
    return Commitments(made[last][1], tuple(retracted))
