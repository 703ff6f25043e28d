"""Load a scenario file: safe YAML with positions, then the models, then the checks."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from game.scenario.bounds import impossible_conditions
from game.scenario.checks import Checker
from game.scenario.dates import period_problems
from game.scenario.diagnostics import Diagnostic, ScenarioError
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


def check_scenario_file(path: Path) -> tuple[ScenarioFile, list[Diagnostic]]:
    """Read `path` and check it; raise ScenarioError if it cannot even be read as a
    scenario (YAML, shape), else return it with the problems the checks found, so that a
    caller can add the problems of its expressions and report everything in one pass."""
    data, source = read_scenario_file(path)
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as err:
        raise ScenarioError(model_diagnostics(err, Scenario, source, data), source.text) from None
    problems = Checker(scenario, source).run()
    problems += period_problems(scenario, source) + impossible_conditions(scenario, source)
    return ScenarioFile(scenario, source, path, digest_text(source.text)), problems


def load_scenario_file(path: Path) -> ScenarioFile:
    """Read and check `path`; raise ScenarioError with every problem found."""
    scenario_file, problems = check_scenario_file(path)
    if any(d.severity == "error" for d in problems):
        raise ScenarioError(problems, scenario_file.source.text)
    return scenario_file
