"""`brink new ID [--dir D]`: scaffold a small, commented, valid scenario and its tests."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from game.cli.common import CommandFailed
from game.i18n import _


def register(sub: Any, name: str) -> None:
    parser = sub.add_parser(
        name,
        help=_("create a new scenario to start from"),
        description=_(
            "Write <ID>.yaml (a small, commented scenario that validates, lints and "
            "passes its tests) and <ID>.tests.yaml into a folder, in the language of "
            "the command (--lang)."
        ),
    )
    parser.add_argument(
        "id",
        metavar="ID",
        help=_("id of the new scenario: lower-case letters, digits, hyphens, underscores"),
    )
    parser.add_argument("--dir", type=Path, default=Path("."), help=_("folder (default: here)"))
    parser.add_argument("--force", action="store_true", help=_("overwrite existing files"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from game.i18n import current
    from game.tools.scaffold import ScaffoldError, scaffold

    try:
        # The scaffold is written in the author's language: `brink --lang es new` gives a
        # `language: es` scenario with Spanish prose and comments.
        paths = scaffold(args.id, args.dir, args.force, lang=current())
    except ScaffoldError as err:
        print(f"brink new: {err}", file=sys.stderr)
        raise CommandFailed(1) from None
    except OSError as err:
        print(
            _("brink new: cannot write in {dir}: {error}").format(
                dir=args.dir, error=err.strerror or err
            ),
            file=sys.stderr,
        )
        raise CommandFailed(1) from None
    for path in paths:
        print(_("created {path}").format(path=path))
    first = paths[0]
    print(_("next:") + f" brink validate {first} && brink lint {first} && brink test {first}")
    return 0
