"""Languages: which one a person reads, and the words of the game in it.

Two kinds of text cross the code. Interface strings (screen titles, CLI messages,
diagnostics, report headings) are written in English in the source, marked with `_()`
and translated through gettext catalogues under `game/locale/`. Game text (a
scenario's briefings and labels, the engine's event lines, the AI's reasons) is a
`LocalText`: a `str` that *is* its English (or only) version, so the engine, saves and
transcripts never see a language, and that carries its other versions for the view,
which picks one with `localise(text, lang)`.

Language is a property of the person's view: the TUI sets the current language for the
seat in front of the screen (`use`), reports render inside `using(lang)`, and nothing
below the view layers ever reads it.
"""

from game.i18n.active import N_, _, current, ngettext, use, using
from game.i18n.compose import (
    tx_capital,
    tx_cat,
    tx_date,
    tx_join,
    tx_lower,
    tx_lower_first,
    tx_n,
)
from game.i18n.language import DEFAULT, LANGUAGES, Lang, choose_language, parse_lang
from game.i18n.text import LocalText, localise, tx

__all__ = [
    "DEFAULT",
    "LANGUAGES",
    "N_",
    "Lang",
    "LocalText",
    "_",
    "choose_language",
    "current",
    "localise",
    "ngettext",
    "parse_lang",
    "tx",
    "tx_capital",
    "tx_cat",
    "tx_date",
    "tx_join",
    "tx_lower",
    "tx_lower_first",
    "tx_n",
    "use",
    "using",
]
