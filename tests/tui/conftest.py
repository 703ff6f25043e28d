"""TUI tests run against a private save folder, never the player's own."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def save_folder(tmp_path, monkeypatch):
    folder = tmp_path / "saves"
    monkeypatch.setenv("BRINK_SAVE_DIR", str(folder))
    return folder
