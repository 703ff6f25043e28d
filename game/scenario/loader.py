"""Load a scenario file: safe YAML with positions, then the models, then the checks."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from game.scenario.checks import Checker
from game.scenario.diagnostics import ScenarioError
from game.scenario.models import Scenario
from game.scenario.validation import model_diagnostics
from game.scenario.yaml_source import SourceMap, read_scenario_file


@dataclass(frozen=True)
class ScenarioFile:
    """A scenario that passed the shape and reference checks, with where it came from."""

    scenario: Scenario
    source: SourceMap
    path: Path
    # Hash of the file's bytes: a save records it to notice an edited scenario.
    digest: str


def digest_text(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def load_scenario_file(path: Path) -> ScenarioFile:
    """Read and check `path`; raise ScenarioError with every problem found."""
    data, source = read_scenario_file(path)
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as err:
        raise ScenarioError(model_diagnostics(err, Scenario, source, data), source.text) from None
    problems = Checker(scenario, source).run()
    if any(d.severity == "error" for d in problems):
        raise ScenarioError(problems, source.text)
    return ScenarioFile(scenario, source, path, digest_text(source.text))
