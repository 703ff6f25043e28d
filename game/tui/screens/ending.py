"""The ending: what happened, how each side scored, and what happened in history."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Markdown

from game.play.session import Session
from game.scenario.models import ROLES


def ending_report(session: Session, slot: str | None) -> str:
    scenario = session.ruleset.scenario
    result = session.outcome()
    ending = result.ending
    lines = [f"# {ending.title if ending else 'The talks are over'}", ""]
    if ending is not None:
        lines += [" ".join(ending.summary.split()), ""]
        if ending.historical:
            lines += ["**This is the ending history took.**", ""]
    for role in ROLES:
        r = scenario.roles[role]
        verdict = "success" if result.success[role] else "not a success"
        you = " (you)" if session.players.get(role) == "human" else ""
        lines += [f"## {r.name}{you}: {result.scores[role]}/100 — {verdict}", ""]
        lines += ["| Objective | Points | Met |", "|---|---|---|"]
        for o in result.objectives[role]:
            lines.append(f"| {o.text} | {o.weight} | {'yes' if o.met else 'no'} |")
        lines.append("")
    if ending is not None and ending.history:
        lines += ["## What happened in history", "", " ".join(ending.history.split()), ""]
    where = slot or "autosave"
    lines += [
        "## The full debrief",
        "",
        f"Every move, reply and event, with its cause and source: `brink replay {where}`.",
        "Press N for a new game, T for the title screen, Q to quit.",
    ]
    return "\n".join(lines)


class EndingScreen(Screen[None]):
    BINDINGS = [
        Binding("n", "app.new_game", "New game"),
        Binding("t", "app.show_title", "Title screen"),
        Binding("q", "app.quit_game", "Quit"),
    ]
    HELP = "The game is over. Read how each side did and how it compares with 2019."

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll():
            yield Markdown(ending_report(self.session, self.session.slot), id="ending")
        yield Footer()
