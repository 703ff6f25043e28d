"""`brink class revoke`: withdraw a seat's code that went round the class; the seat gets
a new code (printed), and whoever used the old one is disconnected."""

from __future__ import annotations

import argparse
import asyncio
import sys
from typing import Any

from game.cli.common import CommandFailed
from game.i18n import _


def register(sub: Any, name: str) -> None:
    parser = sub.add_parser(
        name,
        help=_("withdraw a seat's code and print its new one (instructor's code)"),
        description=_(
            "Withdraw a seat's code: everyone connected with it is disconnected, "
            "and the seat gets a new code, printed here, to hand to its team."
        ),
    )
    parser.add_argument("url", metavar="URL", help=_("the address `class start` printed"))
    parser.add_argument("code", metavar="CODE", help=_("the instructor's code"))
    parser.add_argument("seat_code", metavar="SEAT_CODE", help=_("the code to withdraw"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from game.net.client import ClassClientError

    try:
        table, role, code = asyncio.run(revoke(args.url, args.code, args.seat_code))
    except ClassClientError as err:
        print(f"brink class revoke: {err}", file=sys.stderr)
        raise CommandFailed(1) from None
    print(
        _("table {table} {role}: new code {code} (the old one no longer opens the seat)").format(
            table=table, role=role, code=code
        )
    )
    return 0


async def revoke(url: str, code: str, seat_code: str) -> tuple[int, str, str]:
    from game.net.client import instructor_desk

    async with instructor_desk(url, code, "withdrawing a code") as desk:
        answer = await desk.revoke(seat_code)
    return answer.table, answer.role, answer.code
