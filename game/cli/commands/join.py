"""`brink join URL [CODE]`: play your team's seat of a classroom table, with the same
screens and keys as a local game. Without CODE the game asks for it (this is also what
a browser seat runs)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from game.cli.common import CommandFailed
from game.i18n import _


def register(sub: Any, name: str) -> None:
    parser = sub.add_parser(
        name,
        help=_("join a classroom seat with its code"),
        description=_(
            "Join your seat at a classroom table: URL is the address `brink class "
            "start` printed (http://HOST:PORT), CODE the code your instructor gave your team. "
            "Several people may join one seat with the same code; all see the same table."
        ),
    )
    parser.add_argument("url", metavar="URL", help=_("the classroom's address, http://HOST:PORT"))
    parser.add_argument(
        "code", metavar="CODE", nargs="?", help=_("your seat's code (asked if left out)")
    )
    parser.set_defaults(run=run)


def check_classroom(url: str, command: str) -> None:
    """A usage error (exit 2) unless `url` is a classroom address such as http://HOST:PORT."""
    from game.net.client import ClassClientError, websocket_url

    try:
        websocket_url(url)
    except ClassClientError as err:
        print(f"brink {command}: error: {err}", file=sys.stderr)
        raise CommandFailed(2) from None


def run(args: argparse.Namespace) -> int:
    check_classroom(args.url, "join")
    from game.tui.app import BrinkApp

    BrinkApp(classroom=args.url, code=args.code).run()
    return 0
