"""The ending: what happened, how each side scored, and what happened in history."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Markdown

from game.play.interface import GameSession
from game.scenario.models import ROLES


def ending_report(session: GameSession, slot: str | None) -> str:
    scenario = session.scenario
    result = session.outcome()
    ending = result.ending
    lines = [f"# {ending.title if ending else 'The talks are over'}", ""]
    if ending is not None:
        lines += [" ".join(ending.summary.split()), ""]
        if ending.historical:
            lines += ["**This is the ending history took.**", ""]
    for role in ROLES:
        if role not in result.scores:
            continue  # a class seat without the scenario file here: scores are the server's
        r = scenario.roles[role]
        verdict = "success" if result.success[role] else "not a success"
        you = " (you)" if role in session.humans else ""
        lines += [f"## {r.name}{you}: {result.scores[role]}/100 — {verdict}", ""]
        lines += ["| Objective | Points | Met |", "|---|---|---|"]
        for o in result.objectives[role]:
            lines.append(f"| {o.text} | {o.weight} | {'yes' if o.met else 'no'} |")
        lines.append("")
    if ending is not None and ending.history:
        lines += ["## What happened in history", "", " ".join(ending.history.split()), ""]
    where = slot or "autosave"
    if session.is_class_game:
        where = "table-NN.brink.json"  # the instructor collects every table's game
    lines += [
        "## The full debrief",
        "",
        "Press **D** for the debrief here: the deal beside 2019's, turning points, questions "
        "for discussion and every move with its reasons. For a printable copy: "
        f"`brink report {where} -o debrief.html`.",
        "",
        "Press N for a new game, T for the title screen, Q to quit.",
    ]
    return "\n".join(lines)


class EndingScreen(Screen[None]):
    BINDINGS = [
        Binding("d", "debrief", "Debrief"),
        Binding("n", "app.new_game", "New game"),
        Binding("t", "app.show_title", "Title screen"),
        Binding("q", "app.quit_game", "Quit"),
    ]
    HELP = "The game is over. Read how each side did and how it compares with 2019."

    def __init__(self, session: GameSession) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll():
            yield Markdown(ending_report(self.session, self.session.slot), id="ending")
        yield Footer()

    def action_debrief(self) -> None:
        self.app.push_screen(DebriefScreen(self.session))


class DebriefScreen(Screen[None]):
    """The same debrief `brink report` writes, read in the terminal."""

    BINDINGS = [Binding("escape,d", "app.pop_screen", "Back to the ending")]
    HELP = (
        "The debrief of this game: what was agreed beside 2019, the course of the crisis, "
        "scores, turning points, questions for discussion and the transcript with the AI's "
        "reasons. `brink report SAVE -o debrief.html` writes it as a printable page."
    )

    def __init__(self, session: GameSession) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        from game.report.render import to_markdown

        debrief = self.session.debrief()
        text = (
            to_markdown(debrief)
            if debrief is not None
            else "The debrief of this game is with your instructor (`brink class collect`)."
        )
        yield Header()
        with VerticalScroll():
            yield Markdown(text, id="debrief")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()
