"""The debrief as Markdown (for Markdown hosts and the terminal) or as one self-contained
HTML file (inline CSS and SVG, no scripts, prints on paper)."""

from __future__ import annotations

from game.engine.events import Event
from game.report.charts import line_chart
from game.report.debrief import Debrief, Step
from game.report.escape import h, md
from game.scenario.models import ROLES

# Event kinds worth a line in the printed transcript (meter changes are in the charts).
TRANSCRIPT_KINDS = (
    "move",
    "news",
    "tariff",
    "deal",
    "phase",
    "ending",
    "flag",
    "schedule",
    "instructor",
)


def key_series(d: Debrief) -> list[tuple[str, str, list[float]]]:
    """(title, unit, values) for the tariff rate and every meter both delegations see
    that moved during the game, one value per date (the day's last)."""
    days = _daily(d)
    series = [("Tariff rate", "%", [s.tariff_rate for s in days])]
    for name, meter in d.scenario.meters.items():
        values = [s.meters[name] for s in days]
        if set(meter.visible_to) >= set(ROLES) and len(set(values)) > 1:
            series.append((meter.label, meter.unit, values))
    return series


def _daily(d: Debrief) -> list:  # type: ignore[type-arg]
    by_date = {}
    for snap in d.timeline:
        by_date[snap.date] = snap
    return list(by_date.values())


def _source(d: Debrief, ref: str) -> str:
    if not ref:
        return ""
    if ref == "designer":
        return "designer's mechanic"
    source = d.scenario.source(ref)
    if source is None:
        return ref
    outlet = f", {source.outlet}" if source.outlet else ""
    when = f", {source.date}" if source.date else ""
    return f"“{source.title}”{outlet}{when}"


def _why(d: Debrief, event: Event) -> str:
    cause = event.cause
    kind = cause.kind if not cause.id else f"{cause.kind} {cause.id}"
    source = _source(d, cause.source)
    return f"{kind}; {source}" if source else kind


def _player(d: Debrief, role: str) -> str:
    if role == "instructor":
        return "the instructor"
    who = d.save.players.get(role, "human")
    return "a player" if who == "human" else f"the AI ({who})"


def _headline(d: Debrief) -> tuple[str, str]:
    ending = d.result.ending
    title = ending.title if ending else "Game in progress"
    summary = " ".join(ending.summary.split()) if ending else ""
    return title, summary


