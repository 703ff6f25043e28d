"""CLI tests run in English unless a test passes `--lang es`; the language is
process-wide, so a Spanish command must not leave the next test in Spanish."""

from __future__ import annotations

import pytest

from game.i18n import use


@pytest.fixture(autouse=True)
def english_by_default(monkeypatch):
    monkeypatch.setenv("BRINK_LANG", "en")
    yield
    use("en")
