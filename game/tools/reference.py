"""Generated reference sections of docs/authoring.md: every field of the scenario format
(from the pydantic models' descriptions) and every built-in expression name.

    python -m game.tools.reference docs/authoring.md   # rewrite the generated sections
A test fails when the committed document and the models disagree.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any, get_args, get_origin

from pydantic import BaseModel

from game.scenario import models

FIELDS_START, FIELDS_END = "<!-- fields:start -->", "<!-- fields:end -->"
NAMES_START, NAMES_END = "<!-- names:start -->", "<!-- names:end -->"
ORDER = [
    models.Scenario,
    models.Source,
    models.Role,
    models.Person,
    models.Objective,
    models.KeyFigure,
    models.Meter,
    models.Issue,
    models.Option,
    models.Phase,
    models.Transition,
    models.TariffLadder,
    models.TariffStep,
    models.Rule,
    models.ScenarioEvent,
    models.Action,
    models.Effect,
    models.News,
    models.Schedule,
    models.Ending,
]


def _type_name(annotation: Any) -> str:
    origin = get_origin(annotation)
    if origin is Annotated:
        return _type_name(get_args(annotation)[0])
    args = [a for a in get_args(annotation) if a is not type(None)]
    if origin is None:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return annotation.__name__
        return getattr(annotation, "__name__", str(annotation)).replace("NoneType", "null")
    if str(origin).endswith("Literal"):
        return " \\| ".join(f"`{a}`" for a in get_args(annotation))
    if origin is list:
        return f"list of {_type_name(args[0])}"
    if origin is dict:
        return f"map of {_type_name(args[0])} → {_type_name(args[1])}"
    return " or ".join(_type_name(a) for a in args)


def field_reference() -> str:
    out = []
    for model in ORDER:
        doc = (model.__doc__ or "").strip().splitlines()[0] if model.__doc__ else ""
        out.append(f"### {model.__name__}\n")
        if doc and not doc.startswith("Base"):
            out.append(f"{doc}\n")
        out.append("| field | type | required | description |\n|---|---|---|---|")
        for name, info in model.model_fields.items():
            required = "yes" if info.is_required() else "no"
            description = (info.description or "").replace("|", "\\|")
            out.append(f"| `{name}` | {_type_name(info.annotation)} | {required} | {description} |")
        out.append("")
    return "\n".join(out)


def names_reference() -> str:
    from game.rules.namespace import build_namespace

    probe = models.Scenario.model_construct(meters={}, flags={}, phases=[], actions=[], issues=[])
    namespace = build_namespace(probe)
    rows = ["| name | type | meaning |", "|---|---|---|"]
    for name, symbol in namespace.symbols.items():
        rows.append(f"| `{name}` | {symbol.type} | {symbol.description} |")
    rows += [
        "| `<meter>` | number | every declared meter, by its name |",
        "| `<flag>` | boolean | every declared flag, by its name |",
        "| `offer_<issue>` | string | option of the offer on the table ('' if none) |",
        "| `offer_<issue>_level` | number | `level` of that option |",
        "| `deal_<issue>` | string | option agreed ('' without a deal) |",
        "| `deal_<issue>_level` | number | `level` of the agreed option |",
    ]
    return "\n".join(rows) + "\n"


def _splice(text: str, start: str, end: str, body: str) -> str:
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    return f"{head}{start}\n{body}{end}{tail}"


def regenerate(text: str) -> str:
    text = _splice(text, FIELDS_START, FIELDS_END, field_reference())
    return _splice(text, NAMES_START, NAMES_END, names_reference())


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/authoring.md")
    target.write_text(regenerate(target.read_text(encoding="utf-8")), encoding="utf-8")
