"""Title and period of each bundled scenario, read without loading the whole file.

The title screen must paint fast: compiling every rule of every scenario just to show
three names would triple start-up time, so we read the few top-level scalar lines we
need, and fall back to the id when a file does not have them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

_FIELD = re.compile(r"^(id|title|period):\s*(.+?)\s*$")


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
        found: dict[str, str] = {}
        try:
            with path.open(encoding="utf-8") as handle:
                for _, line in zip(range(40), handle, strict=False):
                    match = _FIELD.match(line)
                    if match:
                        found[match.group(1)] = match.group(2).strip("'\"")
        except (OSError, UnicodeDecodeError):
            pass
        headers.append(Header(ident, found.get("title", ident), found.get("period", ""), path))
    return sorted(headers, key=lambda h: (h.id != FLAGSHIP, h.id))
