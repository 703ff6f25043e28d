"""`brink schema`: the JSON Schema of scenario files (or, with `--tests`, of scenario
tests files), for editors."""

from __future__ import annotations

import argparse
import json
from typing import Any

from game.i18n import _

# The committed copies, which the files' yaml-language-server headers point to.
SCENARIO_SCHEMA = "scenario.schema.json"
TESTS_SCHEMA = "scenario-tests.schema.json"


def scenario_schema() -> dict[str, Any]:
    from game.scenario.models import Scenario

    schema = Scenario.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def tests_schema() -> dict[str, Any]:
    from game.tools.scenario_tests import SuiteFile

    schema = SuiteFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def schema_text(tests: bool = False) -> str:
    schema = tests_schema() if tests else scenario_schema()
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def register(sub: Any, name: str) -> None:
    parser = sub.add_parser(
        name,
        help=_("print the JSON Schema of scenario files (or of tests files)"),
        description=_(
            "Print the JSON Schema generated from the scenario models. Copies are kept "
            "in assets/{scenario} and, for `<id>.tests.yaml` files, assets/{tests}, "
            "for the yaml-language-server header."
        ).format(scenario=SCENARIO_SCHEMA, tests=TESTS_SCHEMA),
    )
    parser.add_argument(
        "--tests",
        action="store_true",
        help=_("the schema of scenario tests files (`<id>.tests.yaml`) instead"),
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    print(schema_text(tests=args.tests), end="")
    return 0
