"""Which language a person reads: a flag, then BRINK_LANG, then the system locale."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Literal

Lang = Literal["en", "es"]
LANGUAGES: tuple[Lang, ...] = ("en", "es")
DEFAULT: Lang = "en"
LANG_ENV = "BRINK_LANG"
# The POSIX order of precedence for the language of messages.
_LOCALE_VARS = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def parse_lang(value: str | None) -> Lang | None:
    """`es`, `es_MX.UTF-8`, `ES-mx`, `es:en` → `es`; anything unknown → None."""
    if not value:
        return None
    first = value.split(":")[0].strip().lower()
    code = first.replace("-", "_").split("_")[0].split(".")[0].split("@")[0]
    for lang in LANGUAGES:
        if code == lang:
            return lang
    return None


def choose_language(flag: str | None = None, environ: Mapping[str, str] | None = None) -> Lang:
    """The language for this person: `--lang`, else $BRINK_LANG, else the system locale
    (`LANG=es_MX.UTF-8` gives Spanish), else English. An unknown flag value is the
    CLI's to refuse; here it falls through to the next source."""
    env = os.environ if environ is None else environ
    chosen = parse_lang(flag) or parse_lang(env.get(LANG_ENV))
    if chosen:
        return chosen
    for var in _LOCALE_VARS:
        value = env.get(var)
        if value:
            # The first locale variable that is set decides, as in gettext: LANG=C
            # under LC_ALL=es_MX means Spanish, LC_ALL=C means English.
            return parse_lang(value) or DEFAULT
    return DEFAULT
