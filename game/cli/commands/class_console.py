"""`brink class console URL CODE`: the instructor's live console of a classroom."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from game.cli.commands.join import check_classroom
from game.cli.common import CommandFailed
from game.i18n import _


def register(sub: Any, name: str) -> None:
    parser = sub.add_parser(
        name,
        help=_("the instructor's live console (instructor's code)"),
        description=_(
            "Watch every table live; pause or resume a table or all, move the "
            "tariff deadline, fire the scenario's injects, open a table read-only with both "
            "delegations' views, and collect every game (C) into a folder."
        ),
    )
    parser.add_argument("url", metavar="URL", help=_("the address `class start` printed"))
    parser.add_argument("code", metavar="CODE", help=_("the instructor's code"))
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        default=Path("class-games"),
        metavar="DIR",
        help=_("where C collects the games (class-games)"),
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    check_classroom(args.url, "class console")
    from game.tui.console import run as run_console

    status = run_console(args.url, args.code, args.output)
    if status:
        raise CommandFailed(status)
    return 0
