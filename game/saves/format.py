"""The save format: JSON, versioned, event-sourced.

A save holds what is needed to rebuild a game exactly — the scenario's id and the hash
of its file, the seed, and the moves — plus metadata for the load menu. Loading replays
the moves through the engine, so a save can never smuggle in a state the rules forbid.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from game import __version__
from game.engine.moves import Move
from game.i18n import localise, tx
from game.scenario.models import RoleId, is_role

FORMAT = 1
KIND = "brinkmanship-save"
# Seeds are 64-bit at most: a save is a small file, and a seed of 100,000 digits is
# damage, not a game (Python would even refuse to print it).
SEED_LIMIT = 2**63 - 1


# How a message names a save it has no file name for ("save is damaged: …"), in the
# reader's language like the rest of the sentence.
A_SAVE = tx("save")


class SaveError(Exception):
    """A save that cannot be used; the message is for a person, in their language (it is
    a `tx` sentence, read in the language of the view that shows it)."""

    def __str__(self) -> str:
        return localise(self.args[0]) if self.args else ""


@dataclass
class SaveGame:
    scenario_id: str
    scenario_digest: str
    seed: int
    players: dict[RoleId, str]  # role -> "human" or an AI's name
    moves: list[Move]
    meta: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": KIND,
            "format": FORMAT,
            "app": f"brinkmanship {__version__}",
            "scenario": {"id": self.scenario_id, "digest": self.scenario_digest},
            "seed": self.seed,
            "players": dict(self.players),
            "moves": [m.to_json() for m in self.moves],
            "meta": dict(self.meta),
        }

    def dumps(self) -> str:
        return json.dumps(self.to_json(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"

    @classmethod
    def loads(cls, text: str, where: str = A_SAVE) -> SaveGame:
        try:
            data = json.loads(text)
        except (ValueError, RecursionError) as err:  # JSONDecodeError, or a 5,000-digit number
            line = getattr(err, "lineno", None)
            raise SaveError(
                tx(
                    "{where} is not a Brinkmanship save: it is not valid JSON (line {line}); "
                    "the file may be truncated or damaged",
                    where=where,
                    line=line,
                )
                if line
                else tx(
                    "{where} is not a Brinkmanship save: it is not valid JSON; "
                    "the file may be truncated or damaged",
                    where=where,
                )
            ) from None
        return cls.from_json(data, where)

    @classmethod
    def from_json(cls, data: Any, where: str = A_SAVE) -> SaveGame:
        if not isinstance(data, dict) or data.get("kind") != KIND:
            raise SaveError(tx("{where} is not a Brinkmanship save", where=where))
        version = data.get("format")
        if version != FORMAT:
            raise SaveError(
                tx(
                    "{where} uses save format {version}; this version of "
                    "Brinkmanship reads format {format}",
                    where=where,
                    version=repr(version),
                    format=FORMAT,
                )
            )
        scenario = data.get("scenario")
        seed = data.get("seed")
        players = data.get("players", {})
        moves = data.get("moves")
        meta = data.get("meta", {})
        if (
            not isinstance(scenario, dict)
            or not isinstance(scenario.get("id"), str)
            or not isinstance(scenario.get("digest"), str)
        ):
            raise SaveError(
                tx("{where} is damaged: the scenario it belongs to is missing", where=where)
            )
        if not isinstance(seed, int) or isinstance(seed, bool):
            raise SaveError(
                tx("{where} is damaged: its seed is missing or not a number", where=where)
            )
        if not -SEED_LIMIT <= seed <= SEED_LIMIT:
            raise SaveError(
                tx("{where} is damaged: its seed is out of range (at most 19 digits)", where=where)
            )
        if not isinstance(players, dict) or not all(
            is_role(k) and isinstance(v, str) for k, v in players.items()
        ):
            raise SaveError(tx("{where} is damaged: its players are unreadable", where=where))
        if not isinstance(moves, list):
            raise SaveError(tx("{where} is damaged: its list of moves is missing", where=where))
        if not isinstance(meta, dict):
            raise SaveError(tx("{where} is damaged: its metadata is unreadable", where=where))
        parsed = []
        for number, raw in enumerate(moves, 1):
            try:
                parsed.append(Move.from_json(raw))
            except ValueError as err:
                raise SaveError(
                    tx(
                        "{where} is damaged: move {number} is unreadable ({error})",
                        where=where,
                        number=number,
                        error=str(err),
                    )
                ) from None
        return cls(scenario["id"], scenario["digest"], seed, players, parsed, meta)
