"""The confidential briefing (dossier) and the codex of actors and terms."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, TabbedContent, TabPane

from game.i18n import N_, _, localise, ngettext
from game.play.interface import GameSession
from game.scenario.models import Person, RoleId, Scenario, as_role, other_role
from game.tui.plain import clean, md, md_block
from game.tui.screens.base import BrinkScreen
from game.tui.text import date_label
from game.tui.widgets.footer import Footer
from game.tui.widgets.markdown import Markdown


def _source(scenario: Scenario, ref: str) -> str:
    if ref == "designer":
        return _("designer")
    source = scenario.source(ref)
    if source is None:
        return md(ref)
    outlet = f", {md(localise(source.outlet))}" if source.outlet else ""
    return f"“{md(localise(source.title))}”{outlet}"


def _people(people: list[Person], bold: bool = False) -> str:
    """`Mike Pence (Vice President) and Mike Pompeo (Secretary of State)`."""
    named = [f"**{md(p.name)}**" if bold else md(p.name) for p in people]
    shown = [f"{name} ({md(localise(p.title))})" for name, p in zip(named, people, strict=True)]
    if len(shown) == 1:
        return shown[0]
    return _("{first} and {last}").format(first=", ".join(shown[:-1]), last=shown[-1])


def who_you_are(scenario: Scenario, role: str) -> str:
    """The player's part, first thing in the briefing: who they are, and who they face."""
    r = scenario.roles[as_role(role)]
    other = scenario.roles["mexico" if role == "us" else "us"]
    return _(
        "You are {you}, at the head of the {delegation}. Across the table: {them}, for the {other}."
    ).format(
        you=_people(r.delegates, bold=True),
        delegation=md(localise(r.name)),
        them=_people(other.delegates),
        other=md(localise(other.name)),
    )


def dossier(scenario: Scenario, role: str) -> str:
    r = scenario.roles[as_role(role)]
    other = scenario.roles[other_role(as_role(role))]
    lines = [
        "# " + _("{delegation} — confidential").format(delegation=md(localise(r.name))),
        "",
        who_you_are(scenario, role),
        "",
    ]
    lines += [md_block(localise(r.briefing)), "", "## " + _("Your objectives"), ""]
    for o in r.objectives:
        points = ngettext("{n} point", "{n} points", o.weight).format(n=o.weight)
        source = _source(scenario, o.source)
        lines.append(f"- **{md(localise(o.text))}** ({points}) — *{source}*")
    if r.red_lines:
        red = [f"- {md(localise(line))}" for line in r.red_lines]
        lines += ["", "## " + _("Red lines"), "", *red]
    wants = _("What the {other} delegation is known to want").format(
        other=md(localise(other.short))
    )
    lines += ["", f"## {wants}", "", md_block(localise(other.wants))]
    if r.key_figures:
        header = "| {} | {} | {} |".format(_("Figure"), _("Value"), _("Source"))
        lines += ["", "## " + _("Key figures"), "", header, "|---|---|---|"]
        for f in r.key_figures:
            figure = f"| {md(localise(f.label))} | {md(localise(f.value))} |"
            lines.append(f"{figure} {_source(scenario, f.source)} |")
    lines += ["", "## " + _("At the table"), ""]
    for p in r.delegates:
        lines.append(f"- **{md(p.name)}**, {md(localise(p.title))}. {md(localise(p.note))}")
    for p in r.offstage:
        away = _("not at the table")
        title, note = md(localise(p.title)), md(localise(p.note))
        lines.append(f"- *{md(p.name)}*, {title} ({away}). {note}")
    return "\n".join(lines)


def codex(scenario: Scenario) -> str:
    lines = [
        "# " + _("Codex"),
        "",
        _("Actors and terms you will meet, with the article behind each."),
        "",
    ]
    for entry in scenario.codex:
        lines.append(
            f"**{md(localise(entry.term))}** — {md(localise(entry.text))} "
            f"*({_source(scenario, entry.source)})*"
        )
        lines.append("")
    lines += ["## " + _("Sources"), ""]
    for s in scenario.sources:
        when = f", {md(date_label(s.date))}" if s.date else ""
        outlet = f", {md(localise(s.outlet))}" if s.outlet else ""
        lines.append(f"- {md(localise(s.title))}{outlet}{when}")
    return "\n".join(lines)


class BriefingScreen(BrinkScreen):
    BINDINGS = [
        Binding("enter", "to_table", N_("To the table"), id="briefing-to-table"),
        Binding(
            "escape", "to_table", N_("To the table"), show=False, id="briefing-to-table-escape"
        ),
        Binding("d", "tab('dossier')", N_("Dossier"), id="briefing-tab-dossier"),
        Binding("x", "tab('codex')", N_("Codex"), id="briefing-tab-codex"),
        Binding("pagedown", "page(1)", N_("Page down"), show=False, id="briefing-page-next"),
        Binding("pageup", "page(-1)", N_("Page up"), show=False, id="briefing-page-previous"),
    ]
    HELP = N_(
        "Your confidential briefing: read your objectives and red lines, what the other "
        "side wants, and the key figures. The codex explains the actors and terms. "
        "Press Enter to go to the negotiating table; B there brings you back."
    )

    def __init__(self, session: GameSession, role: RoleId, tab: str = "dossier") -> None:
        super().__init__()
        self.session = session
        self.role: RoleId = role
        self.initial_tab = tab

    def compose(self) -> ComposeResult:
        scenario = self.session.scenario
        yield Header()
        with TabbedContent(initial=self.initial_tab):
            with TabPane(_("Dossier"), id="dossier"), VerticalScroll(id="dossier-text"):
                yield Markdown(dossier(scenario, self.role))
            with TabPane(_("Codex"), id="codex"), VerticalScroll(id="codex-text"):
                if self.initial_tab == "codex":
                    yield self._codex()
        yield Footer()

    def _codex(self) -> Markdown:
        return Markdown(codex(self.session.scenario))

    async def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        """The codex is composed when it is first opened: most players read only the
        dossier, and the briefing is still alive while the table is being built (the
        table replaces it), so every widget it does without lowers that peak of memory."""
        text = self.query_one("#codex-text", VerticalScroll)
        if event.pane.id == "codex" and not text.children:
            await text.mount(self._codex())

    def on_mount(self) -> None:
        name = localise(self.session.scenario.roles[self.role].name)
        self.sub_title = _("Briefing — {delegation}").format(delegation=clean(name))

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
