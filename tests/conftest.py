"""Shared fixtures: scenarios are loaded once per session (loading compiles every rule)."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.rules.ruleset import Ruleset, load_ruleset

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def mini() -> Ruleset:
    return load_ruleset(FIXTURES / "mini.yaml")


@pytest.fixture(scope="session")
def flagship() -> Ruleset:
    return load_ruleset("roosevelt-room-2019")
