"""Class comparison: every team's deal, tariff outcome, ending and scores in one table,
with the spread across teams, for the instructor's debrief."""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass

from game.i18n import _, localise, ngettext, tx_date
from game.report.debrief import Debrief
from game.report.document import Document, Heading, Paragraph, Table, cells
from game.report.html_page import render_html
from game.report.markdown import render_markdown
from game.scenario.models import ROLES, Scenario


@dataclass(frozen=True)
class Team:
    name: str
    debrief: Debrief

    @property
    def tariff(self) -> str:
        collected = self.debrief.tariff_collected
        peak = max((s.tariff_rate for s in self.debrief.timeline), default=0.0)
        return (
            _("collected, peak {peak}%").format(peak=f"{peak:g}")
            if collected
            else _("never collected")
        )

    def threats(self) -> list[str]:
        """The team's outcome on each of the scenario's threats, tariff first."""
        scenario = self.debrief.scenario
        out = [self.tariff] if scenario.tariff_ladder is not None else []
        for deadline in scenario.deadlines:
            steps = self.debrief.imposed(deadline.id)
            when = localise(tx_date(steps[0].date)) if steps else ""
            out.append(_("from {date}").format(date=when) if steps else _("never"))
        return out


def _threat_names(scenario: Scenario) -> list[str]:
    """One column per threat, named as the scenario names it."""
    tariff = [_("Tariff")] if scenario.tariff_ladder is not None else []
    return tariff + [localise(d.label) for d in scenario.deadlines]


def _options(team: Team) -> dict[str, str]:
    return {t.issue: t.agreed for t in team.debrief.terms}


def _of_teams(n: int, total: int) -> str:
    """`2 of 3 teams`, `1 of 1 team`: the noun agrees with the total."""
    return ngettext("{n} of {total} team", "{n} of {total} teams", total).format(n=n, total=total)


def _spread(values: list[int]) -> str:
    if not values:
        return "—"
    sd = statistics.pstdev(values) if len(values) > 1 else 0.0
    return _("min {min}, median {median}, max {max}, sd {sd}").format(
        min=min(values), median=f"{statistics.median(values):g}", max=max(values), sd=f"{sd:.1f}"
    )


def class_document(teams: list[Team]) -> Document:
    """The comparison as headings, paragraphs and tables. Every cell is data (escaped by
    the renderers), so a `|` or `<` in a label stays text."""
    scenario = teams[0].debrief.scenario
    shorts = [localise(scenario.roles[r].short) for r in ROLES]
    header = (
        _("Team"),
        _("Ending"),
        *_threat_names(scenario),
        *(_("{side} score").format(side=s) for s in shorts),
        _("Deal, where it differs from 2019"),
    )
    rows = []
    for team in teams:
        d = team.debrief
        ending = localise(d.result.ending.title) if d.result.ending else _("in progress")
        deal = (
            _("no deal")
            if d.deal is None
            else "; ".join(
                f"{localise(t.label)}: {localise(t.agreed)}"
                for t in d.terms
                if t.agreed and not t.same
            )
            or _("the 2019 terms")
        )
        rows.append(
            cells(
                team.name,
                ending,
                *team.threats(),
                *(str(d.result.scores[r]) for r in ROLES),
                deal,
            )
        )
    spread = [
        cells(
            _("{side} score").format(side=short),
            _spread([t.debrief.result.scores[role] for t in teams]),
        )
        for role, short in zip(ROLES, shorts, strict=True)
    ]
    endings = Counter(
        localise(t.debrief.result.ending.title) if t.debrief.result.ending else _("in progress")
        for t in teams
    )
    spread.append(cells(_("Endings"), "; ".join(f"{k}: {v}" for k, v in endings.most_common())))
    if scenario.tariff_ladder is not None:
        collected = sum(1 for t in teams if t.debrief.tariff_collected)
        of_teams = _of_teams(collected, len(teams))
        spread.append(cells(_("Tariff collected"), of_teams))
    for deadline in scenario.deadlines:
        imposed = sum(1 for t in teams if t.debrief.imposed(deadline.id))
        spread.append(
            cells(
                _("{threat} imposed").format(threat=localise(deadline.label)),
                _of_teams(imposed, len(teams)),
            )
        )
    terms = []
    for issue in scenario.issues:
        chosen = Counter(
            localise(_options(t)[issue.id]) for t in teams if t.debrief.deal is not None
        )
        history = next(t.historical for t in teams[0].debrief.terms if t.issue == issue.id)
        choices = "; ".join(f"{k} ({v})" for k, v in chosen.most_common()) or "—"
        terms.append(cells(issue.label, choices, history or "—"))
    title = _("Class comparison — {title}").format(title=localise(scenario.title))
    return Document(
        title,
        (
            Heading(1, (title,)),
            Paragraph((ngettext("{n} team.", "{n} teams.", len(teams)).format(n=len(teams)),)),
            Table(header, tuple(rows)),
            Heading(2, (_("Spread across teams"),)),
            Table((_("Measure"), _("Spread")), tuple(spread)),
            Heading(2, (_("Terms chosen, issue by issue"),)),
            Table((_("Issue"), _("Teams' choices"), "2019"), tuple(terms)),
        ),
        viewport=False,
    )


def compare_markdown(teams: list[Team]) -> str:
    return render_markdown(class_document(teams))


def compare_html(teams: list[Team]) -> str:
    """The same comparison as a self-contained HTML page (tables only)."""
    return render_html(class_document(teams))
