"""The confidential briefing (dossier) and the codex of actors and terms."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Markdown, TabbedContent, TabPane

from game.play.interface import GameSession
from game.scenario.models import Person, RoleId, Scenario, as_role, other_role
from game.tui.plain import clean, md, md_block
from game.tui.screens.base import BrinkScreen


def _source(scenario: Scenario, ref: str) -> str:
    if ref == "designer":
        return "designer"
    source = scenario.source(ref)
    if source is None:
        return md(ref)
    outlet = f", {md(source.outlet)}" if source.outlet else ""
    return f"“{md(source.title)}”{outlet}"


def _people(people: list[Person], bold: bool = False) -> str:
    """`Mike Pence (Vice President) and Mike Pompeo (Secretary of State)`."""
    named = [f"**{md(p.name)}**" if bold else md(p.name) for p in people]
    shown = [f"{name} ({md(p.title)})" for name, p in zip(named, people, strict=True)]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def who_you_are(scenario: Scenario, role: str) -> str:
    """The player's part, first thing in the briefing: who they are, and who they face."""
    r = scenario.roles[as_role(role)]
    other = scenario.roles["mexico" if role == "us" else "us"]
    return (
        f"You are {_people(r.delegates, bold=True)}, at the head of the {md(r.name)}. "
        f"Across the table: {_people(other.delegates)}, for the {md(other.name)}."
    )


def dossier(scenario: Scenario, role: str) -> str:
    r = scenario.roles[as_role(role)]
    other = scenario.roles[other_role(as_role(role))]
    lines = [f"# {md(r.name)} — confidential", "", who_you_are(scenario, role), ""]
    lines += [md_block(r.briefing), "", "## Your objectives", ""]
    for o in r.objectives:
        lines.append(f"- **{md(o.text)}** ({o.weight} points) — *{_source(scenario, o.source)}*")
    if r.red_lines:
        lines += ["", "## Red lines", ""] + [f"- {md(line)}" for line in r.red_lines]
    known = f"## What the {md(other.short)} delegation is known to want"
    lines += ["", known, "", md_block(other.wants)]
    if r.key_figures:
        lines += ["", "## Key figures", "", "| Figure | Value | Source |", "|---|---|---|"]
        for f in r.key_figures:
            lines.append(f"| {md(f.label)} | {md(f.value)} | {_source(scenario, f.source)} |")
    lines += ["", "## At the table", ""]
    for p in r.delegates:
        lines.append(f"- **{md(p.name)}**, {md(p.title)}. {md(p.note)}")
    for p in r.offstage:
        lines.append(f"- *{md(p.name)}*, {md(p.title)} (not at the table). {md(p.note)}")
    return "\n".join(lines)


def codex(scenario: Scenario) -> str:
    lines = ["# Codex", "", "Actors and terms you will meet, with the article behind each.", ""]
    for entry in scenario.codex:
        lines.append(
            f"**{md(entry.term)}** — {md(entry.text)} *({_source(scenario, entry.source)})*"
        )
        lines.append("")
    lines += ["## Sources", ""]
    for s in scenario.sources:
        when = f", {md(s.date)}" if s.date else ""
        lines.append(f"- {md(s.title)}{', ' + md(s.outlet) if s.outlet else ''}{when}")
    return "\n".join(lines)


class BriefingScreen(BrinkScreen):
    BINDINGS = [
        Binding("enter", "to_table", "To the table", id="briefing-to-table"),
        Binding("escape", "to_table", "To the table", show=False, id="briefing-to-table-escape"),
        Binding("d", "tab('dossier')", "Dossier", id="briefing-tab-dossier"),
        Binding("x", "tab('codex')", "Codex", id="briefing-tab-codex"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="briefing-page-next"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="briefing-page-previous"),
    ]
    HELP = (
        "Your confidential briefing: read your objectives and red lines, what the other "
        "side wants, and the key figures. The codex explains the actors and terms. "
        "Press Enter to go to the negotiating table; B there brings you back."
    )

    def __init__(self, session: GameSession, role: str, tab: str = "dossier") -> None:
        super().__init__()
        self.session = session
        self.role: RoleId = as_role(role)
        self.initial_tab = tab

    def compose(self) -> ComposeResult:
        scenario = self.session.scenario
        yield Header()
        with TabbedContent(initial=self.initial_tab):
            with TabPane("Dossier", id="dossier"), VerticalScroll(id="dossier-text"):
                yield Markdown(dossier(scenario, self.role))
            with TabPane("Codex", id="codex"), VerticalScroll(id="codex-text"):
                yield Markdown(codex(scenario))
        yield Footer()

    def on_mount(self) -> None:
        name = self.session.scenario.roles[self.role].name
        self.sub_title = f"Briefing — {clean(name)}"

    def action_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab

    def action_page(self, direction: int) -> None:
        """PageUp/PageDown scroll the open tab, wherever the focus is (the tab strip)."""
        active = self.query_one(TabbedContent).active
        text = self.query_one(f"#{active}-text", VerticalScroll)
        if direction > 0:
            text.scroll_page_down()
        else:
            text.scroll_page_up()

    def action_to_table(self) -> None:
        self.brink.show_table(self.role)
