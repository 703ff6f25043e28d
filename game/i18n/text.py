"""Game text that carries its translations: scenario texts and generated sentences.

A `LocalText` is a `str` whose value is the text's primary version (English when there
is one), so everything that compares, hashes, saves or prints a transcript works on it
unchanged and deterministically. `localise(text, lang)` gives the version for a reader.

Two kinds: a scenario's text, given in YAML as a string or as `{en: ..., es: ...}`,
holds its versions; a generated sentence, made by `tx("Tariff rises to {rate}", rate=…)`,
holds its message and arguments and is translated through the catalogues only when a
reader asks for another language (arguments that are themselves `LocalText` are
localised too), so building one costs no more than the English f-string it replaces.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from game.i18n.active import current, gettext_in


class LocalText(str):
    """A string with versions in other languages. Behaves as its primary version."""

    __slots__ = ("_args", "_message", "_versions")

    _versions: Mapping[str, str]
    _message: str | None
    _args: Mapping[str, Any]

    def __new__(
        cls,
        primary: str,
        versions: Mapping[str, str] | None = None,
        *,
        message: str | None = None,
        args: Mapping[str, Any] | None = None,
    ) -> LocalText:
        self = super().__new__(cls, primary)
        self._versions = versions or {}
        self._message = message
        self._args = args or {}
        return self

    @classmethod
    def of(cls, versions: Mapping[str, str], primary_lang: str = "en") -> LocalText:
        """A scenario text from its versions; the primary is `primary_lang`'s if given,
        else English, else the first."""
        primary = versions.get(primary_lang) or versions.get("en") or next(iter(versions.values()))
        return cls(primary, dict(versions))

    @property
    def versions(self) -> Mapping[str, str]:
        """The versions written out (for a scenario text); empty for a generated one."""
        return self._versions

    @property
    def message(self) -> str | None:
        """The template of a generated sentence (its catalogue message), else None."""
        return self._message

    @property
    def args(self) -> Mapping[str, Any]:
        """The values a generated sentence's template was filled in with."""
        return self._args

    def __add__(self, other: str) -> LocalText:
        # `tx(...) + " more"` keeps both pieces translatable; plain str + str is untouched.
        from game.i18n.compose import tx_cat

        return tx_cat(self, other)

    def __radd__(self, other: str) -> LocalText:
        from game.i18n.compose import tx_cat

        return tx_cat(other, self)

    def has(self, lang: str) -> bool:
        """Whether a reader of `lang` gets a version written for them."""
        if self._message is not None:
            return True
        return lang in self._versions

    def in_lang(self, lang: str) -> str:
        if self._message is not None:
            if lang == "en":
                return str.__str__(self)
            template = gettext_in(lang, self._message)
            return template.format(**{k: localise(v, lang) for k, v in self._args.items()})
        return self._versions.get(lang) or str.__str__(self)

    def map(self, change: Callable[[str], str]) -> LocalText:
        """Every version changed alike (e.g. lower-cased to sit inside a sentence)."""
        versions = {lang: change(self.in_lang(lang)) for lang in (*self._versions, "en", "es")}
        return LocalText(change(str.__str__(self)), versions)

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled across process pools (simulate --jobs) with its versions.
        state = (
            str.__str__(self),
            dict(self._versions),
            self._message,
            dict(self._args),
        )
        return (_rebuild, state)


def _rebuild(
    primary: str,
    versions: dict[str, str],
    message: str | None,
    args: dict[str, Any],
) -> LocalText:
    return LocalText(primary, versions, message=message, args=args)


def tx(message: str, /, **args: Any) -> LocalText:
    """A generated sentence: `message` (a `str.format` template, the gettext msgid)
    filled in; English now, other languages on demand. Mark with `tx` so Babel extracts
    the template."""
    english = message.format(**args) if args else message
    return LocalText(english, message=message, args=args)


def localise(text: object, lang: str | None = None) -> str:
    """`text` for a reader of `lang` (the current language if None). Plain strings and
    other values pass through as `str()`."""
    if isinstance(text, LocalText):
        return text.in_lang(lang or current())
    return text if isinstance(text, str) else str(text)
