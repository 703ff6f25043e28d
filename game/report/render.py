"""The debrief as a `Document`, built once from the game, and printed as Markdown (for
Markdown hosts and the terminal) or as one self-contained HTML file."""

from __future__ import annotations

from game.engine.events import STORY_KINDS, Event
from game.engine.moves import MoveRole
from game.engine.state import Snapshot
from game.i18n import N_, _, localise, ngettext, tx_date
from game.report.debrief import Debrief, Step
from game.report.document import (
    Aside,
    Block,
    Cell,
    Charts,
    Document,
    Emphasis,
    Entry,
    Fixed,
    Heading,
    Headline,
    ItemList,
    Legend,
    Paragraph,
    Series,
    Strong,
    Table,
    Text,
    cells,
)
from game.report.html_page import render_html
from game.report.markdown import render_markdown
from game.rules.effects import Cause
from game.scenario.models import ROLES

__all__ = [
    "TRANSCRIPT_KINDS",
    "cause_words",
    "debrief_document",
    "key_series",
    "to_html",
    "to_markdown",
]

# Event kinds worth a line in the printed transcript (meter changes are in the charts).
TRANSCRIPT_KINDS = STORY_KINDS


def to_markdown(d: Debrief) -> str:
    return render_markdown(debrief_document(d))


def to_html(d: Debrief) -> str:
    return render_html(debrief_document(d))


def key_series(d: Debrief) -> list[tuple[str, str, list[float]]]:
    """(title, unit, values) for the tariff rate, each declared deadline's level, and every
    meter both delegations see that moved during the game, one value per date (the day's
    last). Each threat is charted under the scenario's name for it."""
    days = _daily(d)
    series = []
    if d.scenario.tariff_ladder is not None:
        series.append((_("Tariff rate"), "%", [s.tariff_rate for s in days]))
    for deadline in d.scenario.deadlines:
        levels = [(s.levels or {}).get(deadline.id, 0.0) for s in days]
        series.append((deadline.label, deadline.unit or _("level"), levels))
    for name, meter in d.scenario.meters.items():
        values = [s.meters[name] for s in days]
        if set(meter.visible_to) >= set(ROLES) and len(set(values)) > 1:
            series.append((meter.label, meter.unit, values))
    return series


def _daily(d: Debrief) -> list[Snapshot]:
    by_date: dict[str, Snapshot] = {}
    for snap in d.timeline:
        by_date[snap.date] = snap
    return list(by_date.values())


def _source(d: Debrief, ref: str) -> str:
    if not ref:
        return ""
    if ref == "designer":
        return _("designer's mechanic")
    source = d.scenario.source(ref)
    if source is None:
        return ref
    outlet = f", {localise(source.outlet)}" if source.outlet else ""
    when = f", {localise(tx_date(source.date))}" if source.date else ""
    return f"“{source.title}”{outlet}{when}"


# What caused an event, in the reader's words (the id after it stays as written).
CAUSE_KINDS = {
    "rule": N_("rule"),
    "event": N_("event"),
    "move": N_("move"),
    "ladder": N_("tariff ladder"),
    "deadline": N_("deadline"),
    "action": N_("action"),
    "clock": N_("the clock"),
    "start": N_("start"),
    "instructor": N_("instructor"),
    "inject": N_("inject"),
}
# Causes whose id is the engine's own word rather than a scenario's id: said whole, so a
# Spanish reader never meets `propose` or `time ran out`.
CAUSE_PHRASES = {
    ("move", "propose"): N_("move propose"),
    ("move", "accept"): N_("move accept"),
    ("move", "reject"): N_("move reject"),
    ("move", "walk_out"): N_("move walk_out"),
    ("ladder", "step"): N_("tariff ladder step"),
    ("clock", "time ran out"): N_("the clock: time ran out"),
    ("clock", "the move limit was reached"): N_("the clock: the move limit was reached"),
    ("instructor", "pause"): N_("instructor pause"),
    ("instructor", "resume"): N_("instructor resume"),
}


def cause_words(cause: Cause) -> str:
    """What caused an event, in the reader's words: `rule flows-respond`, `move propose`
    (`regla flows-respond`, `jugada: proponer`); ids stay as written."""
    phrase = CAUSE_PHRASES.get((cause.kind, cause.id))
    if phrase is not None:
        return _(phrase)
    name = _(CAUSE_KINDS[cause.kind]) if cause.kind in CAUSE_KINDS else cause.kind
    return name if not cause.id else f"{name} {cause.id}"


def _why(d: Debrief, event: Event) -> str:
    cause = event.cause
    kind = cause_words(cause)
    source = _source(d, cause.source)
    return f"{kind}; {source}" if source else kind


def _player(d: Debrief, role: MoveRole) -> str:
    if role == "instructor":
        return _("the instructor")
    who = d.save.players.get(role, "human")
    return _("a player") if who == "human" else _("the AI ({agent})").format(agent=who)


def _move_text(step: Step) -> str:
    """The engine's own line for the move (its first event), e.g. `US proposes: …`."""
    return step.events[0].text if step.events else step.move.kind


