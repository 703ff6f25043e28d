"""`brink class start`: open a classroom — one table per pair of teams, a code per seat.

Prints the address students use, every code, and writes the roster CSV. Restarted with
the same --db it resumes every table where it stopped (the codes stay the same)."""

from __future__ import annotations

import argparse
import errno
import ipaddress
import secrets
import socket
import sys
from pathlib import Path
from typing import Any

from game.cli.common import CommandFailed, load_or_report
from game.i18n import _, localise, ngettext
from game.scenario.models import ROLES, RoleId, as_role

DEFAULT_PORT = 8765
MAX_TABLES = 200


def register(sub: Any, name: str) -> None:
    parser = sub.add_parser(
        name,
        help=_("open a classroom and print the join codes"),
        description=_(
            "Open a classroom: one server runs every table's game. Prints the "
            "address students use, a code per seat and the instructor's code, and writes "
            "them to a roster CSV. Bound to this computer (127.0.0.1) unless --host says "
            "otherwise. Restart with the same --db to resume every table."
        ),
    )
    parser.add_argument("scenario", metavar="PATH|ID", help=_("scenario id or file"))
    parser.add_argument("--tables", type=int, help=_("number of tables (a new room needs it)"))
    parser.add_argument(
        "--ai", choices=("us", "mexico"), help=_("the AI takes this chair at every table")
    )
    parser.add_argument(
        "--ai-level",
        choices=("easy", "normal", "hard"),
        default="normal",
        help=_("the AI's difficulty (normal)"),
    )
    parser.add_argument("--seed", type=int, help=_("game seed, the same at every table (random)"))
    parser.add_argument(
        "--db", type=Path, help=_("the room's database (default: <scenario>-class.db here)")
    )
    parser.add_argument("--host", default="127.0.0.1", help=_("interface to listen on (127.0.0.1)"))
    parser.add_argument(
        "--port",
        type=int,
        default=DEFAULT_PORT,
        help=_("port ({port}; 0 picks a free one)").format(port=DEFAULT_PORT),
    )
    parser.add_argument(
        "--roster", type=Path, help=_("where to write the codes (default: next to the database)")
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from game.net.codes import new_roster, write_roster
    from game.net.room import Room
    from game.net.server import ClassServer, run_until_stopped
    from game.net.store import RoomSettings, RoomStore, StoreError
    from game.play.session import HUMAN
    from game.saves import SaveError

    if not 0 <= args.port < 65536:
        _fail(_("--port must be between 0 and 65535"), 2)
    ruleset = load_or_report(args.scenario)
    db = args.db or Path(f"{ruleset.id}-class.db")
    try:
        store = RoomStore(db)
        settings = store.settings()
        if settings is None:
            if args.tables is None:
                _fail(_("a new room needs --tables N"), 2)
            if not 1 <= args.tables <= MAX_TABLES:
                _fail(_("--tables must be between 1 and {max}").format(max=MAX_TABLES), 2)
            players: dict[RoleId, str] = {r: HUMAN for r in ROLES}
            if args.ai:
                players[as_role(args.ai)] = f"ai-{args.ai_level}"
            settings = RoomSettings(
                scenario=str(args.scenario),
                scenario_id=ruleset.id,
                scenario_sha256=ruleset.file.play_digest,
                seed=args.seed if args.seed is not None else secrets.randbelow(1_000_000),
                tables=args.tables,
                players=players,
            )
            humans = [r for r in ROLES if players[r] == HUMAN]
            store.create(settings, new_roster(settings.tables, humans))
            resumed = False
        else:
            _check_same_room(settings, ruleset, args, db)
            resumed = True
        room = Room(settings, ruleset, store)
    except (StoreError, SaveError) as err:
        _fail(str(err), 1)
    roster_path = args.roster or db.with_name(f"{db.stem}-roster.csv")
    roster = store.roster()
    write_roster(roster, roster_path)
    from game.cli.browser_seats import PREFIX, BrowserSeats

    seats = BrowserSeats()
    server = ClassServer(room, setup=seats.install)

    def ready(host: str, port: int) -> None:
        url = f"http://{_url_host(host)}:{port}"
        seats.listening(host, port)
        opened = (
            _("Resumed a classroom: {title}, {tables}, seed {seed}")
            if resumed
            else _("Opened a classroom: {title}, {tables}, seed {seed}")
        )
        tables = room.settings.tables
        print(
            opened.format(
                title=localise(ruleset.scenario.title),
                tables=ngettext("{n} table", "{n} tables", tables).format(n=tables),
                seed=room.settings.seed,
            )
        )
        print(_("Classroom open at {url}").format(url=url))
        _print_codes(roster)
        print(_("Roster written to {roster}; moves kept in {db}").format(roster=roster_path, db=db))
        browser = (
            "   " + _("(or open {url} in a browser)").format(url=f"{url}{PREFIX}/")
            if seats.installed
            else ""
        )
        print(_("Students:") + f" brink join {url} CODE{browser}")
        print(_("Instructor:") + f" brink class console {url} CODE")
        _warn_if_public(host, port)
        print(
            _("Ctrl+C stops the server; start it again with the same --db to resume."), flush=True
        )

    try:
        run_until_stopped(server, args.host, args.port, ready)
        print(_("Classroom closed; every move is kept in {db}").format(db=db), file=sys.stderr)
    except OSError as err:
        if isinstance(err, socket.gaierror) or err.errno in (errno.EADDRNOTAVAIL, errno.EINVAL):
            _fail(
                _("cannot listen on host {host!r}: {error}").format(
                    host=args.host, error=err.strerror or err
                ),
                2,
            )
        if err.errno == errno.EADDRINUSE:
            _fail(
                _("port {port} is already in use; choose another with --port").format(
                    port=args.port
                ),
                1,
            )
        if err.errno == errno.EACCES:
            _fail(
                _("not allowed to listen on port {port}; choose one above 1024").format(
                    port=args.port
                ),
                1,
            )
        _fail(
            _("cannot listen on {address}: {error}").format(
                address=f"{args.host}:{args.port}", error=err.strerror or err
            ),
            1,
        )
    except KeyboardInterrupt:  # a second Ctrl+C while closing
        print(_("Classroom closed; every move is kept in {db}").format(db=db), file=sys.stderr)
    finally:
        store.close()
    return 0


def _check_same_room(settings: Any, ruleset: Any, args: argparse.Namespace, db: Path) -> None:
    if settings.scenario_id != ruleset.id or not ruleset.file.accepts(settings.scenario_sha256):
        _fail(
            _(
                "{db} holds a room of scenario `{scenario}` made with another version of its "
                "file; give that scenario, or a new --db"
            ).format(db=db, scenario=settings.scenario_id),
            1,
        )
    if args.tables is not None and args.tables != settings.tables:
        tables = ngettext("{n} table", "{n} tables", settings.tables).format(n=settings.tables)
        _fail(
            _("{db} holds a room of {tables}; drop --tables or use a new --db").format(
                db=db, tables=tables
            ),
            2,
        )
    if args.seed is not None and args.seed != settings.seed:
        _fail(
            _("{db} holds a room with seed {seed}; drop --seed or use a new --db").format(
                db=db, seed=settings.seed
            ),
            2,
        )


def _print_codes(roster: list[Any]) -> None:
    print(_("Codes (table, seat, code):"))
    for seat in roster:
        if seat.revoked:
            continue
        where = (
            _("instructor")
            if seat.table is None
            else _("table {table}").format(table=f"{seat.table:>3}") + f"  {seat.role:<7}"
        )
        print(f"  {where:<20} {seat.code}")


def _url_host(host: str) -> str:
    if host in ("", "0.0.0.0", "::"):
        return socket.gethostname()
    return f"[{host}]" if ":" in host else host


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _warn_if_public(host: str, port: int) -> None:
    if _is_loopback(host):
        print(
            _(
                "Only this computer can join (127.0.0.1); use --host to open it to the class "
                "network."
            )
        )
        return
    print(
        _(
            "warning: listening on {host!r}: anyone on this network who has a code can join. "
            "Use it only on the class network."
        ).format(host=host),
        file=sys.stderr,
    )
    addresses = _local_addresses() if host in ("", "0.0.0.0", "::") else [host]
    for address in addresses:
        print("  " + _("students on the network use:") + f" http://{_url_host(address)}:{port}")


def _local_addresses() -> list[str]:
    """This computer's addresses as its own name resolves them (no packet is sent)."""
    found: set[str] = set()
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None, proto=socket.IPPROTO_TCP):
            address = str(info[4][0])
            if not _is_loopback(address):
                found.add(address)
    except OSError:
        pass
    return sorted(found) or [socket.gethostname()]


def _fail(message: str, status: int) -> None:
    print(_("brink class start: error: {message}").format(message=message), file=sys.stderr)
    raise CommandFailed(status)
