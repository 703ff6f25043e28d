"""Keep the catalogues in step with the source: `python -m game.i18n.extract`.

Extracts every marked string (`_`, `N_`, `ngettext`, `tx`, `tx_n`) with Babel, one domain per
part of the program, and updates `game/locale/<lang>/LC_MESSAGES/<domain>.po`: new
messages are added untranslated, translations of unchanged messages are kept, messages
gone from the source are dropped. `--check` changes nothing and exits 1 if a catalogue
is out of date or a message has no translation (the test suite runs the same check).
"""

from __future__ import annotations

import argparse
import datetime
import io
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from game.i18n.catalogs import DOMAINS, LOCALE_DIR, po_path
from game.i18n.language import LANGUAGES

PACKAGE = LOCALE_DIR.parent
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "tx": None, "tx_n": (1, 2)}
# Which folders of the package feed which domain (a translator works on one at a time).
SOURCES: dict[str, tuple[str, ...]] = {
    "core": ("engine", "ai", "play", "saves", "sim", "net", "i18n", "userdirs.py"),
    "diagnostics": ("scenario", "rules", "tools"),
    "report": ("report",),
    "tui": ("tui",),
    "cli": ("cli",),
}
assert set(SOURCES) == set(DOMAINS)
# Fixed header dates: a catalogue changes only when its messages do, so merges stay clean.
FIXED_DATE = datetime.datetime(2026, 11, 27, tzinfo=datetime.UTC)
HEADER = """\
# {lang} messages of Brinkmanship, domain `{domain}`.
# Written by hand; `python -m game.i18n.extract` adds new source strings (untranslated).
#"""
TRANSLATED = tuple(lang for lang in LANGUAGES if lang != "en")


def _files(domain: str) -> Iterator[Path]:
    for name in SOURCES[domain]:
        path = PACKAGE / name
        yield from sorted(path.rglob("*.py")) if path.is_dir() else [path]


def extract(domain: str):  # type: ignore[no-untyped-def]  # babel ships no types
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract as babel_extract

    catalog = Catalog(
        project="brinkmanship", domain=domain, charset="utf-8", creation_date=FIXED_DATE
    )
    for path in _files(domain):
        rel = path.relative_to(PACKAGE.parent).as_posix()
        with path.open("rb") as fp:
            for lineno, message, comments, _context in babel_extract(
                "python", fp, KEYWORDS, ["TRANSLATORS:"], strip_comment_tags=True
            ):
                catalog.add(message, locations=[(rel, lineno)], auto_comments=comments)
    return catalog


@dataclass
class Problem:
    lang: str
    domain: str
    text: str

    def __str__(self) -> str:
        return f"{po_path(self.lang, self.domain).relative_to(PACKAGE.parent)}: {self.text}"


def check(lang: str, domain: str) -> list[Problem]:
    """Messages in the source that `lang`'s catalogue lacks or leaves untranslated."""
    from babel.messages.pofile import read_po

    template = extract(domain)
    path = po_path(lang, domain)
    if not path.is_file():
        return [Problem(lang, domain, "missing catalogue")] if len(template) else []
    with path.open("rb") as fp:
        po = read_po(fp)
    problems = []
    for message in template:
        if not message.id:
            continue
        entry = po.get(message.id)
        shown = message.id if isinstance(message.id, str) else message.id[0]
        if entry is None:
            problems.append(Problem(lang, domain, f"not in the catalogue: {shown!r}"))
        elif entry.fuzzy or not _translated(entry.string):
            problems.append(Problem(lang, domain, f"no translation: {shown!r}"))
    return problems


def _translated(string: object) -> bool:
    if isinstance(string, tuple | list):
        return all(string)
    return bool(string)


def update(lang: str, domain: str) -> None:
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po, write_po

    template = extract(domain)
    path = po_path(lang, domain)
    if path.is_file():
        with path.open("rb") as fp:
            po = read_po(fp, locale=lang)
    else:
        po = Catalog(locale=lang, project="brinkmanship", domain=domain, charset="utf-8")
    po.update(template, no_fuzzy_matching=True)
    po.obsolete.clear()
    po.revision_date = FIXED_DATE
    po.fuzzy = False
    po.header_comment = HEADER.format(lang=lang, domain=domain)
    po.last_translator = "Brinkmanship team"
    po.language_team = "Spanish (Mexico)"
    # Two forms, as Spanish grammars teach (CLDR's third, for millions, is not needed).
    po._num_plurals, po._plural_expr = 2, "(n != 1)"  # type: ignore[assignment]
    out = io.BytesIO()
    write_po(out, po, width=88, sort_output=True, omit_header=False, ignore_obsolete=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(out.getvalue())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m game.i18n.extract", description=__doc__)
    parser.add_argument("--check", action="store_true", help="report, change nothing")
    parser.add_argument("domains", nargs="*", choices=[[], *DOMAINS], default=[])
    args = parser.parse_args(argv)
    domains = args.domains or list(DOMAINS)
    problems = []
    for lang in TRANSLATED:
        for domain in domains:
            if args.check:
                problems += check(lang, domain)
            else:
                update(lang, domain)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
