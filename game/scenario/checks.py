"""Cross-reference checks: every name a scenario uses must be declared.

pydantic checks each part of the file on its own; these checks look at the whole, and
report every problem found (not only the first), positioned with the source map.
"""

from __future__ import annotations

from collections.abc import Iterable

from game.i18n import tx
from game.scenario.diagnostics import Diagnostic, did_you_mean
from game.scenario.models import Scenario
from game.scenario.yaml_source import SourceMap

Path = tuple[str | int, ...]
MOVE_KINDS = ("propose", "accept", "reject", "walk_out")
# A scenario is an episode of weeks or months; ten years is far more than any needs, and
# keeps the clock's month-by-month stops bounded.
MAX_SCENARIO_DAYS = 3660
DESIGNER = "designer"
# Names the engine defines in every expression environment (see game.rules.namespace).
RESERVED_NAMES = frozenset(
    {
        "phase",
        "day",
        "month",
        "day_of_month",
        "moves",
        "last_move",
        "last_actor",
        "offer_by",
        "deal",
        "days_since_deal",
        "tariff_rate",
        "tariff_status",
        "tariff_level",
        "tariff_days_left",
        "proposals_us",
        "proposals_mexico",
        "rejections",
    }
)


class Checker:
    """Collects diagnostics for one scenario."""

    def __init__(self, scenario: Scenario, source: SourceMap) -> None:
        self.s = scenario
        self.src = source
        self.out: list[Diagnostic] = []

    def report(
        self,
        path: Path,
        code: str,
        message: str,
        hint: str | None = None,
        *,
        at_key: bool = False,
        span: int = 1,
    ) -> None:
        self.out.append(
            self.src.diagnostic(path, code, message, hint=hint, at_key=at_key, span=span)
        )

    def run(self) -> list[Diagnostic]:
        self.unique_ids()
        self.sources()
        self.names()
        self.phases()
        self.calendar()
        self.moves_possible()
        self.effects()
        self.issues()
        self.ladder()
        self.deadlines()
        self.endings()
        self.history()
        self.preferences()
        return self.out

    # ------------------------------------------------------------------ helpers
    def _unique(self, items: Iterable[tuple[Path, str]], what: str) -> None:
        first: dict[str, Path] = {}
        for path, ident in items:
            if ident in first:
                line = self.src.locate(first[ident]).line
                self.report(
                    path,
                    "BRK207",
                    tx("duplicate {what} id `{ident}`", what=what, ident=ident),
                    tx(
                        "the first `{ident}` is on line {line}; ids must be unique",
                        ident=ident,
                        line=line,
                    ),
                    span=len(ident),
                )
            else:
                first[ident] = path

    def _ref(self, path: Path, name: str, pool: Iterable[str], code: str, what: str) -> bool:
        if isinstance(pool, set | frozenset) and name in pool:
            return True  # the common case, without copying the pool
        pool = list(pool)
        if name in pool:
            return True
        hint = did_you_mean(name, pool)
        if code == "BRK203" and not (hint or "").startswith("did you mean"):
            hint = tx("declare it under `{what}s:`", what=what) + (f"; {hint}" if hint else "")
        self.report(
            path, code, tx("unknown {what} `{name}`", what=what, name=name), hint, span=len(name)
        )
        return False

    # ------------------------------------------------------------------ checks
    def unique_ids(self) -> None:
        s = self.s
        sections = (
            "sources",
            "issues",
            "phases",
            "rules",
            "events",
            "endings",
            "actions",
            "injects",
            "deadlines",
        )
        for section in sections:
            items = getattr(s, section)
            self._unique((((section, i, "id"), x.id) for i, x in enumerate(items)), section[:-1])
        for i, issue in enumerate(s.issues):
            self._unique(
                ((("issues", i, "options", j, "id"), o.id) for j, o in enumerate(issue.options)),
                "option",
            )
        for role_id, role in s.roles.items():
            self._unique(
                (
                    (("roles", role_id, "objectives", j, "id"), o.id)
                    for j, o in enumerate(role.objectives)
                ),
                "objective",
            )
        for i, action in enumerate(s.actions):
            if action.id in MOVE_KINDS:
                self.report(
                    ("actions", i, "id"),
                    "BRK207",
                    tx("action id `{id}` is already a move", id=action.id),
                    span=len(action.id),
                )

    def sources(self) -> None:
        known = [src.id for src in self.s.sources] + [DESIGNER]
        cited = set(known)
        for path, node in self.s.citation_nodes:
            if path[0] != "transitions" and node not in cited:
                self._ref(path, node, known, "BRK201", "source")

    def names(self) -> None:
        """Meters, flags and issues share the expression namespace with the engine's names."""
        seen: dict[str, str] = {}
        entries: list[tuple[Path, str, str]] = [(("meters", m), m, "meter") for m in self.s.meters]
        entries += [(("flags", f), f, "flag") for f in self.s.flags]
        for i, issue in enumerate(self.s.issues):
            entries += [
                (("issues", i, "id"), f"offer_{issue.id}", "issue"),
                (("issues", i, "id"), f"deal_{issue.id}", "issue"),
            ]
        for i, deadline in enumerate(self.s.deadlines):
            entries += [
                (("deadlines", i, "id"), f"{deadline.id}_{part}", "deadline")
                for part in ("level", "status", "days_left")
            ]
        clashing: set[Path] = set()  # deadlines already reported: one problem per id
        for path, name, what in entries:
            at_key = path[0] not in ("issues", "deadlines")
            if name in RESERVED_NAMES and what == "deadline":
                ident = self.s.deadlines[int(path[1])].id
                if path not in clashing:
                    self.report(
                        path,
                        "BRK207",
                        tx(
                            "a deadline cannot be called `{ident}`: `{name}` is a built-in name",
                            ident=ident,
                            name=name,
                        ),
                        tx("choose another id; a tariff is declared under `tariff_ladder:`"),
                        span=len(ident),
                    )
                clashing.add(path)
            elif name in RESERVED_NAMES:
                self.report(
                    path,
                    "BRK207",
                    tx("`{name}` is a built-in name and cannot be a {what}", name=name, what=what),
                    tx("choose another name"),
                    at_key=at_key,
                    span=len(name),
                )
            elif name in seen:
                self.report(
                    path,
                    "BRK207",
                    tx(
                        "{what} `{name}` clashes with {value} `{name2}`",
                        what=what,
                        name=name,
                        value=seen[name],
                        name2=name,
                    ),
                    at_key=at_key,
                    span=len(name),
                )
            seen[name] = what

    def phases(self) -> None:
        phase_ids = [p.id for p in self.s.phases]
        self._ref(("first_phase",), self.s.first_phase, phase_ids, "BRK202", "phase")
        for i, tr in enumerate(self.s.transitions):
            for j, src in enumerate(tr.sources()):
                if src != "*":
                    path: Path = ("transitions", i, "source")
                    if isinstance(tr.source, list):
                        path = (*path, j)
                    self._ref(path, src, phase_ids, "BRK202", "phase")
            self._ref(("transitions", i, "dest"), tr.dest, phase_ids, "BRK202", "phase")

    def calendar(self) -> None:
        days = (self.s.end_date - self.s.start_date).days
        if days > MAX_SCENARIO_DAYS:
            self.report(
                ("end_date",),
                "BRK104",
                tx(
                    "the scenario lasts {days} days; at most {MAX_SCENARIO_DAYS} (ten years)",
                    days=format(days, ","),
                    MAX_SCENARIO_DAYS=format(MAX_SCENARIO_DAYS, ","),
                ),
                tx("bring end_date closer to start_date"),
            )

    def moves_possible(self) -> None:
        """In every phase a delegation moves in, it must have some move: a transition out of
        the phase triggered by a move or one of its own actions. In the first phase no offer
        is on the table yet, so accepting or rejecting cannot be that move."""
        entered = {self.s.first_phase} | {t.dest for t in self.s.transitions}
        for i, phase in enumerate(self.s.phases):
            if phase.actor == "clock" or phase.id not in entered:  # unreachable: BRK501
                continue
            first = phase.id == self.s.first_phase
            usable = {"propose", "walk_out"} | {
                a.id for a in self.s.actions if a.role == phase.actor
            }
            if not first:
                usable |= {"accept", "reject"}
            triggers = {
                t.trigger
                for t in self.s.transitions
                if phase.id in t.sources() or "*" in t.sources()
            }
            if usable & triggers:
                continue
            who = self.s.roles[phase.actor].short if phase.actor in self.s.roles else phase.actor
            where = "the first phase" if first else "phase"
            self.report(
                ("phases", i, "actor"),
                "BRK405",
                tx(
                    "{who} moves in {where} `{id}` but has no move there",
                    who=who,
                    where=where,
                    id=phase.id,
                ),
                tx("add a transition from `{id}` triggered by ", id=phase.id)
                + ("`propose`, `walk_out`" if first else "a move")
                + tx(" or a {who} action, or give the phase to the clock", who=who),
                span=len(phase.actor),
            )

    def _triggers_fired(self) -> set[str]:
        return {node.trigger for _, node in self.s.effect_nodes if node.trigger is not None}

    def effects(self) -> None:
        meters = list(self.s.meters)
        flags = list(self.s.flags)
        events = [e.id for e in self.s.events]
        endings = [e.id for e in self.s.endings]
        triggers = {t.trigger for t in self.s.transitions}
        clocks = [d.id for d in self.s.deadlines] + (["tariff"] if self.s.tariff_ladder else [])
        # Sets to test against; the ordered lists make the suggestions when a name is unknown.
        known_meters, known_flags, known_events = set(meters), set(flags), set(events)
        known_endings, known_clocks = set(endings), set(clocks)
        for path, node in self.s.effect_nodes:
            for key in ("set", "add"):
                for meter in getattr(node, key) or {}:
                    if meter == "tariff_rate":
                        self.report(
                            (*path, key, meter),
                            "BRK203",
                            tx("the tariff rate moves only along the tariff ladder"),
                            tx("use a `tariff: escalate|suspend|resume|lift` effect"),
                            at_key=True,
                            span=len(meter),
                        )
                    elif meter not in known_meters:
                        self._ref((*path, key, meter), meter, meters, "BRK203", "meter")
            for flag in node.flag or {}:
                if flag not in known_flags:
                    self._ref((*path, "flag", flag), flag, flags, "BRK203", "flag")
            if node.schedule is not None and node.schedule.event not in known_events:
                self._ref(
                    (*path, "schedule", "event"), node.schedule.event, events, "BRK206", "event"
                )
            if node.end is not None and node.end not in known_endings:
                self._ref((*path, "end"), node.end, endings, "BRK205", "ending")
            if node.trigger is not None:
                self._ref(
                    (*path, "trigger"),
                    node.trigger,
                    triggers,
                    "BRK209",
                    tx("trigger (no transition uses it)"),
                )
            for ident in node.deadline or {}:
                if ident not in known_clocks:
                    self._ref((*path, "deadline", ident), ident, clocks, "BRK212", "deadline")
            if node.tariff is not None and self.s.tariff_ladder is None:
                self.report(
                    (*path, "tariff"),
                    "BRK209",
                    tx("tariff effect without a tariff_ladder"),
                    tx("declare `tariff_ladder:` or remove this effect"),
                )
        known = set(MOVE_KINDS) | {a.id for a in self.s.actions} | self._triggers_fired()
        for i, tr in enumerate(self.s.transitions):
            if tr.trigger not in known:
                self.report(
                    ("transitions", i, "trigger"),
                    "BRK209",
                    tx("nothing fires trigger `{trigger}`", trigger=tr.trigger),
                    did_you_mean(tr.trigger, known)
                    or tx("use a move, an action id, or fire it from a rule's `trigger:`"),
                    span=len(tr.trigger),
                )

    def issues(self) -> None:
        for i, issue in enumerate(self.s.issues):
            if issue.default is not None:
                self._ref(
                    ("issues", i, "default"),
                    issue.default,
                    [o.id for o in issue.options],
                    "BRK204",
                    "option",
                )

    def ladder(self) -> None:
        ladder = self.s.tariff_ladder
        if ladder is None:
            return
        for i in range(1, len(ladder.steps)):
            before, step = ladder.steps[i - 1], ladder.steps[i]
            if step.date <= before.date or step.rate < before.rate:
                self.report(
                    ("tariff_ladder", "steps", i),
                    "BRK402",
                    tx(
                        "step {value} ({date}, {rate}%) does not follow step {i} ({date2}, "
                        "{rate2}%)",
                        value=i + 1,
                        date=step.date,
                        rate=format(step.rate, "g"),
                        i=i,
                        date2=before.date,
                        rate2=format(before.rate, "g"),
                    ),
                    tx("steps must have later dates and rates that do not fall"),
                )

    def deadlines(self) -> None:
        for i, deadline in enumerate(self.s.deadlines):
            steps = deadline.steps
            for j in range(1, len(steps)):
                before, after = deadline.level_of(j - 1), deadline.level_of(j)
                if steps[j].date <= steps[j - 1].date or after < before:
                    self.report(
                        ("deadlines", i, "steps", j),
                        "BRK403",
                        tx(
                            "step {value} of deadline `{id}` ({date}, level {after}) does not "
                            "follow step {j} ({date2}, level {before})",
                            value=j + 1,
                            id=deadline.id,
                            date=steps[j].date,
                            after=format(after, "g"),
                            j=j,
                            date2=steps[j - 1].date,
                            before=format(before, "g"),
                        ),
                        tx("steps must have later dates and levels that do not fall"),
                    )

    def endings(self) -> None:
        defaults = [i for i, e in enumerate(self.s.endings) if e.default]
        if len(defaults) != 1:
            path: Path = ("endings", defaults[1], "default") if defaults else ("endings",)
            self.report(
                path,
                "BRK404",
                tx(
                    "exactly one ending must be marked `default: true` (found {n_defaults})",
                    n_defaults=len(defaults),
                ),
                tx("the default ending is reached when time runs out and no other holds"),
            )
        for i, ending in enumerate(self.s.endings):
            if ending.default and ending.when is not None:
                self.report(
                    ("endings", i, "when"),
                    "BRK404",
                    tx("the default ending must not have a `when` condition"),
                )

    def history(self) -> None:
        moves = set(MOVE_KINDS) | {a.id for a in self.s.actions}
        options = {i.id: [o.id for o in i.options] for i in self.s.issues}
        for i, scripted in enumerate(self.s.history):
            self._ref(("history", i, "move"), scripted.move, moves, "BRK209", "move")
            for issue, option in scripted.offer.items():
                path: Path = ("history", i, "offer", issue)
                if self._ref(path, issue, options, "BRK204", "issue"):
                    self._ref(path, option, options[issue], "BRK204", "option")

    def preferences(self) -> None:
        """Each role's preferences must value every option of every issue exactly once
        and name only declared issues, options, actions and delegates."""
        options = {i.id: [o.id for o in i.options] for i in self.s.issues}
        for role_id, role in self.s.roles.items():
            prefs = role.preferences
            if prefs is None:
                continue
            base: Path = ("roles", role_id, "preferences")
            for issue_id, pref in prefs.issues.items():
                path: Path = (*base, "issues", issue_id)
                if not self._ref(path, issue_id, options, "BRK204", "issue"):
                    continue
                for option_id in pref.values:
                    self._ref(
                        (*path, "values", option_id),
                        option_id,
                        options[issue_id],
                        "BRK204",
                        "option",
                    )
                missing = [o for o in options[issue_id] if o not in pref.values]
                if missing:
                    self.report(
                        (*path, "values"),
                        "BRK210",
                        tx(
                            "no value for option(s) {value} of `{issue_id}`",
                            value=", ".join(missing),
                            issue_id=issue_id,
                        ),
                        tx("give every option a value from 0 (worst) to 1 (best)"),
                    )
                bad = [o for o, v in pref.values.items() if not 0 <= v <= 1]
                if bad:
                    self.report(
                        (*path, "values", bad[0]),
                        "BRK104",
                        tx("option values must lie between 0 and 1 (`{value}`)", value=bad[0]),
                    )
            missing_issues = [i for i in options if i not in prefs.issues]
            if missing_issues:
                self.report(
                    (*base, "issues"),
                    "BRK210",
                    tx("no preference for issue(s) {value}", value=", ".join(missing_issues)),
                    tx("list every issue, with `weight: 0` for one the role ignores"),
                )
            if prefs.issues and not any(p.weight > 0 for p in prefs.issues.values()):
                self.report(
                    (*base, "issues"),
                    "BRK210",
                    tx("every issue weight is 0"),
                    tx("give at least one issue a positive weight"),
                )
            for i, line in enumerate(prefs.red_lines):
                path = (*base, "red_lines", i)
                if self._ref((*path, "issue"), line.issue, options, "BRK204", "issue"):
                    self._ref(
                        (*path, "option"), line.option, options[line.issue], "BRK204", "option"
                    )
            own_actions = [a.id for a in self.s.actions if a.role == role_id]
            for action_id in prefs.actions:
                self._ref(
                    (*base, "actions", action_id),
                    action_id,
                    own_actions,
                    "BRK209",
                    tx("action of the {short} delegation", short=role.short),
                )
            names = [d.name for d in role.delegates]
            for i, persona in enumerate(prefs.personalities):
                self._ref(
                    (*base, "personalities", i, "delegate"),
                    persona.delegate,
                    names,
                    "BRK211",
                    "delegate",
                )
