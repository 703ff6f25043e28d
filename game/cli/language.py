"""`--lang es|en` on every command: read before the parser is built, since the parser's
own help is written in the chosen language."""

from __future__ import annotations

import argparse
import sys

from game.i18n import LANGUAGES, N_, _, choose_language, use

OPTION = "--lang"
# argparse's own words (usage, headings, errors), marked here so they are extracted
# into the cli catalogue; `_install_argparse_words` routes argparse through it.
ARGPARSE_WORDS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("expected one argument"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("not allowed with argument %s"),
)


def apply_language(arguments: list[str]) -> list[str]:
    """Take `--lang X` (or `--lang=X`) from anywhere on the command line, make the
    chosen language current (flag, then BRINK_LANG, then the locale) and return the
    rest. An unknown value is refused with the languages there are (exit 2)."""
    flag: str | None = None
    rest: list[str] = []
    items = iter(arguments)
    for item in items:
        if item == "--":
            rest.append(item)
            rest.extend(items)
            break
        if item == OPTION:
            flag = next(items, "")
        elif item.startswith(OPTION + "="):
            flag = item.split("=", 1)[1]
        else:
            rest.append(item)
    if flag is not None and flag.lower() not in LANGUAGES:
        use(choose_language())
        known = ", ".join(LANGUAGES)
        print(
            _("brink: error: unknown language {flag!r} for --lang; choose from {known}").format(
                flag=flag, known=known
            ),
            file=sys.stderr,
        )
        raise SystemExit(2)
    use(choose_language(flag))
    _install_argparse_words()
    return rest


def _install_argparse_words() -> None:
    # argparse looks its words up through module-level `_`/`ngettext` taken from
    # gettext at import; point them at our catalogues for the chosen language.
    from game.i18n import ngettext

    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]


def add_lang_option(parser: argparse.ArgumentParser) -> None:
    """List `--lang` in the help of the program and of every command (it is taken off the
    command line before parsing, wherever it stands)."""
    for each in _all_parsers(parser):
        each.add_argument(
            OPTION,
            choices=LANGUAGES,
            default=argparse.SUPPRESS,
            help=_("language of the game and its messages (else BRINK_LANG, then the locale)"),
        )


def _all_parsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    found = [parser]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in dict.fromkeys(action.choices.values()):
                found += _all_parsers(child)
    return found
