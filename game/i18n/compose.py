"""Generated text built from parts, each part localised when the whole is read.

`tx()` covers a sentence with a fixed template. Some sentences are assembled: a list of
offer terms joined by `; `, a reason with a later remark appended and capitalised, a
label lower-cased to sit inside a sentence. Building those with `+` or `str.lower` would
freeze the English; these helpers keep each part a `LocalText`, so a Spanish reader gets
the Spanish parts assembled the same way, while the English (the primary value, which
engine, transcripts and saves use) is byte-for-byte what the plain `str` code gave.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import cast

from game.i18n.text import LocalText, localise


def tx_join(separator: str, parts: Iterable[object]) -> LocalText:
    """`separator.join(parts)`, localising each part for the reader. The separator is
    punctuation shared by the languages (`; `, `, `), not a word."""
    items = list(parts)
    names = {f"p{i}": item for i, item in enumerate(items)}
    escaped = separator.replace("{", "{{").replace("}", "}}")
    # Not a catalogue message: a template no catalogue holds is used as it is.
    template = escaped.join("{" + name + "}" for name in names)
    english = separator.join(str(item) for item in items)
    return LocalText(english, message=template, args=names)


def tx_cat(*parts: object) -> LocalText:
    """The parts one after the other (`tx_join("", parts)`)."""
    return tx_join("", parts)


class _Derived(LocalText):
    """A text transformed the same way in every language (lower-cased, capitalised)."""

    __slots__ = ("_base", "_change")

    _base: object
    _change: Callable[[str], str]

    def __new__(cls, base: object, change: Callable[[str], str]) -> _Derived:
        english = base if isinstance(base, str) else str(base)
        made = super().__new__(cls, change(str.__str__(english)), message="{x}", args={"x": base})
        self = cast(_Derived, made)
        self._base, self._change = base, change
        return self

    def in_lang(self, lang: str) -> str:
        return self._change(localise(self._base, lang))

    def __reduce__(self) -> tuple[object, ...]:
        return (_Derived, (self._base, self._change))


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def lowered(text: str) -> str:
    return text.lower()


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def tx_lower_first(text: object) -> LocalText:
    """`Tariff on imports` → `tariff on imports`, in every language."""
    return _Derived(text, _lower_first)


def tx_lower(text: object) -> LocalText:
    """`text.lower()` in every language."""
    return _Derived(text, lowered)


def tx_capital(text: object) -> LocalText:
    """`text` with its first letter upper-cased, in every language."""
    return _Derived(text, capitalised)


_MONTHS_ES = (
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
)


class _Date(LocalText):
    """A date inside a generated sentence: ISO (`2019-06-10`) in the English the records
    keep, `10 de junio de 2019` for a Spanish reader."""

    __slots__ = ()

    def in_lang(self, lang: str) -> str:
        iso = str.__str__(self)
        if lang != "es":
            return iso
        try:
            day = dt.date.fromisoformat(iso)
        except ValueError:
            return iso
        return f"{day.day} de {_MONTHS_ES[day.month - 1]} de {day.year}"

    def has(self, lang: str) -> bool:
        return True

    def __reduce__(self) -> tuple[object, ...]:
        return (_Date, (str.__str__(self),))


def tx_date(iso: str | dt.date) -> LocalText:
    """A date for a sentence: `2019-06-10` in English, `10 de junio de 2019` in Spanish."""
    return _Date(iso.isoformat() if isinstance(iso, dt.date) else iso)


class _Plural(LocalText):
    """A generated sentence with a count: `1 random game`, `200 random games`; each
    language picks its own form for the count (`1 partida aleatoria`)."""

    __slots__ = ("_n", "_plural")

    _plural: str
    _n: int

    def in_lang(self, lang: str) -> str:
        if lang == "en":
            return str.__str__(self)
        from game.i18n.catalogs import translations

        template = translations(lang).ngettext(self._message or "", self._plural, self._n)
        return template.format(**{k: localise(v, lang) for k, v in self.args.items()})

    def __reduce__(self) -> tuple[object, ...]:
        return (_plural_again, (self._message, self._plural, self._n, dict(self.args)))


def tx_n(singular: str, plural: str, n: int, /, **args: object) -> LocalText:
    """`tx` for a sentence about `n` things: `singular` or `plural` (both `str.format`
    templates given `n` and `args`), chosen per language by the catalogue's plural rule."""
    values = {"n": n, **args}
    english = (singular if n == 1 else plural).format(**values)
    made = _Plural(english, message=singular, args=values)
    made._plural, made._n = plural, n
    return made


def _plural_again(singular: str, plural: str, n: int, values: dict[str, object]) -> LocalText:
    return tx_n(singular, plural, n, **{k: v for k, v in values.items() if k != "n"})
