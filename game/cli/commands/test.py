"""`brink test PATH|ID`: run a scenario's scripted tests (`<id>.tests.yaml`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from game.cli.common import CommandFailed, load_or_report, report_scenario_error
from game.i18n import _, ngettext


def register(sub: Any, name: str) -> None:
    parser = sub.add_parser(
        name,
        help=_("run a scenario's scripted tests"),
        description=_(
            "Play the scripted move sequences of `<id>.tests.yaml` (beside the "
            "scenario, or --file) and check their expected endings, meters and rules."
        ),
    )
    parser.add_argument("scenario", metavar="PATH|ID", help=_("scenario id or file"))
    parser.add_argument("--file", type=Path, help=_("tests file (default: beside the scenario)"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from game.scenario.diagnostics import ScenarioError
    from game.tools.scenario_tests import run_suite, suite_path

    ruleset = load_or_report(args.scenario)
    path = args.file or suite_path(ruleset)
    if not path.is_file():
        print(_("brink test: no tests file {path}").format(path=path), file=sys.stderr)
        raise CommandFailed(1)
    try:
        results = run_suite(ruleset, path)
    except ScenarioError as err:
        report_scenario_error(err)
        raise CommandFailed(1) from None
    for result in results:
        status = _("PASS") if result.passed else _("FAIL")  # outside the f-string: extracted
        print(f"{status}  {result.name}")
        for failure in result.failures:
            print(f"      {failure}")
    failed = sum(not r.passed for r in results)
    passed = len(results) - failed
    # Each count agrees with its own word: «1 aprobada, 2 fallidas».
    print(
        ngettext("{n} passed", "{n} passed", passed).format(n=passed)
        + ", "
        + ngettext("{n} failed", "{n} failed", failed).format(n=failed)
    )
    return 1 if failed else 0
