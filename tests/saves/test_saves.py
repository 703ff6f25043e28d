"""Saves: round trip, atomic writes, and clear refusals of damaged or foreign files."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine import is_terminal, transcript
from game.saves import (
    SaveError,
    SaveGame,
    capture,
    list_slots,
    read_save,
    resolve_save,
    restore,
    save_dir,
    slot_path,
    write_atomic,
    write_save,
)
from tests.helpers import random_game

_random_game = random_game


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(seed=st.integers(0, 10**6), stop=st.integers(0, 40))
def test_save_load_replay_is_identity(flagship, tmp_path_factory, seed, stop):
    state = _random_game(flagship, seed, stop)
    path = tmp_path_factory.mktemp("saves") / "game.brink.json"
    write_save(capture(state, {"us": "human", "mexico": "random"}), path)
    again = restore(read_save(path), flagship)
    assert transcript(again.log) == transcript(state.log)
    assert again.meters == state.meters and again.phase == state.phase
    assert again.moves == state.moves and again.ending == state.ending


def test_save_is_versioned_json(mini, tmp_path):
    state = _random_game(mini, 5)
    path = write_save(capture(state, {"us": "random", "mexico": "random"}), tmp_path / "a.json")
    data = json.loads(path.read_text())
    assert data["format"] == 1 and data["kind"] == "brinkmanship-save"
    assert data["scenario"]["id"] == "mini"
    assert data["scenario"]["digest"].startswith("play:sha256:")
    assert data["seed"] == 5 and len(data["moves"]) == len(state.moves)


@pytest.mark.parametrize(
    "damage, message",
    [
        (lambda t: t[: len(t) // 2], "not valid JSON"),
        (lambda t: "[]", "not a Brinkmanship save"),
        (lambda t: json.dumps({"kind": "other"}), "not a Brinkmanship save"),
        (lambda t: t.replace('"format": 1', '"format": 99'), "save format 99"),
        (lambda t: t.replace('"seed": 5', '"seed": "five"'), "seed"),
        (lambda t: t.replace('"kind": "propose"', '"kind": "teleport"', 1), "move 1 is unreadable"),
        (lambda t: t.replace('"players": {}', '"players": {"canada": "human"}'), "players"),
    ],
)
def test_damaged_saves_are_refused_clearly(mini, tmp_path, damage, message):
    state = _random_game(mini, 5, stop_after=3)
    state_moves = list(state.moves)
    good = capture(state, {}).dumps()
    path = tmp_path / "bad.brink.json"
    path.write_text(damage(good))
    original = path.read_text()
    with pytest.raises(SaveError, match=message):
        restore(read_save(path), mini)
    assert path.read_text() == original, "a refused save is left untouched"
    assert state.moves == state_moves


def test_moves_that_do_not_replay_are_refused(mini):
    save = SaveGame("mini", mini.file.digest, 1, {}, [], {})
    from game.engine import Move

    save.moves = [Move("us", "accept")]
    with pytest.raises(SaveError, match="damaged: move 1"):
        restore(save, mini)


def test_other_scenario_or_changed_file_is_refused(mini, flagship):
    state = _random_game(mini, 1, stop_after=2)
    save = capture(state, {})
    with pytest.raises(SaveError, match="belongs to scenario `mini`"):
        restore(save, flagship)
    save.scenario_digest = "sha256:0000"
    with pytest.raises(SaveError, match="different version of scenario"):
        restore(save, mini)


def test_atomic_write_keeps_old_file_when_interrupted(tmp_path, monkeypatch):
    path = tmp_path / "slot.brink.json"
    path.write_text("old contents")

    def boom(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr("os.replace", boom)
    with pytest.raises(OSError):
        write_atomic(path, "new contents")
    assert path.read_text() == "old contents"
    assert [p.name for p in tmp_path.iterdir()] == ["slot.brink.json"], "no temp file left"


def test_slots_and_save_dir(tmp_path, monkeypatch, mini):
    monkeypatch.setenv("BRINK_SAVE_DIR", str(tmp_path / "env"))
    assert save_dir() == tmp_path / "env"
    assert save_dir(tmp_path / "flag") == tmp_path / "flag"
    folder = save_dir()
    state = _random_game(mini, 2, stop_after=2)
    write_save(
        capture(state, {}, {"label": "first"}), slot_path("first try", folder), make_parent=True
    )
    (folder / "junk.brink.json").write_text("{not json")
    slots = list_slots(folder)
    assert [s.slot for s in slots] == ["first try"]
    assert slots[0].label == "first" and slots[0].moves == len(state.moves)
    assert resolve_save("first try", folder) == folder / "first try.brink.json"
    with pytest.raises(SaveError, match="no save `nope`"):
        resolve_save("nope", folder)
    with pytest.raises(SaveError, match="not a usable slot name"):
        slot_path("../escape", folder)


def test_example_save_replays_to_the_historical_ending(flagship):
    from tests.conftest import ROOT

    path = ROOT / "saves" / "historical-2019.brink.json"
    state = restore(read_save(path), flagship)
    assert is_terminal(state)
    assert flagship.scenario.ending(state.ending).historical


def test_a_save_error_names_the_save_in_the_readers_language(mini, flagship, tmp_path):
    """No English word at the head of a Spanish message: «la partida guardada pertenece…»."""
    from game.i18n import using
    from game.play.session import Session
    from game.saves import write_save

    save = capture(_random_game(mini, 1, stop_after=2), {})
    with pytest.raises(SaveError) as caught:
        restore(save, flagship)
    assert str(caught.value).startswith("save belongs to scenario `mini`")
    with using("es"):
        assert str(caught.value).startswith("la partida guardada pertenece al escenario `mini`")
    save.moves.append(save.moves[0])  # a move that no longer fits: the save is damaged
    with pytest.raises(SaveError) as caught:
        restore(save, mini)
    with using("es"):
        assert str(caught.value).startswith("la partida guardada está dañada: ")
        assert "save" not in str(caught.value)
    path = write_save(capture(_random_game(mini, 1, stop_after=2), {}), tmp_path / "x.brink.json")
    with pytest.raises(SaveError) as caught:
        Session.load(path)  # a save of the mini fixture, which is not a bundled scenario
    with using("es"):
        assert str(caught.value).startswith("la partida guardada x.brink.json necesita")
