"""`simulate` gives the same statistics however the batch is split: in one process or in
workers, in chunks of any length, merged from per-chunk tallies."""

from __future__ import annotations

from itertools import pairwise

import pytest

from game.sim.parallel import chunk_bounds, play_chunk, simulate
from game.sim.runner import game_seed, play_game, summarise
from game.sim.stats import aggregate, batch_report
from game.sim.tally import Tally, tally

AGENTS = {"us": "random", "mexico": "random"}


@pytest.mark.parametrize(("runs", "jobs"), [(1, 2), (7, 2), (60, 2), (2000, 2), (999, 3), (50, 1)])
def test_chunks_cover_the_batch_in_order_and_end_small(runs, jobs):
    bounds = chunk_bounds(runs, jobs)
    assert bounds[0][0] == 0 and bounds[-1][1] == runs
    assert all(a[1] == b[0] and a[0] < a[1] for a, b in pairwise(bounds))
    if jobs > 1 and runs >= 1000:
        sizes = [b - a for a, b in bounds]
        # A few long chunks first, a few games each at the end: workers finish together.
        assert sizes[0] >= 100 and max(sizes[-3:]) <= 8
        assert len(bounds) < runs // 50


def test_tallies_of_any_split_merge_to_the_tally_of_the_whole(flagship):
    games = [summarise(play_game(flagship, game_seed(4, i), AGENTS)) for i in range(30)]
    whole = tally(games)
    for cuts in ([0, 30], [0, 1, 30], [0, 7, 8, 19, 30]):
        merged = Tally()
        for a, b in pairwise(cuts):
            merged.merge(tally(games[a:b]))
        assert merged == whole
    assert play_chunk(flagship, 4, 0, 30, AGENTS) == whole
    # The statistics from the tally are those of the games themselves.
    report = batch_report(flagship, 4, AGENTS, whole)
    assert report.runs == 30 and sum(report.endings.values()) == 30
    assert report.mean_meters["apprehensions"] == sum(g.meters["apprehensions"] for g in games) / 30
    assert report.mean_moves == sum(g.moves for g in games) / 30
    assert aggregate(flagship, 4, AGENTS, games) == report


def test_workers_give_the_same_report_as_one_process(flagship):
    one = simulate(flagship, 41, 9, AGENTS, jobs=1)
    for jobs in (2, 3):
        assert simulate(flagship, 41, 9, AGENTS, jobs=jobs) == one
    games = [summarise(play_game(flagship, game_seed(9, i), AGENTS)) for i in range(41)]
    assert one == aggregate(flagship, 9, AGENTS, games)


def test_progress_reaches_the_whole_batch_in_order(flagship):
    seen: list[tuple[int, int]] = []
    simulate(
        flagship, 40, 1, AGENTS, jobs=2, progress=lambda done, total: seen.append((done, total))
    )
    assert seen[-1] == (40, 40)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen) and len(seen) >= 2
