"""No input reaches "internal error": damaged saves and random command lines end in exit
0, 1 or 2 with a message for a person, never a traceback.

The CLI runs in-process (`main(argv)`) for speed; a few cases also run as a real process.
"""

from __future__ import annotations

import atexit
import contextlib
import copy
import io
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from game.cli.main import main
from tests.conftest import ROOT

EXAMPLE = ROOT / "saves" / "historical-2019.brink.json"
SAVE = json.loads(EXAMPLE.read_text())
BUG_MARKERS = ("internal error", "Traceback", "This is a bug")


def run_cli(argv: list[str]) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(argv)
        except SystemExit as exit_:  # argparse's usage errors and --help
            status = exit_.code if isinstance(exit_.code, int) else 1
    return status, out.getvalue() + err.getvalue()


def assert_handled(argv: list[str]) -> tuple[int, str]:
    status, output = run_cli(argv)
    assert status in (0, 1, 2), (argv, status, output[-800:])
    for marker in BUG_MARKERS:
        assert marker not in output, (argv, output[-800:])
    return status, output


# --------------------------------------------------------------------------- damaged saves

json_leaf = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=10**30, max_value=10**60),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20),
    st.text(alphabet="é€😀\u202e\x00<>|", max_size=300),
    st.sampled_from(["us", "mexico", "instructor", "clock", "human", "nobody", "propose",
                     "accept", "reject", "walk_out", "act", "inject", "extend", "pause"]),
)  # fmt: skip
json_value = st.recursive(
    json_leaf,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
move_strategy = st.fixed_dictionaries(
    {"role": st.sampled_from(["us", "mexico", "instructor", "xx"]),
     "kind": st.sampled_from(["propose", "accept", "reject", "walk_out", "act", "inject",
                              "extend", "pause", "resume", "dance"])},
    optional={
        "offer": st.dictionaries(
            st.sampled_from(["guard", "mpp", "asylum_terms", "review", "smuggling", "x"]),
            st.sampled_from(["token", "southern_6000", "none", "whole_border_with_services",
                             "days_45_90", "zzz"]),
            max_size=5),
        "action": st.sampled_from(["overdeliver", "certify_progress", "fly"]),
        "note": st.text(max_size=50),
        "days": json_leaf,
        "inject": st.text(max_size=20),
    },
)  # fmt: skip


def _paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += _paths(value, (*path, i))
    return found


@st.composite
def damaged_saves(draw: st.DrawFn) -> dict[str, Any]:
    save = copy.deepcopy(SAVE)
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["reorder", "truncate", "extra", "drop", "replace",
                                     "players", "seed", "delete"]))  # fmt: skip
        moves = save.get("moves") if isinstance(save.get("moves"), list) else None
        if kind == "reorder" and moves:
            save["moves"] = draw(st.permutations(moves))
        elif kind == "truncate" and moves:
            save["moves"] = moves[: draw(st.integers(0, len(moves)))]
        elif kind == "extra" and moves is not None:
            at = draw(st.integers(0, len(moves)))
            moves[at:at] = draw(st.lists(move_strategy, min_size=1, max_size=3))
        elif kind == "drop" and moves:
            del moves[draw(st.integers(0, len(moves) - 1))]
        elif kind == "players":
            save["players"] = draw(
                st.dictionaries(
                    st.sampled_from(["us", "mexico", "clock", "x"]),
                    st.sampled_from(["human", "historical", "ai-hard", "random", "nobody", ""])
                    | st.text(max_size=300),
                    max_size=3,
                )
            )
        elif kind == "seed":
            save["seed"] = draw(
                st.sampled_from([-1, 2**63, -(2**63), 10**4000, 1.5, "7", True, None])
            )
        else:
            paths = [p for p in _paths(save) if p]
            path = draw(st.sampled_from(paths))
            parent = save
            for key in path[:-1]:
                parent = parent[key]
            if kind == "delete":
                del parent[path[-1]]
            else:
                parent[path[-1]] = draw(json_value)
    return save


def _write(save: dict[str, Any], folder: Path) -> Path:
    path = folder / "damaged.brink.json"
    path.write_text(json.dumps(save, ensure_ascii=False))
    return path


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(damaged_saves())
def test_damaged_saves_never_reach_internal_error(tmp_path, save):
    path = _write(save, tmp_path)
    replay_status, _ = assert_handled(["replay", str(path)])
    report_status, _ = assert_handled(["report", str(path)])
    assert replay_status == report_status  # the same save is good or bad for both
    assert_handled(["report", "--format", "html", str(path)])
    assert_handled(["report", "--class", str(path), str(EXAMPLE)])


