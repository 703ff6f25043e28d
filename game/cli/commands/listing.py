"""`brink scenarios`: the bundled scenarios, with title and period."""

from __future__ import annotations

import argparse
import json
from typing import Any

from game.i18n import _, localise
from game.scenario.diagnostics import ScenarioError
from game.scenario.loader import load_scenario_file
from game.scenario.registry import bundled_scenarios


def register(sub: Any, name: str) -> None:
    parser = sub.add_parser(
        name,
        help=_("list the bundled scenarios"),
        description=_("List the bundled scenarios: id, title and period."),
    )
    parser.add_argument("--json", action="store_true", help=_("print JSON"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    rows: list[dict[str, str]] = []
    for scenario_id, path in bundled_scenarios().items():
        try:
            s = load_scenario_file(path).scenario
            # The reader's language for people; `--json` keeps the scenario's primary text.
            title = s.title if args.json else localise(s.title)
            period = s.period if args.json else localise(s.period)
            rows.append({"id": s.id, "title": title, "period": period, "path": str(path)})
        except ScenarioError:
            rows.append(
                {
                    "id": scenario_id,
                    "title": _("(invalid: run brink validate)"),
                    "period": "",
                    "path": str(path),
                }
            )
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    if not rows:
        print(_("no bundled scenarios found"))
        return 0
    width = max(len(r["id"]) for r in rows)
    title_width = max(len(r["title"]) for r in rows)
    for r in rows:
        print(f"{r['id']:<{width}}  {r['title']:<{title_width}}  {r['period']}")
    return 0
