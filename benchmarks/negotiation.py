"""Our negotiating agents against the field's library, NegMAS, on the same problem.

Both sides' utility functions are the flagship scenario's declared preferences (nine
issues, 11,664 possible deals, linear-additive, reservation values as at the start).
NegMAS runs its SAO mechanism (stacked alternating offers) with a time-based Boulware
negotiator on each side; ours runs the same protocol, with the same number of steps,
through our concession agent's core (`game.ai.concession.respond`) set to a Boulware
curve. Prints negotiations per second for both, the ratio, and the mean utilities of
the agreements. A third line plays whole games of the scenario with two normal AIs, the
rules and events included, for scale.

    pip install -e '.[bench]'
    python benchmarks/negotiation.py [--steps 20] [--runs 200]
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.ai.concession import concession_level, respond, target_utility
from game.ai.opponent import OpponentLearner
from game.ai.preferences import Preferences, preferences_for
from game.engine.api import new_game, view
from game.rules.ruleset import load_ruleset
from game.sim.runner import game_seed, play_game

ROLES = ("us", "mexico")
BOULWARE = 0.25  # our exponent: 1 - t^4, the shape of NegMAS's Boulware aspiration


def problem(scenario: str) -> tuple[dict[str, Preferences], dict[str, float]]:
    ruleset = load_ruleset(scenario)
    start = new_game(ruleset, 0)
    # Same utility functions on both sides of the comparison: NegMAS has no red lines.
    prefs = {
        r: dataclasses.replace(preferences_for(ruleset, r), red_lines={}, _ranked=None)
        for r in ROLES
    }
    reserved = {r: prefs[r].reservation(view(start, r).env) for r in ROLES}
    return prefs, reserved


# --------------------------------------------------------------------------- ours
def ours_once(
    prefs: dict[str, Preferences], reserved: dict[str, float], steps: int, seed: int
) -> tuple[dict[str, str] | None, int]:
    """One SAO negotiation: each step, each side in turn accepts or counter-offers."""
    rng = random.Random(seed)
    space = {i.id: tuple(i.values) for i in prefs["us"].issues}
    best = {r: prefs[r].ranked()[0][0] for r in ROLES}
    # Each side learns the other's offers as they come (the model is the same as
    # `learn(space, all_offers_so_far)`, without re-reading the history every step).
    learners = {r: OpponentLearner(space) for r in ROLES}
    table: dict[str, str] | None = None
    for step in range(steps):
        fraction = step / max(1, steps - 1)
        for role, other in (("us", "mexico"), ("mexico", "us")):
            level = concession_level(fraction, 0, BOULWARE, 0.0)
            target = target_utility(level, reserved[role], best[role])
            model = learners[other].model() if learners[other].seen else None
            stance = respond(prefs[role], space, table, target, reserved[role], model, rng)
            if stance.accept:
                return table, step + 1
            table = stance.offer
            assert table is not None
            learners[role].observe(table)
    return None, steps


# --------------------------------------------------------------------------- NegMAS
def negmas_once(
    prefs: dict[str, Preferences], reserved: dict[str, float], steps: int
) -> tuple[dict[str, str] | None, int]:
    from negmas import BoulwareTBNegotiator, SAOMechanism, make_issue
    from negmas.preferences import LinearAdditiveUtilityFunction
    from negmas.preferences.value_fun import TableFun

    issues = [make_issue(list(i.values), name=i.id) for i in prefs["us"].issues]
    mechanism = SAOMechanism(issues=issues, n_steps=steps)
    for role in ROLES:
        p = prefs[role]
        ufun = LinearAdditiveUtilityFunction(
            values={i.id: TableFun(dict(i.values)) for i in p.issues},
            weights={i.id: i.weight for i in p.issues},
            outcome_space=mechanism.outcome_space,
            reserved_value=reserved[role],
        )
        mechanism.add(BoulwareTBNegotiator(name=role), ufun=ufun)
    state = mechanism.run()
    if state.agreement is None:
        return None, state.step
    ids = [i.id for i in prefs["us"].issues]
    return dict(zip(ids, state.agreement, strict=True)), state.step


# --------------------------------------------------------------------------- report
def measure(run, n: int) -> tuple[float, list[dict[str, str] | None], float, float]:
    """Negotiations per wall-clock second, the deals, mean steps, negotiations per
    CPU-second (which moves less with other work on a shared machine)."""
    results = []
    steps = 0
    start, cpu = time.perf_counter(), time.process_time()
    for i in range(n):
        deal, used = run(i)
        results.append(deal)
        steps += used
    elapsed = time.perf_counter() - start
    return n / elapsed, results, steps / n, n / max(1e-9, time.process_time() - cpu)


def summary(prefs: dict[str, Preferences], reserved: dict[str, float], deals) -> str:
    agreed = [d for d in deals if d is not None]
    if not agreed:
        return "no agreements"
    u = {r: sum(prefs[r].utility(d) for d in agreed) / len(agreed) for r in ROLES}
    nash = sum(
        max(0.0, prefs["us"].utility(d) - reserved["us"])
        * max(0.0, prefs["mexico"].utility(d) - reserved["mexico"])
        for d in agreed
    ) / len(agreed)
    return (
        f"agreements {len(agreed) / len(deals):4.0%}  utility US {u['us']:.3f} "
        f"Mexico {u['mexico']:.3f}  welfare {u['us'] + u['mexico']:.3f}  Nash product {nash:.4f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--runs", type=int, default=200, help="negotiations for ours")
    parser.add_argument("--negmas-runs", type=int, default=40)
    parser.add_argument("--scenario", default="roosevelt-room-2019")
    args = parser.parse_args()
    try:
        import negmas
    except ImportError:
        sys.exit("NegMAS is not installed: pip install -e '.[bench]'")
    prefs, reserved = problem(args.scenario)
    for p in prefs.values():
        p.ranked()  # both libraries prepare their outcome space before the clock starts
    negmas_once(prefs, reserved, args.steps)  # warm up NegMAS's imports and caches

    ours_rate, ours_deals, ours_steps, ours_cpu = measure(
        lambda i: ours_once(prefs, reserved, args.steps, i), args.runs
    )
    negmas_rate, negmas_deals, negmas_steps, negmas_cpu = measure(
        lambda i: negmas_once(prefs, reserved, args.steps), args.negmas_runs
    )
    ruleset = load_ruleset(args.scenario)
    agents = {"us": "ai-normal", "mexico": "ai-normal"}
    start = time.perf_counter()
    full_games = 100
    for i in range(full_games):
        play_game(ruleset, game_seed(0, i), agents)
    full_rate = full_games / (time.perf_counter() - start)

    print(
        f"{args.scenario}: 9 issues, SAO protocol, {args.steps} steps, NegMAS {negmas.__version__}"
    )
    print(
        f"  ours   (Boulware, frequency model)  {ours_rate:9.1f} negotiations/s  "
        f"mean steps {ours_steps:4.1f}"
    )
    print(f"         {summary(prefs, reserved, ours_deals)}")
    print(
        f"  NegMAS (BoulwareTBNegotiator x2)    {negmas_rate:9.1f} negotiations/s  "
        f"mean steps {negmas_steps:4.1f}"
    )
    print(f"         {summary(prefs, reserved, negmas_deals)}")
    print(
        f"  ratio ours / NegMAS: {ours_rate / negmas_rate:.1f}x (target >= 20x); "
        f"per CPU-second {ours_cpu / negmas_cpu:.1f}x"
    )
    print(f"  whole games, ai-normal vs ai-normal, rules included: {full_rate:.1f} games/s")


if __name__ == "__main__":
    main()
