"""`brink class collect`: every table of a running classroom as an ordinary save."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path
from typing import Any

from game.cli.common import CommandFailed
from game.i18n import _, ngettext


def register(sub: Any, name: str) -> None:
    parser = sub.add_parser(
        name,
        help=_("save every table's game (instructor's code)"),
        description=_(
            "Download every table of a running classroom as a .brink.json save, "
            "for `brink replay`, `brink report` and `brink report --class`."
        ),
    )
    parser.add_argument("url", metavar="URL", help=_("the address `class start` printed"))
    parser.add_argument("code", metavar="CODE", help=_("the instructor's code"))
    parser.add_argument(
        "-o", "--output", type=Path, default=Path("."), metavar="DIR", help=_("folder (here)")
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from game.net.client import ClassClientError
    from game.net.collect import collect

    try:
        written = asyncio.run(collect(args.url, args.code, args.output))
    except ClassClientError as err:
        print(f"brink class collect: {err}", file=sys.stderr)
        raise CommandFailed(1) from None
    except OSError as err:
        print(
            _("brink class collect: cannot write to {path}: {error}").format(
                path=args.output, error=err.strerror or err
            ),
            file=sys.stderr,
        )
        raise CommandFailed(1) from None
    for path in written:
        print(path)
    saved = ngettext("{n} game saved", "{n} games saved", len(written)).format(n=len(written))
    print(f"{saved}; `brink report --class {args.output}/*.brink.json`")
    return 0
