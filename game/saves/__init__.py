"""Saved games: JSON, versioned, event-sourced, written atomically."""

from game.saves.format import A_SAVE, FORMAT, SaveError, SaveGame
from game.saves.games import capture, restore, ruleset_for
from game.saves.store import (
    list_slots,
    read_save,
    resolve_save,
    save_dir,
    slot_path,
    write_atomic,
    write_save,
)

__all__ = [
    "A_SAVE",
    "FORMAT",
    "SaveError",
    "SaveGame",
    "capture",
    "list_slots",
    "read_save",
    "resolve_save",
    "restore",
    "ruleset_for",
    "save_dir",
    "slot_path",
    "write_atomic",
    "write_save",
]
