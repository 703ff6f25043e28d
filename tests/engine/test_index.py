"""The Game index (built once per ruleset, frozen) and the typed roles of moves."""

from __future__ import annotations

import dataclasses

import pytest

from game.engine import Move
from game.engine.api import game_for, new_game
from game.engine.moves import INSTRUCTOR, PAUSE


def test_game_index_is_built_once_and_frozen(mini):
    game = game_for(mini)
    assert game_for(mini) is game
    assert new_game(mini, 3).game is game
    with pytest.raises(dataclasses.FrozenInstanceError):
        game.end_day = 0.0


def test_each_role_s_candidate_moves_are_its_own(flagship):
    game = game_for(flagship)
    for role, moves in game.role_moves.items():
        assert moves and all(m.role == role for m in moves)
        acts = [m.action for m in moves if m.kind == "act"]
        assert acts == [a.id for a in flagship.scenario.actions if a.role == role]


def test_a_move_from_json_names_a_delegation_or_the_instructor():
    assert Move.from_json({"role": "us", "kind": "accept"}) == Move("us", "accept")
    assert Move.from_json({"role": INSTRUCTOR, "kind": PAUSE}).by_instructor
    with pytest.raises(ValueError):
        Move.from_json({"role": "canada", "kind": "accept"})