# --------------------------------------------------------------------------- Markdown
def to_markdown(d: Debrief) -> str:
    s = d.scenario
    title, summary = _headline(d)
    players = "; ".join(f"{md(s.roles[r].name)}: {md(_player(d, r))}" for r in ROLES)  # type: ignore[index]
    out = [
        f"# Debrief — {md(s.title)}",
        "",
        f"**Ending: {md(title)}.** {md(summary)}",
        "",
        f"Seed {d.save.seed}; {players}; {len(d.steps)} moves, to {d.state.date.isoformat()}.",
        "",
    ]
    ending = d.result.ending
    if ending is not None and ending.history:
        out += [f"*In history:* {md(' '.join(ending.history.split()))}", ""]
    out += ["## What was agreed, beside 2019", ""]
    if d.deal is None:
        out += ["No agreement stood at the end.", ""]
    out += ["| Issue | This game | 2019 |", "|---|---|---|"]
    for t in d.terms:
        mark = "" if t.same or not t.agreed else " ◆"
        out.append(f"| {md(t.label)} | {md(t.agreed or '—')}{mark} | {md(t.historical or '—')} |")
    out += ["", f"◆ differs from 2019. The 2019 terms: {md(_source(d, d.history_source))}.", ""]
    out += ["## The course of the crisis", "", _series_table(d), ""]
    out += ["## Scores", ""]
    for role in ROLES:
        r = s.roles[role]  # type: ignore[index]
        verdict = "a success" if d.result.success[role] else "not a success"
        out += [
            f"### {md(r.name)}: {d.result.scores[role]}/100 — {verdict}",
            "",
            "| Objective | Points | Met |",
            "|---|---|---|",
        ]
        for o in d.result.objectives[role]:
            out.append(f"| {md(o.text)} | {o.weight} | {'yes' if o.met else 'no'} |")
        out.append("")
    out += ["## Turning points", ""]
    if not d.turning_points:
        out += ["No single move changed either side's prospects.", ""]
    for t in d.turning_points:
        who = s.roles[t.role].short  # type: ignore[index]
        out.append(
            f"- Move {t.step.number} ({md(t.step.date)}), {md(_move_text(t.step))}: "
            f"{md(who)}'s score {t.before} → {t.after}."
        )
    out += ["", "## Questions for discussion", ""]
    out += [f"{i}. {md(q)}" for i, q in enumerate(d.questions, 1)]
    out += ["", "## Transcript", ""]
    for step in d.steps:
        out.append(
            f"**{step.number}. {md(step.date)} — {md(_move_text(step))}** "
            f"({md(_player(d, step.move.role))})"
        )
        out.append("")
        for reason in step.reasons:
            out.append(f"> {md(reason)}  ")
        if step.reasons:
            out.append("")
        for e in step.events:
            if e.kind in TRANSCRIPT_KINDS and e.kind != "move":
                out.append(f"- {md(e.date)}: {md(e.text)} *({md(_why(d, e))})*")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _move_text(step: Step) -> str:
    """The engine's own line for the move (its first event), e.g. `US proposes: …`."""
    return step.events[0].text if step.events else step.move.kind


