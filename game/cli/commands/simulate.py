"""`brink simulate`: play many games with agents and count the endings."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from game.ai import AGENTS
from game.cli.common import (
    CommandFailed,
    count,
    load_or_report,
    seed_number,
    stuck_games_reported,
)
from game.i18n import _, localise, ngettext
from game.scenario.models import RoleId


def register(sub: Any, name: str) -> None:
    parser = sub.add_parser(
        name,
        help=_("play many games with agents and count the endings"),
        description=_(
            "Play games with an agent in each chair and report how often each ending "
            "was reached and the mean final meters. Same arguments, same output."
        ),
    )
    parser.add_argument("scenario", metavar="PATH|ID", help=_("scenario id or file"))
    parser.add_argument(
        "--runs", type=count(1, 1_000_000), default=100, help=_("games to play (100)")
    )
    parser.add_argument("--seed", type=seed_number, default=0, help=_("batch seed (0)"))
    parser.add_argument("--us", default="random", choices=sorted(AGENTS), help=_("US agent"))
    parser.add_argument(
        "--mexico", default="random", choices=sorted(AGENTS), help=_("Mexico agent")
    )
    parser.add_argument(
        "--jobs",
        type=count(1, 256),
        default=1,
        help=_("worker processes (results do not depend on it)"),
    )
    parser.add_argument("--json", action="store_true", help=_("print JSON"))
    parser.add_argument(
        "--save", metavar="FILE", type=Path, help=_("with --runs 1: write that game's save to FILE")
    )
    parser.set_defaults(run=run)


@stuck_games_reported("simulate")
def run(args: argparse.Namespace) -> int:
    from game.sim.parallel import simulate

    if args.save is not None and args.runs != 1:
        print(_("brink simulate: error: --save needs --runs 1"), file=sys.stderr)
        raise CommandFailed(2)
    ruleset = load_or_report(args.scenario)
    agents: dict[RoleId, str] = {"us": args.us, "mexico": args.mexico}
    if args.save is not None:
        return _save_one(ruleset, args.seed, agents, args.save)
    show_progress = not args.json and sys.stderr.isatty() and args.runs >= 500
    report = simulate(
        ruleset, args.runs, args.seed, agents, args.jobs, _progress if show_progress else None
    )
    if show_progress:
        print(file=sys.stderr)
    if args.json:
        print(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
        return 0
    _print_text(report, ruleset)
    return 0


def _progress(done: int, total: int) -> None:
    width = 30
    filled = width * done // total
    print(
        f"\r[{'#' * filled}{'.' * (width - filled)}] "
        + ngettext("{done}/{total} game", "{done}/{total} games", total).format(
            done=done, total=total
        ),
        end="",
        file=sys.stderr,
        flush=True,
    )


def _save_one(ruleset: Any, seed: int, agents: dict[RoleId, str], path: Path) -> int:
    from game.saves import SaveError, capture, write_save
    from game.sim.runner import game_seed, play_game

    state = play_game(ruleset, game_seed(seed, 0), agents)
    try:
        write_save(capture(state, agents, {"label": f"simulated game, batch seed {seed}"}), path)
    except SaveError as err:
        print(f"brink simulate: {err}", file=sys.stderr)
        return 1
    print(
        _("saved to {path}: ending {ending} after {moves}").format(
            path=path,
            ending=state.ending,
            moves=ngettext("{n} move", "{n} moves", len(state.moves)).format(n=len(state.moves)),
        )
    )
    return 0


def _print_text(report: Any, ruleset: Any) -> None:
    from game.sim.stats import wilson_interval

    scenario = ruleset.scenario
    print(
        _("{title}: {runs}, seed {seed}, US {us} vs Mexico {mexico}").format(
            title=localise(scenario.title),
            runs=ngettext("{n} game", "{n} games", report.runs).format(n=report.runs),
            seed=report.seed,
            us=report.agents["us"],
            mexico=report.agents["mexico"],
        )
    )
    # Words looked up outside the f-strings, where Babel can find them.
    ci, final, mean, median = _("95% CI"), _("Final meters"), _("mean"), _("median")
    print("\n" + _("Endings"))
    for ending in scenario.endings:
        count = report.endings[ending.id]
        low, high = wilson_interval(count, report.runs)
        print(
            f"  {ending.id:<28} {count:>6}  {100 * count / report.runs:5.1f}%  "
            f"({ci} {100 * low:4.1f}–{100 * high:4.1f}%)"
        )
    print(f"\n{final:<42} {mean:>10} {'p10':>10} {median:>10} {'p90':>10}")
    for name, meter in scenario.meters.items():
        _low, p10, median, p90, _high = report.meter_spread[name]
        print(
            f"  {localise(meter.label):<40} {report.mean_meters[name]:>10,.0f} {p10:>10,.0f} "
            f"{median:>10,.0f} {p90:>10,.0f}"
        )
    print("\n" + _("Rules and events fired (share of games)"))
    for rule_id, count in report.rules_fired.items():
        print(f"  {rule_id:<40} {count:>6}  {100 * count / report.runs:5.1f}%")
    print(
        "\n"
        + _("Success rate: US {us}%, Mexico {mexico}%").format(
            us=f"{100 * report.success_rate['us']:.1f}",
            mexico=f"{100 * report.success_rate['mexico']:.1f}",
        )
    )
    print(_threats_line(scenario, report))


def _threats_line(scenario: Any, report: Any) -> str:
    """How often each of the scenario's threats was carried out, named as the scenario
    names them (`Border closure imposed in 40.0% of games`), then the mean moves."""
    parts = []
    if scenario.tariff_ladder is not None:
        rate = f"{100 * report.tariff_imposed_rate:.1f}"
        parts.append(_("Tariff imposed in {rate}% of games").format(rate=rate))
    for deadline in scenario.deadlines:
        rate = report.deadline_imposed_rate.get(deadline.id, 0.0)
        parts.append(
            _("{threat} imposed in {rate}% of games").format(
                threat=localise(deadline.label), rate=f"{100 * rate:.1f}"
            )
        )
    parts.append(_("mean moves {n}").format(n=f"{report.mean_moves:.1f}"))
    line = "; ".join(parts)
    return line[0].upper() + line[1:]
