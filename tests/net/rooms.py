"""Rooms in-process for the tests: a database in a temporary folder, no network."""

from __future__ import annotations

from pathlib import Path

from game.net.codes import new_roster
from game.net.room import Room
from game.net.store import RoomSettings, RoomStore
from game.play.session import HUMAN
from game.rules.ruleset import Ruleset


def settings_for(ruleset: Ruleset, tables: int = 2, ai: str | None = None) -> RoomSettings:
    players = {"us": HUMAN, "mexico": HUMAN}
    if ai:
        players[ai] = "ai-normal"
    digest = ruleset.file.play_digest
    return RoomSettings("roosevelt-room-2019", ruleset.id, digest, 7, tables, players)


def open_room(path: Path, ruleset: Ruleset, tables: int = 2, ai: str | None = None) -> Room:
    store = RoomStore(path)
    settings = store.settings()
    if settings is None:
        settings = settings_for(ruleset, tables, ai)
        humans = [r for r, p in settings.players.items() if p == HUMAN]
        store.create(settings, new_roster(tables, humans))
    return Room(settings, ruleset, store, clock=lambda: 1000.0)
