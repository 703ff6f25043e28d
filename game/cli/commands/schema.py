"""`brink schema`: the JSON Schema of scenario files, for editors."""

from __future__ import annotations

import argparse
import json
from typing import Any


def scenario_schema() -> dict[str, Any]:
    from game.scenario.models import Scenario

    schema = Scenario.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def schema_text() -> str:
    return json.dumps(scenario_schema(), indent=2, ensure_ascii=False) + "\n"


def register(sub: Any, name: str) -> None:
    parser = sub.add_parser(
        name,
        help="print the JSON Schema of scenario files",
        description="Print the JSON Schema generated from the scenario models. A copy is kept "
        "in assets/scenario.schema.json for the yaml-language-server header.",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    print(schema_text(), end="")
    return 0
