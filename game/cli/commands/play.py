"""`brink play`: start a game in the terminal interface, or resume a save."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from game.cli.common import CommandFailed, load_or_report, seed_number
from game.i18n import _

OPPONENTS = ("ai-easy", "ai-normal", "ai-hard", "human")


def register(sub: Any, name: str) -> None:
    parser = sub.add_parser(
        name,
        help=_("play in the terminal, or resume a save"),
        description=_(
            "Start a game in the terminal interface at your confidential briefing, "
            "or resume a saved game with --load. `brink` alone opens the title screen."
        ),
    )
    parser.add_argument("scenario", metavar="PATH|ID", nargs="?", help=_("scenario id or file"))
    parser.add_argument("--role", choices=("us", "mexico"), help=_("the delegation you lead"))
    parser.add_argument(
        "--opponent",
        choices=OPPONENTS,
        default="ai-normal",
        help=_(
            "the AI at a difficulty, or `human` for a second player on this keyboard "
            "(default: ai-normal)"
        ),
    )
    parser.add_argument(
        "--seed", type=seed_number, default=None, help=_("game seed (default: random)")
    )
    parser.add_argument("--load", metavar="SAVE", help=_("resume a save: a file or a slot name"))
    parser.add_argument("--save-dir", metavar="DIR", type=Path, help=_("folder of save slots"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from game.play.session import Session
    from game.saves import SaveError, resolve_save, save_dir

    folder = args.save_dir
    if args.load:
        if args.scenario or args.role:
            _usage(_("--load resumes a save; do not give a scenario or --role with it"))
        try:
            path = resolve_save(args.load, save_dir(folder))
            session = Session.load(path, folder=folder)
        except SaveError as err:
            print(f"brink play: {err}", file=sys.stderr)
            raise CommandFailed(1) from None
    else:
        if not args.scenario:
            _usage(_("give a scenario (id or path) and --role, or --load SAVE"))
        if not args.role:
            _usage(_("choose your delegation with --role us or --role mexico"))
        ruleset = load_or_report(args.scenario)
        seed = args.seed if args.seed is not None else _fresh_seed()
        session = Session.start(ruleset, args.role, args.opponent, seed, folder=folder)
    if not sys.stdout.isatty() or not sys.stdin.isatty():
        print(_("brink play: the game needs an interactive terminal"), file=sys.stderr)
        raise CommandFailed(1)
    from game.tui.app import run as run_app

    return run_app(session, folder)


def _fresh_seed() -> int:
    import random

    return random.SystemRandom().randrange(1, 100_000)


def _usage(message: str) -> None:
    print(_("brink play: error: {message}").format(message=message), file=sys.stderr)
    raise CommandFailed(2)
