"""What a save must match: the scenario as a game, not as wording.

A save holds moves, and moves replay faithfully against any file with the same ids,
numbers, dates, expressions and order — whatever its briefings say, and in whichever
languages. So a save records the *play digest*: a hash of the scenario's models with
every piece of prose (each `LocalText`) left out. Rewording a label or adding a Spanish
translation keeps every save playable; changing a rule does not.

Saves made before play digests existed record the hash of the file's bytes. A file that
was edited since can list those hashes under `earlier_versions:`, once its author has
checked that only wording changed (the bundled scenarios list the versions before their
translation).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from pydantic import BaseModel

from game.i18n import LocalText

PREFIX = "play:sha256:"
# Fields that describe the file's history, not the game.
_NOT_PLAY = frozenset({"earlier_versions"})


def play_digest(scenario: BaseModel) -> str:
    canonical = json.dumps(_play_data(scenario), sort_keys=True, ensure_ascii=False)
    return PREFIX + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _play_data(value: Any) -> Any:
    if isinstance(value, LocalText):
        return None  # prose, in any language: not part of the game
    if isinstance(value, BaseModel):
        played = getattr(value, "play_value", None)
        if callable(played):
            # A model with words around one value (a flag's label beside its start)
            # plays as that value, written either way.
            return _play_data(played())
        # Prose fields a model gained after saves began to record play digests are
        # left out by name: as None they would still change the digest of every game.
        added: frozenset[str] = getattr(value, "added_prose", frozenset())
        # Fields that were plain text before they became prose keep their primary text
        # in the digest, as they were hashed then; their other versions do not count.
        as_text: frozenset[str] = getattr(value, "prose_hashed_as_text", frozenset())
        return {
            name: _as_text(field) if name in as_text else _play_data(field)
            for name in type(value).model_fields
            if name not in _NOT_PLAY and name not in added
            for field in (getattr(value, name),)
        }
    if isinstance(value, dict):
        return {str(k): _play_data(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_play_data(v) for v in value]
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)  # dates, enums: their canonical text


def _as_text(value: Any) -> Any:
    return str.__str__(value) if isinstance(value, str) else _play_data(value)
