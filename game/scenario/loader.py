"""Load a scenario file: safe YAML with positions, then the models, then the checks."""

from __future__ import annotations

import copy
import hashlib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from game.scenario.bounds import impossible_conditions
from game.scenario.checks import Checker
from game.scenario.dates import period_problems
from game.scenario.diagnostics import Diagnostic, ScenarioError
from game.scenario.models import Scenario
from game.scenario.play_digest import play_digest
from game.scenario.validation import clean_loc, model_diagnostics
from game.scenario.yaml_source import SourceMap, read_scenario_file


@dataclass(frozen=True)
class ScenarioFile:
    """A scenario that passed the shape and reference checks, with where it came from."""

    scenario: Scenario
    source: SourceMap
    path: Path
    # Hash of the file's bytes, as saves recorded it before play digests.
    digest: str

    @cached_property
    def play_digest(self) -> str:
        """What a save records: the scenario as a game, wording left out (computed when
        first asked, so loading for lint or play does not pay for it)."""
        return play_digest(self.scenario)

    def accepts(self, digest: str) -> bool:
        """Whether a save or a class room recorded with `digest` replays on this file."""
        return digest in (self.play_digest, self.digest, *self.scenario.earlier_versions)


def digest_text(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


Checked = tuple[ScenarioFile, list[Diagnostic]]


@dataclass
class ShapeError(ScenarioError):
    """The file does not fit the models. When dropping its unknown keys (typos of optional
    fields) is enough to read it, `partial` holds what the rest of the checks found then,
    so that one run reports every problem."""

    partial: Checked | None = None


def check_scenario_file(path: Path) -> Checked:
    """Read `path` and check it; raise ScenarioError if it cannot even be read as a
    scenario (YAML, shape), else return it with the problems the checks found, so that a
    caller can add the problems of its expressions and report everything in one pass."""
    data, source = read_scenario_file(path)
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as err:
        diagnostics = model_diagnostics(err, Scenario, source, data)
        partial = _without_unknown_keys(err, data, source, path)
        raise ShapeError(diagnostics, source.text, partial) from None
    return _checked(scenario, source, path)


def _checked(scenario: Scenario, source: SourceMap, path: Path) -> Checked:
    problems = Checker(scenario, source).run()
    problems += period_problems(scenario, source) + impossible_conditions(scenario, source)
    # The checks are done with `scenario.nodes` (a pair per node of the file, cached for
    # them): dropped, so that the cycle collector does not walk them for the rest of the
    # run. A later reader (lint) takes the walk again.
    for cached in ("nodes", "_sorted_nodes"):
        vars(scenario).pop(cached, None)
    return ScenarioFile(scenario, source, path, digest_text(source.text)), problems


def _without_unknown_keys(
    err: ValidationError, data: Any, source: SourceMap, path: Path
) -> Checked | None:
    errors = err.errors(include_url=False)
    unknown = [clean_loc(e["loc"], data) for e in errors if e["type"] == "extra_forbidden"]
    # A misspelt section (`meterz:`) would leave every name it declares unknown.
    if len(unknown) != len(errors) or any(len(loc) < 2 for loc in unknown):
        return None
    pruned = copy.deepcopy(data)
    for loc in unknown:
        parent = pruned
        for part in loc[:-1]:
            parent = parent[part]
        parent.pop(loc[-1], None)
    try:
        return _checked(Scenario.model_validate(pruned), source, path)
    except ValidationError:
        return None


def load_scenario_file(path: Path) -> ScenarioFile:
    """Read and check `path`; raise ScenarioError with every problem found."""
    scenario_file, problems = check_scenario_file(path)
    if any(d.severity == "error" for d in problems):
        raise ScenarioError(problems, scenario_file.source.text)
    return scenario_file
