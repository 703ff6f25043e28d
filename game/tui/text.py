"""Words for the screen: dates, moves, deadlines. Plain functions, no widgets."""

from __future__ import annotations

import datetime as dt

from game.ai.clock import time_left
from game.engine.api import RoleView
from game.engine.clocks import DeadlineReading
from game.engine.moves import ACCEPT, ACT, PROPOSE, REJECT, WALK_OUT, Move
from game.scenario.models import Scenario, as_role


def day_label(iso: str) -> str:
    """`Thu 6 Jun 2019`."""
    d = dt.date.fromisoformat(iso)
    return f"{d:%a} {d.day} {d:%b %Y}"


def short_date(iso: str) -> str:
    d = dt.date.fromisoformat(iso)
    return f"{d.day} {d:%b}"


def deadline_line(view: RoleView) -> str:
    """Every clock of the scenario, as the scenario names it: the tariff's rate and what
    comes next, then each deadline (`Border closure in 4 days: ports close to trucks`)."""
    parts = [
        _tariff_phrase(view) if reading.is_tariff else threat_phrase(reading)
        for reading in view.deadlines
    ]
    return " · ".join(parts) if parts else "No deadline ahead"


def threat_phrase(reading: DeadlineReading) -> str:
    """One declared deadline: where it stands and what comes next, when."""
    label, status = reading.label, reading.status
    ahead = ""
    if reading.next_date is not None:
        left = time_left(reading.days_left or 0.0)
        what = f": {reading.next_label}" if reading.next_label else ""
        ahead = f"{label} in {left}{what}"
    if status == "threatened" and ahead:
        return ahead
    if status == "imposed":
        now = f"{label}: in force"
        return f"{now} · next in {time_left(reading.days_left or 0.0)}" if ahead else now
    return f"{label}: {status}"


def _tariff_phrase(view: RoleView) -> str:
    """The tariff clock: current rate and status, and what comes next, when."""
    status = view.tariff_status
    rate = f"{view.tariff_rate:g}%"
    if status == "threatened":
        now = "threatened, not yet collected"
    elif status == "imposed":
        now = f"{rate} collected"
    elif status == "suspended":
        now = f"suspended (was {rate})" if view.tariff_rate else "suspended"
    elif status == "lifted":
        now = "lifted"
    else:
        now = "none"
    if view.next_tariff_step is None:
        return f"Tariff: {now}"
    when, next_rate = view.next_tariff_step
    left = time_left(view.next_tariff_in_days or 0.0)
    return f"Tariff: {now} · {next_rate:g}% on {short_date(when)}, in {left}"


def option_label(scenario: Scenario, issue_id: str, option_id: str) -> str:
    issue = scenario.issue(issue_id)
    return next((o.label for o in issue.options if o.id == option_id), option_id)


def describe_move(scenario: Scenario, move: Move) -> str:
    who = scenario.roles[as_role(move.role)].short
    if move.kind == PROPOSE:
        return f"{who} proposes"
    if move.kind == ACCEPT:
        return f"{who} accepts the offer"
    if move.kind == REJECT:
        return f"{who} rejects the offer"
    if move.kind == WALK_OUT:
        return f"{who} walks out of the talks"
    if move.kind == ACT:
        action = next((a for a in scenario.actions if a.id == move.action), None)
        return f"{who}: {action.label if action else move.action}"
    return f"{who} {move.kind}"
