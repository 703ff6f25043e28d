"""`brink class collect`: every table of a running classroom as an ordinary save."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path
from typing import Any

from game.cli.common import CommandFailed


def register(sub: Any, name: str) -> None:
    parser = sub.add_parser(
        name,
        help="save every table's game (instructor's code)",
        description="Download every table of a running classroom as a .brink.json save, "
        "for `brink replay`, `brink report` and `brink report --class`.",
    )
    parser.add_argument("url", metavar="URL", help="the address `class start` printed")
    parser.add_argument("code", metavar="CODE", help="the instructor's code")
    parser.add_argument(
        "-o", "--output", type=Path, default=Path("."), metavar="DIR", help="folder (here)"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from game.net.client import ClassClientError

    try:
        written = asyncio.run(collect(args.url, args.code, args.output))
    except ClassClientError as err:
        print(f"brink class collect: {err}", file=sys.stderr)
        raise CommandFailed(1) from None
    except OSError as err:
        print(
            f"brink class collect: cannot write to {args.output}: {err.strerror or err}",
            file=sys.stderr,
        )
        raise CommandFailed(1) from None
    for path in written:
        print(path)
    print(f"{len(written)} games saved; `brink report --class {args.output}/*.brink.json`")
    return 0


async def collect(url: str, code: str, folder: Path) -> list[Path]:
    """Write every table's save into `folder`; return the files written."""
    from game.net.client import instructor_desk
    from game.saves import write_atomic

    async with instructor_desk(url, code, "collecting the games") as desk:
        saves = await desk.collect()
    written = []
    folder.mkdir(parents=True, exist_ok=True)  # write_atomic makes no folders by itself
    for name, text in sorted(saves.files.items()):
        path = folder / Path(name).name  # a name, never a path the server chose
        write_atomic(path, text)
        written.append(path)
    return written
