"""The debrief of one game, rebuilt from its save: every move with its reasons and
consequences, the deal beside 2019's, the course of the meters, the turning points and
questions for discussion. Renderers (Markdown, HTML, the TUI) only format this.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.ai import AGENTS, Agent, agent_rng, make_agent
from game.engine.api import Outcome, apply, check_move, new_game, outcome, view
from game.engine.events import Event
from game.engine.moves import ACCEPT, PROPOSE, IllegalMove, Move
from game.engine.state import GameState, Snapshot
from game.i18n import LocalText, tx, tx_date, tx_lower, tx_lower_first
from game.rules.ruleset import Ruleset
from game.saves import A_SAVE, SaveError, SaveGame, ruleset_for
from game.scenario.models import ROLES, RoleId, Scenario, is_role
from game.scenario.models import Deadline as ScenarioDeadline

HUMAN = "human"
TURNING_POINTS = 3


@dataclass(frozen=True)
class Step:
    number: int
    move: Move
    player: str  # "human", or the agent's name
    date: str
    reasons: tuple[str, ...]
    events: tuple[Event, ...]
    scores: dict[RoleId, int]  # each role's score had the game ended right after this move


@dataclass(frozen=True)
class TurningPoint:
    step: Step
    role: RoleId
    before: int
    after: int


@dataclass(frozen=True)
class Term:
    issue: str
    label: str
    agreed: str  # option label, or "" without a deal
    historical: str
    same: bool


@dataclass
class Debrief:
    scenario: Scenario
    save: SaveGame
    state: GameState
    steps: list[Step]
    result: Outcome
    terms: list[Term]
    history_source: str
    timeline: list[Snapshot]
    turning_points: list[TurningPoint] = field(default_factory=list)
    questions: list[LocalText] = field(default_factory=list)

    @property
    def deal(self) -> dict[str, str] | None:
        return dict(self.state.deal) if self.state.deal is not None else None

    @property
    def tariff_collected(self) -> list[Event]:
        return [
            e for e in self.state.log if e.kind == "tariff" and e.data.get("status") == "imposed"
        ]

    def imposed(self, deadline: str) -> list[Event]:
        """The steps of a declared deadline that took effect, in order."""
        return [
            e
            for e in self.state.log
            if e.kind == "deadline"
            and e.data.get("clock") == deadline
            and e.data.get("status") == "imposed"
        ]


def _deadline_question(d: Debrief, deadline: ScenarioDeadline) -> LocalText:
    """The tariff's question, asked of a declared threat in its own name."""
    what = tx_lower_first(deadline.label)
    steps = d.imposed(deadline.id)
    if steps:
        return tx(
            "The {what} took effect on {date}. What could either delegation have "
            "offered before the deadline to avoid it, and why was it not offered?",
            what=what,
            date=tx_date(steps[0].date),
        )
    return tx(
        "The {what} never took effect. Was the threat of it credible, and who did it "
        "pressure more: the delegation facing it or the one making it?",
        what=what,
    )


def build_debrief(save: SaveGame, ruleset: Ruleset | None = None, where: str = A_SAVE) -> Debrief:
    """Replay the save move by move, asking each AI player again for its reasons (its
    decisions are a function of the seed and the position, so they come out the same)."""
    ruleset = ruleset_for(save, ruleset, where)
    scenario = ruleset.scenario
    state = new_game(ruleset, save.seed)
    agents = _agents(save, ruleset, where)
    steps: list[Step] = []
    for number, move in enumerate(save.moves, 1):
        # Check the move before asking the AI about it: an agent asked to move when it may
        # not (after the ending, out of turn) has nothing to choose from.
        problem = check_move(state, move)
        if problem is not None:
            raise SaveError(
                tx(
                    "{where} is damaged: move {number} ({role} {kind}): {problem}",
                    where=where,
                    number=number,
                    role=move.role,
                    kind=move.kind,
                    problem=problem,
                )
            )
        reasons: tuple[str, ...] = ()
        role = move.role  # an instructor's move has no agent's reasons
        if is_role(role) and (agent := agents.get(role)) is not None:
            rng = agent_rng(save.seed, role, len(state.moves))
            decision = agent.decide(view(state, role), rng)
            if decision.move == move:
                reasons = tuple(r.text for r in decision.reasons)
        date = state.date.isoformat()
        start = len(state.log)
        try:
            apply(state, move)
        except IllegalMove as err:  # the save does not fit the scenario
            raise SaveError(
                tx(
                    "{where} is damaged: move {number}: {error}",
                    where=where,
                    number=number,
                    error=err.reason,
                )
            ) from None
        steps.append(
            Step(
                number,
                move,
                save.players.get(move.role, HUMAN) if is_role(move.role) else HUMAN,
                date,
                reasons,
                tuple(state.log[start:]),
                dict(outcome(state).scores),
            )
        )
    debrief = Debrief(
        scenario,
        save,
        state,
        steps,
        outcome(state),
        _terms(scenario, state),
        historical_deal(scenario)[1],
        list(state.timeline),
    )
    debrief.turning_points = _turning_points(steps)
    debrief.questions = _questions(debrief)
    return debrief


