"""`brink graph PATH|ID`: the phase machine and tariff ladder as a diagram."""

from __future__ import annotations

import argparse
from typing import Any

from game.cli.common import load_or_report
from game.i18n import _


def register(sub: Any, name: str) -> None:
    parser = sub.add_parser(
        name,
        help=_("draw the phase machine (Mermaid or dot)"),
        description=_(
            "Print the scenario's phase machine and tariff ladder as a Mermaid state "
            "diagram (pastes into Markdown) or as Graphviz dot."
        ),
    )
    parser.add_argument("scenario", metavar="PATH|ID", help=_("scenario id or file"))
    parser.add_argument(
        "--format",
        choices=("mermaid", "dot"),
        default="mermaid",
        help=_("mermaid (pastes into Markdown) or dot (Graphviz); default mermaid"),
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from game.tools.graph import dot, mermaid

    scenario = load_or_report(args.scenario).scenario
    print(mermaid(scenario) if args.format == "mermaid" else dot(scenario), end="")
    return 0
