"""The gettext catalogues: `game/locale/<lang>/LC_MESSAGES/<domain>.po`, one domain per
part of the program (core, tui, cli, report, diagnostics) so each is edited on its own.

The `.po` files are the source of truth. Babel compiles each to a binary `.mo` the first
time a language is used, into the user's cache folder keyed by the `.po` file's hash, and
the standard library's gettext reads it from there on; if the cache cannot be written the
catalogue is compiled in memory. English is the source language and needs no catalogue.
"""

from __future__ import annotations

import gettext
import io
import os
import tempfile
from functools import cache
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
DOMAINS = ("core", "tui", "cli", "report", "diagnostics")


def po_path(lang: str, domain: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{domain}.po"


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """Every domain of `lang` chained into one: a message is looked up in each in turn."""
    chain: gettext.NullTranslations | None = None
    for domain in DOMAINS:
        path = po_path(lang, domain)
        if not path.is_file():
            continue
        catalogue = _load(path)
        if chain is None:
            chain = catalogue
        else:
            chain.add_fallback(catalogue)
    return chain if chain is not None else gettext.NullTranslations()


def _load(po: Path) -> gettext.GNUTranslations:
    import hashlib  # only a translated language pays for it, at its first message

    data = po.read_bytes()
    digest = hashlib.sha256(data).hexdigest()[:16]
    cached = _cache_dir() / f"{po.parent.parent.name}-{po.stem}-{digest}.mo"
    try:
        with cached.open("rb") as fp:
            return gettext.GNUTranslations(fp)
    except (OSError, ValueError):
        pass
    mo = compile_po(data, str(po))
    _store(cached, mo)
    return gettext.GNUTranslations(io.BytesIO(mo))


def compile_po(data: bytes, filename: str = "<po>") -> bytes:
    """Babel's compilation of one `.po` file to `.mo` bytes, fuzzy entries left out."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    catalog = read_po(io.BytesIO(data), abort_invalid=True)
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def _cache_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("brinkmanship", appauthor=False)) / "locale"


def _store(target: Path, mo: bytes) -> None:
    """Write atomically; a read-only or full disk only costs a compile next time."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fp:
            fp.write(mo)
        os.replace(tmp, target)
    except OSError:
        pass
