"""Dates that fall outside the scenario's period.

The clock runs from `start_date` (day 0) to `end_date`; a dated thing outside that span
never happens as written: after the end it never happens at all, before the start it
would all happen at once as play begins. Every date in the file is checked (events,
tariff steps, and any dated field added later), except the period itself and the
publication dates of sources. A `schedule:` further away than the whole period can
never arrive either.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from game.i18n import tx
from game.scenario.checks import Path
from game.scenario.diagnostics import Diagnostic
from game.scenario.models import Scenario, Schedule
from game.scenario.yaml_source import SourceMap

_NOT_IN_PLAY = ("start_date", "end_date", "sources")


def _what(scenario: Scenario, path: Path) -> str:
    """A name for the dated thing at `path`, as an author would say it."""
    node: Any = scenario
    named = ""
    for part in path[:-1]:
        node = (
            node[part]
            if isinstance(part, int) or isinstance(node, dict)
            else getattr(node, str(part))
        )
        ident = getattr(node, "id", None)
        if isinstance(ident, str):
            named = f"{type(node).__name__.lower().removeprefix('scenario')} `{ident}`"
    if path[:2] == ("tariff_ladder", "steps") and isinstance(path[2], int):
        return f"tariff step {path[2] + 1}"
    return named or "`" + ".".join(str(p) for p in path) + "`"


def period_problems(scenario: Scenario, source: SourceMap) -> list[Diagnostic]:
    start, end = scenario.start_date, scenario.end_date
    period = f"{start.isoformat()} to {end.isoformat()}"
    length = (end - start).days
    out: list[Diagnostic] = []
    for path, node in scenario.timed_nodes:
        if not path or path[0] in _NOT_IN_PLAY:
            continue
        if isinstance(node, dt.date) and not start <= node <= end:
            side = "after the scenario ends" if node > end else "before the scenario starts"
            out.append(
                source.diagnostic(
                    path,
                    "BRK410",
                    tx(
                        "{value} is dated {value2}, {side} (the period is {period})",
                        value=_what(scenario, path),
                        value2=node.isoformat(),
                        side=side,
                        period=period,
                    ),
                    hint=(
                        tx(
                            "it would never happen; move the date inside the period, or move "
                            "`end_date` later"
                        )
                        if node > end
                        else tx(
                            "it would all happen at once as play begins; move the date inside "
                            "the period, or move `start_date` earlier"
                        )
                    ),
                    span=10,
                )
            )
        elif isinstance(node, Schedule) and node.in_days > length:
            out.append(
                source.diagnostic(
                    (*path, "in_days"),
                    "BRK410",
                    tx(
                        "`in_days: {in_days}` is longer than the whole scenario ({length} "
                        "days, {period}), so the event never arrives",
                        in_days=format(node.in_days, "g"),
                        length=length,
                        period=period,
                    ),
                    hint=tx("use at most {length} days, or move `end_date` later", length=length),
                )
            )
    return out