def debrief_document(d: Debrief) -> Document:
    title = _("Debrief — {title}").format(title=localise(d.scenario.title))
    blocks: list[Block] = [Heading(1, (Fixed(_("Debrief — ")), d.scenario.title)), _headline(d)]
    blocks += _agreement(d)
    blocks += [Heading(2, (Fixed(_("The course of the crisis")),)), _charts(d)]
    blocks += _scores(d)
    blocks += _turning_points(d)
    blocks += [
        Heading(2, (Fixed(_("Questions for discussion")),)),
        ItemList(tuple((q,) for q in d.questions), ordered=True),
        Heading(2, (Fixed(_("Transcript")),)),
    ]
    blocks += [_entry(d, step) for step in d.steps]
    return Document(title, tuple(blocks))


def _headline(d: Debrief) -> Headline:
    s = d.scenario
    ending = d.result.ending
    title = ending.title if ending else _("Game in progress")
    summary = " ".join(localise(ending.summary).split()) if ending else ""
    facts: list[str | Fixed] = [Fixed(_("Seed {seed}; ").format(seed=d.save.seed))]
    for i, role in enumerate(ROLES):
        facts += [Fixed("; ")] if i else []
        facts += [s.roles[role].name, Fixed(": "), _player(d, role)]
    moves = ngettext("; {n} move, to ", "; {n} moves, to ", len(d.steps)).format(n=len(d.steps))
    facts += [Fixed(moves), tx_date(d.state.date), Fixed(".")]
    history: Text | None = None
    if ending is not None and ending.history:
        history = (
            Emphasis((Fixed(_("In history:")),)),
            Fixed(" "),
            " ".join(localise(ending.history).split()),
        )
    # A title that ends in an abbreviation (`EE. UU.`) has its full stop already.
    stop = "" if localise(title).endswith(".") else "."
    return Headline(
        (Strong((Fixed(_("Ending: ")), title, Fixed(stop))), Fixed(" "), summary),
        tuple(facts),
        history,
    )


def _agreement(d: Debrief) -> list[Block]:
    blocks: list[Block] = [Heading(2, (Fixed(_("What was agreed, beside 2019")),))]
    if d.deal is None:
        blocks.append(Paragraph((Fixed(_("No agreement stood at the end.")),)))
    rows = tuple(
        (
            Cell(term.label),
            Cell(term.agreed or "—", marked=bool(term.agreed) and not term.same),
            Cell(term.historical or "—"),
        )
        for term in d.terms
    )
    source = _source(d, d.history_source)
    legend: Text = (
        (Fixed(_("differs from 2019. The 2019 terms: ")), source, Fixed("."))
        if source
        else (Fixed(_("differs from 2019.")),)  # no recorded deal to cite
    )
    return [
        *blocks,
        Table((Fixed(_("Issue")), Fixed(_("This game")), Fixed("2019")), rows),
        Legend(legend),
    ]


def _charts(d: Debrief) -> Charts:
    series = tuple(Series(t, u, tuple(v)) for t, u, v in key_series(d))
    # Dates as the reader writes them (ISO in English, `15 de octubre de 2018` in Spanish);
    # each stays its ISO text underneath, which the charts place points by.
    return Charts(tuple(tx_date(snap.date) for snap in _daily(d)), series)


def _scores(d: Debrief) -> list[Block]:
    blocks: list[Block] = [Heading(2, (Fixed(_("Scores")),))]
    for role in ROLES:
        verdict = _("a success") if d.result.success[role] else _("not a success")
        score = Fixed(f": {d.result.scores[role]}/100 — {verdict}")
        rows = tuple(
            (Cell(o.text), *cells(Fixed(str(o.weight)), Fixed(_("yes") if o.met else _("no"))))
            for o in d.result.objectives[role]
        )
        blocks += [
            Heading(3, (d.scenario.roles[role].name, score)),
            Table((Fixed(_("Objective")), Fixed(_("Points")), Fixed(_("Met"))), rows),
        ]
    return blocks


def _turning_points(d: Debrief) -> list[Block]:
    items = tuple(
        (
            Fixed(_("Move {number} (").format(number=point.step.number)),
            tx_date(point.step.date),
            Fixed("), "),
            _move_text(point.step),
            Fixed(": "),
            d.scenario.roles[point.role].short,
            Fixed(" "),
            Fixed(_("{before} → {after} points.").format(before=point.before, after=point.after)),
        )
        for point in d.turning_points
    )
    empty = (Fixed(_("No single move changed either side's prospects.")),)
    return [Heading(2, (Fixed(_("Turning points")),)), ItemList(items, empty=empty)]


def _entry(d: Debrief, step: Step) -> Entry:
    title = (
        Strong((Fixed(f"{step.number}. "), tx_date(step.date), Fixed(" — "), _move_text(step))),
        Fixed(" ("),
        _player(d, step.move.role),
        Fixed(")"),
    )
    notes = tuple(
        (
            tx_date(event.date),
            Fixed(": "),
            event.text,
            Fixed(" "),
            Aside((Fixed("("), _why(d, event), Fixed(")"))),
        )
        for event in step.events
        if event.kind in TRANSCRIPT_KINDS and event.kind != "move"
    )
    return Entry(title, step.reasons, notes)
