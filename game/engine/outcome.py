"""The outcome of a game: its ending, and each role's objectives and score."""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.state import GameState
from game.scenario.models import ROLES, Ending, RoleId


@dataclass(frozen=True)
class ObjectiveResult:
    id: str
    text: str
    weight: int
    met: bool
    source: str


@dataclass(frozen=True)
class Outcome:
    ending: Ending | None
    scores: dict[RoleId, int]
    objectives: dict[RoleId, tuple[ObjectiveResult, ...]]
    success: dict[RoleId, bool]

    @property
    def ending_id(self) -> str | None:
        return self.ending.id if self.ending else None


def outcome(state: GameState) -> Outcome:
    """Ending (None while the game goes on), each role's score out of 100, per objective."""
    scenario = state.game.scenario
    ending = scenario.ending(state.ending) if state.ending else None
    scores: dict[RoleId, int] = {}
    objectives: dict[RoleId, tuple[ObjectiveResult, ...]] = {}
    for role_id, role in scenario.roles.items():
        results = tuple(
            ObjectiveResult(
                o.id,
                o.text,
                o.weight,
                bool(state.game.ruleset.objectives[(role_id, o.id)](state.env)),
                o.source,
            )
            for o in role.objectives
        )
        total = sum(r.weight for r in results)
        scores[role_id] = round(100 * sum(r.weight for r in results if r.met) / total)
        objectives[role_id] = results
    success: dict[RoleId, bool] = {r: bool(ending and r in ending.success_for) for r in ROLES}
    return Outcome(ending, scores, objectives, success)