@pytest.mark.parametrize(
    "damage",
    [
        lambda s: s["moves"].append({"role": "mexico", "kind": "act", "action": "overdeliver"}),
        lambda s: s["moves"].insert(0, {"role": "us", "kind": "reject"}),
        lambda s: s["moves"].pop(0),
        lambda s: s["players"].update(us="nobody"),
        lambda s: s.update(seed=10**4000),
    ],
    ids=["move-after-ending", "wrong-side-first", "first-move-missing", "unknown-agent",
         "huge-seed"],
)  # fmt: skip
def test_reported_damage_is_one_line_and_exit_1(tmp_path, damage):
    save = copy.deepcopy(SAVE)
    damage(save)
    path = _write(save, tmp_path)
    for argv in (["replay", str(path)], ["report", str(path)],
                 ["report", "--class", str(path), str(EXAMPLE)]):  # fmt: skip
        status, output = assert_handled(argv)
        assert status == 1, output
        assert output.count("\n") == 1, output


def test_a_huge_seed_is_refused_in_one_short_line():
    for command in (["simulate", "caravan-2018"], ["tournament", "caravan-2018"],
                    ["lint", "caravan-2018"]):  # fmt: skip
        status, output = assert_handled([*command, "--seed", "9" * 100_000])
        assert status == 2 and len(output.splitlines()[-1]) < 200


# --------------------------------------------------------------------------- command lines

SUBCOMMANDS = {
    "replay": ["--save-dir"],
    "report": ["--class", "--format", "-o", "--save-dir"],
    "simulate": ["--runs", "--seed", "--us", "--mexico", "--json", "--save"],
    "validate": ["--format"],
    "lint": ["--games", "--seed", "--format"],
    "test": ["--file"],
    "tournament": ["--runs", "--seed", "--agents", "--json"],
    "graph": ["--format"],
    "scenarios": ["--json"],
    "schema": [],
    "new": ["--dir", "--force"],
}
LONG_NAME = "a" * 300


def _words(folder: Path) -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from([
            "roosevelt-room-2019", "caravan-2018", "review-2019", "nosuch", str(EXAMPLE),
            str(ROOT / "scenarios" / "caravan-2018.yaml"), str(folder), str(folder / "x"),
            str(folder / "out.html"), str(folder / "out.brink.json"), "/dev/null", "/dev/full",
            LONG_NAME, str(folder / LONG_NAME), "", "-", "--", "0", "1", "2", "-1",
            "99999999999999999999", "9" * 5000, "1e9", "md", "html", "json", "text",
            "mermaid", "dot", "random,historical", "ai-hard", "nobody", "ä\u202e\x7f",
            str(folder / "new-talks"),
        ]),
        st.text(max_size=30).filter(lambda t: "\x00" not in t),
    )  # fmt: skip


@st.composite
def command_lines(draw: st.DrawFn, folder: Path) -> list[str]:
    command = draw(st.sampled_from(sorted(SUBCOMMANDS)))
    words = _words(folder)
    argv = [command]
    for _ in range(draw(st.integers(0, 4))):
        if SUBCOMMANDS[command] and draw(st.booleans()):
            argv.append(draw(st.sampled_from(SUBCOMMANDS[command])))
        argv.append(draw(words))
    return argv


_FOLDER = Path(tempfile.mkdtemp(prefix="brink-cli-fuzz-"))
atexit.register(shutil.rmtree, _FOLDER, ignore_errors=True)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(command_lines(_FOLDER))
# `~0` names no user: Path.expanduser raised, and the command showed an internal error.
@example(["replay", "~0"])
@example(["play", "--load", "~nobody-here/x.brink.json"])
def test_random_command_lines_never_reach_internal_error(argv):
    # `new` writes where it is told; keep its relative paths inside the scratch folder.
    with contextlib.chdir(_FOLDER):
        assert_handled(argv)
    assert Path("/dev/null").exists() and not Path("/dev/null").is_file()


@pytest.mark.parametrize(
    "argv",
    [
        ["replay", LONG_NAME],
        ["report", LONG_NAME],
        ["validate", LONG_NAME],
        ["simulate", "caravan-2018", "--seed", "9" * 100_000],
        ["report", str(EXAMPLE), "-o", "/dev/full"],
    ],
    ids=["replay-long-name", "report-long-name", "validate-long-name", "huge-seed", "dev-full"],
)
def test_as_a_real_process(argv):
    result = subprocess.run(
        [sys.executable, "-m", "game", *argv],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert result.returncode in (1, 2), result.stderr
    for marker in BUG_MARKERS:
        assert marker not in result.stderr + result.stdout
    assert result.stderr.strip()  # it says what went wrong
