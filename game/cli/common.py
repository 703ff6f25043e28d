"""Helpers shared by the subcommands: loading scenarios and saves with friendly errors."""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from game.i18n import _, localise, ngettext
from game.scenario.diagnostics import ScenarioError

if TYPE_CHECKING:
    # The rule compiler (pydantic, the models) loads with the first scenario: `brink`
    # alone, the title screen, needs none of it.
    from game.rules.ruleset import Ruleset

Command = Callable[[argparse.Namespace], int]


class CommandFailed(Exception):
    """Already reported to the user; exit with this status."""

    def __init__(self, status: int = 1) -> None:
        super().__init__(status)
        self.status = status


def report_scenario_error(err: ScenarioError, stream: TextIO | None = None) -> None:
    stream = stream or sys.stderr
    print(err.render(), file=stream)
    print(count_summary(len(err.errors), len(err.diagnostics) - len(err.errors)), file=stream)


def error_line(command: str, error: object) -> str:
    """`brink COMMAND: error: …`, in the reader's language."""
    return _("brink {command}: error: {error}").format(command=command, error=localise(error))


def count_summary(errors: int, warnings: int) -> str:
    """`2 errors, 1 warning`, in the reader's language."""
    summary = ngettext("{n} error", "{n} errors", errors).format(n=errors)
    if warnings:
        summary += ", " + ngettext("{n} warning", "{n} warnings", warnings).format(n=warnings)
    return summary


def exit_status(err: ScenarioError) -> int:
    """2 when the reference itself is wrong (usage), 1 when the scenario is invalid."""
    from game.scenario.registry import ScenarioNotFound

    return 2 if isinstance(err, ScenarioNotFound) else 1


def load_playable(reference: str | Path) -> Ruleset:
    """Load a scenario and check that its opening can be played (BRK405): what validate
    accepts, simulate can play."""
    from game.rules.ruleset import load_ruleset
    from game.sim.runner import opening_problem

    ruleset = load_ruleset(reference)
    problem = opening_problem(ruleset)
    if problem is not None:
        raise ScenarioError([problem], ruleset.file.source.text)
    return ruleset


def load_or_report(reference: str | Path) -> Ruleset:
    """Load a scenario; on problems print every diagnostic and raise CommandFailed."""
    try:
        return load_playable(reference)
    except ScenarioError as err:
        report_scenario_error(err)
        raise CommandFailed(exit_status(err)) from None


def seed_number(text: str) -> int:
    """argparse type of `--seed`: a whole number of at most 19 digits, as saves hold."""
    from game.saves.format import SEED_LIMIT

    digits = text.strip().removeprefix("-")
    if not digits.isdigit() or len(digits) > 19 or abs(int(text)) > SEED_LIMIT:
        raise argparse.ArgumentTypeError(
            _("`{text}` is not a seed: give a whole number between -{limit} and {limit}").format(
                text=_shortened(text), limit=SEED_LIMIT
            )
        )
    return int(text)


def _shortened(text: str) -> str:
    """At most 24 characters of what the user typed, for a message quoting it."""
    return text[:24] + ("…" if len(text) > 24 else "")


def count(low: int, high: int) -> Callable[[str], int]:
    """argparse type of a count (`--runs`, `--games`) between `low` and `high`: a count
    beyond any sensible use is a typo, and would otherwise just keep the machine busy."""

    def parse(text: str) -> int:
        digits = text.strip().removeprefix("-")
        if not digits.isdigit() or len(digits) > 12:
            raise argparse.ArgumentTypeError(
                _("`{text}` is not a whole number").format(text=_shortened(text))
            )
        value = int(text)
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(
                _("{value} is out of range ({low} to {high})").format(
                    value=value, low=low, high=f"{high:,}"
                )
            )
        return value

    return parse


def stuck_games_reported(command: str) -> Callable[[Command], Command]:
    """Decorate a command that plays games: a game the scenario leaves stuck (GameStalled)
    is the scenario's fault, reported in one line with exit status 1."""

    def decorate(run: Command) -> Command:
        @functools.wraps(run)
        def guarded(args: argparse.Namespace) -> int:
            from game.sim.runner import GameStalled

            try:
                return run(args)
            except GameStalled as err:
                print(error_line(command, err), file=sys.stderr)
                raise CommandFailed(1) from None

        return guarded

    return decorate
