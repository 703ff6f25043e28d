"""`brink lint`: what validation cannot see — unreachable phases, endings random play
never reaches, declarations nothing uses, conditions that never change, rules that never
fire, how much of the scenario is invented rather than sourced, and how much of its text
each language has.

Static findings come from the phase graph; dynamic ones from random games (seeded, so
the report is the same every run).
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from game.engine import Move, apply, is_terminal, legal_moves, new_game
from game.engine.api import MoveMenu
from game.i18n import N_, tx, tx_n
from game.rules.expressions import Compiled
from game.rules.ruleset import CompiledRule, Ruleset
from game.scenario.checks import DESIGNER
from game.scenario.coverage import Coverage, coverage, languages_used, summary
from game.scenario.diagnostics import Diagnostic
from game.scenario.models import is_role

MAX_SAMPLES = 4000


@dataclass
class LintReport:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    games: int = 0
    sourced: int = 0
    designer: int = 0
    # Each language's share of the texts (`coverage_lines` words it).
    coverage: list[Coverage] = field(default_factory=list)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]

    @property
    def designer_share(self) -> float:
        total = self.sourced + self.designer
        return self.designer / total if total else 0.0


@dataclass
class _Play:
    """What random games showed."""

    samples: list[dict[str, Any]] = field(default_factory=list)
    fired: set[str] = field(default_factory=set)
    endings: set[str] = field(default_factory=set)
    phases: set[str] = field(default_factory=set)


def _play(ruleset: Ruleset, games: int, seed: int) -> _Play:
    """`games` random games, then a quarter as many that drag the talks out (no side
    accepts or walks out while it has anything else to do), so that the clock reaches
    the tariff steps and dates a quick random deal would never see."""
    seen = _Play()
    dragged = (games + 3) // 4 if games else 0
    per_game = max(16, MAX_SAMPLES // max(1, games + dragged))
    for index in range(games + dragged):
        state = new_game(ruleset, seed * 100_003 + index)
        rng = random.Random(f"lint:{seed}:{index}")
        states: list[dict[str, Any]] = []
        while True:
            seen.phases.add(state.phase)
            states += _clock_stops(state, len(states) and states[-1].get(_STOPS, 0))
            states.append(dict(state.env, **{_STOPS: len(state.timeline)}))
            if is_terminal(state):
                break
            actor = state.actor
            menu = legal_moves(state, actor) if is_role(actor) else None
            if not menu:  # stuck (validate reports a stuck opening as BRK405)
                break
            apply(state, _drag(menu, rng) if index >= games else menu.sample(rng))
        seen.samples += _thin(states, per_game)
        seen.fired.update(e.cause.id for e in state.log if e.cause.kind in ("rule", "event"))
        seen.endings.add(state.ending or "")
        seen.phases.update(e.data.get("phase", "") for e in state.log if e.kind == "phase")
    return seen


# Sample key: how many clock snapshots the game had when the sample was taken.
_STOPS = "\0stops"


def _clock_stops(state: Any, known: int) -> list[dict[str, Any]]:
    """The states the clock passed through since the last move (each day it stopped on:
    a tariff step, a dated event, the first of a month), as the game's timeline recorded
    their day, tariff rate and meters."""
    out = []
    for snapshot in state.timeline[known:]:
        date = dt.date.fromisoformat(snapshot.date)
        env = dict(state.env)
        env.update(snapshot.meters)
        env.update(
            day=snapshot.day,
            month=float(date.month),
            day_of_month=float(date.day),
            tariff_rate=snapshot.tariff_rate,
        )
        out.append(env)
    return out


def _drag(menu: MoveMenu, rng: random.Random) -> Move:
    """A move that keeps the talks going: anything but accepting or walking out, if the
    role has anything else to do."""
    stalling = [m for m in menu.moves if m.kind not in ("accept", "walk_out")]
    if menu.can_propose and (not stalling or rng.random() < 0.5):
        offer = {issue: rng.choice(options) for issue, options in menu.offer_space.items()}
        return Move.propose(menu.role, offer)
    return rng.choice(stalling) if stalling else menu.sample(rng)


def _thin(states: list[dict[str, Any]], most: int) -> list[dict[str, Any]]:
    """At most `most` states of one game, evenly spread, always with the last."""
    for env in states:
        env.pop(_STOPS, None)
    if len(states) <= most:
        return states
    step = len(states) / most
    return [states[int(i * step)] for i in range(most - 1)] + [states[-1]]


def _reachable_phases(ruleset: Ruleset) -> set[str]:
    scenario = ruleset.scenario
    phase_ids = [p.id for p in scenario.phases]
    edges: dict[str, set[str]] = {p: set() for p in phase_ids}
    for transition in scenario.transitions:
        sources = phase_ids if "*" in transition.sources() else transition.sources()
        for source in sources:
            edges.setdefault(source, set()).add(transition.dest)
    reached, frontier = {scenario.first_phase}, [scenario.first_phase]
    while frontier:
        for dest in edges.get(frontier.pop(), ()):
            if dest not in reached:
                reached.add(dest)
                frontier.append(dest)
    return reached


def _conditions(ruleset: Ruleset) -> Iterator[tuple[tuple[str | int, ...], Compiled]]:
    scenario = ruleset.scenario
    for i, rule in enumerate(ruleset.rules):
        if rule.when is not None:
            yield ("rules", i, "when"), rule.when
    for i, event in enumerate(scenario.events):
        compiled = ruleset.events[event.id].when
        if compiled is not None:
            yield ("events", i, "when"), compiled
    for i, compiled in enumerate(ruleset.transitions):
        if compiled is not None:
            yield ("transitions", i, "when"), compiled
    for i, ending in enumerate(scenario.endings):
        if ending.id in ruleset.endings:
            yield ("endings", i, "when"), ruleset.endings[ending.id]


def _all_rules(ruleset: Ruleset) -> list[CompiledRule]:
    return [*ruleset.rules, *ruleset.events.values(), *ruleset.actions.values()]


def _names_read(ruleset: Ruleset) -> set[str]:
    names: set[str] = set()
    for _, compiled in _conditions(ruleset):
        names |= compiled.names
    names |= {n for c in ruleset.options.values() for n in c.names}
    names |= {n for c in ruleset.objectives.values() for n in c.names}
    for rule in _all_rules(ruleset):
        if rule.when is not None:
            names |= rule.when.names
        for op in rule.ops:
            if op.quantity is not None and op.quantity.expression is not None:
                names |= op.quantity.expression.names
    return names


class _Linter:
    def __init__(self, ruleset: Ruleset, games: int, seed: int) -> None:
        self.rs = ruleset
        self.s = ruleset.scenario
        self.src = ruleset.file.source
        self.report = LintReport(games=games)
        self.play = _play(ruleset, games, seed) if games else _Play()

    def add(
        self,
        path: tuple[str | int, ...],
        code: str,
        message: str,
        severity: Any,
        hint: str | None = None,
        at_key: bool = False,
    ) -> None:
        self.report.diagnostics.append(
            self.src.diagnostic(path, code, message, hint=hint, severity=severity, at_key=at_key)
        )

    def run(self) -> LintReport:
        self.unreachable()
        self.unused()
        self.constant_conditions()
        self.never_fired()
        self.sources()
        self.translations()
        return self.report

    def unreachable(self) -> None:
        reachable = _reachable_phases(self.rs)
        for i, phase in enumerate(self.s.phases):
            if phase.id not in reachable:
                self.add(
                    ("phases", i, "id"),
                    "BRK501",
                    tx(
                        "phase `{id}` cannot be reached from `{first_phase}`",
                        id=phase.id,
                        first_phase=self.s.first_phase,
                    ),
                    "error",
                    tx("add a transition into it, or remove it"),
                )
        if not self.report.games:
            return
        for i, ending in enumerate(self.s.endings):
            if ending.id not in self.play.endings:
                self.add(
                    ("endings", i, "id"),
                    "BRK502",
                    tx_n(
                        "ending `{id}` was not reached in {n} random game",
                        "ending `{id}` was not reached in {n} random games",
                        self.report.games,
                        id=ending.id,
                    ),
                    "warning",
                    tx("it may need deliberate play; check its condition and a scenario test"),
                )

    def unused(self) -> None:
        read = _names_read(self.rs)
        changed = {
            op.name
            for rule in _all_rules(self.rs)
            for op in rule.ops
            if op.kind in ("set", "add", "flag")
        }
        for name in self.s.meters:
            if name not in read and name not in changed:
                self.add(
                    ("meters", name),
                    "BRK503",
                    tx("meter `{name}` is never read or changed", name=name),
                    "warning",
                    at_key=True,
                )
        for name in self.s.flags:
            if name not in read:
                self.add(
                    ("flags", name),
                    "BRK503",
                    tx("flag `{name}` is never read", name=name),
                    "warning",
                    at_key=True,
                )
        for i, issue in enumerate(self.s.issues):
            if not any(n.startswith((f"offer_{issue.id}", f"deal_{issue.id}")) for n in read):
                self.add(
                    ("issues", i, "id"),
                    "BRK503",
                    tx(
                        "issue `{id}` has no effect: no condition reads `offer_{id}` or "
                        "`deal_{id}`",
                        id=issue.id,
                    ),
                    "warning",
                )
        self.unused_options(read)
        cited = {
            node
            for path, node in self.s.nodes
            if path and path[-1] == "source" and path[0] != "transitions"
        }
        for i, source in enumerate(self.s.sources):
            if source.id not in cited:
                self.add(
                    ("sources", i, "id"),
                    "BRK503",
                    tx("source `{id}` is never cited", id=source.id),
                    "warning",
                )

    def unused_options(self, read: set[str]) -> None:
        rules = _all_rules(self.rs)
        texts = [c.text for _, c in _conditions(self.rs)]
        texts += [c.text for c in [*self.rs.options.values(), *self.rs.objectives.values()]]
        texts += [r.when.text for r in rules if r.when is not None]
        texts += [
            op.quantity.expression.text
            for r in rules
            for op in r.ops
            if op.quantity is not None and op.quantity.expression is not None
        ]
        text = " ".join(texts)
        for i, issue in enumerate(self.s.issues):
            if any(n.endswith(f"{issue.id}_level") for n in read) or re.search(
                rf"_{issue.id}\s*!=", text
            ):
                continue  # options matter through their levels, or all but one are alike
            for j, option in enumerate(issue.options):
                if option.id == issue.default_option():
                    continue
                if f'"{option.id}"' not in text and f"'{option.id}'" not in text:
                    self.add(
                        ("issues", i, "options", j, "id"),
                        "BRK503",
                        tx(
                            "option `{id}` of `{id2}` changes nothing: no condition names it or "
                            "reads the issue's level",
                            id=option.id,
                            id2=issue.id,
                        ),
                        "warning",
                    )

    def constant_conditions(self) -> None:
        if len(self.play.samples) < 2:
            return
        for path, compiled in _conditions(self.rs):
            if "last_move" in compiled.names:
                # Holds only for an instant inside a move's resolution, between samples.
                continue
            values = {bool(compiled(env)) for env in self.play.samples}
            if values == {False} and self._held_in_play(path):
                continue  # true for an instant between samples: it fired
            if len(values) == 1:
                samples = len(self.play.samples)
                always = (
                    tx_n(
                        "condition is always true in {n} sampled state",
                        "condition is always true in {n} sampled states",
                        samples,
                    )
                    if values.pop()
                    else tx_n(
                        "condition is always false in {n} sampled state",
                        "condition is always false in {n} sampled states",
                        samples,
                    )
                )
                self.add(
                    path,
                    "BRK504",
                    always,
                    "warning",
                    tx(
                        "check the names and thresholds it uses (the states come from random "
                        "games, games that drag the talks out to the end date, and every day the "
                        "clock stopped on)"
                    ),
                )

    def _held_in_play(self, path: tuple[str | int, ...]) -> bool:
        """Whether the rule, event or ending this condition belongs to fired in play."""
        section, index = path[0], path[1]
        if section in ("rules", "events") and isinstance(index, int):
            return getattr(self.s, section)[index].id in self.play.fired
        if section == "endings" and isinstance(index, int):
            return self.s.endings[index].id in self.play.endings
        return False

    def never_fired(self) -> None:
        if not self.report.games:
            return
        for i, rule in enumerate(self.s.rules):
            if rule.id not in self.play.fired:
                self.add(
                    ("rules", i, "id"),
                    "BRK505",
                    tx_n(
                        "rule `{id}` never fired in {n} random game",
                        "rule `{id}` never fired in {n} random games",
                        self.report.games,
                        id=rule.id,
                    ),
                    "warning",
                )

    def sources(self) -> None:
        for i, rule in enumerate(self.s.rules):
            if rule.source == DESIGNER:
                self.report.designer += 1
                if not rule.note:
                    self.add(
                        ("rules", i, "source"),
                        "BRK506",
                        tx(
                            "rule `{id}` is a designer's invention with no `note:` explaining it",
                            id=rule.id,
                        ),
                        "warning",
                        tx("say why the mechanic exists, for the debrief"),
                    )
            else:
                self.report.sourced += 1
        for ending in self.s.endings:
            if ending.source == DESIGNER:
                self.report.designer += 1
            else:
                self.report.sourced += 1

    def translations(self) -> None:
        """A bilingual scenario (any text written in two languages) warns at each text
        one of its languages lacks; a one-language scenario only reports its coverage."""
        self.report.coverage = coverage(self.s)
        used = languages_used(self.s)
        if len(used) < 2:
            return
        for cover in self.report.coverage:
            if cover.lang not in used:
                continue
            template = _NO_VERSION[cover.lang]
            for text in cover.missing:
                field_name = str(text.path[-1])
                self.add(
                    text.path,
                    "BRK507",
                    tx(template, name=text.name),
                    "warning",
                    tx("write it per language: `{field}: {{en: ..., es: ...}}`", field=field_name),
                )


# BRK504, whole sentences: "true"/"false" are not words to slot into a translation.

# BRK507, per language (the name of a language is not a word to slot into a sentence).
_NO_VERSION = {
    "en": N_("`{name}` has no English version"),
    "es": N_("`{name}` has no Spanish version"),
}


def coverage_lines(report: LintReport, ruleset: Ruleset, verbose: bool = False) -> list[str]:
    """One line per language the scenario is not complete in, for the lint summary:
    `Spanish: 212 of 230 texts (92%); missing: issues.asylum.label (line 120), …`
    (the first few; `verbose` lists them all)."""
    source = ruleset.file.source
    return [
        summary(cover, source, None if verbose else 8) for cover in report.coverage if cover.missing
    ]


def lint(ruleset: Ruleset, games: int = 200, seed: int = 0) -> LintReport:
    return _Linter(ruleset, games, seed).run()
