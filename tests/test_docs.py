"""docs/authoring.md stays in step with the models and the expression names."""

from __future__ import annotations

from game.tools.reference import regenerate
from tests.conftest import ROOT


def test_authoring_reference_is_current():
    text = (ROOT / "docs" / "authoring.md").read_text()
    assert text == regenerate(text), "run: python -m game.tools.reference docs/authoring.md"


def test_reference_covers_every_field_and_builtin_name():
    from game.rules.namespace import build_namespace
    from game.scenario import models

    text = (ROOT / "docs" / "authoring.md").read_text()
    for field in models.Scenario.model_fields:
        assert f"| `{field}` |" in text
    probe = models.Scenario.model_construct(meters={}, flags={}, phases=[], actions=[], issues=[])
    for name in build_namespace(probe).symbols:
        assert f"| `{name}` |" in text
