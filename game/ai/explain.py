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
from game.scenario.models import RoleId

MAX_ISSUE_REASONS = 3


def pct(x: float) -> str:
    return f"{round(100 * x)}%"


def _with_why(text: str, why: str) -> str:
    return f"{text} {why}" if why else text


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
        text = (
            f"{issue.label}: “{issue.labels[option]}” is worth {pct(value)} of what we want "
            f"on an issue that is {pct(issue.weight)} of our priorities."
        )
        if value <= 0.15:
            text += " That is marginal for us."
        reasons.append(Reason(_with_why(text, issue.why), issue.id))
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
        reasons.append(
            Reason(
                _with_why(
                    f"{issue.label}: “{issue.labels[option]}” gives us "
                    f"{pct(issue.values[option])} of what we want there.",
                    issue.why,
                ),
                issue.id,
            )
        )
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
            reasons.append(Reason(f"{issue.label}: we offer “{option}”.", issue.id))
        else:
            text = f"{issue.label}: we ask for “{option}”."
            reasons.append(Reason(_with_why(text, issue.why), issue.id))
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
    return Reason(
        _with_why(
            f"{issue.label}: “{issue.labels[pair[1]]}” is a red line for us.", prefs.red_lines[pair]
        ),
        issue.id,
    )


def clock(deadline: Deadline, target: float, reservation: float, opening: float) -> Reason:
    """Why the agent stands where it does on its concession curve."""
    if deadline.days_left is None:
        return Reason(
            f"No {deadline.ahead_word} is ahead; we hold out for about {pct(target)} of "
            f"everything we want, easing only as the talks run on."
        )
    days = deadline.days_left if deadline.days_left_after is None else deadline.days_left_after
    when = time_left(days)
    moved = "has come down to" if target < opening - 0.005 else "stands at"
    urgency = "we must move now" if deadline.fraction > 0.6 else "we can still wait"
    if deadline.clock == "tariff":
        coming = f"The tariff goes to {deadline.rate:g}% on {deadline.date}, {when} away"
    else:
        step = f" ({deadline.step_label})" if deadline.step_label else ""
        coming = f"{deadline.label}{step} is due on {deadline.date}, {when} away"
    return Reason(
        f"{coming}: what we ask for {moved} {pct(target)} of everything we want (no deal is worth "
        f"{pct(reservation)} to us now), so {urgency}."
    )


def compare(value: float, target: float, reservation: float, planned: float) -> Reason:
    if value < reservation:
        return Reason(
            f"Their offer is worth {pct(value)} to us, less than no deal at all "
            f"({pct(reservation)})."
        )
    if value >= target or value >= planned:
        return Reason(
            f"Their offer is worth {pct(value)} to us, at least what we would ask next "
            f"({pct(max(min(target, planned), reservation))})."
        )
    return Reason(
        f"Their offer is worth {pct(value)} to us; we are still aiming for {pct(target)}."
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
        was = issue.labels.get(their or "", "nothing")
        text = _change(issue, prefs.role, delta > 0, mine, was)
        if delta > 0:
            if model is not None and model.offers_seen >= 2 and issue.party != prefs.role:
                share = model.weights.get(issue.id, 0.0)
                if share < 1 / max(1, len(model.weights)):
                    text += " Their offers suggest it matters less to them than other issues."
            reasons.append(Reason(_with_why(text, issue.why), issue.id))
        else:
            if model is not None and model.unmoved.get(issue.id, 0) >= 2:
                text += f", since they have not moved on it in {model.unmoved[issue.id] + 1} offers"
            reasons.append(Reason(text + ".", issue.id))
    return reasons


def _change(issue: IssueValues, role: RoleId, gain: bool, mine: str, was: str) -> str:
    """One term of ours against theirs, in words that fit whose conduct the issue is:
    we ask them for their conduct and for shared terms, hold to or offer our own, and
    accept theirs. (A loss is left open for the reason its caller adds.)"""
    option = f"“{issue.labels[mine]}”"
    if gain:
        verb = "we hold to" if issue.party == role else "we ask for"
        return f"{issue.label}: {verb} {option} instead of “{was}”."
    if issue.party == role:
        option = f"we offer {option}"
    elif issue.party:
        option = f"we accept {option}"
    return f"{issue.label}: we give ground, {option} instead of “{was}”"


def taking_back(
    prefs: Preferences, ours: Sequence[Retraction], theirs: Sequence[Retraction]
) -> list[Reason]:
    """Why we go back on issues we had conceded: name what the other side took back."""
    if not ours:
        return []
    cause = "; ".join(
        f"{prefs.issue(r.issue).label}, “{_label(prefs, r.issue, r.after)}” after "
        f"“{_label(prefs, r.issue, r.before)}”"
        for r in theirs[:MAX_ISSUE_REASONS]
    )
    # Without a retraction of theirs the agent goes back only where the rules closed
    # what it had offered.
    why = f"because they went back on {cause}" if cause else "as what we offered is closed now"
    reasons = []
    for r in ours:
        issue = prefs.issue(r.issue)
        text = (
            f"{issue.label}: we go back to “{issue.labels[r.after]}” from "
            f"“{issue.labels[r.before]}”, {why}."
        )
        reasons.append(Reason(text, issue.id))
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
        prefix = f"{prefs.issue(reason.issue).label}: "
        extra = reason.text.removeprefix(prefix)
        merged[index] = Reason(f"{merged[index].text} {extra[:1].upper()}{extra[1:]}", reason.issue)
    return tuple(merged)


def _label(prefs: Preferences, issue_id: str, option: str) -> str:
    return prefs.issue(issue_id).labels.get(option, option)
