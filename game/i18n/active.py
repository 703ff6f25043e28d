"""The language of the view in front of the person, and `_()` to translate into it.

One process-wide setting, not a context variable: Textual runs each message handler in
its own task, where a context variable set by the seat's screen would not be seen. The
engine, rules and AI never read it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from game.i18n.catalogs import translations
from game.i18n.language import DEFAULT, Lang

_current: Lang = DEFAULT


def current() -> Lang:
    return _current


def use(lang: Lang) -> None:
    """Make `lang` the language of what is shown from now on."""
    global _current
    _current = lang


@contextmanager
def using(lang: Lang) -> Iterator[None]:
    """Render something in `lang` (a report, one seat's view), then restore."""
    before = _current
    use(lang)
    try:
        yield
    finally:
        use(before)


def gettext_in(lang: str, message: str) -> str:
    if lang == "en" or not message:
        return message
    return translations(lang).gettext(message)


def _(message: str) -> str:
    """`message` in the current language (the English source if not translated)."""
    return gettext_in(_current, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    if _current == "en":
        return singular if n == 1 else plural
    return translations(_current).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a string for translation where it is defined (a constant, a table) and
    translate it with `_()` where it is shown."""
    return message
