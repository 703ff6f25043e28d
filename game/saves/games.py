"""Between saves and the engine: capture a game as a save, and rebuild it from one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from game.engine.api import new_game, replay
from game.engine.moves import IllegalMove
from game.engine.state import GameState
from game.i18n import tx
from game.rules.ruleset import Ruleset, load_ruleset
from game.saves.format import A_SAVE, SaveError, SaveGame
from game.scenario.diagnostics import ScenarioError
from game.scenario.models import RoleId


def capture(
    state: GameState, players: Mapping[RoleId, str], meta: Mapping[str, Any] | None = None
) -> SaveGame:
    """A save of `state`. The wall clock appears only in metadata, never in the game."""
    info: dict[str, Any] = {
        "saved": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        "scenario_date": state.date.isoformat(),
        "ending": state.ending,
    }
    info.update(meta or {})
    return SaveGame(
        state.ruleset.id,
        state.ruleset.file.play_digest,
        state.seed,
        dict(players),
        list(state.moves),
        info,
    )


def restore(save: SaveGame, ruleset: Ruleset | None = None, where: str = A_SAVE) -> GameState:
    """Replay a save. The scenario must be the very file the save was made with."""
    ruleset = ruleset_for(save, ruleset, where)
    try:
        if not save.moves:
            return new_game(ruleset, save.seed)
        return replay(ruleset, save.seed, save.moves)
    except IllegalMove as err:
        raise SaveError(tx("{where} is damaged: {error}", where=where, error=err.reason)) from None


def ruleset_for(save: SaveGame, ruleset: Ruleset | None = None, where: str = A_SAVE) -> Ruleset:
    """The scenario a save was made with: loaded (unless given) and checked to be the very
    same file, since its moves only replay faithfully against it."""
    if ruleset is None:
        try:
            ruleset = load_ruleset(save.scenario_id)
        except ScenarioError as err:
            raise SaveError(
                tx(
                    "{where} needs scenario `{scenario}`, which cannot be loaded: {problem}",
                    where=where,
                    scenario=save.scenario_id,
                    problem=err.diagnostics[0].message,
                )
            ) from None
    if ruleset.id != save.scenario_id:
        raise SaveError(
            tx(
                "{where} belongs to scenario `{scenario}`, not `{loaded}`",
                where=where,
                scenario=save.scenario_id,
                loaded=ruleset.id,
            )
        )
    if not ruleset.file.accepts(save.scenario_digest):
        raise SaveError(
            tx(
                "{where} was made with a different version of scenario `{scenario}` (the "
                "file has changed since), so its moves cannot be replayed faithfully",
                where=where,
                scenario=save.scenario_id,
            )
        )
    return ruleset
