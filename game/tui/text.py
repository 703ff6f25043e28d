"""Words for the screen: dates, moves, deadlines. Plain functions, no widgets."""

from __future__ import annotations

import datetime as dt

from game.engine.api import RoleView
from game.engine.clocks import DeadlineReading
from game.engine.moves import ACCEPT, ACT, PROPOSE, REJECT, WALK_OUT, Move
from game.i18n import N_, _, current, localise, ngettext
from game.scenario.models import Scenario, as_role


def _babel_date(d: dt.date, pattern: str) -> str:
    # Babel (and its locale data) only for a reader who needs it: start-up in English
    # does not pay for the import.
    from babel.dates import format_date

    return format_date(d, pattern, locale="es_MX").replace(".", "")


def day_label(iso: str) -> str:
    """`Thu 6 Jun 2019`; `jue 6 jun 2019` in Spanish."""
    d = dt.date.fromisoformat(iso)
    if current() == "es":
        return _babel_date(d, "EEE d MMM y")
    return f"{d:%a} {d.day} {d:%b %Y}"


def short_date(iso: str) -> str:
    """`6 Jun`; `6 jun` in Spanish."""
    d = dt.date.fromisoformat(iso)
    if current() == "es":
        return _babel_date(d, "d MMM")
    return f"{d.day} {d:%b}"


def date_label(date: dt.date | str) -> str:
    """A date outside the game's calendar line (a source's publication, a save's day):
    `2019-06-07` as the English screens always showed it; `7 jun 2019` in Spanish, the
    style of the table's own dates."""
    d = date if isinstance(date, dt.date) else dt.date.fromisoformat(date)
    if current() == "es":
        return _babel_date(d, "d MMM y")
    return d.isoformat()


def source_line(scenario: Scenario, ref: str) -> str:
    """Where a text comes from, for the reader: `“Title” (Outlet, 2019-05-31)`, with the
    outlet and the date in the reader's language; the title stays as published."""
    source = scenario.source(ref)
    if source is None:
        return ref
    details = [localise(source.outlet)] if source.outlet else []
    if source.date:
        details.append(date_label(source.date))
    return f"“{source.title}”" + (f" ({', '.join(details)})" if details else "")


def time_left(days: float) -> str:
    """`hours`, `1 day`, `4 days` in the reader's language: the same wording as the AI's
    reasons (game.ai.clock.time_left), which stay English in the engine."""
    if days < 1:
        return _("hours")
    whole = round(days)
    return ngettext("{n} day", "{n} days", whole).format(n=whole)


def deadline_line(view: RoleView) -> str:
    """Every clock of the scenario, as the scenario names it: the tariff's rate and what
    comes next, then each deadline (`Border closure in 4 days: ports close to trucks`)."""
    parts = [
        _tariff_phrase(view) if reading.is_tariff else threat_phrase(reading)
        for reading in view.deadlines
    ]
    return " · ".join(parts) if parts else _("No deadline ahead")


STATUSES = {
    "threatened": N_("threatened"),
    "imposed": N_("imposed"),
    "suspended": N_("suspended"),
    "lifted": N_("lifted"),
    "none": N_("none"),
}


def threat_phrase(reading: DeadlineReading) -> str:
    """One declared deadline: where it stands and what comes next, when."""
    label, status = localise(reading.label), reading.status
    ahead = ""
    if reading.next_date is not None:
        left = time_left(reading.days_left or 0.0)
        if reading.next_label:
            ahead = _("{label} in {left}: {next}").format(
                label=label, left=left, next=localise(reading.next_label)
            )
        else:
            ahead = _("{label} in {left}").format(label=label, left=left)
    if status == "threatened" and ahead:
        return ahead
    if status == "imposed":
        now = _("{label}: in force").format(label=label)
        if ahead:
            later = _("next in {left}").format(left=time_left(reading.days_left or 0.0))
            return f"{now} · {later}"
        return now
    return f"{label}: {_(STATUSES[status]) if status in STATUSES else status}"


def _tariff_phrase(view: RoleView) -> str:
    """The tariff clock: current rate and status, and what comes next, when."""
    status = view.tariff_status
    rate = f"{view.tariff_rate:g}%"
    if status == "threatened":
        now = _("threatened, not yet collected")
    elif status == "imposed":
        now = _("{rate} collected").format(rate=rate)
    elif status == "suspended":
        now = _("suspended (was {rate})").format(rate=rate) if view.tariff_rate else _("suspended")
    elif status == "lifted":
        now = _("lifted")
    else:
        now = _("none")
    if view.next_tariff_step is None:
        return _("Tariff: {now}").format(now=now)
    when, next_rate = view.next_tariff_step
    left = time_left(view.next_tariff_in_days or 0.0)
    return _("Tariff: {now} · {rate}% on {date}, in {left}").format(
        now=now, rate=f"{next_rate:g}", date=short_date(when), left=left
    )


def option_label(scenario: Scenario, issue_id: str, option_id: str) -> str:
    issue = scenario.issue(issue_id)
    return next((localise(o.label) for o in issue.options if o.id == option_id), option_id)


def describe_move(scenario: Scenario, move: Move) -> str:
    who = localise(scenario.roles[as_role(move.role)].short)
    if move.kind == PROPOSE:
        return _("{who} proposes").format(who=who)
    if move.kind == ACCEPT:
        return _("{who} accepts the offer").format(who=who)
    if move.kind == REJECT:
        return _("{who} rejects the offer").format(who=who)
    if move.kind == WALK_OUT:
        return _("{who} walks out of the talks").format(who=who)
    if move.kind == ACT:
        action = scenario.actions_by_id.get(move.action)
        return f"{who}: {localise(action.label) if action else move.action}"
    return f"{who} {move.kind}"
