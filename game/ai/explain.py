"""Reasons an AI delegation gives for its replies, in words a student can learn from.

Every sentence is computed from the agent's own numbers (its utilities, its target, its
model of the other side, the clock) and quotes the scenario's `why:` for an issue, so
the same situation always gives the same explanation and a changed scenario changes it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from game.ai.agent import Reason
from game.ai.clock import Deadline, time_left
from game.ai.commitments import Retraction
from game.ai.opponent import OpponentModel
from game.ai.preferences import IssueValues, Preferences
from game.i18n import N_, LocalText, tx, tx_capital, tx_date, tx_join
from game.scenario.models import RoleId

MAX_ISSUE_REASONS = 3


def pct(x: float) -> str:
    return f"{round(100 * x)}%"


def _with_why(text: str, why: str) -> str:
    return tx("{text} {why}", text=text, why=why) if why else text


# Every reason about one issue reads `<issue>: <what we say>`; `one_per_issue` takes the
# part after the label from a reason built with it to join it to another.
_ABOUT = N_("{issue}: {body}")


def _about(issue: IssueValues, body: str) -> Reason:
    return Reason(tx(_ABOUT, issue=issue.label, body=body), issue.id)


def shortfalls(prefs: Preferences, offer: Mapping[str, str]) -> list[Reason]:
    """The issues where `offer` falls furthest short of what the role wants, worst first."""
    gaps = []
    for issue in prefs.issues:
        option = offer.get(issue.id)
        if option is None or issue.weight == 0:
            continue
        value = issue.values.get(option, 0.0)
        loss = issue.weight * (1 - value)
        if loss > 0.005:
            gaps.append((loss, issue, option, value))
    gaps.sort(key=lambda g: (-g[0], g[1].id))
    reasons = []
    for _, issue, option, value in gaps[:MAX_ISSUE_REASONS]:
        body = tx(
            "“{option}” is worth {value} of what we want on an issue that is {weight} of our "
            "priorities.",
            option=issue.labels[option],
            value=pct(value),
            weight=pct(issue.weight),
        )
        if value <= 0.15:
            body = tx("{text} That is marginal for us.", text=body)
        reasons.append(_about(issue, _with_why(body, issue.why)))
    return reasons


def strengths(prefs: Preferences, offer: Mapping[str, str]) -> list[Reason]:
    """The issues that make the other side's `offer` worth taking, most valuable first.
    An issue of our own conduct is left out: what we would do is not something their
    offer gives us."""
    gains = _by_worth(prefs, offer, own=False)
    reasons = []
    for gain, issue in gains[:MAX_ISSUE_REASONS]:
        if gain <= 0.005:
            break
        option = offer[issue.id]
        body = tx(
            "“{option}” gives us {value} of what we want there.",
            option=issue.labels[option],
            value=pct(issue.values[option]),
        )
        reasons.append(_about(issue, _with_why(body, issue.why)))
    return reasons


def asks(prefs: Preferences, ours: Mapping[str, str]) -> list[Reason]:
    """Our own offer, when there is none of theirs to answer: its weightiest terms, as
    what we ask of them or, on an issue of our own conduct, what we offer."""
    reasons = []
    for gain, issue in _by_worth(prefs, ours, own=True)[:MAX_ISSUE_REASONS]:
        if gain <= 0.005:
            break
        option = issue.labels[ours[issue.id]]
        if issue.party == prefs.role:
            reasons.append(_about(issue, tx("we offer “{option}”.", option=option)))
        else:
            body = tx("we ask for “{option}”.", option=option)
            reasons.append(_about(issue, _with_why(body, issue.why)))
    return reasons


def _by_worth(
    prefs: Preferences, offer: Mapping[str, str], own: bool
) -> list[tuple[float, IssueValues]]:
    return sorted(
        (
            (issue.weight * issue.values.get(offer.get(issue.id, ""), 0.0), issue)
            for issue in prefs.issues
            if issue.id in offer and issue.weight > 0 and (own or issue.party != prefs.role)
        ),
        key=lambda g: (-g[0], g[1].id),
    )


def red_line(prefs: Preferences, pair: tuple[str, str]) -> Reason:
    issue = prefs.issue(pair[0])
    body = tx("“{option}” is a red line for us.", option=issue.labels[pair[1]])
    return _about(issue, _with_why(body, prefs.red_lines[pair]))


def clock(deadline: Deadline, target: float, reservation: float, opening: float) -> Reason:
    """Why the agent stands where it does on its concession curve."""
    if deadline.days_left is None:
        template = (
            N_(
                "No tariff step is ahead; we hold out for about {target} of everything we "
                "want, easing only as the talks run on."
            )
            if deadline.ahead_word == "tariff step"
            else N_(
                "No deadline is ahead; we hold out for about {target} of everything we want, "
                "easing only as the talks run on."
            )
        )
        return Reason(tx(template, target=pct(target)))
    days = deadline.days_left if deadline.days_left_after is None else deadline.days_left_after
    when = time_left(days)
    if deadline.clock == "tariff":
        coming = tx(
            "The tariff goes to {rate}% on {date}, {when} away",
            rate=format(deadline.rate, "g"),
            date=tx_date(deadline.date or ""),
            when=when,
        )
    elif deadline.step_label:
        coming = tx(
            "{deadline} ({step}) is due on {date}, {when} away",
            deadline=deadline.label,
            step=deadline.step_label,
            date=tx_date(deadline.date or ""),
            when=when,
        )
    else:
        coming = tx(
            "{deadline} is due on {date}, {when} away",
            deadline=deadline.label,
            date=tx_date(deadline.date or ""),
            when=when,
        )
    down, urgent = target < opening - 0.005, deadline.fraction > 0.6
    return Reason(
        tx(
            _CLOCK[down, urgent],
            coming=coming,
            target=pct(target),
            reservation=pct(reservation),
        )
    )


# Where the agent's demand stands (come down or not) and whether it must move now.
_CLOCK = {
    (True, True): N_(
        "{coming}: what we ask for has come down to {target} of everything we want "
        "(no deal is worth {reservation} to us now), so we must move now."
    ),
    (True, False): N_(
        "{coming}: what we ask for has come down to {target} of everything we want "
        "(no deal is worth {reservation} to us now), so we can still wait."
    ),
    (False, True): N_(
        "{coming}: what we ask for stands at {target} of everything we want "
        "(no deal is worth {reservation} to us now), so we must move now."
    ),
    (False, False): N_(
        "{coming}: what we ask for stands at {target} of everything we want "
        "(no deal is worth {reservation} to us now), so we can still wait."
    ),
}


def compare(value: float, target: float, reservation: float, planned: float) -> Reason:
    if value < reservation:
        return Reason(
            tx(
                "Their offer is worth {value} to us, less than no deal at all ({reservation}).",
                value=pct(value),
                reservation=pct(reservation),
            )
        )
    if value >= target or value >= planned:
        return Reason(
            tx(
                "Their offer is worth {value} to us, at least what we would ask next ({next}).",
                value=pct(value),
                next=pct(max(min(target, planned), reservation)),
            )
        )
    return Reason(
        tx(
            "Their offer is worth {value} to us; we are still aiming for {target}.",
            value=pct(value),
            target=pct(target),
        )
    )


def trades(
    prefs: Preferences,
    theirs: Mapping[str, str] | None,
    ours: Mapping[str, str],
    model: OpponentModel | None,
) -> list[Reason]:
    """What our counter-offer changes from theirs, and why, issue by issue."""
    if theirs is None:
        return asks(prefs, ours)
    changes = []
    for issue in prefs.issues:
        mine, their = ours.get(issue.id), theirs.get(issue.id)
        if mine is None or mine == their:
            continue
        delta = issue.weight * (issue.values[mine] - issue.values.get(their or "", 0.0))
        changes.append((abs(delta), delta, issue, mine, their))
    changes.sort(key=lambda c: (-c[0], c[2].id))
    reasons = []
    for _, delta, issue, mine, their in changes[:MAX_ISSUE_REASONS]:
        was = issue.labels.get(their or "") or tx("nothing")
        body = _change(issue, prefs.role, delta > 0, mine, was)
        if delta > 0:
            if model is not None and model.offers_seen >= 2 and issue.party != prefs.role:
                share = model.weights.get(issue.id, 0.0)
                if share < 1 / max(1, len(model.weights)):
                    body = tx(
                        "{text} Their offers suggest it matters less to them than other issues.",
                        text=body,
                    )
            reasons.append(_about(issue, _with_why(body, issue.why)))
        else:
            if model is not None and model.unmoved.get(issue.id, 0) >= 2:
                body = tx(
                    "{text}, since they have not moved on it in {n} offers.",
                    text=body,
                    n=model.unmoved[issue.id] + 1,
                )
            else:
                body = tx("{text}.", text=body)
            reasons.append(_about(issue, body))
    return reasons


def _change(issue: IssueValues, role: RoleId, gain: bool, mine: str, was: str) -> str:
    """One term of ours against theirs, in words that fit whose conduct the issue is:
    we ask them for their conduct and for shared terms, hold to or offer our own, and
    accept theirs. (A loss is left open for the reason its caller adds.)"""
    option = issue.labels[mine]
    if gain:
        if issue.party == role:
            return tx("we hold to “{option}” instead of “{was}”.", option=option, was=was)
        return tx("we ask for “{option}” instead of “{was}”.", option=option, was=was)
    if issue.party == role:
        return tx("we give ground, we offer “{option}” instead of “{was}”", option=option, was=was)
    if issue.party:
        return tx("we give ground, we accept “{option}” instead of “{was}”", option=option, was=was)
    return tx("we give ground, “{option}” instead of “{was}”", option=option, was=was)


def taking_back(
    prefs: Preferences, ours: Sequence[Retraction], theirs: Sequence[Retraction]
) -> list[Reason]:
    """Why we go back on issues we had conceded: name what the other side took back."""
    if not ours:
        return []
    taken = [
        tx(
            "{issue}, “{after}” after “{before}”",
            issue=prefs.issue(r.issue).label,
            after=_label(prefs, r.issue, r.after),
            before=_label(prefs, r.issue, r.before),
        )
        for r in theirs[:MAX_ISSUE_REASONS]
    ]
    # Without a retraction of theirs the agent goes back only where the rules closed
    # what it had offered.
    why = (
        tx("because they went back on {cause}", cause=tx_join("; ", taken))
        if taken
        else tx("as what we offered is closed now")
    )
    reasons = []
    for r in ours:
        issue = prefs.issue(r.issue)
        body = tx(
            "we go back to “{after}” from “{before}”, {why}.",
            after=issue.labels[r.after],
            before=issue.labels[r.before],
            why=why,
        )
        reasons.append(_about(issue, body))
    return reasons


def one_per_issue(prefs: Preferences, reasons: Sequence[Reason]) -> tuple[Reason, ...]:
    """The reasons with each issue spoken of once: what a later reason adds about an
    issue already named is joined to the first, in order."""
    merged: list[Reason] = []
    where: dict[str, int] = {}
    for reason in reasons:
        if not reason.issue or reason.issue not in where:
            if reason.issue:
                where[reason.issue] = len(merged)
            merged.append(reason)
            continue
        index = where[reason.issue]
        more = tx_capital(_body(reason.text, f"{prefs.issue(reason.issue).label}: "))
        merged[index] = Reason(
            tx("{text} {more}", text=merged[index].text, more=more), reason.issue
        )
    return tuple(merged)


def _body(text: str, prefix: str) -> str:
    """What a reason about an issue says after the issue's label."""
    if isinstance(text, LocalText) and text.message == _ABOUT:
        return text.args["body"]  # type: ignore[no-any-return]
    return text.removeprefix(prefix)


def _label(prefs: Preferences, issue_id: str, option: str) -> str:
    return prefs.issue(issue_id).labels.get(option, option)
