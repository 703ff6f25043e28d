"""`brink class console URL CODE`: the instructor's view of a running classroom.

A live table of every table (pushed by the server after each move), and from it: pause
and resume one table or all, move the tariff deadline, fire the scenario's injects,
open a table read-only with both delegations' views, collect every game to a folder.
Each intervention reaches the table's log as an instructor move, as F2 does at home.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Header, Label, OptionList, Static
from textual.widgets.option_list import Option

from game.i18n import N_, _, choose_language, localise, ngettext, use
from game.scenario.models import is_role
from game.tui import heap
from game.tui.plain import clean, plain
from game.tui.remote import BANNER_ID, ConnectionBanner
from game.tui.text import date_label
from game.tui.widgets.footer import Footer

if TYPE_CHECKING:
    from game.net.client import ClassClient
    from game.net.protocol import Applied, TableRow, Tables, ViewPush
    from game.scenario.models import Scenario

EXTENSION_DAYS = 7
COLUMNS = (
    N_("Table"),
    N_("Phase"),
    N_("Date"),
    N_("Tariff"),
    N_("To move"),
    N_("Last move"),
    N_("Ago"),
    N_("Ending"),
    N_("Seats"),
)
PHASE_WIDTH, MOVE_WIDTH = 26, 34


def ago(when: float | None, now: float) -> str:
    if when is None:
        return "—"
    seconds = max(0, int(now - when))
    if seconds < 60:
        return f"{seconds}s"
    if seconds < 3600:
        return f"{seconds // 60}m"
    return f"{seconds // 3600}h{seconds % 3600 // 60:02d}"


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


CONSOLE_TITLE = N_("Brinkmanship — class console")


class ConsoleApp(App[None]):
    TITLE = CONSOLE_TITLE
    CSS_PATH = "brink.tcss"
    CSS = """
    #tables { height: 1fr; }
    #console-status { height: 2; padding: 0 1; }
    .watch-side { width: 1fr; padding: 0 1; }
    .watch-reply { height: auto; max-height: 8; }
    .watch-side NewsFeed { height: 1fr; }
    """
    # At 80 columns the footer shows the per-table keys; the keys for every table at
    # once (P, R, D, I) stay hidden there and are listed by the palette's "Keys" panel.
    BINDINGS = [
        Binding("p", "pause", N_("Pause/resume"), id="console-pause"),
        Binding("P", "all('pause')", N_("Pause all"), show=False, id="console-pause-all"),
        Binding("R", "all('resume')", N_("Resume all"), show=False, id="console-resume-all"),
        Binding("d", "extend", N_("+7 days"), id="console-extend"),
        Binding("D", "all('extend')", N_("All +7d"), show=False, id="console-extend-all"),
        Binding("i", "inject", N_("Inject"), id="console-inject"),
        Binding("I", "inject_all", N_("Inject all"), show=False, id="console-inject-all"),
        Binding("enter,o", "open", N_("Open"), id="console-open"),
        Binding("c", "collect", N_("Collect"), id="console-collect"),
        Binding("ctrl+q", "quit", N_("Quit"), priority=True, id="console-quit"),
    ]

    def __init__(
        self,
        classroom: str,
        code: str,
        output: Path = Path("class-games"),
        lang: str | None = None,
    ) -> None:
        super().__init__()
        use(choose_language(lang))
        self.title = _(CONSOLE_TITLE)
        self.classroom = classroom
        self.code = code
        self.output = output
        self.client: ClassClient | None = None
        self.scenario: Scenario | None = None
        self.rows: list[TableRow] = []
        self.injects: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="tables", cursor_type="row", zebra_stripes=True)
        yield Static(
            plain(_("Connecting to {room}…").format(room=self.classroom)), id="console-status"
        )
        yield Footer()

    def on_mount(self) -> None:
        self.call_after_refresh(heap.start_up_done)
        self._show_rows()  # the headers, before any table is known
        self.run_worker(self._connect(), exclusive=True, group="connection")
        # "How long ago" changes with time alone: repaint it now and then.
        self.set_interval(5, self._show_rows)

    async def _connect(self) -> None:
        from game.net.client import ClassClient, ClassClientError
        from game.net.remote_session import seat_scenario

        client = ClassClient(self.classroom, self.code, "console", on_state=self._connection)
        try:
            welcome = await client.connect()
        except ClassClientError as err:
            # Printed by Rich, which would read markup in a str: the server's words as text.
            self.exit(return_code=1, message=plain(f"brink class console: {err}"))
            return
        if not welcome.seat.instructor:
            await client.close()
            self.exit(
                return_code=1,
                message=plain(
                    "brink class console: "
                    + _(
                        "that is a seat's code; the console needs the instructor's code "
                        "(join a seat with `brink join`)"
                    )
                ),
            )
            return
        self.client = client
        self.scenario = seat_scenario(welcome.scenario)
        tables = ngettext("{n} table", "{n} tables", welcome.tables).format(n=welcome.tables)
        seed = _("seed {seed}").format(seed=welcome.seed)
        self.sub_title = clean(f"{localise(self.scenario.title)} · {tables} · {seed}")
        self.status(_("Connected to {room}.").format(room=self.classroom))
        if client.tables is not None:
            self._tables(client.tables)
        while True:
            push = await client.pushes.get()
            if push.type == "tables":
                self._tables(push)
            else:
                self._view(push)

    async def on_unmount(self) -> None:
        if self.client is not None:
            self.client.on_state = None  # no screen is left to show the connection on
            await self.client.close()

    # ------------------------------------------------------------------ pushes
    def _tables(self, tables: Tables) -> None:
        self.rows = list(tables.rows)
        self.injects = dict(tables.injects)
        self._show_rows()

    def _show_rows(self) -> None:
        table = self.query_one(DataTable)
        now = time.time()
        cursor = table.cursor_row
        rows = [self._row_words(row, now) for row in self.rows]
        headers = [_(c) for c in COLUMNS]
        # Each column as wide as its widest cell, set here: a DataTable measures its
        # columns only when idle, and a table painted before then kept the header's
        # width for its cells («Whit» for the phase at 80 columns).
        widths = [
            max(cell_len(t) for t in (h, *(r[i] for r in rows))) for i, h in enumerate(headers)
        ]
        table.clear(columns=True)
        for header, width in zip(headers, widths, strict=True):
            table.add_column(plain(header), width=width)
        for row, cells in zip(self.rows, rows, strict=True):
            # A str cell would be read as Rich markup: every cell is a plain Text.
            table.add_row(*map(plain, cells), key=str(row.table))
        if self.rows:
            table.move_cursor(row=min(max(cursor, 0), len(self.rows) - 1))

    def _row_words(self, row: TableRow, now: float) -> tuple[str, ...]:
        paused = " " + _("(paused)") if row.clock_paused else ""
        return (
            str(row.table),
            _cut(localise(row.phase), PHASE_WIDTH) + paused,
            date_label(row.date),
            f"{row.tariff_rate:g}%",
            self._delegation(row.to_move) or "—",
            _cut(localise(row.last_move), MOVE_WIDTH) or "—",
            ago(row.last_move_at, now),
            self._ending(row.ending),
            " ".join(f"{r}:{n}" for r, n in row.seats.items()),
        )

    def _delegation(self, role: str) -> str:
        """Whose turn, as the scenario names the delegation (its id if unknown)."""
        if self.scenario is None or not is_role(role):
            return role
        return localise(self.scenario.roles[role].short)

    def _ending(self, ending: str | None) -> str:
        if ending is None:
            return ""
        found = self.scenario.ending(ending) if self.scenario is not None else None
        return localise(found.title) if found is not None else ending

    def _view(self, push: ViewPush) -> None:
        screen = self.screen
        if isinstance(screen, WatchScreen) and screen.table == push.table:
            screen.show(push)

    def _connection(self, state: str) -> None:
        for banner in self.screen.query(f"#{BANNER_ID}"):
            banner.remove()
        if state == "reconnecting":
            self.screen.mount(
                ConnectionBanner(
                    _("Connection to the classroom lost — reconnecting…"), id=BANNER_ID
                )
            )
        elif state == "connected" and self.client is not None:
            self.status(_("Connected."))

    def status(self, message: str, error: bool = False) -> None:
        self.query_one("#console-status", Static).update(
            plain(message, style="bold red" if error else "")
        )

    # ------------------------------------------------------------------ actions
    def selected(self) -> TableRow | None:
        table = self.query_one(DataTable)
        if not self.rows or table.cursor_row < 0:
            return None
        return self.rows[min(table.cursor_row, len(self.rows) - 1)]

    def action_pause(self) -> None:
        row = self.selected()
        if row is not None:
            self.command("resume" if row.clock_paused else "pause", row.table)

    def action_extend(self) -> None:
        row = self.selected()
        if row is not None:
            self.command("extend", row.table)

    def action_all(self, action: str) -> None:
        self.command(action, None)

    def action_inject(self) -> None:
        row = self.selected()
        if row is not None:
            self._pick_inject(row.table)

    def action_inject_all(self) -> None:
        self._pick_inject(None)

    def _pick_inject(self, table: int | None) -> None:
        if not self.injects:
            self.status(_("This scenario has no injects."), error=True)
            return

        def chosen(inject: str | None) -> None:
            if inject:
                self.command("inject", table, inject)

        where = _("table {n}").format(n=table) if table is not None else _("every table")
        self.push_screen(InjectPicker(self.injects, where), chosen)

    def command(self, action: str, table: int | None, inject: str = "") -> None:
        self.run_worker(self._command(action, table, inject), group="commands")

    async def _command(self, action: str, table: int | None, inject: str) -> None:
        from game.net.client import ClassClientError

        if self.client is None:
            return
        try:
            applied = await self.client.instructor(action, table, inject, EXTENSION_DAYS)
        except (ClassClientError, TimeoutError) as err:
            self.status(_("Not done: {error}").format(error=err), error=True)
            return
        self.status(*self._result(action, inject, applied))

    def _result(self, action: str, inject: str, applied: Applied) -> tuple[str, bool]:
        what = {
            "pause": _("clock paused"),
            "resume": _("clock restarted"),
            "extend": _("deadline moved {days} days later").format(days=EXTENSION_DAYS),
            "inject": _("inject “{inject}” fired").format(
                inject=localise(self.injects.get(inject, inject))
            ),
        }[action]
        done = [r.table for r in applied.results if r.reason is None]
        refused = [
            _("table {n}: {reason}").format(n=r.table, reason=r.reason)
            for r in applied.results
            if r.reason
        ]
        parts = []
        if done:
            at = ngettext("{what} at table {tables}.", "{what} at tables {tables}.", len(done))
            parts.append(at.format(what=what.capitalize(), tables=", ".join(map(str, done))))
        if refused:
            parts.append(_("Not done at {tables}.").format(tables="; ".join(refused)))
        return " ".join(parts) or _("No table."), bool(refused) and not done

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open()

    def action_open(self) -> None:
        row = self.selected()
        if row is None or self.client is None or self.scenario is None:
            return
        self.push_screen(WatchScreen(row.table, self.scenario))
        self.run_worker(self.client.watch(row.table), group="commands")

    def action_collect(self) -> None:
        self.run_worker(self._collect(), group="commands")

    async def _collect(self) -> None:
        from game.net.client import ClassClientError
        from game.net.collect import collect

        try:
            written = await collect(self.classroom, self.code, self.output)
        except (ClassClientError, OSError) as err:
            self.status(_("Not collected: {error}").format(error=err), error=True)
            return
        saved = ngettext(
            "{n} game saved in {folder}.", "{n} games saved in {folder}.", len(written)
        )
        self.status(saved.format(n=len(written), folder=self.output))


class InjectPicker(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "dismiss(None)", N_("Cancel"), id="inject-picker-dismiss")]

    def __init__(self, injects: dict[str, str], where: str) -> None:
        super().__init__()
        self.injects = injects
        self.where = where

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(
                plain(_("Fire an inject at {where} (recorded in its log)").format(where=self.where))
            )
            yield OptionList(
                *(Option(plain(localise(label)), id=i) for i, label in self.injects.items())
            )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)


class WatchScreen(Screen[None]):
    """One table read-only: both delegations' views side by side, as each sees it, with
    the AI's reasons for both chairs (the instructor may read them)."""

    BINDINGS = [
        Binding("escape,o", "app.pop_screen", N_("Back to all tables"), id="watch-pop-screen")
    ]

    def __init__(self, table: int, scenario: Scenario) -> None:
        super().__init__()
        self.table = table
        self.scenario = scenario

    def compose(self) -> ComposeResult:
        from game.tui.widgets.dashboard import Dashboard
        from game.tui.widgets.news import NewsFeed

        yield Header()
        with Horizontal(id="watch"):
            for role in ("us", "mexico"):
                with Vertical(id=f"watch-{role}", classes="watch-side"):
                    yield Label(
                        plain(localise(self.scenario.roles[role].name)), classes="group-title"
                    )
                    yield Dashboard(id=f"dash-{role}")
                    with VerticalScroll(classes="watch-reply"):
                        yield Static(_("Waiting for the table's views…"), id=f"reply-{role}")
                    yield NewsFeed(self.scenario, id=f"news-{role}")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = _("Table {n} (read-only)").format(n=self.table)

    def show(self, push: ViewPush) -> None:
        from game.engine.moves import Move
        from game.net.views import view_from_payload
        from game.scenario.models import as_role
        from game.tui.text import describe_move
        from game.tui.widgets.dashboard import Dashboard
        from game.tui.widgets.news import NewsFeed

        view = view_from_payload(push.view)
        role = push.role
        if view.ending:
            whose = _("The game is over")
        elif view.actor == role:
            whose = _("To move")
        else:
            whose = _("Waiting for {other}").format(other=localise(view.counterpart))
        self.query_one(f"#dash-{role}", Dashboard).show(view, whose, mine=False)
        text = Text()
        if view.offer:
            by = (
                localise(self.scenario.roles[as_role(view.offer_by)].short) if view.offer_by else ""
            )
            text.append(clean(_("On the table ({by}): ").format(by=by)), style="bold")
            text.append(clean(", ".join(f"{i}={o}" for i, o in view.offer.items())) + "\n")
        reply = push.replies.get(role)
        if reply is not None:
            move = Move.from_json(reply.move)
            text.append(clean(describe_move(self.scenario, move)), style="bold")
            text.append("\n")
            for reason in reply.reasons:
                text.append(clean(f"• {localise(reason)}\n"))
        self.query_one(f"#reply-{role}", Static).update(text)
        self.query_one(f"#news-{role}", NewsFeed).show(view.events)


def run(classroom: str, code: str, output: Path, lang: str | None = None) -> int:
    app = ConsoleApp(classroom, code, output, lang)
    app.run()
    return app.return_code or 0
