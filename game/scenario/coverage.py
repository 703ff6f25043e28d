"""How much of a scenario's text each language has: for `brink lint` and the docs.

A text is a prose field the author wrote (defaults the models fill in are not the
author's to translate). A scenario that writes any text in two languages has declared
itself bilingual, and then each text one of its languages lacks is a finding; a
scenario written in one language is complete in it, and the others' coverage is only
reported.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from game.i18n import LANGUAGES, N_, LocalText, _
from game.scenario.models import Scenario
from game.scenario.yaml_source import SourceMap

Path = tuple[str | int, ...]
# The languages' names, translated where they are shown.
LANGUAGE_NAMES = {"en": N_("English"), "es": N_("Spanish")}


@dataclass(frozen=True)
class Text:
    path: Path
    name: str
    text: LocalText


@dataclass
class Coverage:
    """One language's share of the scenario's texts, and the texts it lacks."""

    lang: str
    total: int = 0
    missing: list[Text] = field(default_factory=list)

    @property
    def written(self) -> int:
        return self.total - len(self.missing)

    @property
    def percent(self) -> int:
        # Floor, so that 229 of 230 never reads as 100%.
        return 100 * self.written // self.total if self.total else 100


def texts(scenario: Scenario) -> Iterator[Text]:
    """Every non-empty prose text the author wrote, in file order, with a readable name
    (`issues.asylum.label`: list items by their id where they have one)."""
    stack: list[tuple[Path, str, Any]] = [((), "", scenario)]
    while stack:
        path, name, node = stack.pop()
        if isinstance(node, LocalText):
            # A figure with no words (`74,800`, `6`) reads the same in every language.
            if node.versions and any(c.isalpha() for c in node):
                yield Text(path, name, node)
            continue
        children: list[tuple[Path, str, Any]] = []
        if isinstance(node, BaseModel):
            published: frozenset[str] = getattr(node, "prose_as_published", frozenset())
            for key in type(node).model_fields:
                value = getattr(node, key)
                if key in published and _one_language(value):
                    continue  # a headline as published, in its own language only
                if key in node.model_fields_set:
                    children.append(((*path, key), _join(name, key), value))
        elif isinstance(node, list):
            for i, item in enumerate(node):
                label = getattr(item, "id", None) if isinstance(item, BaseModel) else None
                children.append(((*path, i), _join(name, label or str(i)), item))
        elif isinstance(node, dict):
            for key, item in node.items():
                children.append(((*path, key), _join(name, str(key)), item))
        children.reverse()
        stack.extend(children)


def _one_language(value: object) -> bool:
    return isinstance(value, LocalText) and len(value.versions) <= 1


def _join(name: str, part: str) -> str:
    return f"{name}.{part}" if name else part


def languages_used(scenario: Scenario) -> set[str]:
    """The languages the author wrote any text in."""
    found: set[str] = set()
    for text in texts(scenario):
        found.update(text.text.versions)
    return found


def coverage(scenario: Scenario) -> list[Coverage]:
    """Each language of the game, with the texts that have no version in it."""
    result = {lang: Coverage(lang) for lang in LANGUAGES}
    for text in texts(scenario):
        for lang, cover in result.items():
            cover.total += 1
            if lang not in text.text.versions:
                cover.missing.append(text)
    return list(result.values())


def summary(cover: Coverage, source: SourceMap, most: int | None = 8) -> str:
    """`Spanish: 212 of 230 texts (92%); missing: issues.asylum.label (line 120), …`;
    `most` caps the list (None lists every one). In the reader's language."""
    head = _("{language}: {written} of {total} texts ({percent}%)").format(
        # Names are lower-case in Spanish mid-sentence («en español»); this one starts the line.
        language=_(LANGUAGE_NAMES.get(cover.lang, cover.lang)).capitalize(),
        written=cover.written,
        total=cover.total,
        percent=cover.percent,
    )
    if not cover.missing:
        return head
    shown = cover.missing if most is None else cover.missing[:most]
    items = [
        _("{name} (line {line})").format(name=t.name, line=source.locate(t.path).line)
        for t in shown
    ]
    rest = len(cover.missing) - len(shown)
    if rest:
        items.append(_("… and {n} more").format(n=rest))
    return _("{head}; missing: {items}").format(head=head, items=", ".join(items))
