"""How far a delegation is through its time, read from its view.

Time, for a negotiator under a threat, runs toward the next step of whichever of the
scenario's clocks comes first (the tariff ladder, a border closure, a vote): `fraction`
goes from 0 when the window opens to 1 at the step, and `windows` counts the steps of
every clock that have passed since the talks began. With no step ahead (every threat
suspended, lifted or at its cap), time runs on the moves left instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.api import RoleView
from game.engine.moves import ACCEPT, PROPOSE
from game.scenario.models import RoleId

PROPOSAL_EVENT = "move"


@dataclass(frozen=True)
class Deadline:
    fraction: float  # 0..1 of the current window gone
    windows: int  # ladder steps passed since the talks began
    days_left: float | None  # days to the next step, if there is one
    rate: float | None  # the rate at the next step
    date: str | None  # its date
    # Days to the step once the move being decided has been made: what the other side
    # will read on its clock beside the move's reasons.
    days_left_after: float | None = None
    # The fraction when the agent decides again, after its move and the other side's.
    fraction_next: float | None = None
    # Which clock the step belongs to: `tariff`, or a declared deadline, with its label
    # (`Border closure`) and what the step brings (`Ports close to trucks`).
    clock: str = "tariff"
    label: str = ""
    step_label: str = ""
    # What "no step ahead" means in this scenario: `tariff step` or `deadline`.
    ahead_word: str = "tariff step"


def time_left(days: float) -> str:
    """`hours`, `1 day`, `4 days`: the one wording of the time to a clock's step, shared
    by the clock on the screen and the AI's reasons so that the two never disagree."""
    if days < 1:
        return "hours"
    whole = round(days)
    return f"{whole} day{'s' if whole != 1 else ''}"


def deadline(view: RoleView, ladder_days: tuple[float, ...], move_days: float = 0.0) -> Deadline:
    """Progress toward the next step of the nearest clock. `ladder_days` are the step days
    of all the scenario's clocks, sorted; `move_days`, how long the move being decided
    takes (the phase's `move_days`)."""
    start = _talks_began(view)
    windows = sum(1 for d in ladder_days if start < d <= view.day)
    upcoming = view.next_deadline
    if upcoming is None or upcoming.next_date is None:
        moves = max(1, view.max_moves)
        fraction = min(1.0, view.moves_made / moves)
        later = min(1.0, (view.moves_made + 2) / moves)
        only_tariff = all(r.is_tariff for r in view.deadlines)
        word = "tariff step" if only_tariff else "deadline"
        return Deadline(fraction, windows, None, None, None, None, later, ahead_word=word)
    date, rate = upcoming.next_date, upcoming.next_level
    days_left = upcoming.days_left or 0.0
    step_day = view.day + days_left
    earlier = [d for d in ladder_days if d < step_day - 1e-9]
    opened = max([start, *earlier[-1:]])
    span = max(step_day - opened, 1e-9)
    fraction = min(1.0, max(0.0, (view.day - opened) / span))
    spent = 0.0 if view.clock_paused else move_days
    later = min(1.0, fraction + 2 * spent / span)
    return Deadline(
        fraction,
        windows,
        days_left,
        rate,
        date,
        max(0.0, days_left - spent),
        later,
        clock=upcoming.id,
        label=upcoming.label,
        step_label=upcoming.next_label,
    )


def _talks_began(view: RoleView) -> float:
    """Day of the first offer in the game, or now if none has been made: moves before
    it (a deployment, a review's verdict) are not bargaining, and the ladder steps that
    passed before the talks opened do not make a negotiator concede."""
    for event in view.log[: view.log_length]:
        if event.kind == PROPOSAL_EVENT and event.data.get("move", {}).get("kind") == PROPOSE:
            return event.day
    return view.day


def offers_from(view: RoleView, role: RoleId) -> list[dict[str, str]]:
    """The offers `role` has made, oldest first, as seen in the view's log."""
    offers = []
    for event in view.log[: view.log_length]:
        if event.kind != PROPOSAL_EVENT:
            continue
        move = event.data.get("move", {})
        if move.get("role") == role and move.get("kind") == PROPOSE:
            offers.append(dict(move.get("offer", {})))
    return offers


def accepted_and_undone(view: RoleView) -> bool:
    """True when the role's own last move was to accept and it is asked again: the deal
    it accepted was undone (e.g. vetoed), so accepting the same offer again is futile."""
    for event in reversed(view.log[: view.log_length]):
        if event.kind == PROPOSAL_EVENT:
            move = event.data.get("move", {})
            return bool(move.get("role") == view.role and move.get("kind") == ACCEPT)
    return False
