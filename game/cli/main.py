"""`brink`: the command line. Thin: parse arguments, call the layers below, print.

Exit status: 0 success, 1 a scenario or save is invalid, 2 the command was misused,
130 interrupted. Nothing a user does shows a Python traceback.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from game import __version__
from game.cli.common import CommandFailed, error_line
from game.cli.language import add_lang_option, apply_language
from game.cli.messages import CleanMessages
from game.i18n import N_, _

# Subcommand name -> module in game.cli.commands; each has `register(sub)` and `run(args)`.
COMMANDS = {
    "play": "play",
    "scenarios": "listing",
    "validate": "validate",
    "schema": "schema",
    "simulate": "simulate",
    "tournament": "tournament",
    "replay": "replay",
    "report": "report",
    "serve": "serve",
    "join": "join",
    "class": "classroom",
    "graph": "graph",
    "test": "test",
    "lint": "lint",
    "new": "new",
}

EXAMPLES = N_("""\
examples:
  brink                                     the game: title screen
  brink play roosevelt-room-2019 --role mexico --seed 3
  brink scenarios                           list bundled scenarios
  brink validate roosevelt-room-2019        check a scenario (id or path)
  brink lint caravan-2018                   find unreachable or unused parts
  brink simulate review-2019 --runs 500 --seed 7
  brink tournament roosevelt-room-2019 --runs 100 --seed 1
  brink replay saves/historical-2019.brink.json
  brink new my-talks --dir scenarios        start a new scenario
  brink class start roosevelt-room-2019 --tables 6 --ai mexico
  brink --lang es                           the game in Spanish (also BRINK_LANG=es)
""")


class UsageError(Exception):
    """The command line itself is wrong (exit status 2)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def _formatter(prog: str) -> argparse.HelpFormatter:
    # Room for the longest command name, so help text never wraps under it at 80 columns.
    formatter = argparse.RawDescriptionHelpFormatter(prog, max_help_position=28)
    formatter._action_max_length = 16  # "    scenarios" plus a gap
    return formatter


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="brink",
        description=_("Brinkmanship: negotiate the 2019 US–Mexico migration and tariff crisis."),
        epilog=_(EXAMPLES),
        formatter_class=_formatter,
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"brinkmanship {__version__}",
        help=_("show program's version number and exit"),
    )
    sub = parser.add_subparsers(
        dest="command", metavar=_("COMMAND"), title=_("commands"), parser_class=_Parser
    )
    for name, module in COMMANDS.items():
        importlib.import_module(f"game.cli.commands.{module}").register(sub, name)
    add_lang_option(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    # The language first: help, errors and the game itself are all in it.
    arguments = apply_language(arguments)
    if not arguments:
        return _title_screen()
    stderr = sys.stderr
    sys.stderr = CleanMessages(stderr)
    try:
        return _run(arguments)
    finally:
        sys.stderr.flush()
        sys.stderr = stderr


def _run(arguments: list[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(arguments)
    if args.command is None:
        parser.print_help()
        return 0
    try:
        return int(args.run(args))
    except KeyboardInterrupt:
        print(_("interrupted"), file=sys.stderr)
        return 130
    except CommandFailed as failed:
        return failed.status
    except UsageError as err:
        print(error_line(args.command, err), file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except OSError as err:  # the file system said no (a name too long, a full disk, …)
        where = f"{err.filename}: " if err.filename else ""
        print(error_line(args.command, f"{where}{err.strerror or err}"), file=sys.stderr)
        return 1
    except Exception as err:  # a bug; say so plainly instead of a traceback
        from game.ai.historical import NoHistory  # here: keeps the title screen's start fast

        if isinstance(err, NoHistory):  # an agent chosen for a scenario it cannot play
            print(error_line(args.command, err), file=sys.stderr)
            return 2
        if os.environ.get("BRINK_DEBUG"):
            raise
        print(
            _(
                "brink {command}: internal error: {kind}: {error}\n"
                "This is a bug in Brinkmanship; please report it with the command you ran."
            ).format(command=args.command, kind=type(err).__name__, error=err),
            file=sys.stderr,
        )
        return 70


def _title_screen() -> int:
    """`brink` alone: the game's title screen. Only Textual and the title screen are
    imported before it paints; the engine loads when a game starts."""
    served = "TEXTUAL_DRIVER" in os.environ  # run by `brink serve` for a browser
    if not served and (not sys.stdout.isatty() or not sys.stdin.isatty()):
        print(
            _("brink: the game needs an interactive terminal; `brink --help` lists the commands"),
            file=sys.stderr,
        )
        return 1
    from game.tui.app import run

    return run()


if __name__ == "__main__":
    raise SystemExit(main())
