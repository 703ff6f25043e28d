"""Title and period of each bundled scenario, read without loading the whole file.

The title screen must paint fast: compiling every rule of every scenario just to show
three names would triple start-up time, so we read the few top-level scalar lines we
need, and fall back to the id when a file does not have them. A title or period may be
written per language (`title:` then indented `en:` / `es:` lines); the header then holds
a `LocalText` whose value is the English, so the screens read as before and a Spanish
view can `localise` it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from game.i18n import LocalText

_FIELD = re.compile(r"^(id|title|period):\s*(.*?)\s*$")
_VERSION = re.compile(r"^\s+(en|es):\s*(.+?)\s*$")


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
        found = _top_fields(path)
        headers.append(Header(ident, found.get("title", ident), found.get("period", ""), path))
    return sorted(headers, key=lambda h: (h.id != FLAGSHIP, h.id))


def _top_fields(path: Path) -> dict[str, str]:
    found: dict[str, str] = {}
    versions: dict[str, dict[str, str]] = {}
    field = None  # the field whose per-language lines we are reading
    try:
        with path.open(encoding="utf-8") as handle:
            for _, line in zip(range(60), handle, strict=False):
                match = _FIELD.match(line)
                version = _VERSION.match(line) if field else None
                if match and match.group(2).startswith("{"):  # {en: …, es: …} on one line
                    versions[match.group(1)], field = _flow_mapping(match.group(2)), None
                elif match and match.group(2):
                    found[match.group(1)], field = _unquote(match.group(2)), None
                elif match:
                    field = match.group(1)
                elif version and field and not version.group(2).startswith((">", "|")):
                    versions.setdefault(field, {})[version.group(1)] = _unquote(version.group(2))
                elif not line.startswith(" "):
                    field = None
    except (OSError, UnicodeDecodeError):
        pass
    for name, texts in versions.items():
        if texts:
            found[name] = LocalText.of(texts)
    return found


def _flow_mapping(text: str) -> dict[str, str]:
    """A title written `{en: …, es: …}` (as a YAML dumper writes it): read by the YAML
    parser, which only such a file pays for."""
    import yaml

    try:
        value = yaml.safe_load(text)
    except yaml.YAMLError:
        return {}
    if not isinstance(value, dict):
        return {}
    return {str(k): str(v) for k, v in value.items() if isinstance(v, str | int | float)}


def _unquote(text: str) -> str:
    return text.strip("'\"")
