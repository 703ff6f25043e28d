"""Class comparison: every team's deal, tariff outcome, ending and scores in one table,
with the spread across teams, for the instructor's debrief."""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass

from game.report.debrief import Debrief
from game.report.escape import h, md
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


Block = tuple[str, object]  # ("h1" | "h2" | "p", text) or ("table", rows of cells)


def _blocks(teams: list[Team]) -> list[Block]:
    """The comparison as headings, paragraphs and tables of plain text; the renderers
    escape it for their format, so a `|` or `<` in a label stays text."""
    scenario = teams[0].debrief.scenario
    shorts = [scenario.roles[r].short for r in ROLES]
    rows = [
        [
            "Team",
            "Ending",
            "Tariff",
            *(f"{s} score" for s in shorts),
            "Deal, where it differs from 2019",
        ]
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
        rows.append(
            [team.name, ending, team.tariff, *(str(d.result.scores[r]) for r in ROLES), deal]
        )
    spread = [["Measure", "Spread"]]
    for role, short in zip(ROLES, shorts, strict=True):
        spread.append([f"{short} score", _spread([t.debrief.result.scores[role] for t in teams])])
    endings = Counter(
        t.debrief.result.ending.title if t.debrief.result.ending else "in progress" for t in teams
    )
    spread.append(["Endings", "; ".join(f"{k}: {v}" for k, v in endings.most_common())])
    collected = sum(1 for t in teams if t.debrief.tariff_collected)
    spread.append(["Tariff collected", f"{collected} of {len(teams)} teams"])
    terms = [["Issue", "Teams' choices", "2019"]]
    for issue in scenario.issues:
        chosen = Counter(_options(t)[issue.id] for t in teams if t.debrief.deal is not None)
        history = next(t.historical for t in teams[0].debrief.terms if t.issue == issue.id)
        cells = "; ".join(f"{k} ({v})" for k, v in chosen.most_common()) or "—"
        terms.append([issue.label, cells, history or "—"])
    return [
        ("h1", f"Class comparison — {scenario.title}"),
        ("p", f"{len(teams)} teams."),
        ("table", rows),
        ("h2", "Spread across teams"),
        ("table", spread),
        ("h2", "Terms chosen, issue by issue"),
        ("table", terms),
    ]


def compare_markdown(teams: list[Team]) -> str:
    out: list[str] = []
    for kind, content in _blocks(teams):
        if kind == "table":
            rows: list[list[str]] = content  # type: ignore[assignment]
            out.append("| " + " | ".join(md(c) for c in rows[0]) + " |")
            out.append("|" + "---|" * len(rows[0]))
            out += ["| " + " | ".join(md(c) for c in row) + " |" for row in rows[1:]]
        else:
            prefix = {"h1": "# ", "h2": "## ", "p": ""}[kind]
            out.append(prefix + md(content))
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def compare_html(teams: list[Team]) -> str:
    """The same comparison as a self-contained HTML page (tables only)."""
    from game.report.render import CSS

    blocks = _blocks(teams)
    body = []
    for kind, content in blocks:
        if kind == "table":
            rows: list[list[str]] = content  # type: ignore[assignment]
            head = "".join(f"<th>{h(c)}</th>" for c in rows[0])
            cells = "".join(
                "<tr>" + "".join(f"<td>{h(c)}</td>" for c in row) + "</tr>" for row in rows[1:]
            )
            body.append(f"<table><tr>{head}</tr>{cells}</table>")
        else:
            body.append(f"<{kind}>{h(content)}</{kind}>")
    title = h(blocks[0][1])
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{title}</title><style>{CSS}</style></head><body>{''.join(body)}</body></html>\n"
    )