def _series_table(d: Debrief) -> str:
    series = key_series(d)
    header = "| Date | " + " | ".join(md(f"{t} ({u})" if u else t) for t, u, _ in series) + " |"
    lines = [header, "|" + "---|" * (len(series) + 1)]
    for i, snap in enumerate(_daily(d)):
        cells = [f"{values[i]:,.0f}" for _, _, values in series]
        lines.append(f"| {md(snap.date)} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


# --------------------------------------------------------------------------- HTML
CSS = """
body { font: 15px/1.5 Georgia, 'Times New Roman', serif; max-width: 60em; margin: 2em auto;
       padding: 0 1em; color: #1b1b1b; background: #fff; }
h1, h2, h3 { font-family: Helvetica, Arial, sans-serif; line-height: 1.2; }
h1 { font-size: 1.7em; border-bottom: 3px solid #8a1c1c; padding-bottom: .2em; }
h2 { font-size: 1.25em; margin-top: 1.8em; color: #8a1c1c; }
table { border-collapse: collapse; width: 100%; margin: .6em 0; font-size: .92em; }
th, td { border: 1px solid #bbb; padding: .25em .5em; text-align: left; vertical-align: top; }
th { background: #f1ece4; }
td.differs { font-weight: bold; }
.ending { background: #f7f3ec; border-left: 5px solid #8a1c1c; padding: .6em 1em; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(22em, 1fr)); gap: .8em; }
svg.chart { width: 100%; height: auto; border: 1px solid #ddd; background: #fcfcfa; }
svg .series { fill: none; stroke: #8a1c1c; stroke-width: 2; }
svg .axis { stroke: #888; stroke-width: 1; }
svg .tick { font: 11px Helvetica, Arial, sans-serif; fill: #555; }
svg .chart-title { font: bold 12px Helvetica, Arial, sans-serif; fill: #222; }
blockquote { margin: .3em 0 .3em 1em; padding-left: .8em; border-left: 3px solid #ccc;
             color: #444; font-size: .92em; }
.step { margin: .8em 0; page-break-inside: avoid; }
.events { margin: .2em 0 0 1.2em; padding: 0; font-size: .9em; }
.why { color: #666; font-style: italic; }
@media print { body { margin: 0; max-width: none; } h2 { page-break-after: avoid; }
               .charts { display: block; } svg.chart { max-width: 48%; display: inline-block; } }
"""


def to_html(d: Debrief) -> str:
    s = d.scenario
    title, summary = _headline(d)
    e = h
    players = "; ".join(f"{e(s.roles[r].name)}: {e(_player(d, r))}" for r in ROLES)  # type: ignore[index]
    body = [
        f"<h1>Debrief — {e(s.title)}</h1>",
        f'<div class="ending"><p><strong>Ending: {e(title)}.</strong> {e(summary)}</p>',
    ]
    ending = d.result.ending
    if ending is not None and ending.history:
        body.append(f"<p><em>In history:</em> {e(' '.join(ending.history.split()))}</p>")
    body.append(
        f"<p>Seed {d.save.seed}; {players}; {len(d.steps)} moves, to "
        f"{e(d.state.date.isoformat())}.</p></div>"
    )
    body.append("<h2>What was agreed, beside 2019</h2>")
    if d.deal is None:
        body.append("<p>No agreement stood at the end.</p>")
    differs = ' class="differs"'
    rows = "".join(
        f"<tr><td>{e(t.label)}</td><td{differs if t.agreed and not t.same else ''}>"
        f"{e(t.agreed or '—')}</td><td>{e(t.historical or '—')}</td></tr>"
        for t in d.terms
    )
    body.append(
        f"<table><tr><th>Issue</th><th>This game</th><th>2019</th></tr>{rows}</table>"
        f"<p>Bold: differs from 2019. The 2019 terms: {e(_source(d, d.history_source))}.</p>"
    )
    body.append('<h2>The course of the crisis</h2><div class="charts">')
    dates = [snap.date for snap in _daily(d)]
    for chart_title, unit, values in key_series(d):
        body.append(line_chart(chart_title, dates, values, unit))
    body.append("</div>")
    body.append("<h2>Scores</h2>")
    for role in ROLES:
        r = s.roles[role]  # type: ignore[index]
        verdict = "a success" if d.result.success[role] else "not a success"
        rows = "".join(
            f"<tr><td>{e(o.text)}</td><td>{o.weight}</td><td>{'yes' if o.met else 'no'}</td></tr>"
            for o in d.result.objectives[role]
        )
        body.append(
            f"<h3>{e(r.name)}: {d.result.scores[role]}/100 — {verdict}</h3>"
            f"<table><tr><th>Objective</th><th>Points</th><th>Met</th></tr>{rows}</table>"
        )
    body.append("<h2>Turning points</h2><ul>")
    if not d.turning_points:
        body.append("<li>No single move changed either side's prospects.</li>")
    for t in d.turning_points:
        who = s.roles[t.role].short  # type: ignore[index]
        body.append(
            f"<li>Move {t.step.number} ({e(t.step.date)}), {e(_move_text(t.step))}: "
            f"{e(who)}'s score {t.before} → {t.after}.</li>"
        )
    body.append("</ul><h2>Questions for discussion</h2><ol>")
    body += [f"<li>{e(q)}</li>" for q in d.questions]
    body.append("</ol><h2>Transcript</h2>")
    for step in d.steps:
        body.append(
            f'<div class="step"><strong>{step.number}. {e(step.date)} — '
            f"{e(_move_text(step))}</strong> ({e(_player(d, step.move.role))})"
        )
        for reason in step.reasons:
            body.append(f"<blockquote>{e(reason)}</blockquote>")
        items = [
            f'<li>{e(ev.date)}: {e(ev.text)} <span class="why">({e(_why(d, ev))})</span></li>'
            for ev in step.events
            if ev.kind in TRANSCRIPT_KINDS and ev.kind != "move"
        ]
        if items:
            body.append(f'<ul class="events">{"".join(items)}</ul>')
        body.append("</div>")
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Debrief — {e(s.title)}</title><style>{CSS}</style></head>"
        f"<body>{''.join(body)}</body></html>\n"
    )
