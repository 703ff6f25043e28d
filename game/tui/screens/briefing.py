"""The confidential briefing (dossier) and the codex of actors and terms."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Markdown, TabbedContent, TabPane

from game.play.interface import GameSession
from game.scenario.models import Person, RoleId, Scenario, as_role, other_role
from game.tui.screens.base import BrinkScreen


def _source(scenario: Scenario, ref: str) -> str:
    if ref == "designer":
        return "designer"
    source = scenario.source(ref)
    if source is None:
        return ref
    outlet = f", {source.outlet}" if source.outlet else ""
    return f"“{source.title}”{outlet}"


def _people(people: list[Person], bold: bool = False) -> str:
    """`Mike Pence (Vice President) and Mike Pompeo (Secretary of State)`."""
    named = [f"**{p.name}**" if bold else p.name for p in people]
    shown = [f"{name} ({p.title})" for name, p in zip(named, people, strict=True)]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def who_you_are(scenario: Scenario, role: str) -> str:
    """The player's part, first thing in the briefing: who they are, and who they face."""
    r = scenario.roles[as_role(role)]
    other = scenario.roles["mexico" if role == "us" else "us"]
    return (
        f"You are {_people(r.delegates, bold=True)}, at the head of the {r.name}. "
        f"Across the table: {_people(other.delegates)}, for the {other.name}."
    )


def dossier(scenario: Scenario, role: str) -> str:
    r = scenario.roles[as_role(role)]
    other = scenario.roles[other_role(as_role(role))]
    lines = [f"# {r.name} — confidential", "", who_you_are(scenario, role), ""]
    lines += [r.briefing.strip(), "", "## Your objectives", ""]
    for o in r.objectives:
        lines.append(f"- **{o.text}** ({o.weight} points) — *{_source(scenario, o.source)}*")
    if r.red_lines:
        lines += ["", "## Red lines", ""] + [f"- {line}" for line in r.red_lines]
    lines += ["", f"## What the {other.short} delegation is known to want", "", other.wants.strip()]
    if r.key_figures:
        lines += ["", "## Key figures", "", "| Figure | Value | Source |", "|---|---|---|"]
        for f in r.key_figures:
            lines.append(f"| {f.label} | {f.value} | {_source(scenario, f.source)} |")
    lines += ["", "## At the table", ""]
    for p in r.delegates:
        lines.append(f"- **{p.name}**, {p.title}. {p.note}")
    for p in r.offstage:
        lines.append(f"- *{p.name}*, {p.title} (not at the table). {p.note}")
    return "\n".join(lines)


def codex(scenario: Scenario) -> str:
    lines = ["# Codex", "", "Actors and terms you will meet, with the article behind each.", ""]
    for entry in scenario.codex:
        lines.append(
            f"**{entry.term}** — {' '.join(entry.text.split())} "
            f"*({_source(scenario, entry.source)})*"
        )
        lines.append("")
    lines += ["## Sources", ""]
    for s in scenario.sources:
        when = f", {s.date}" if s.date else ""
        lines.append(f"- {s.title}{', ' + s.outlet if s.outlet else ''}{when}")
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
        self.sub_title = f"Briefing — {self.session.scenario.roles[self.role].name}"

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