def _agents(save: SaveGame, ruleset: Ruleset, where: str) -> dict[str, Agent]:
    """The AI players of a save, made again to ask them for their reasons."""
    agents: dict[str, Agent] = {}
    for role, name in save.players.items():
        if name == HUMAN or role not in ROLES:
            continue
        if name not in AGENTS:
            raise SaveError(
                tx(
                    "{where} is damaged: its {role} player `{name}` is neither `{human}` nor "
                    "one of the agents ({agents})",
                    where=where,
                    role=role,
                    name=name[:40],
                    human=HUMAN,
                    agents=", ".join(AGENTS),
                )
            )
        agents[role] = make_agent(name, ruleset, save.seed)
    return agents


def historical_deal(scenario: Scenario) -> tuple[dict[str, str], str]:
    """The offer the delegations accepted in the scenario's `history:`, and its source."""
    last: dict[str, str] = {}
    source = ""
    for scripted in scenario.history:
        if scripted.move == PROPOSE:
            last, source = dict(scripted.offer), scripted.source
        elif scripted.move == ACCEPT and last:
            return last, source
    return {}, ""


def _label(scenario: Scenario, issue_id: str, option_id: str | None) -> str:
    if not option_id:
        return ""
    issue = scenario.issue(issue_id)
    option = issue.options_by_id.get(option_id)
    return option.label if option is not None else option_id


def _terms(scenario: Scenario, state: GameState) -> list[Term]:
    history = historical_deal(scenario)[0]
    deal = dict(state.deal) if state.deal is not None else {}
    terms = []
    for issue in scenario.issues:
        default = issue.default or issue.options[0].id
        agreed = deal.get(issue.id, default) if deal else None
        past = history.get(issue.id, default) if history else None
        terms.append(
            Term(
                issue.id,
                issue.label,
                _label(scenario, issue.id, agreed),
                _label(scenario, issue.id, past),
                bool(deal) and agreed == past,
            )
        )
    return terms


def _turning_points(steps: list[Step]) -> list[TurningPoint]:
    """The moves after which a role's score (had the game ended there) moved most."""
    changes = []
    before = {role: steps[0].scores[role] if steps else 0 for role in ROLES}
    previous = None
    for step in steps:
        for role in ROLES:
            start = previous.scores[role] if previous is not None else before[role]
            delta = step.scores[role] - start
            if delta:
                changes.append(
                    (
                        abs(delta),
                        step.number,
                        role,
                        TurningPoint(step, role, start, step.scores[role]),
                    )
                )
        previous = step
    changes.sort(key=lambda c: (-c[0], c[1], c[2]))
    chosen = sorted((c[3] for c in changes[:TURNING_POINTS]), key=lambda t: t.step.number)
    return chosen


def _questions(d: Debrief) -> list[LocalText]:
    """Three to five questions drawn from what happened in this game."""
    s = d.scenario
    us, mexico = s.roles["us"].short, s.roles["mexico"].short
    questions = []
    differing = [t for t in d.terms if t.historical and not t.same]
    if d.deal is None:
        ending = d.result.ending.title if d.result.ending else tx("no ending")
        questions.append(
            tx(
                "The talks ended without a standing agreement ({ending}). What was each "
                "side's best alternative to a negotiated agreement, and did either side "
                "misjudge it?",
                ending=ending,
            )
        )
    elif differing:
        t = differing[0]
        questions.append(
            tx(
                "On {issue}, you agreed “{agreed}”; the 2019 delegations agreed "
                "“{historical}”. Which side gained from that difference, and what did it "
                "give in return?",
                issue=tx_lower(t.label),
                agreed=t.agreed,
                historical=t.historical,
            )
        )
    if d.tariff_collected:
        first = d.tariff_collected[0]
        questions.append(
            tx(
                "The tariff was collected from {date}. What could either delegation have "
                "offered before the deadline to avoid it, and why was it not offered?",
                date=tx_date(first.date),
            )
        )
    elif d.scenario.tariff_ladder is not None:
        questions.append(
            tx(
                "The tariff was never collected. Was the threat of it credible, and who did "
                "it pressure more: the delegation facing it or the one making it?"
            )
        )
    questions += [_deadline_question(d, deadline) for deadline in d.scenario.deadlines]
    asylum = next((t for t in d.terms if t.issue == "asylum_terms"), None)
    if asylum is not None and d.deal is not None:
        questions.append(
            tx(
                "Where asylum is sought ended as “{agreed}”. How does that square with "
                "{mexico}'s red line on a safe-third-country treaty and with {us}'s core "
                "demand?",
                agreed=asylum.agreed,
                mexico=mexico,
                us=us,
            )
        )
    rights = d.state.meters.get("rights_criticism")
    if rights is not None and rights >= 50:
        questions.append(
            tx(
                "Criticism from rights groups ended at {level}. Which terms drew it, and "
                "could the same enforcement have been bought at a lower human-rights cost?",
                level=format(rights, ".0f"),
            )
        )
    if d.turning_points:
        point = d.turning_points[0]
        who = s.roles[point.role].short
        questions.append(
            tx(
                "The game turned at move {number} ({date}), after which {side}'s prospects "
                "went from {before} to {after} points. What made that move decisive?",
                number=point.step.number,
                date=tx_date(point.step.date),
                side=who,
                before=point.before,
                after=point.after,
            )
        )
    questions.append(
        tx(
            "Compare your agreement with the Joint Declaration of 7 June 2019: what would "
            "each delegation in 2019 have thought of it?"
        )
    )
    return questions[:5]
