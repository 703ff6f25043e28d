"""Debrief reports and class comparison, from saves."""

from __future__ import annotations

import html.parser
import shutil
import subprocess

import pytest

from game.cli.main import main
from game.play.session import Session
from game.report.compare import Team, compare_markdown
from game.report.debrief import build_debrief
from game.report.render import to_html, to_markdown
from game.saves import capture, read_save
from game.sim.runner import play_game
from tests.conftest import ROOT
from tests.helpers import HEADLESS_CHROMIUM

EXAMPLE = ROOT / "saves" / "historical-2019.brink.json"


class _Tags(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_markdown_report_of_the_example_save():
    text = to_markdown(build_debrief(read_save(EXAMPLE)))
    assert "## What was agreed, beside 2019" in text
    assert (
        "| National Guard to the southern border | About 6,000 Guard, southern border first |"
        in text
    )
    assert "Joint Declaration" in text  # the 2019 terms' source
    assert "| Date | Tariff rate (%) | US border apprehensions (per month) |" in text
    assert "## Turning points" in text and "## Questions for discussion" in text
    questions = text.split("## Questions for discussion")[1].split("## Transcript")[0]
    assert (
        3
        <= questions.count("\n1. ")
        + questions.count("\n2. ")
        + questions.count("\n3. ")
        + questions.count("\n4. ")
        + questions.count("\n5. ")
        <= 5
    )
    assert "This is what the delegation did in history" in text  # the AI's reasons


def test_html_report_is_self_contained_with_charts():
    page = to_html(build_debrief(read_save(EXAMPLE)))
    parser = _Tags()
    parser.feed(page)
    tags = parser.tags
    assert sum(1 for t, _ in tags if t == "svg") >= 3  # tariff and meters over time
    assert not any(t == "script" for t, _ in tags)
    for tag, attrs in tags:
        for key in ("src", "href"):
            value = attrs.get(key) or ""
            assert "://" not in value and not value.startswith("//"), (tag, value)
    assert "@import" not in page and "url(" not in page
    assert "About 6,000 Guard, southern border first" in page


def test_ai_reasons_are_in_the_transcript(flagship, tmp_path):
    state = play_game(flagship, 4, {"us": "ai-normal", "mexico": "ai-hard"})
    debrief = build_debrief(capture(state, {"us": "ai-normal", "mexico": "ai-hard"}))
    reasons = [r for step in debrief.steps for r in step.reasons]
    assert reasons and any("tariff goes to" in r for r in reasons)
    assert len(debrief.steps) == len(state.moves)


@pytest.mark.skipif(shutil.which("chromium") is None, reason="headless Chromium not installed")
def test_html_report_renders_in_headless_chromium(tmp_path):
    page = tmp_path / "report.html"
    page.write_text(to_html(build_debrief(read_save(EXAMPLE))))
    shot = tmp_path / "shot.png"
    result = subprocess.run(
        [
            *HEADLESS_CHROMIUM,
            f"--user-data-dir={tmp_path / 'profile'}",
            "--enable-logging=stderr",
            "--v=0",
            f"--screenshot={shot}",
            "--window-size=1000,1400",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert shot.is_file() and shot.stat().st_size > 10_000
    assert "Uncaught" not in result.stderr and "CONSOLE(" not in result.stderr


def test_class_comparison_of_several_saves(flagship, tmp_path):
    teams = []
    for i, (us, mexico) in enumerate(
        [("ai-normal", "ai-normal"), ("ai-hard", "ai-easy"), ("random", "ai-normal")]
    ):
        state = play_game(flagship, 10 + i, {"us": us, "mexico": mexico})
        teams.append(
            Team(f"team-{i + 1}", build_debrief(capture(state, {"us": us, "mexico": mexico})))
        )
    text = compare_markdown(teams)
    for team in teams:
        assert f"| {team.name} |" in text
    assert "## Spread across teams" in text and "min " in text and "median " in text
    assert "## Terms chosen, issue by issue" in text


def test_report_cli_writes_html_and_compares(tmp_path, capsys):
    out = tmp_path / "debrief.html"
    assert main(["report", str(EXAMPLE), "-o", str(out)]) == 0
    assert out.read_text().startswith("<!DOCTYPE html>")
    second = tmp_path / "b.brink.json"
    second.write_text(EXAMPLE.read_text())
    assert main(["report", "--class", str(EXAMPLE), str(second)]) == 0
    assert "Class comparison" in capsys.readouterr().out
    assert main(["report", str(EXAMPLE), str(second)]) == 2  # several saves need --class


def test_report_refuses_a_damaged_save(tmp_path, capsys):
    bad = tmp_path / "bad.brink.json"
    bad.write_text("{ not json")
    assert main(["report", str(bad)]) == 1
    assert "not valid JSON" in capsys.readouterr().err


async def test_ending_screen_opens_the_debrief(tmp_path, monkeypatch):
    from game.tui.app import BrinkApp

    monkeypatch.setenv("BRINK_SAVE_DIR", str(tmp_path))
    session = Session.start("roosevelt-room-2019", "us", "ai-normal", 3)
    session.play(__import__("game.engine.moves", fromlist=["Move"]).Move("us", "walk_out"))
    app = BrinkApp(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d")
        await pilot.pause()
        assert type(app.screen).__name__ == "DebriefScreen"
        markdown = app.screen.query_one("#debrief")
        assert "What was agreed, beside 2019" in markdown.source


def test_replay_prints_every_event_with_the_ais_reasons(capsys):
    assert main(["replay", str(EXAMPLE)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    move = next(i for i, line in enumerate(lines) if "[move] Mexico proposes" in line)
    assert lines[move + 1].startswith("    why: This is what the delegation did in history")
    assert "[ending] The Joint Declaration holds" in out
