"""TUI tests run against a private save folder, never the player's own, and in English
unless a test asks for Spanish (the tester's own locale does not leak in)."""

from __future__ import annotations

import pytest

from game.i18n import use


@pytest.fixture(autouse=True)
def save_folder(tmp_path, monkeypatch):
    folder = tmp_path / "saves"
    monkeypatch.setenv("BRINK_SAVE_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def english_by_default(monkeypatch):
    monkeypatch.setenv("BRINK_LANG", "en")
    yield
    use("en")  # the language is process-wide: the next test starts in English
