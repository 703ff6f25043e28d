"""`brink validate PATH|ID …`: check scenario files and report every problem, positioned."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from game.cli.common import exit_status, load_playable
from game.i18n import _, localise, ngettext
from game.scenario.diagnostics import ScenarioError


def register(sub: Any, name: str) -> None:
    parser = sub.add_parser(
        name,
        help=_("check scenario files (ids or paths)"),
        description=_(
            "Check scenario files: YAML, fields, references and expressions. Every "
            "problem is reported as file:line:col: CODE message, with a hint where one exists."
        ),
    )
    parser.add_argument("scenarios", nargs="+", metavar="PATH|ID", help=_("scenario ids or files"))
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help=_("json: one object per diagnostic, for editors and CI"),
    )
    parser.add_argument(
        "--watch",
        action="store_true",
        help=_("re-validate whenever a file changes (Ctrl+C to stop)"),
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.watch:
        return watch(args, Watcher(args.scenarios))
    return check_all(args)


def check_all(args: argparse.Namespace) -> int:
    status = 0
    collected: list[dict[str, object]] = []
    for reference in args.scenarios:
        try:
            ruleset = load_playable(reference)
        except ScenarioError as err:
            status = max(status, exit_status(err))
            if args.format == "json":
                collected.extend(d.as_dict() for d in err.diagnostics)
            else:
                print(err.render(), file=sys.stderr)
                count = len(err.errors)
                errors = ngettext("{n} error", "{n} errors", count).format(n=count)
                print(f"{reference}: {errors}", file=sys.stderr)
            continue
        if args.format == "text":
            s = ruleset.scenario
            # One plural per count: «1 tema, 19 reglas», never «1 temas».
            issues, rules, events, endings = (
                len(s.issues),
                len(s.rules),
                len(s.events),
                len(s.endings),
            )
            counts = ", ".join(
                (
                    ngettext("{n} issue", "{n} issues", issues).format(n=issues),
                    ngettext("{n} rule", "{n} rules", rules).format(n=rules),
                    ngettext("{n} event", "{n} events", events).format(n=events),
                    ngettext("{n} ending", "{n} endings", endings).format(n=endings),
                )
            )
            print(f"{ruleset.file.path}: ok — {localise(s.title)}: {counts}")
    if args.format == "json":
        print(json.dumps(collected, indent=2, ensure_ascii=False))
    return status


class Watcher:
    """Notices changes to the files behind the given references (by mtime and size)."""

    def __init__(self, references: list[str]) -> None:
        self.references = references
        self.seen = self.stamp()

    def stamp(self) -> dict[str, tuple[float, int] | None]:
        from game.scenario.registry import resolve

        stamps: dict[str, tuple[float, int] | None] = {}
        for reference in self.references:
            try:
                info = resolve(reference).stat()
                stamps[reference] = (info.st_mtime, info.st_size)
            except (ScenarioError, OSError):
                stamps[reference] = None
        return stamps

    def changed(self) -> bool:
        now = self.stamp()
        if now != self.seen:
            self.seen = now
            return True
        return False


def watch(
    args: argparse.Namespace,
    watcher: Watcher,
    wait: Any = None,
    rounds: int | None = None,
) -> int:
    """Validate now, then again after every change; `wait` and `rounds` are for tests."""
    import time

    wait = wait or (lambda: time.sleep(0.5))
    status = check_all(args)
    print(_("watching for changes (Ctrl+C to stop)…"), file=sys.stderr, flush=True)
    done = 0
    try:
        while rounds is None or done < rounds:
            wait()
            done += 1
            if watcher.changed():
                print("\n" + _("— change detected, validating again —"), file=sys.stderr)
                status = check_all(args)
                sys.stdout.flush()
    except KeyboardInterrupt:
        pass
    return status
