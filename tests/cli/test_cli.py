"""The `brink` command as a user meets it: exit codes, output, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from game.cli.main import main
from tests.conftest import FIXTURES, ROOT

EXAMPLE_SAVE = ROOT / "saves" / "historical-2019.brink.json"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_scenarios_lists_the_flagship(capsys):
    status, out, _ = run(capsys, "scenarios")
    assert status == 0
    assert "roosevelt-room-2019" in out and "Roosevelt Room, June 2019" in out
    status, out, _ = run(capsys, "scenarios", "--json")
    assert {r["id"] for r in json.loads(out)} >= {"roosevelt-room-2019"}


def test_validate_ok_by_id_and_path(capsys):
    status, out, _ = run(capsys, "validate", "roosevelt-room-2019", str(FIXTURES / "mini.yaml"))
    assert status == 0 and out.count(": ok") == 2


HOSTILE = {
    "tag.yaml": "id: x\nevil: !!python/object/apply:os.system ['echo pwned']\n",
    "laughs.yaml": "a: &a [x,x,x,x,x,x,x,x,x,x]\n"
    + "".join(
        f"{c}: &{c} [" + ",".join([f"*{p}"] * 10) + "]\n"
        for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    ),
    "dupe.yaml": "id: x\nid: y\n",
    "syntax.yaml": "id: [x\n",
    "list.yaml": "- 1\n",
    "deep.yaml": "a: " + "[" * 2000 + "]" * 2000 + "\n",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_broken_files_exit_1_with_position_and_no_traceback(tmp_path, capsys, name):
    path = tmp_path / name
    path.write_text(HOSTILE[name])
    status, out, err = run(capsys, "validate", str(path))
    assert status == 1
    assert f"{path}:" in err and "BRK0" in err
    assert "Traceback" not in err + out and "pwned" not in out


def test_validate_json_format(tmp_path, capsys):
    path = tmp_path / "bad.yaml"
    path.write_text(
        (FIXTURES / "mini.yaml")
        .read_text()
        .replace("apprehensions < 100000", "aprehensions < 100000")
    )
    status, out, _ = run(capsys, "validate", "--format", "json", str(path))
    assert status == 1
    [diag] = [d for d in json.loads(out) if d["code"] == "BRK302"][:1]
    assert set(diag) == {"file", "line", "column", "code", "severity", "message", "hint"}
    assert diag["hint"] == "did you mean `apprehensions`?"


def test_usage_errors_exit_2(capsys):
    status, _, err = run(capsys, "validate", "no-such-scenario")
    assert status == 2 and "BRK901" in err
    with pytest.raises(SystemExit) as bad:
        main(["simulate"])
    assert bad.value.code == 2
    status, _, err = run(
        capsys, "simulate", "roosevelt-room-2019", "--runs", "3", "--save", "x.json"
    )
    assert status == 2 and "--save needs --runs 1" in err


def test_simulate_json_is_deterministic_and_varied(capsys):
    args = ("simulate", "roosevelt-room-2019", "--runs", "200", "--seed", "7", "--json")
    _, first, _ = run(capsys, *args)
    _, second, _ = run(capsys, *args)
    assert first == second
    data = json.loads(first)
    assert data["scenario"] == "roosevelt-room-2019" and data["runs"] == 200
    assert data["seed"] == 7 and sum(data["endings"].values()) == 200
    assert sum(1 for n in data["endings"].values() if n) >= 3
    spread = data["meter_distribution"]["apprehensions"]
    assert spread["min"] <= spread["p10"] <= spread["p50"] <= spread["p90"] <= spread["max"]


def test_simulate_jobs_do_not_change_results(capsys):
    base = ("simulate", "roosevelt-room-2019", "--runs", "60", "--seed", "3", "--json")
    _, one, _ = run(capsys, *base, "--jobs", "1")
    _, two, _ = run(capsys, *base, "--jobs", "2")
    assert one == two


def test_simulate_save_then_replay(tmp_path, capsys):
    path = tmp_path / "one.brink.json"
    status, out, _ = run(
        capsys, "simulate", "roosevelt-room-2019", "--runs", "1", "--seed", "5", "--save", str(path)
    )
    assert status == 0 and path.exists() and "saved to" in out
    _, first, _ = run(capsys, "replay", str(path))
    _, second, _ = run(capsys, "replay", str(path))
    assert first == second and "# ending:" in first


def test_replay_example_save(capsys):
    status, out, _ = run(capsys, "replay", str(EXAMPLE_SAVE))
    assert status == 0
    assert "Pence and Pompeo call Mexico's offer marginal" in out
    assert "# ending: joint-declaration" in out
    assert "source: white-house-talks-2019-06-05" in out


def test_damaged_save_refused_cleanly(tmp_path, capsys):
    damaged = tmp_path / "damaged.brink.json"
    damaged.write_text(EXAMPLE_SAVE.read_text()[:500])
    status, _, err = run(capsys, "replay", str(damaged))
    assert status == 1 and "not valid JSON" in err and "Traceback" not in err
    foreign = tmp_path / "foreign.brink.json"
    foreign.write_text('{"hello": "world"}')
    status, _, err = run(capsys, "replay", str(foreign))
    assert status == 1 and "not a Brinkmanship save" in err


def test_python_dash_m_game_and_help():
    result = subprocess.run(
        [sys.executable, "-m", "game", "--help"], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0
    for command in ("scenarios", "validate", "schema", "simulate", "replay"):
        assert command in result.stdout


def test_schema_command_prints_the_committed_schema(capsys):
    status, out, _ = run(capsys, "schema")
    assert status == 0
    assert out == (ROOT / "assets" / "scenario.schema.json").read_text()


def test_deeply_nested_expression_is_a_diagnostic(capsys):
    status, _, err = run(capsys, "validate", str(FIXTURES / "deep-expression.yaml"))
    assert status == 1 and "BRK305 expression is nested too deeply" in err


def test_validate_watch_revalidates_on_change(tmp_path, capsys):
    import argparse

    from game.cli.commands.validate import Watcher, watch

    path = tmp_path / "s.yaml"
    good = (FIXTURES / "mini.yaml").read_text()
    path.write_text(good)
    args = argparse.Namespace(scenarios=[str(path)], format="text", watch=True)
    edits = iter([good.replace("apprehensions < 100000", "aprehensions < 100000"), None])

    def wait():  # stands in for the pause: the author saves a broken version
        text = next(edits)
        if text is not None:
            path.write_text(text + "\n# edited\n")

    status = watch(args, Watcher([str(path)]), wait=wait, rounds=2)
    out, err = capsys.readouterr()
    assert ": ok" in out
    assert "change detected" in err and "BRK302" in err
    assert status == 1


def test_tournament_json_and_text(capsys):
    args = (
        "tournament",
        "roosevelt-room-2019",
        "--runs",
        "4",
        "--seed",
        "1",
        "--agents",
        "ai-normal,random",
    )
    status, out, _ = run(capsys, *args, "--json")
    assert status == 0
    data = json.loads(out)
    assert [(p["us"], p["mexico"]) for p in data["pairs"]] == [
        ("ai-normal", "ai-normal"),
        ("ai-normal", "random"),
        ("random", "ai-normal"),
        ("random", "random"),
    ]
    assert set(data["roles"]) == {"us", "mexico"}
    status, out, _ = run(capsys, *args)
    assert status == 0 and "Balance (ai-normal vs ai-normal)" in out and "Pareto" in out


def test_tournament_unknown_agent_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["tournament", "roosevelt-room-2019", "--agents", "ai-nromal"])
    assert caught.value.code == 2
    assert "unknown agent 'ai-nromal'" in capsys.readouterr().err
