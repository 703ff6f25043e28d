"""The Textual side of a classroom seat: join with a code, and turn what the remote
session hears (a view pushed, a move acknowledged or refused, the connection lost or
back) into the same screens' refresh, status line and a banner.

`game.net` stays free of textual: the session calls a plain listener, which posts a
`SessionChanged` message to the app; the app handles it on its own loop."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message
from textual.widgets import Static

from game.i18n import _
from game.tui.plain import plain

if TYPE_CHECKING:
    from game.net.remote_session import Change
    from game.tui.app import BrinkApp
    from game.tui.screens.table import TableScreen

BANNER_ID = "connection-banner"


class SessionChanged(Message):
    def __init__(self, change: Change) -> None:
        super().__init__()
        self.change = change


class ConnectionBanner(Static):
    DEFAULT_CSS = """
    ConnectionBanner {
        dock: top; height: 1; width: 1fr; padding: 0 1;
        background: $error; color: $text; text-style: bold;
    }
    """


async def join_class(app: BrinkApp, classroom: str, code: str) -> None:
    """Connect to a seat; on success the game's screens open, else the join screen
    says why."""
    from game.net.client import ClassClientError
    from game.net.remote_session import RemoteSession
    from game.tui.screens.join import JoinScreen

    try:
        session = await RemoteSession.join(classroom, code, "browser" if app.is_web else "tui")
    except ClassClientError as err:
        screen = app.screen
        if isinstance(screen, JoinScreen):
            screen.failed(str(err))
        return
    app.remote = session

    def heard(change: Change) -> None:
        app.post_message(SessionChanged(change))

    session.listen(heard)
    app.begin(session)


def apply_change(app: BrinkApp, change: Change) -> None:
    from game.net.remote_session import ACKED, CONNECTION, REFUSED, VIEW
    from game.tui.screens.ending import EndingScreen
    from game.tui.screens.table import TableScreen

    session = app.session
    if session is None:
        return
    screen = app.screen
    table = screen if isinstance(screen, TableScreen) else None
    if change.kind == VIEW:
        if session.over:
            if not isinstance(screen, EndingScreen):
                app.show_ending()
        elif table is not None:
            table.refresh_all()
            if session.to_move == table.role:
                _their_move_arrived(table)
    elif change.kind == ACKED and table is not None:
        table.set_status(_("Done: {move}.").format(move=table.sent) if table.sent else _("Done."))
    elif change.kind == REFUSED and table is not None:
        table.set_status(_("Not allowed: {reason}.").format(reason=change.text), error=True)
    elif change.kind == CONNECTION:
        app.connection_problem = None if change.state == "connected" else change.text
        if change.state == "connected":
            app.notify(change.text, markup=False)
        place_banner(app)


def place_banner(app: BrinkApp) -> None:
    """Show the connection problem (if any) at the top of whatever screen is open."""
    screen = app.screen
    for other in app.screen_stack:
        if other is not screen or app.connection_problem is None:
            other.query(f"#{BANNER_ID}").remove()
    if app.connection_problem is None:
        return
    found = screen.query(f"#{BANNER_ID}")
    if found:
        found.first(Static).update(plain(app.connection_problem))
    else:
        screen.mount(ConnectionBanner(plain(app.connection_problem), id=BANNER_ID))


def _their_move_arrived(table: TableScreen) -> None:
    """Their move, pushed while this seat waited, in the status line."""
    from game.scenario.models import other_role
    from game.tui.text import describe_move

    last = table.session.last_move(other_role(table.role))
    if last is not None:
        table.set_status(_("{move} — your move.").format(move=describe_move(table.scenario, last)))
