"""The names a scenario's expressions can use, with their types.

The engine keeps a dict (the *environment*) with exactly these keys up to date; the
expression compiler checks every expression against this list when the file loads.
`docs/authoring.md` documents the same names.
"""

from __future__ import annotations

from game.rules.expressions import Namespace
from game.scenario.checks import MOVE_KINDS
from game.scenario.models import NO_STEP_AHEAD, ROLES, Scenario

TARIFF_STATUSES = frozenset({"none", "threatened", "imposed", "suspended", "lifted"})


def build_namespace(scenario: Scenario) -> Namespace:
    ns = Namespace()
    for name, meter in scenario.meters.items():
        ns.declare(name, "number", f"meter: {meter.label}")
    for name in scenario.flags:
        ns.declare(name, "boolean", "flag")
    roles = frozenset({"", *ROLES})
    ns.declare("phase", "string", "current phase id", frozenset(p.id for p in scenario.phases))
    ns.declare("day", "number", "days since the scenario started (start date = 0)")
    ns.declare("month", "number", "calendar month of the scenario date (1-12)")
    ns.declare("day_of_month", "number", "day of the month of the scenario date (1-31)")
    ns.declare("moves", "number", "moves made so far by both sides")
    ns.declare(
        "last_move",
        "string",
        "kind of the last move, or an action id ('' at start)",
        frozenset({"", *MOVE_KINDS, *(a.id for a in scenario.actions)}),
    )
    ns.declare("last_actor", "string", "role that made the last move ('' at start)", roles)
    ns.declare("offer_by", "string", "role whose offer is on the table ('' if none)", roles)
    ns.declare("proposals_us", "number", "offers the US delegation has made")
    ns.declare("proposals_mexico", "number", "offers the Mexican delegation has made")
    ns.declare("rejections", "number", "offers rejected so far")
    ns.declare("deal", "boolean", "an agreement has been accepted and stands")
    ns.declare("days_since_deal", "number", "days since the agreement (0 without one)")
    ns.declare("tariff_rate", "number", "current tariff rate in percent")
    ns.declare(
        "tariff_status", "string", "none, threatened, imposed, suspended or lifted", TARIFF_STATUSES
    )
    ns.declare("tariff_level", "number", "the tariff rate in percent (same as tariff_rate)")
    ns.declare(
        "tariff_days_left", "number", f"days to the next tariff step ({NO_STEP_AHEAD:g} if none)"
    )
    for deadline in scenario.deadlines:
        ident, label = deadline.id, deadline.label
        ns.declare(f"{ident}_level", "number", f"level of {label} now (0 until imposed)")
        ns.declare(
            f"{ident}_status",
            "string",
            f"{label}: none, threatened, imposed, suspended or lifted",
            TARIFF_STATUSES,
        )
        ns.declare(
            f"{ident}_days_left",
            "number",
            f"days to the next step of {label} ({NO_STEP_AHEAD:g} if none is ahead)",
        )
    for issue in scenario.issues:
        choices = frozenset({"", *(o.id for o in issue.options)})
        ns.declare(
            f"offer_{issue.id}",
            "string",
            f"option of the offer on the table for {issue.label} ('' if none)",
            choices,
        )
        ns.declare(f"offer_{issue.id}_level", "number", f"level of that option ({issue.label})")
        ns.declare(
            f"deal_{issue.id}",
            "string",
            f"option agreed for {issue.label} ('' without a deal)",
            choices,
        )
        ns.declare(
            f"deal_{issue.id}_level", "number", f"level of the agreed option ({issue.label})"
        )
    return ns
