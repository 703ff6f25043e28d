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

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from game.engine import GameState, IllegalMove, Move, apply, check_move, new_game, view
from game.engine.moves import MOVE_KINDS
from game.rules.ruleset import Ruleset
from game.scenario.diagnostics import ScenarioError
from game.scenario.validation import model_diagnostics
from game.scenario.yaml_source import read_scenario_file


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Bounds(_Strict):
    min: float | None = Field(default=None, description="Lowest acceptable final value.")
    max: float | None = Field(default=None, description="Highest acceptable final value.")


class Expect(_Strict):
    ending: str | None = Field(default=None, description="Ending the game must reach.")
    meters: dict[str, Bounds] = Field(default_factory=dict, description="Final meter bounds.")
    flags: dict[str, bool] = Field(default_factory=dict, description="Final flag values.")
    fired: list[str] = Field(default_factory=list, description="Rules/events that must fire.")
    not_fired: list[str] = Field(default_factory=list, description="Rules/events that must not.")


class Case(_Strict):
    name: str = Field(description="What the test shows.")
    seed: int = Field(default=0, description="Game seed.")
    moves: list[dict[str, object]] = Field(
        description=(
            "Moves in order: `{role: kind}`, with `offer:` for proposals and, optionally,"
            " `chosen_by: <agent>` to check that the agent makes that move there."
        )
    )
    expect: Expect = Field(description="What must hold at the end.")


class SuiteFile(_Strict):
    scenario: str = Field(description="Id of the scenario under test.")
    tests: list[Case] = Field(min_length=1, description="The test cases.")


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


def _move(raw: dict[str, object]) -> Move:
    roles = [k for k in raw if k in ("us", "mexico")]
    if len(roles) != 1:
        raise IllegalMove(f"a move names one role (`us:` or `mexico:`), got {sorted(raw)}")
    role = roles[0]
    kind = str(raw[role])
    if kind == "propose":
        offer = raw.get("offer", {})
        if not isinstance(offer, dict):
            raise IllegalMove("`offer:` must map issues to options")
        return Move.propose(role, {str(k): str(v) for k, v in offer.items()})
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
        return str(err)
    decision = agent.decide(
        view(state, move.role), agent_rng(seed, move.role, state.move_count)
    )
    if decision.move == move:
        return None
    return (
        f"{agent_name} chose {decision.move.trigger} instead of {move.trigger}: "
        + " ".join(r.text for r in decision.reasons)
    )


def run_case(ruleset: Ruleset, case: Case) -> CaseResult:
    result = CaseResult(case.name)
    state = new_game(ruleset, case.seed)
    for number, raw in enumerate(case.moves, 1):
        try:
            move = _move(raw)
        except IllegalMove as err:
            result.failures.append(f"move {number}: {err}")
            return result
        reason = check_move(state, move)
        if reason is not None:
            result.failures.append(
                f"move {number} ({move.role} {move.trigger}) is illegal: "
                f"{reason} (phase {state.phase}, {state.date_iso})"
            )
            return result
        chooser = raw.get("chosen_by")
        if chooser is not None:
            failure = _agent_disagrees(ruleset, case.seed, state, str(chooser), move)
            if failure is not None:
                result.failures.append(f"move {number}: {failure}")
                return result
        apply(state, move)
    expect = case.expect
    if expect.ending is not None and state.ending != expect.ending:
        result.failures.append(
            f"ending: expected {expect.ending}, got {state.ending or 'none yet'}"
        )
    for name, bounds in expect.meters.items():
        value = state.meters.get(name)
        if value is None:
            result.failures.append(f"unknown meter `{name}`")
        elif (bounds.min is not None and value < bounds.min) or (
            bounds.max is not None and value > bounds.max
        ):
            result.failures.append(f"{name} = {value:g}, outside [{bounds.min}, {bounds.max}]")
    for name, wanted in expect.flags.items():
        if state.flags.get(name) != wanted:
            result.failures.append(f"flag {name}: expected {wanted}, got {state.flags.get(name)}")
    fired = {e.cause.id for e in state.log if e.cause.kind in ("rule", "event")}
    result.failures += [f"`{r}` never fired" for r in expect.fired if r not in fired]
    result.failures += [f"`{r}` fired" for r in expect.not_fired if r in fired]
    return result


def run_suite(ruleset: Ruleset, path: Path | None = None) -> list[CaseResult]:
    suite = load_suite(path or suite_path(ruleset))
    if suite.scenario != ruleset.id:
        return [
            CaseResult("scenario", [f"these tests are for `{suite.scenario}`, not `{ruleset.id}`"])
        ]
    return [run_case(ruleset, case) for case in suite.tests]
