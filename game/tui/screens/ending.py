"""The ending: what happened, how each side scored, and what happened in history."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header

from game.i18n import N_, _, current, localise
from game.play.interface import GameSession
from game.scenario.models import ROLES
from game.tui.plain import md, md_code
from game.tui.widgets.footer import Footer
from game.tui.widgets.markdown import Markdown


def ending_report(session: GameSession) -> str:
    scenario = session.scenario
    result = session.outcome()
    ending = result.ending
    lines = [f"# {md(localise(ending.title)) if ending else _('The talks are over')}", ""]
    if ending is not None:
        lines += [md(localise(ending.summary)), ""]
        if ending.historical:
            lines += ["**" + _("This is the ending history took.") + "**", ""]
    winners = [md(localise(scenario.roles[r].short)) for r in ROLES if result.success.get(r)]
    for role in ROLES:
        if role not in result.scores:
            continue  # a class seat without the scenario file here: scores are the server's
        r = scenario.roles[role]
        verdict = _("success") if result.success[role] else _("not a success")
        you = _(" (you)") if role in session.humans else ""
        lines += [f"## {md(localise(r.name))}{you}: {result.scores[role]}/100 — {verdict}", ""]
        lines += [_why_verdict(result.success[role], winners), ""]
        lines += ["| {} | {} | {} |".format(_("Objective"), _("Points"), _("Met")), "|---|---|---|"]
        for o in result.objectives[role]:
            met = _("yes") if o.met else _("no")
            lines.append(f"| {md(localise(o.text))} | {o.weight} | {met} |")
        lines.append("")
    if ending is not None and ending.history:
        history = md(localise(ending.history))
        lines += ["## " + _("What happened in history"), "", history, ""]
    lines += [
        "## " + _("The full debrief"),
        "",
        _(
            "Press **D** for the debrief here: the deal beside 2019's, turning points, "
            "questions for discussion and every move with its reasons."
        )
        + " "
        + _printable_hint(session),
        "",
        _("Press N for a new game, T for the title screen, Q to quit."),
    ]
    return "\n".join(lines)


def _why_verdict(success: bool, winners: list[str]) -> str:
    """Say that the ending decides success, so a high score that is "not a success" (or
    the reverse) does not read as a mistake."""
    verdict = _("Success") if success else _("Not a success")
    who = (
        _("this ending counts as a success for {side} only").format(side=winners[0])
        if len(winners) == 1
        else _("this ending counts as a success for both sides")
        if winners
        else _("this ending counts as a success for neither side")
    )
    return (
        "*"
        + _(
            "{verdict}: success is decided by the ending reached, not by the points — {who}. "
            "The points measure the objectives met along the way."
        ).format(verdict=verdict, who=who)
        + "*"
    )


def _printable_hint(session: GameSession) -> str:
    """How to print this very game's debrief: its own save, by slot name when the save
    folder is the usual one, else by path."""
    from game.userdirs import save_dir

    if session.is_class_game:
        return _(
            "Your instructor collects every table's game; `brink report` prints its "
            "debrief from the collected save."
        )
    path = session.save_path
    if path is None:
        return _("Save the game (Ctrl+S) to print its debrief with `brink report`.")
    where = path.name.removesuffix(".brink.json") if path.parent == save_dir() else str(path)
    # A reader playing in another language than English wants the report in it too, and
    # `brink report` alone follows the system locale, not this game's switch.
    lang = "" if current() == "en" else f" --lang {current()}"
    # The file is the reader's to keep: named in their language.
    page = _("debrief.html")
    command = md_code(f"brink report {where}{lang} -o {page}")
    return _("For a printable copy: {command}.").format(command=command)


class EndingScreen(Screen[None]):
    # Its layout (read when the screen is first shown; see brink.tcss).
    DEFAULT_CSS = """
    #ending { padding: 0 2; }
    """

    BINDINGS = [
        Binding("d", "debrief", N_("Debrief"), id="ending-debrief"),
        Binding("n", "app.new_game", N_("New game"), id="ending-new-game"),
        Binding("t", "app.show_title", N_("Title screen"), id="ending-show-title"),
        Binding("q", "app.quit_game", N_("Quit"), id="ending-quit-game"),
    ]
    HELP = N_("The game is over. Read how each side did and how it compares with 2019.")

    def __init__(self, session: GameSession, later: bool = False) -> None:
        """`later`: the screen is composed by `fill_in`, once the table it replaces is gone
        (see `game.tui.lingering.FilledLater`)."""
        super().__init__()
        self.session = session
        self.later = later

    def compose(self) -> ComposeResult:
        if self.later:
            return  # nothing, not even the header: the table is still being removed
        yield Header()
        with VerticalScroll():
            yield Markdown(ending_report(self.session), id="ending")
        yield Footer()

    async def fill_in(self) -> None:
        if self.later:
            self.later = False
            await self.recompose()

    def action_debrief(self) -> None:
        self.app.push_screen(DebriefScreen(self.session))


class DebriefScreen(Screen[None]):
    # Its layout (read when the screen is first shown; see brink.tcss).
    DEFAULT_CSS = """
    /* The debrief: text wraps at the screen's width, but a table wider than the screen (the
       course of the crisis, at 100 columns) keeps whole cells, dates included, and the
       debrief scrolls sideways to show it. */
    #debrief-scroll { overflow-x: auto; }
    #debrief { width: auto; min-width: 100%; padding: 0 0 0 1; }
    #debrief > * { max-width: 100vw; padding-right: 4; }
    #debrief > MarkdownTable { width: auto; max-width: 400; }
    """

    """The same debrief `brink report` writes, read in the terminal."""

    BINDINGS = [
        Binding("escape,d", "app.pop_screen", N_("Back to the ending"), id="debrief-pop-screen")
    ]
    HELP = N_(
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
            else _("The debrief of this game is with your instructor (`brink class collect`).")
        )
        yield Header()
        with VerticalScroll(id="debrief-scroll"):
            yield Markdown(text, id="debrief")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()
