"""A save replays on any version of its scenario that plays the same: rewording or
translating keeps saves, changing the game refuses them, and saves from before play
digests are honoured by the file's own record of its earlier versions."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.rules.ruleset import load_ruleset
from game.saves import SaveError, capture, read_save, restore
from game.saves.games import ruleset_for
from tests.conftest import FIXTURES

MINI = (FIXTURES / "mini.yaml").read_text(encoding="utf-8")
LEGACY = FIXTURES / "saves-before-translation"


def _variant(tmp_path: Path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_ruleset(path)


def _played(ruleset):
    from game.engine.api import new_game

    return capture(new_game(ruleset, 3), {"us": "human", "mexico": "human"})


def _first_label(text: str) -> str:
    return next(line for line in text.splitlines() if line.strip().startswith("label:"))


def test_rewording_keeps_the_play_digest(tmp_path: Path) -> None:
    original = _variant(tmp_path, "a.yaml", MINI)
    line = _first_label(MINI)
    reworded = _variant(tmp_path, "b.yaml", MINI.replace(line, line + " (reworded)", 1))
    assert original.file.digest != reworded.file.digest  # the bytes differ…
    assert original.file.play_digest == reworded.file.play_digest  # …the game does not
    restore(_played(original), reworded)  # so its saves replay


def test_changing_the_game_changes_the_play_digest(tmp_path: Path) -> None:
    original = _variant(tmp_path, "a.yaml", MINI)
    changed = _variant(tmp_path, "b.yaml", MINI.replace("max_moves: 20", "max_moves: 21", 1))
    assert original.file.play_digest != changed.file.play_digest
    with pytest.raises(SaveError, match="different version"):
        ruleset_for(_played(original), changed)


def test_a_save_recording_the_file_bytes_still_loads(tmp_path: Path) -> None:
    ruleset = _variant(tmp_path, "a.yaml", MINI)
    save = _played(ruleset)
    save.scenario_digest = ruleset.file.digest  # as saves were written before
    restore(save, ruleset)


def test_earlier_versions_listed_in_the_file_are_accepted(tmp_path: Path) -> None:
    old = _variant(tmp_path, "a.yaml", MINI)
    save = _played(old)
    save.scenario_digest = old.file.digest
    line = _first_label(MINI)
    edited = MINI.replace(line, line + " (edited)", 1)
    unlisted = _variant(tmp_path, "b.yaml", edited)
    with pytest.raises(SaveError, match="different version"):
        ruleset_for(save, unlisted)
    listed = _variant(tmp_path, "c.yaml", edited + f"\nearlier_versions: ['{old.file.digest}']\n")
    restore(save, listed)
    assert listed.file.play_digest == old.file.play_digest  # the list is not part of play


@pytest.mark.parametrize("scenario_id", ["caravan-2018", "roosevelt-room-2019", "review-2019"])
def test_bundled_saves_from_before_translation_still_load(scenario_id: str) -> None:
    """Saves written by the English-only release (their digest is the old file's bytes)
    resume on the bilingual files, move for move."""
    path = LEGACY / f"{scenario_id}.brink.json"
    save = read_save(path)
    assert save.scenario_digest.startswith("sha256:")
    state = restore(save)
    assert len(state.moves) == len(save.moves) > 0


def test_a_flag_given_a_label_keeps_the_play_digest(tmp_path: Path) -> None:
    """`warned: false` and `warned: {start: false, label: …}` are the same game."""
    short = _variant(tmp_path, "a.yaml", MINI)
    labelled = MINI.replace(
        "  warned: false\n",
        "  warned:\n    start: false\n    label: {en: Warned, es: Advertido}\n",
        1,
    )
    long = _variant(tmp_path, "b.yaml", labelled)
    assert long.scenario.flags["warned"].label.versions == {"en": "Warned", "es": "Advertido"}
    assert short.file.play_digest == long.file.play_digest
    restore(_played(short), long)
    started = _variant(tmp_path, "c.yaml", labelled.replace("start: false", "start: true"))
    assert started.file.play_digest != short.file.play_digest  # the value is the game


@pytest.mark.parametrize("scenario_id", ["caravan-2018", "roosevelt-room-2019", "review-2019"])
def test_saves_from_the_last_release_still_load(scenario_id: str) -> None:
    """Saves recording a play digest, written by the release before event labels and
    flag labels were added (both are wording): they resume, move for move, to the same
    ending. A model change that alters the digest of an unchanged game fails here."""
    path = FIXTURES / "saves-with-play-digest" / f"{scenario_id}.brink.json"
    save = read_save(path)
    assert save.scenario_digest == load_ruleset(scenario_id).file.play_digest
    state = restore(save)
    assert len(state.moves) == len(save.moves) > 0
    assert state.ending is not None
