"""`brink class`: run a classroom. Each subcommand lives in its own module named
`class_<subcommand>.py` in this package (start, collect, console, ...), found here, so
that adding one never edits another's file."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
from typing import Any

import game.cli.commands as commands
from game.i18n import _

PREFIX = "class_"


def subcommands() -> list[str]:
    return sorted(
        info.name.removeprefix(PREFIX)
        for info in pkgutil.iter_modules(commands.__path__)
        if info.name.startswith(PREFIX)
    )


def register(sub: Any, name: str) -> None:
    parser = sub.add_parser(
        name,
        help=_("run a classroom: tables of students, an instructor's console"),
        description=_(
            "Run a class session: `start` a room with one table per pair of "
            "teams, hand out the codes, watch and steer it from the console, `collect` "
            "every table's game at the end."
        ),
    )
    group = parser.add_subparsers(
        dest="class_command", metavar="SUBCOMMAND", parser_class=type(parser)
    )
    for command in subcommands():
        importlib.import_module(f"{commands.__name__}.{PREFIX}{command}").register(group, command)
    parser.set_defaults(run=lambda args: _no_subcommand(parser, args))


def _no_subcommand(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    parser.print_help()
    return 2
