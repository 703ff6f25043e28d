"""docs/authoring.md's reference covers every model of the scenario format and of the
tests file, each with an example; every example is valid as that model."""

from __future__ import annotations

import pytest
from pydantic import BaseModel

from game.scenario.models import Scenario
from game.scenario.yaml_source import load_yaml
from game.tools import scenario_tests
from game.tools.reference import EXAMPLES, ORDER, TESTS_ORDER, reachable_models
from tests.conftest import ROOT

DOC = (ROOT / "docs" / "authoring.md").read_text()


def test_every_model_of_the_format_is_in_the_reference():
    assert set(ORDER) == reachable_models(Scenario)
    assert set(TESTS_ORDER) == reachable_models(scenario_tests.SuiteFile)
    for model in [*ORDER, *TESTS_ORDER]:
        assert f"\n### {model.__name__}\n" in DOC, model.__name__


def test_every_model_has_an_example_in_the_document():
    for model in [*ORDER, *TESTS_ORDER]:
        example = EXAMPLES[model]
        assert f"```yaml\n{example.text}```" in DOC, model.__name__


def _value(data, path):
    for part in path:
        data = data[part]
    return data


@pytest.mark.parametrize("model", [*ORDER, *TESTS_ORDER], ids=lambda m: m.__name__)
def test_each_example_is_valid_as_its_model(model: type[BaseModel]):
    example = EXAMPLES[model]
    data, _ = load_yaml(example.text, f"{model.__name__} example")
    value = _value(data, example.path)
    if model is Scenario:
        # The example is the top of a file: the rest of the sections are shown elsewhere.
        fields = {k for k, info in Scenario.model_fields.items() if info.is_required()}
        assert set(value) <= set(Scenario.model_fields)
        assert {"id", "title", "start_date", "end_date", "first_phase"} <= set(value)
        assert fields - set(value) == {
            "sources",
            "roles",
            "issues",
            "phases",
            "transitions",
            "endings",
        }
        return
    model.model_validate(value)


def test_an_invalid_example_would_be_caught():
    from pydantic import ValidationError

    from game.scenario.models import Meter

    data, _ = load_yaml(EXAMPLES[Meter].text.replace("start: 144000", "start: -1"), "x")
    with pytest.raises(ValidationError):
        Meter.model_validate(_value(data, EXAMPLES[Meter].path))
