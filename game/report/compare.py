"""Class comparison: every team's deal, tariff outcome, ending and scores in one table,
with the spread across teams, for the instructor's debrief."""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass
from html import escape

from game.report.debrief import Debrief
from game.scenario.models import ROLES


@dataclass(frozen=True)
class Team:
    name: str
    debrief: Debrief

    @property
    def tariff(self) -> str:
        collected = self.debrief.tariff_collected
        peak = max((s.tariff_rate for s in self.debrief.timeline), default=0.0)
        return f"collected, peak {peak:g}%" if collected else "never collected"


def _options(team: Team) -> dict[str, str]:
    return {t.issue: t.agreed for t in team.debrief.terms}


def _spread(values: list[int]) -> str:
    if not values:
        return "—"
    sd = statistics.pstdev(values) if len(values) > 1 else 0.0
    return (
        f"min {min(values)}, median {statistics.median(values):g}, max {max(values)}, sd {sd:.1f}"
    )


def _threat(team: Team, deadline: str) -> str:
    steps = team.debrief.imposed(deadline)
    return f"from {steps[0].date}" if steps else "never"


def compare_markdown(teams: list[Team]) -> str:
    scenario = teams[0].debrief.scenario
    issues = scenario.issues
    out = [f"# Class comparison — {scenario.title}", "", f"{len(teams)} teams.", ""]
    # One column per threat, named as the scenario names it.
    headers = (["Tariff"] if scenario.tariff_ladder is not None else []) + [
        d.label for d in scenario.deadlines
    ]
    out += [
        "| Team | Ending | "
        + "".join(f"{h} | " for h in headers)
        + " | ".join(f"{scenario.roles[r].short} score" for r in ROLES)
        + " | Deal, where it differs from 2019 |",  # type: ignore[index]
        "|---|---|" + "---|" * len(headers) + "---|" * len(ROLES) + "---|",
    ]
    for team in teams:
        d = team.debrief
        ending = d.result.ending.title if d.result.ending else "in progress"
        deal = (
            "no deal"
            if d.deal is None
            else "; ".join(f"{t.label}: {t.agreed}" for t in d.terms if t.agreed and not t.same)
            or "the 2019 terms"
        )
        scores = " | ".join(str(d.result.scores[r]) for r in ROLES)
        threats = ([team.tariff] if scenario.tariff_ladder is not None else []) + [
            _threat(team, x.id) for x in scenario.deadlines
        ]
        cells = "".join(f"{t} | " for t in threats)
        out.append(f"| {team.name} | {ending} | {cells}{scores} | {deal} |")
    out += ["", "## Spread across teams", "", "| Measure | Spread |", "|---|---|"]
    for role in ROLES:
        values = [t.debrief.result.scores[role] for t in teams]
        out.append(f"| {scenario.roles[role].short} score | {_spread(values)} |")  # type: ignore[index]
    endings = Counter(
        t.debrief.result.ending.title if t.debrief.result.ending else "in progress" for t in teams
    )
    out.append("| Endings | " + "; ".join(f"{k}: {v}" for k, v in endings.most_common()) + " |")
    if scenario.tariff_ladder is not None:
        collected = sum(1 for t in teams if t.debrief.tariff_collected)
        out.append(f"| Tariff collected | {collected} of {len(teams)} teams |")
    for deadline in scenario.deadlines:
        imposed = sum(1 for t in teams if t.debrief.imposed(deadline.id))
        out.append(f"| {deadline.label} imposed | {imposed} of {len(teams)} teams |")
    out += [
        "",
        "## Terms chosen, issue by issue",
        "",
        "| Issue | Teams' choices | 2019 |",
        "|---|---|---|",
    ]
    for issue in issues:
        chosen = Counter(_options(t)[issue.id] for t in teams if t.debrief.deal is not None)
        history = next(t.historical for t in teams[0].debrief.terms if t.issue == issue.id)
        cells = "; ".join(f"{k} ({v})" for k, v in chosen.most_common()) or "—"
        out.append(f"| {issue.label} | {cells} | {history or '—'} |")
    return "\n".join(out) + "\n"


def compare_html(teams: list[Team]) -> str:
    """The same comparison as a self-contained HTML page (tables only)."""
    from game.report.render import CSS

    text = compare_markdown(teams)
    body = []
    in_table = False
    for line in text.splitlines():
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            if set("".join(cells)) <= {"-"}:
                continue
            tag = "th" if not in_table else "td"
            if not in_table:
                body.append("<table>")
                in_table = True
            body.append("<tr>" + "".join(f"<{tag}>{escape(c)}</{tag}>" for c in cells) + "</tr>")
            continue
        if in_table:
            body.append("</table>")
            in_table = False
        if line.startswith("## "):
            body.append(f"<h2>{escape(line[3:])}</h2>")
        elif line.startswith("# "):
            body.append(f"<h1>{escape(line[2:])}</h1>")
        elif line.strip():
            body.append(f"<p>{escape(line)}</p>")
    if in_table:
        body.append("</table>")
    title = escape(text.splitlines()[0].lstrip("# "))
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{title}</title><style>{CSS}</style></head><body>{''.join(body)}</body></html>\n"
    )
