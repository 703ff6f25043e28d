"""Shared fixtures: scenarios are loaded once per session (loading compiles every rule)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from game.rules.ruleset import Ruleset, load_ruleset

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# The suite gives the same verdict on every run, CI's included: property tests draw
# their examples from a fixed seed. `HYPOTHESIS_PROFILE=explore` draws new ones on each
# run, to hunt for failures no fixed example has met yet (then pin each as an @example).
settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))


@pytest.fixture(scope="session")
def mini() -> Ruleset:
    return load_ruleset(FIXTURES / "mini.yaml")


@pytest.fixture(scope="session")
def flagship() -> Ruleset:
    return load_ruleset("roosevelt-room-2019")
