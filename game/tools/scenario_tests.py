"""Scenario tests: scripted move sequences with expected endings and meter bounds, kept
beside a scenario as `<id>.tests.yaml` and run by `brink test` and by pytest.

    scenario: roosevelt-room-2019
    tests:
      - name: the historical path
        seed: 2019
        moves:
          - {mexico: propose, offer: {guard: token}}
          - {us: reject}
          - {mexico: overdeliver}        # an action id
          - {us: certify_progress, chosen_by: ai-normal}   # ...and the AI must choose it
        expect:
          ending: joint-declaration
          meters: {apprehensions: {max: 100000}}
          flags: {stc_signed: false}
          fired: [marginal-offer-rejected]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from game.engine import GameState, Move, apply, check_move, new_game, view
from game.engine.moves import MOVE_KINDS
from game.i18n import _, localise, tx, tx_date
from game.rules.ruleset import Ruleset
from game.scenario.diagnostics import ScenarioError
from game.scenario.models import RoleId, is_role
from game.scenario.validation import model_diagnostics
from game.scenario.yaml_source import read_scenario_file


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Bounds(_Strict):
    """Bounds a meter's final value must lie within (either may be left out)."""

    min: float | None = Field(default=None, description="Lowest acceptable final value.")
    max: float | None = Field(default=None, description="Highest acceptable final value.")


class Expect(_Strict):
    """What must hold once the moves are played. Each key is optional."""

    ending: str | None = Field(
        default=None,
        description="Id of the ending the game must have reached. If the moves run out "
        "before the game ends, the test fails and says the game had not ended yet.",
    )
    meters: dict[str, Bounds] = Field(
        default_factory=dict, description="Meters by name, each with `min:` and/or `max:`."
    )
    flags: dict[str, bool] = Field(
        default_factory=dict, description="Flags by name, with the value each must have."
    )
    fired: list[str] = Field(
        default_factory=list, description="Ids of rules and events that must have fired."
    )
    not_fired: list[str] = Field(
        default_factory=list, description="Ids of rules and events that must not have fired."
    )


class ScriptedStep(_Strict):
    """One move: the role that makes it, as the key, and what it does."""

    us: str | None = Field(
        default=None,
        description="A move of the US delegation: `propose`, `accept`, `reject`, "
        "`walk_out`, or one of its action ids.",
    )
    mexico: str | None = Field(
        default=None, description="A move of the Mexican delegation, as for `us`."
    )
    offer: dict[str, str] = Field(
        default_factory=dict,
        description="With `propose`: the option offered on each issue, by issue id; issues "
        "left out take their default option.",
    )
    chosen_by: str | None = Field(
        default=None,
        description="An agent (e.g. `ai-normal`) that must make this same move here: the "
        "test fails, quoting the agent's reasons, if it would do something else.",
    )

    @model_validator(mode="after")
    def _one_role(self) -> ScriptedStep:
        if (self.us is None) == (self.mexico is None):
            raise ValueError(tx("a move names exactly one role: `us: <move>` or `mexico: <move>`"))
        if self.offer and (self.us or self.mexico) != "propose":
            raise ValueError(tx("`offer:` goes with a `propose` move"))
        return self


class Case(_Strict):
    """One scripted game: moves played from the start, then expectations checked."""

    name: str = Field(description="What the test shows, in a sentence; printed by `brink test`.")
    seed: int = Field(
        default=0, description="Game seed: the chance events draw from it (default 0)."
    )
    moves: list[ScriptedStep] = Field(
        description="Moves in order, e.g. `{mexico: propose, offer: {guard: large}}`, "
        "`{us: accept}`; each must be legal when it is played."
    )
    expect: Expect = Field(description="What must hold at the end.")


class SuiteFile(_Strict):
    """A scenario's tests file, `<id>.tests.yaml` beside the scenario."""

    scenario: str = Field(description="Id of the scenario under test.")
    tests: list[Case] = Field(min_length=1, description="The test cases, played in order.")


@dataclass
class CaseResult:
    name: str
    failures: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.failures


def suite_path(ruleset: Ruleset) -> Path:
    path = Path(ruleset.file.path)
    return path.with_name(f"{path.stem}.tests.yaml")


def load_suite(path: Path) -> SuiteFile:
    data, source = read_scenario_file(path)
    try:
        return SuiteFile.model_validate(data)
    except ValidationError as err:
        raise ScenarioError(model_diagnostics(err, SuiteFile, source, data), source.text) from None


