"""Text on the wire: each classroom seat reads the game in its own language.

The server renders nothing for a language. A text that reads the same in every language
(an id, a number, a text the scenario gives in one language only) travels as a plain
string; any other travels as `{"en": ..., "es": ...}`, every language's version already
made on the server (a generated sentence is translated there, through the catalogues),
and the client rebuilds a `LocalText` whose primary value is the English, so the
seat's screens localise it as they would in a local game and a save made from the
client still records the English.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import PlainSerializer, PlainValidator
from pydantic_core import PydanticKnownError

from game.i18n import LANGUAGES, LocalText

# Texts already put on the wire, by identity (each entry holds its text, so an id is
# never reused while it is here). A view carries the same scenario texts (meter labels,
# the phase, the title) at every move to every seat, and making every language's
# version anew was a third of the server's work per move. A LocalText never changes
# once made; emptied when full, so generated sentences cannot pile up.
_WIRE: dict[int, tuple[LocalText, Any]] = {}
_WIRE_SIZE = 8192


def to_wire(text: object) -> Any:
    """`text` as JSON: a string, or a mapping of language to version. The mapping may
    be shared with other callers: read it, never change it."""
    if not isinstance(text, LocalText):
        return text
    hit = _WIRE.get(id(text))
    if hit is not None and hit[0] is text:
        return hit[1]
    wire = _versions(text)
    if len(_WIRE) >= _WIRE_SIZE:
        _WIRE.clear()
    _WIRE[id(text)] = (text, wire)
    return wire


def _versions(text: LocalText) -> Any:
    primary = str.__str__(text)
    versions = {lang: text.in_lang(lang) for lang in LANGUAGES}
    if all(version == primary for version in versions.values()):
        return primary
    return versions


def from_wire(value: Any) -> Any:
    """What `to_wire` sent, as the client's text (a LocalText for a mapping)."""
    if isinstance(value, dict) and value and all(isinstance(v, str) for v in value.values()):
        return LocalText.of({k: v for k, v in value.items() if k in LANGUAGES})
    return value


def from_wire_str(value: Any) -> str:
    text = from_wire(value)
    if not isinstance(text, str):
        raise PydanticKnownError("string_type")
    return text


# A protocol field of text: built from a `LocalText` on the server, sent as `to_wire`
# gives it, read back as a `LocalText` by the client's model.
WireStr = Annotated[str, PlainValidator(from_wire_str), PlainSerializer(to_wire, return_type=Any)]


def split_translations(data: Any, fields: tuple[str, ...]) -> Any:
    """For a message whose text `fields` stay English strings on the wire (clients that
    read them as text keep working): move each field's other versions under
    `translations` (field -> language -> text)."""
    if not isinstance(data, dict):
        return data
    extra: dict[str, dict[str, str]] = {}
    for name in fields:
        wire = to_wire(data.get(name))
        if isinstance(wire, dict):
            extra[name] = {lang: text for lang, text in wire.items() if lang != "en"}
    if not extra:
        return data
    return {**data, "translations": {**data.get("translations", {}), **extra}}


def joined_translations(message: Any, fields: tuple[str, ...]) -> None:
    """The other half: a received message's fields become LocalTexts again."""
    translations: dict[str, dict[str, str]] = message.translations
    for name in fields:
        value, versions = getattr(message, name), translations.get(name)
        if isinstance(value, str) and versions:
            english = str.__str__(value)
            object.__setattr__(message, name, LocalText(english, {"en": english, **versions}))
