"""The negotiating table: build an offer, answer theirs, read their reasons, watch the
clock, the meters and the news."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Header, Static, TabbedContent, TabPane

from game.engine.api import RoleView
from game.engine.moves import ACCEPT, ACT, IllegalMove, Move
from game.i18n import N_, _, localise
from game.play.interface import GameSession
from game.play.session import HUMAN
from game.scenario.models import RoleId, other_role
from game.tui import heap, repaint
from game.tui.plain import clean, plain
from game.tui.screens.base import BrinkScreen
from game.tui.text import describe_move
from game.tui.widgets.dashboard import Dashboard
from game.tui.widgets.footer import Footer
from game.tui.widgets.meters import MeterPanel
from game.tui.widgets.news import NewsFeed
from game.tui.widgets.offer import OfferTable
from game.tui.widgets.reply import ReplyText


class TableScreen(BrinkScreen):
    # Its layout (read when the screen is first shown; see brink.tcss).
    DEFAULT_CSS = """
    #table-body { height: 1fr; }
    #left { width: 3fr; min-width: 46; }
    #right { width: 2fr; min-width: 30; }
    #offer { height: 1fr; min-height: 6; }
    /* The selected issue in full: name, your option, theirs; wrapped, never cut. */
    #detail { height: auto; max-height: 7; padding: 0 1; background: $boost; }
    #status { height: auto; max-height: 2; padding: 0 1; }
    #moves { height: 1; margin: 0 0 0 0; }
    #moves Button { min-width: 8; width: 1fr; margin: 0 1 0 0; }
    #actions { height: auto; }
    #actions Button { width: 1fr; margin: 0 0 0 0; text-align: left; }
    /* #reasons pads its text itself (game/tui/widgets/reply.py), clear of its scroll bar. */

    /* Large terminals: the offer table takes what it needs and the meters stay in view. */
    #wide-meters { display: none; }
    TableScreen.wide #wide-meters { display: block; height: 1fr; border-top: solid $accent; }
    TableScreen.wide #offer { height: auto; max-height: 60%; }
    """

    BINDINGS = [
        # Not in the footer: the move buttons carry these keys, underlined.
        Binding("p", "propose", N_("Propose"), show=False, id="table-propose"),
        Binding("a", "accept", N_("Accept"), show=False, id="table-accept"),
        Binding("r", "reject", N_("Reject"), show=False, id="table-reject"),
        Binding("w", "walk_out", N_("Walk out"), show=False, id="table-walk-out"),
        # In the help and the palette; the footer keeps its room for the tabs' keys.
        Binding("m", "match", N_("Match theirs"), show=False, id="table-match"),
        Binding("b", "briefing", N_("Briefing"), id="table-briefing"),
        # The right-hand tabs, each with its own key (Tab cycles through them).
        Binding("y", "show_tab('reply')", N_("Reply"), id="table-show-tab-reply"),
        Binding("e", "show_tab('meters')", N_("Meters"), id="table-show-tab-meters"),
        Binding("n", "show_tab('news')", N_("News"), id="table-show-tab-news"),
        Binding(
            "1",
            "act(1)",
            N_("Take numbered action 1 (2…9 likewise)"),
            show=False,
            id="table-act-1",
        ),
        # No description: the help lists the numbered actions once, on the line above.
        *(Binding(str(n), f"act({n})", "", show=False, id=f"table-act-{n}") for n in range(2, 10)),
        Binding(
            "tab", "next_tab", N_("Next tab: Reply, Meters, News"), show=False, id="table-next-tab"
        ),
    ]
    HELP = N_(
        "Up/Down pick an issue, Left/Right (or Enter) change your option; the selected "
        "issue is written out in full under the table. Walking out leaves the threat to "
        "run its course. The tabs on the right: their reply and reasons, your meters, and "
        "the news (select an item to see why it happened). After the talks, numbered "
        "actions are what you can do next."
    )

    def __init__(self, session: GameSession, role: RoleId, later: bool = False) -> None:
        """`later`: the table is composed by `fill_in`, once the screen it replaces (the
        briefing, the hand-over) has been removed and freed (see
        `game.tui.lingering.FilledLater`). Until then it has no widgets, takes no keys,
        and the app passes it by (`app._table`)."""
        super().__init__()
        self.later = later
        self.typed_ahead: list[events.Key] = []  # keys pressed before then (`app.on_key`)
        self.session = session
        self.role: RoleId = role
        self.scenario = session.scenario
        self.action_buttons: list[Button] = []
        # A move sent to a class server and not yet answered (its description).
        self.sent = ""

    def compose(self) -> ComposeResult:
        if self.later:
            return
        yield Header()
        yield Dashboard(id="dashboard")
        with Horizontal(id="table-body"):
            with Vertical(id="left"):
                yield OfferTable(self.scenario, id="offer")
                yield Static(id="detail")
                yield Static(id="status")
                with Horizontal(id="moves"):
                    # The underlined letter is the key (P, A, R, W), as in a menu.
                    yield Button(_("[u]P[/u]ropose"), id="propose", variant="primary", compact=True)
                    yield Button(_("[u]A[/u]ccept"), id="accept", variant="success", compact=True)
                    yield Button(_("[u]R[/u]eject"), id="reject", compact=True)
                    yield Button(_("[u]W[/u]alk out"), id="walk_out", variant="error", compact=True)
                yield Vertical(id="actions")
                # Shown only on large terminals (class `wide`): the meters, always in view.
                yield MeterPanel(id="wide-meters")
            with TabbedContent(id="right", initial="reply"):
                with TabPane(_("Reply"), id="reply"):
                    yield ReplyText(id="reasons")
                with TabPane(_("Meters"), id="meters"):
                    yield MeterPanel(id="meter-panel")
                with TabPane(_("News"), id="news"):
                    yield NewsFeed(self.scenario, id="feed")
        yield Footer()

    async def fill_in(self) -> None:
        if self.later:
            self.later = False
            await self.recompose()
            self.on_mount()
            self.on_resize()
            self.refresh_bindings()
            for key in self.typed_ahead:
                self.app.post_message(events.Key(key.key, key.character))
            self.typed_ahead.clear()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not self.later  # a key before the table is filled in finds nothing to act on

    def on_mount(self) -> None:
        if self.later:
            return
        self._name_the_seat()
        table = self.query_one(OfferTable)
        view = self.session.view(self.role)
        mine = self.brink.drafts.get(self.role)
        table.load(
            view.offer if view.offer_by == other_role(self.role) else None,
            view.menu.offer_space,
            mine or view.offer or None,
        )
        table.focus()
        self.refresh_all()

    def on_unmount(self) -> None:
        heap.release()  # the app set the table's widgets aside (`BrinkApp._show`)

    def before_recompose(self) -> None:
        """The language changed: the action buttons are built again with the screen."""
        self.action_buttons = []
        self.__dict__.pop("actions", None)

    def _name_the_seat(self) -> None:
        """`Mexico delegation — Marcelo Ebrard` in the header; the delegation's short name
        when the whole would be cut (`Delegación de Estados Unidos — Mike Pence, Mike
        Pompeo` does not fit 80 columns beside the title)."""
        role = self.scenario.roles[self.role]
        delegates = ", ".join(d.name for d in role.delegates)
        full = f"{localise(role.name)} — {delegates}"
        # The header centres "title — sub-title" between its icon and the right margin.
        room = self.app.size.width - 16 - len(f"{self.app.title} — ")
        shown = full if len(full) <= room else f"{localise(role.short)} — {delegates}"
        self.sub_title = clean(shown)

    def on_resize(self) -> None:
        if self.later:
            return
        self._name_the_seat()
        wide = self.size.width >= 150 and self.size.height >= 40
        if wide and not self.has_class("wide"):
            self.add_class("wide")
            self._show_meters(self.session.view(self.role))
        self.set_class(wide, "wide")

    # ------------------------------------------------------------------ rendering
    def refresh_all(self) -> None:
        session = self.session
        view = session.view(self.role)
        actor = view.actor
        if view.ending:
            whose = _("The game is over")
        elif actor == self.role:
            whose = _("Your move ({delegation})").format(delegation=localise(view.delegation.short))
        else:
            whose = _("Waiting for {other}").format(other=localise(view.counterpart))
        self.query_one(Dashboard).show(view, whose, mine=not view.ending and actor == self.role)
        table = self.query_one(OfferTable)
        theirs = view.offer if view.offer_by == other_role(self.role) else None
        table.load(theirs, view.menu.offer_space)
        self._show_detail(table)
        for kind in ("propose", "accept", "reject", "walk_out"):
            button = self.query_one(f"#{kind}", Button)
            legal = (
                view.menu.can_propose if kind == "propose" else Move(self.role, kind) in view.menu
            )
            button.disabled = not legal
        self._show_actions(view)
        reasons = self.query_one("#reasons", ReplyText)
        reply = self._reply_text()
        if repaint.changed(reasons, reply):
            reasons.update(reply)
        self._show_meters(view)
        self.query_one(NewsFeed).show(view.events)

    def _show_meters(self, view: RoleView) -> None:
        history = self._meter_history()
        self.query_one("#meter-panel", MeterPanel).show(view.meters, history)
        # The panel beside the table is hidden below 150x40: it is filled when it shows.
        if self.has_class("wide"):
            wide = self.query_one("#wide-meters", MeterPanel)
            wide.show(view.meters, history)
            wide.reveal()  # in view, or about to be (the class has just been set)

    def _show_actions(self, view: RoleView) -> None:
        actions = [m for m in view.menu.moves if m.kind == ACT]
        if actions == getattr(self, "actions", None):
            return  # rebuilding buttons on every move costs more than the move itself
        self.actions = actions
        box = self.query_one("#actions", Vertical)
        # The buttons are reused and carry their number in `name`, not in an id: a removal
        # finishes only later, and a fixed id mounted again before it would clash.
        buttons = self.action_buttons
        for i, move in enumerate(actions, 1):
            label = plain(f"{i}. {self._action_label(move)}")
            if i <= len(buttons):
                buttons[i - 1].label = label
            else:
                buttons.append(Button(label, name=f"act-{i}", classes="action", compact=True))
                box.mount(buttons[-1])
        while len(buttons) > len(actions):
            buttons.pop().remove()

    def _action_label(self, move: Move) -> str:
        return localise(self.scenario.actions_by_id[move.action].label)

    def _reply_text(self) -> Text:
        them = other_role(self.role)
        reply = self.session.reply(them)
        text = Text()
        name = localise(self.scenario.roles[them].short)
        if self.session.players.get(them) == HUMAN:
            last = self.session.last_move(them)
            text.append(
                clean(
                    describe_move(self.scenario, last)
                    if last
                    else _("{other} has not moved yet.").format(other=name)
                )
            )
            return text
        if reply is None:
            text.append(
                clean(_("{other} has not answered yet. Make your move.").format(other=name)),
                style="dim",
            )
            return text
        move = reply.decision.move
        text.append(clean(describe_move(self.scenario, move)), style="bold")
        if move.offer:
            text.append(" " + _("(see “On the table”)"), style="dim")
        text.append("\n")
        if reply.decision.reasons:
            text.append("\n" + _("Why:") + "\n", style="bold")
            for reason in reply.decision.reasons:
                text.append(clean(f"• {localise(reason.text)}\n"))
        return text

    def _meter_history(self) -> dict[str, list[float]]:
        return self.session.meter_history(self.role)

    def set_status(self, message: str, error: bool = False) -> None:
        status = self.query_one("#status", Static)
        text = plain(message, style="bold red" if error else "green")
        if repaint.changed(status, text):
            status.update(text)

    # ------------------------------------------------------------------ events
    def on_offer_table_changed(self, event: OfferTable.Changed) -> None:
        table = self.query_one(OfferTable)
        self.brink.drafts[self.role] = dict(table.mine)
        self._show_detail(table)

    def _show_detail(self, table: OfferTable) -> None:
        widget = self.query_one("#detail", Static)
        detail = table.detail()
        if repaint.changed(widget, detail):
            widget.update(detail)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        ident = event.button.id or ""
        name = event.button.name or ""
        if name.startswith("act-"):
            self.action_act(int(name.removeprefix("act-")))
        elif ident in ("propose", "accept", "reject", "walk_out"):
            getattr(self, f"action_{ident}")()

    # ------------------------------------------------------------------ moves
    def action_propose(self) -> None:
        self._play(Move.propose(self.role, self.query_one(OfferTable).mine))

    def action_accept(self) -> None:
        self._play(Move(self.role, ACCEPT))

    def action_reject(self) -> None:
        self._play(Move(self.role, "reject"))

    def action_walk_out(self) -> None:
        self._play(Move(self.role, "walk_out"))

    def action_act(self, number: int) -> None:
        actions = getattr(self, "actions", [])
        if 1 <= number <= len(actions):
            self._play(actions[number - 1])
        else:
            self.set_status(_("There is no such action now."), error=True)

    def action_match(self) -> None:
        self.query_one(OfferTable).copy_theirs()

    def action_briefing(self) -> None:
        self.brink.show_briefing(self.role)

    def action_show_tab(self, tab: str) -> None:
        self._open_tab(tab)

    def action_next_tab(self) -> None:
        order = ["reply", "meters", "news"]
        self._open_tab(order[(order.index(self.query_one(TabbedContent).active) + 1) % 3])

    def _open_tab(self, tab: str) -> None:
        self._bring_up_to_date(tab)
        self.query_one(TabbedContent).active = tab

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        self._bring_up_to_date(event.pane.id or "")  # a click on the tab

    def _bring_up_to_date(self, tab: str) -> None:
        """The meters and the news are not redrawn behind another tab (each new text
        there lays the whole screen out again): they catch up as their tab opens."""
        if tab == "news":
            self.query_one(NewsFeed).show_why()
        elif tab == "meters":
            self.query_one("#meter-panel", MeterPanel).reveal()

    def _play(self, move: Move) -> None:
        reason = self.session.check(move)
        if reason is not None:
            # Nothing changes: the reason is shown and the offer stays as it was.
            self.set_status(_("Not allowed: {reason}.").format(reason=localise(reason)), error=True)
            return
        try:
            events = self.session.play(move)
        except IllegalMove as err:  # pragma: no cover - check_move said yes
            self.set_status(_("Not allowed: {reason}.").format(reason=localise(err)), error=True)
            return
        description = describe_move(self.scenario, move)
        if events is None:  # sent to the class server, which answers in a moment
            self.sent = description
            self.set_status(_("Sent: {move} — waiting for the table…").format(move=description))
            return
        self.brink.after_move(self.role, description)
