"""Text for people in a scenario file, in one language or several.

Every prose field (a title, a briefing, a label, a `why:`) takes either a plain string,
written in the scenario's `language:` (English unless it says `language: es`), or a
mapping of language to text:

    label:
      en: Deploy the National Guard to the southern border
      es: Desplegar la Guardia Nacional en la frontera sur

Either way the field holds a `LocalText`: a `str` that is the English version when there
is one (else the scenario language's), so the engine, saves and transcripts read exactly
what they read before, and the view picks the reader's version with `localise`.

The language of plain strings is set for the duration of one `Scenario` validation by
the model itself (`scenario_language`), so every caller of `Scenario.model_validate`
gets it right without passing a context. The validator runs once per text field of a
file that can hold thousands of rules: it imports nothing and does one type test.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    PlainSerializer,
    PlainValidator,
)
from pydantic_core import PydanticCustomError, PydanticKnownError

from game.i18n import LANGUAGES, Lang, LocalText

_language: ContextVar[Lang] = ContextVar("scenario_language", default="en")
_KNOWN = frozenset(LANGUAGES)
# Pydantic error type of a mapping key that names no language we know; the diagnostics
# point at the key and say which keys are allowed.
UNKNOWN_LANGUAGE = "prose_language"
EMPTY_VERSION = "prose_empty"
LANGUAGE_HINT = "write en: or es: (one key per language), or a plain string"


@contextmanager
def scenario_language(lang: str) -> Iterator[None]:
    """Read plain strings as written in `lang` while validating one scenario."""
    token = _language.set(lang if lang in _KNOWN else "en")
    try:
        yield
    finally:
        _language.reset(token)


def _validate(value: Any) -> LocalText:
    if isinstance(value, str):
        if isinstance(value, LocalText):
            return value
        return LocalText(value, {_language.get(): value} if value else {})
    if isinstance(value, dict):
        return _from_mapping(value)
    raise PydanticKnownError("string_type")


def _from_mapping(value: dict[Any, Any]) -> LocalText:
    if not value:
        raise PydanticCustomError(
            EMPTY_VERSION, "give the text in at least one language: en: or es:"
        )
    for key, text in value.items():
        if key not in _KNOWN:
            raise PydanticCustomError(
                UNKNOWN_LANGUAGE,
                "`{key}` is not a language of the game (en, es)",
                {"key": str(key)},
            )
        if not isinstance(text, str) or not text.strip():
            raise PydanticCustomError(
                EMPTY_VERSION,
                "the `{key}` version must be non-empty text",
                {"key": str(key)},
            )
    return LocalText.of(value)


def _serialise(value: str) -> str | dict[str, str]:
    """A text that exists only in English dumps as the plain string it was, so JSON of
    English-only scenarios (class sessions, snapshots) is unchanged; any other text dumps
    as its mapping and validates back to the same versions."""
    versions = value.versions if isinstance(value, LocalText) else {}
    if not versions or set(versions) == {"en"}:
        return str.__str__(value)
    return dict(versions)


def _no_required(schema: dict[str, Any]) -> None:
    # Either key may be left out, but not both (a plain string is the one-language form).
    schema.pop("required", None)
    schema["minProperties"] = 1


class Translations(BaseModel):
    """The same text in each language the scenario offers: `en:` for English, `es:` for
    Spanish; at least one, non-empty. A language left out falls back to the other."""

    model_config = ConfigDict(extra="forbid", title="Translations", json_schema_extra=_no_required)

    en: str = Field(min_length=1, description="The English text.")
    es: str = Field(min_length=1, description="The Spanish text.")


class _BothForms:
    """Says in the schema what the plain-string branch means (editors show it)."""

    def __init__(self, max_length: int | None = None) -> None:
        self.max_length = max_length

    def __get_pydantic_json_schema__(self, core: Any, handler: GetJsonSchemaHandler) -> Any:
        schema = handler(core)
        for branch in schema.get("anyOf", ()):
            if branch.get("type") == "string":
                branch["description"] = (
                    "The text in the scenario's `language` (English unless it says `language: es`)."
                )
                if self.max_length is not None:
                    branch["maxLength"] = self.max_length
        return schema


def is_prose(annotation: Any) -> bool:
    """Whether an annotation is a prose type (for the generated reference)."""
    return is_prose_metadata(getattr(annotation, "__metadata__", ()))


def is_prose_metadata(metadata: Any) -> bool:
    """Whether a field's metadata (pydantic keeps it apart) marks a prose field."""
    return any(isinstance(m, _BothForms) for m in metadata)


_FORMS = "a plain string in the scenario's `language`, or `{en: ..., es: ...}`"
# Typed `str` for the code that reads it (a LocalText is one, and a default or a model
# built in code may pass a plain string); at run time a validated value is a LocalText.
Prose = Annotated[
    str,
    PlainValidator(_validate, json_schema_input_type=str | Translations),
    PlainSerializer(_serialise, return_type=Any),
    _BothForms(),
    Field(description=f"Text for people: {_FORMS}."),
]
"""A prose field: a plain string or a mapping of language to text (see the module)."""


def short_prose(max_length: int) -> Any:
    """A prose field whose every version fits `max_length` characters (table columns)."""

    def check(value: LocalText) -> LocalText:
        texts = value.versions.values() if value.versions else (value,)
        if any(len(text) > max_length for text in texts):
            raise PydanticKnownError("string_too_long", {"max_length": max_length})
        return value

    return Annotated[
        str,
        PlainValidator(lambda v: check(_validate(v)), json_schema_input_type=str | Translations),
        PlainSerializer(_serialise, return_type=Any),
        _BothForms(max_length),
        Field(
            description=f"Text for people, at most {max_length} characters in each "
            f"language: {_FORMS}."
        ),
    ]
