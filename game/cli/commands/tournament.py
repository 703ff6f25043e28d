"""`brink tournament`: every agent against every agent, in both chairs."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from game.ai import AGENTS
from game.cli.commands.simulate import _progress
from game.cli.common import (
    count,
    load_or_report,
    seed_number,
    stuck_games_reported,
)
from game.i18n import _, localise, ngettext


def register(sub: Any, name: str) -> None:
    parser = sub.add_parser(
        name,
        help=_("play every pair of agents and compare them"),
        description=_(
            "Play every agent against every agent, for both roles, on the same "
            "game seeds. Reports per pairing the agreement rate, each side's mean utility, "
            "rounds, how often the tariff was imposed, and how far agreements fall from the "
            "Pareto frontier and the Nash bargaining solution. Same arguments, same output."
        ),
    )
    parser.add_argument("scenario", metavar="PATH|ID", help=_("scenario id or file"))
    parser.add_argument(
        "--runs", type=count(1, 100_000), default=100, help=_("games per pairing (100)")
    )
    parser.add_argument("--seed", type=seed_number, default=0, help=_("tournament seed (0)"))
    parser.add_argument(
        "--agents",
        type=_agent_list,
        default=tuple(AGENTS),
        metavar="A,B,...",
        help=_("agents to enter (all: {agents})").format(agents=",".join(AGENTS)),
    )
    parser.add_argument("--json", action="store_true", help=_("print JSON"))
    parser.set_defaults(run=run)


def _agent_list(text: str) -> tuple[str, ...]:
    names = tuple(n.strip() for n in text.split(",") if n.strip())
    unknown = [n for n in names if n not in AGENTS]
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            _("unknown agent {name!r}; choose from {agents}").format(
                name=unknown[0] if unknown else "", agents=", ".join(AGENTS)
            )
        )
    return names


@stuck_games_reported("tournament")
def run(args: argparse.Namespace) -> int:
    from game.sim.tournament import tournament

    ruleset = load_or_report(args.scenario)
    show = not args.json and sys.stderr.isatty()
    report = tournament(ruleset, args.runs, args.seed, args.agents, _pairs if show else None)
    if show:
        print(file=sys.stderr)
    if args.json:
        print(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
    else:
        _print_text(report, ruleset)
    return 0


def _pairs(done: int, total: int) -> None:
    _progress(done, total)


def _print_text(report: Any, ruleset: Any) -> None:
    def num(x: float | None, fmt: str = "{:.2f}") -> str:
        return "-" if x is None else fmt.format(x)

    print(
        _("{title}: {pairs} x {runs}, seed {seed}").format(
            title=localise(ruleset.scenario.title),
            pairs=ngettext("{n} pairing", "{n} pairings", len(report.pairs)).format(
                n=len(report.pairs)
            ),
            runs=ngettext("{n} game", "{n} games", report.runs).format(n=report.runs),
            seed=report.seed,
        )
    )
    nash, none = report.space.nash, report.space.disagreement
    print(
        _(
            "Nash bargaining point (US, Mexico utility): {nash}; no deal at the start: {none}"
        ).format(nash=f"{nash[0]:.2f}, {nash[1]:.2f}", none=f"{none[0]:.2f}, {none[1]:.2f}")
        + "\n"
    )
    # One column per threat of the scenario, headed with its short name (`closure`).
    scenario = ruleset.scenario
    threats = (["tariff"] if scenario.tariff_ladder is not None else []) + [
        d.id for d in scenario.deadlines
    ]
    names = {d.id: d.short_name() for d in scenario.deadlines} | {"tariff": "tariff"}
    width = {t: max(6, len(names[t])) for t in threats}
    header = (
        f"{'US':<12} {'Mexico':<12} {'deal':>5} {'U(US)':>6} {'U(MX)':>6} {'win US':>6} "
        f"{'win MX':>6} {'rounds':>6} "
        + "".join(f"{names[t]:>{width[t]}} " for t in threats)
        + f"{'Pareto':>6} {'Nash':>6}"
    )
    print(header)
    print("-" * len(header))
    for p in report.pairs:
        print(
            f"{p.us:<12} {p.mexico:<12} {p.agreement_rate:>5.0%} {p.utility['us']:>6.2f} "
            f"{p.utility['mexico']:>6.2f} {p.success_rate['us']:>6.0%} "
            f"{p.success_rate['mexico']:>6.0%} {p.mean_rounds:>6.1f} "
            + "".join(f"{_imposed(p, t):>{width[t]}.0%} " for t in threats)
            + f"{num(p.pareto_distance):>6} {num(p.nash_distance):>6}"
        )
    roles = report.roles()
    if roles["us"]["success_rate"] is not None:
        print(
            "\n"
            + _("Balance ({pairing}): US succeeds in {us} of games, Mexico in {mexico}.").format(
                pairing=roles["us"]["pairing"],
                us=f"{roles['us']['success_rate']:.0%}",
                mexico=f"{roles['mexico']['success_rate']:.0%}",
            )
        )
    print(
        "\n"
        + _(
            "deal: agreement standing at the end; U: mean utility (no deal counts as the "
            "reservation value); win: ending the briefing counts as a success; Pareto/Nash: "
            "mean distance of agreements from the frontier and from the Nash point."
        )
    )


def _imposed(pair: Any, threat: str) -> float:
    if threat == "tariff":
        return float(pair.tariff_imposed_rate)
    return float(pair.deadline_imposed_rate.get(threat, 0.0))
