"""`brink lint PATH|ID`: unreachable phases and endings, unused declarations, conditions
that never change, rules that never fire, and the share of invented mechanics."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from game.cli.common import count, load_or_report, seed_number
from game.i18n import _, ngettext


def register(sub: Any, name: str) -> None:
    parser = sub.add_parser(
        name,
        help=_("find unreachable, unused or never-firing parts"),
        description=_(
            "Check a valid scenario for problems validation cannot see, using the "
            "phase graph and seeded random games. Exit 1 when there are errors."
        ),
    )
    parser.add_argument("scenario", metavar="PATH|ID", help=_("scenario id or file"))
    parser.add_argument(
        "--games", type=count(0, 100_000), default=200, help=_("random games to play (200)")
    )
    parser.add_argument(
        "--seed", type=seed_number, default=0, help=_("seed of the random games (0)")
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help=_("json: the findings as one object, for editors and continuous integration"),
    )
    parser.add_argument(
        "--verbose",
        action="store_true",
        help=_("list every text a language lacks, not only the first few"),
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from game.tools.lint import coverage_lines, lint

    ruleset = load_or_report(args.scenario)
    report = lint(ruleset, max(0, args.games), args.seed)
    if args.format == "json":
        print(
            json.dumps(
                {
                    "diagnostics": [d.as_dict() for d in report.diagnostics],
                    "games": report.games,
                    "designer_share": round(report.designer_share, 4),
                    "coverage": {
                        c.lang: {
                            "texts": c.total,
                            "written": c.written,
                            "missing": [t.name for t in c.missing],
                        }
                        for c in report.coverage
                    },
                },
                indent=2,
                ensure_ascii=False,
            )
        )
    else:
        for diagnostic in report.diagnostics:
            print(diagnostic.render(ruleset.file.source.text), file=sys.stderr)
        errors = len(report.errors)
        warnings = len(report.diagnostics) - errors
        counts = ngettext("{n} error", "{n} errors", errors).format(n=errors)
        counts += ", " + ngettext("{n} warning", "{n} warnings", warnings).format(n=warnings)
        games = ngettext("{n} random game", "{n} random games", report.games).format(n=report.games)
        designer = ngettext(
            "{designer} of {total} rules and endings is a designer invention",
            "{designer} of {total} rules and endings are designer inventions",
            report.designer,
        ).format(designer=report.designer, total=report.designer + report.sourced)
        share = f"{100 * report.designer_share:.0f}%"
        print(f"{ruleset.file.path}: {counts} ({games}); {designer} ({share})")
        for line in coverage_lines(report, ruleset, verbose=args.verbose):
            print(line)
    return 1 if report.errors else 0