def _move(step: ScriptedStep) -> Move:
    role: RoleId = "us" if step.us is not None else "mexico"
    kind = step.us if step.us is not None else str(step.mexico)
    if kind == "propose":
        return Move.propose(role, dict(step.offer))
    if kind in MOVE_KINDS:
        return Move(role, kind)
    return Move.act(role, kind)


def _agent_disagrees(
    ruleset: Ruleset, seed: int, state: GameState, agent_name: str, move: Move
) -> str | None:
    """None if the agent `agent_name`, playing this game, would make `move` here."""
    from game.ai import agent_rng, make_agent

    try:
        agent = make_agent(agent_name, ruleset, seed)
    except ValueError as err:
        return localise(err.args[0]) if err.args else str(err)
    role = move.role
    if not is_role(role):
        return _("{agent} does not play the instructor's moves").format(agent=agent_name)
    decision = agent.decide(view(state, role), agent_rng(seed, role, state.move_count))
    if decision.move == move:
        return None
    reasons = " ".join(localise(r.text) for r in decision.reasons)
    return _("{agent} chose {chosen} instead of {wanted}: {reasons}").format(
        agent=agent_name, chosen=decision.move.trigger, wanted=move.trigger, reasons=reasons
    )


def run_case(ruleset: Ruleset, case: Case) -> CaseResult:
    result = CaseResult(case.name)
    state = new_game(ruleset, case.seed)
    for number, step in enumerate(case.moves, 1):
        move = _move(step)
        reason = check_move(state, move)
        if reason is not None:
            result.failures.append(
                _(
                    "move {number} ({role} {move}) is illegal: {reason} (phase {phase}, {date})"
                ).format(
                    number=number,
                    role=move.role,
                    move=move.trigger,
                    reason=localise(reason),
                    phase=state.phase,
                    date=localise(tx_date(state.date_iso)),
                )
            )
            return result
        if step.chosen_by is not None:
            failure = _agent_disagrees(ruleset, case.seed, state, step.chosen_by, move)
            if failure is not None:
                result.failures.append(
                    _("move {number}: {failure}").format(number=number, failure=failure)
                )
                return result
        apply(state, move)
    expect = case.expect
    if expect.ending is not None and state.ending is None:
        result.failures.append(
            _(
                "ending: expected {ending}, but the game had not ended after the last move "
                "(phase {phase}, {date}); add the moves that end it, or expect meters, flags "
                "and fired rules instead"
            ).format(
                ending=expect.ending, phase=state.phase, date=localise(tx_date(state.date_iso))
            )
        )
    elif expect.ending is not None and state.ending != expect.ending:
        result.failures.append(
            _("ending: expected {expected}, got {got}").format(
                expected=expect.ending, got=state.ending
            )
        )
    for name, bounds in expect.meters.items():
        value = state.meters.get(name)
        if value is None:
            result.failures.append(_("unknown meter `{name}`").format(name=name))
        elif (bounds.min is not None and value < bounds.min) or (
            bounds.max is not None and value > bounds.max
        ):
            result.failures.append(
                _("{name} = {value}, outside [{min}, {max}]").format(
                    name=name, value=format(value, "g"), min=bounds.min, max=bounds.max
                )
            )
    for name, wanted in expect.flags.items():
        if state.flags.get(name) != wanted:
            result.failures.append(
                _("flag {name}: expected {wanted}, got {got}").format(
                    name=name, wanted=_yes_no(wanted), got=_yes_no(state.flags.get(name))
                )
            )
    fired = {e.cause.id for e in state.log if e.cause.kind in ("rule", "event")}
    result.failures += [
        _("`{id}` never fired").format(id=r) for r in expect.fired if r not in fired
    ]
    result.failures += [_("`{id}` fired").format(id=r) for r in expect.not_fired if r in fired]
    return result


def _yes_no(value: bool | None) -> str:
    return "—" if value is None else _("yes") if value else _("no")


def run_suite(ruleset: Ruleset, path: Path | None = None) -> list[CaseResult]:
    suite = load_suite(path or suite_path(ruleset))
    if suite.scenario != ruleset.id:
        return [
            CaseResult(
                "scenario",
                [
                    _("these tests are for `{suite}`, not `{scenario}`").format(
                        suite=suite.scenario, scenario=ruleset.id
                    )
                ],
            )
        ]
    return [run_case(ruleset, case) for case in suite.tests]
