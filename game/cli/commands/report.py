"""`brink report`: the debrief of a saved game, or a comparison of a class's games."""

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
        help=_("debrief a saved game, or compare a class's games"),
        description=_(
            "Write the debrief of a saved game: the deal beside 2019's, the tariff "
            "and meters over time, scores per objective, turning points, questions for "
            "discussion and the full transcript with the AI's reasons. With --class, one table "
            "of every team's deal, tariff, ending and scores, with the spread across teams."
        ),
    )
    parser.add_argument("saves", metavar="SAVE", nargs="+", help=_("save files or slot names"))
    parser.add_argument(
        "--class",
        dest="compare",
        action="store_true",
        help=_("compare several saves (one per team)"),
    )
    parser.add_argument(
        "--format",
        choices=("md", "html"),
        default=None,
        help=_("md or html (default: from -o's suffix, else md)"),
    )
    parser.add_argument(
        "-o", "--output", metavar="FILE", type=Path, help=_("write to FILE instead of printing")
    )
    parser.add_argument("--save-dir", metavar="DIR", help=_("folder of save slots"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from game.report.compare import Team, compare_html, compare_markdown
    from game.report.debrief import build_debrief
    from game.report.render import to_html, to_markdown
    from game.saves import SaveError, read_save, resolve_save, save_dir

    fmt = args.format or (
        "html" if args.output and args.output.suffix in (".html", ".htm") else "md"
    )
    if len(args.saves) > 1 and not args.compare:
        print(_("brink report: error: several saves need --class"), file=sys.stderr)
        raise CommandFailed(2)
    debriefs = []
    for reference in args.saves:
        try:
            path = resolve_save(reference, save_dir(args.save_dir))
            debriefs.append(
                (
                    Path(path).name.removesuffix(".brink.json"),
                    build_debrief(read_save(path), where=str(path)),
                )
            )
        except SaveError as err:
            # Most messages name the file already; name it once.
            named = reference in str(err) or Path(reference).name in str(err)
            print(f"brink report: {'' if named else f'{reference}: '}{err}", file=sys.stderr)
            raise CommandFailed(1) from None
    if args.compare:
        scenarios = {d.scenario.id for _, d in debriefs}
        if len(scenarios) > 1:
            print(
                _(
                    "brink report: error: a class comparison needs saves of one scenario, "
                    "not {scenarios}"
                ).format(scenarios=", ".join(sorted(scenarios))),
                file=sys.stderr,
            )
            raise CommandFailed(1)
        teams = [Team(name, d) for name, d in debriefs]
        text = compare_html(teams) if fmt == "html" else compare_markdown(teams)
    else:
        debrief = debriefs[0][1]
        text = to_html(debrief) if fmt == "html" else to_markdown(debrief)
    if args.output is None:
        sys.stdout.write(text)
        return 0
    from game.saves import write_atomic

    # write_atomic refuses devices, pipes and missing folders, and gives the file the
    # user's usual permissions: a debrief is meant to be handed out.
    try:
        write_atomic(args.output, text)
    except OSError as err:
        print(
            _("brink report: cannot write {path}: {error}").format(
                path=args.output, error=err.strerror or err
            ),
            file=sys.stderr,
        )
        raise CommandFailed(1) from None
    print(_("wrote {path}").format(path=args.output))
    return 0
