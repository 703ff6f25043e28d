"""Spanish writes offices in lowercase («el presidente», «el secretario de Estado»,
«vicepresidente»), except at the start of a sentence: persons' titles and every Spanish
text of the bundled scenarios."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
import yaml

from game.scenario.registry import bundled_scenarios

OFFICES = re.compile(
    r"\b(Presidente|Presidenta|Vicepresidente|Vicepresidenta|Secretario|Secretaria|"
    r"Subsecretario|Subsecretaria|Canciller|Embajador|Embajadora|Gobernador|Gobernadora|"
    r"Ministro|Ministra|Procurador|Procuradora|Comisionado|Comisionada|Senador|Senadora)\b"
)
SENTENCE_ENDS = ".!?:¿¡«—\n-"


def _spanish(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "es" and isinstance(value, str):
                yield path, value
            else:
                yield from _spanish(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _spanish(value, (*path, index))


def _capitalised_offices(path: tuple[Any, ...], text: str) -> list[str]:
    found = []
    for match in OFFICES.finditer(text):
        before = text[: match.start()].rstrip()
        # A person's title is a phrase shown after a name («Mike Pence, vicepresidente»).
        starts_sentence = before == "" and path[-1:] != ("title",)
        if not starts_sentence and not (before and before[-1] in SENTENCE_ENDS):
            found.append(text[max(0, match.start() - 30) : match.end() + 10])
    return found


@pytest.mark.parametrize("scenario_id", sorted(bundled_scenarios()))
def test_spanish_offices_are_lowercase_within_a_sentence(scenario_id: str) -> None:
    document = yaml.safe_load(bundled_scenarios()[scenario_id].read_text(encoding="utf-8"))
    texts = list(_spanish(document))
    assert texts
    wrong = [(p, hit) for p, text in texts for hit in _capitalised_offices(p, text)]
    assert not wrong, wrong
    titles = [text for p, text in texts if p[-1:] == ("title",) and "delegates" in p]
    assert titles and all(t[0].islower() for t in titles), titles


def test_the_check_finds_a_capitalised_office() -> None:
    assert _capitalised_offices(("note",), "Habla con el Secretario de Estado.")
    assert _capitalised_offices(("title",), "Vicepresidente")
    assert not _capitalised_offices(("note",), "Presidente de la mesa. El presidente firma.")
