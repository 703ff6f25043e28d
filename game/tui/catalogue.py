"""Title and period of each bundled scenario, read without loading the whole file.

The title screen must paint fast: compiling every rule of every scenario just to show
three names would triple start-up time, so we read the few top-level lines we need
(`title: …`, or `title:` followed by its `en:`/`es:` versions), and fall back to the id
when a file does not have them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from game.i18n import LocalText

_FIELD = re.compile(r"^(id|title|period|language):\s*(.*?)\s*$")
_VERSION = re.compile(r"^\s+([a-z]{2}):\s*(.+?)\s*$")


# Offered first: the scenario the game is built around.
FLAGSHIP = "roosevelt-room-2019"


@dataclass(frozen=True)
class Header:
    id: str
    title: str
    period: str
    path: Path


def scenario_headers(scenarios: Mapping[str, Path]) -> list[Header]:
    headers = []
    for ident, path in scenarios.items():
        found = _read(path)
        headers.append(Header(ident, found.get("title", ident), found.get("period", ""), path))
    return sorted(headers, key=lambda h: (h.id != FLAGSHIP, h.id))


def _read(path: Path) -> dict[str, str]:
    """The top-level scalars of the file's first lines; a field given per language
    becomes a LocalText (its versions, the file's language's primary)."""
    found: dict[str, str] = {}
    versions: dict[str, dict[str, str]] = {}
    field = ""
    try:
        with path.open(encoding="utf-8") as handle:
            for _, line in zip(range(40), handle, strict=False):
                match = _FIELD.match(line)
                if match:
                    field, value = match.group(1), match.group(2).strip("'\"")
                    if value:
                        found[field] = value
                    else:
                        versions[field] = {}
                    continue
                version = _VERSION.match(line)
                if version and field in versions:
                    versions[field][version.group(1)] = version.group(2).strip("'\"")
                elif line.strip() and not line.startswith((" ", "#")):
                    field = ""
    except (OSError, UnicodeDecodeError):
        pass
    for name, texts in versions.items():
        if texts:
            found[name] = LocalText.of(texts, found.get("language", "en"))
    return found
