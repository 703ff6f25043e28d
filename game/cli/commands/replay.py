"""`brink replay SAVE`: print a saved game's transcript, rebuilt from its moves."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from game.cli.common import CommandFailed
from game.i18n import _, localise, ngettext, tx_date


def register(sub: Any, name: str) -> None:
    parser = sub.add_parser(
        name,
        help=_("print a saved game's transcript"),
        description=_(
            "Replay a save (a file, or a slot name in the save folder) and print "
            "every move, reply, event and its cause. The output is deterministic."
        ),
    )
    parser.add_argument("save", metavar="SAVE")
    parser.add_argument("--save-dir", metavar="DIR", help=_("folder of save slots"))
    parser.set_defaults(run=run)


def _cause(event: Any) -> str | None:
    """The cause in the reader's words; None keeps the engine's English, which is the
    transcript's own deterministic form."""
    from game.i18n import current
    from game.report.render import cause_words

    if current() == "en":
        return None
    source = event.cause.source
    sourced = _("; source: {id}").format(id=source) if source else ""
    return cause_words(event.cause) + sourced


def run(args: argparse.Namespace) -> int:
    from game.engine.api import outcome
    from game.report.debrief import build_debrief
    from game.report.escape import one_line
    from game.saves import SaveError, read_save, resolve_save, save_dir

    try:
        path = resolve_save(args.save, save_dir(args.save_dir))
        save = read_save(path)
        debrief = build_debrief(save, where=str(Path(path)))
    except SaveError as err:
        print(f"brink replay: {err}", file=sys.stderr)
        raise CommandFailed(1) from None
    state = debrief.state
    scenario = state.game.scenario
    players = ", ".join(f"{role}: {who}" for role, who in sorted(save.players.items()))
    seed = _("seed {seed}").format(seed=save.seed)
    print(one_line(f"# {localise(scenario.title)} — {seed}; {players}"))
    # Every event in order; under each move, the AI's reasons for it.
    reasons = {step.events[0].seq: step.reasons for step in debrief.steps if step.events}
    for event in state.log:
        print(one_line(event.line(localise(event.text), _cause(event))))
        for reason in reasons.get(event.seq, ()):
            print(one_line("    " + _("why: {reason}").format(reason=localise(reason))))
    result = outcome(state)
    if result.ending is not None:
        ending = _("ending: {id} — {title}").format(
            id=result.ending.id, title=localise(result.ending.title)
        )
        print(one_line(f"# {ending}"))
        for role, score in result.scores.items():
            print(f"# {role}: {score}/100")
    else:
        moves = ngettext("{n} move", "{n} moves", len(state.moves)).format(n=len(state.moves))
        progress = _("in progress: {moves}, {date}").format(
            moves=moves, date=localise(tx_date(state.date))
        )
        print(f"# {progress}")
    return 0
