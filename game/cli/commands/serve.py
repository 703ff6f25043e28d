"""`brink serve`: the game in a web browser, through textual-serve.

Each browser connection starts its own `brink` process, so every visitor plays an
independent game, and each visitor (a browser, known by a cookie) has a save folder of
their own, so "Continue" can never open someone else's game. The number of games running
at once is capped. The server binds to localhost unless told otherwise (and warns when
told otherwise), serves only textual-serve's own page and assets, and the game reads and
writes nothing but the visitor's save folder.
"""

from __future__ import annotations

import argparse
import ipaddress
import re
import shlex
import socket
import sys
import tempfile
from pathlib import Path
from typing import Any

from game.cli.common import CommandFailed
from game.i18n import _, ngettext

DEFAULT_MAX_GAMES = 8  # each game is a Python process of some 100 MB
VISITOR_COOKIE = "brink_visitor"
_VISITOR = re.compile(r"^[0-9a-f]{32}$")
LOOPBACK_NAMES = ("localhost", "ip6-localhost")


def register(sub: Any, name: str) -> None:
    parser = sub.add_parser(
        name,
        help=_("play in a web browser (one game per connection)"),
        description=_(
            "Serve the game to web browsers with textual-serve: open the printed "
            "address and play. Bound to localhost unless --host says otherwise."
        ),
    )
    parser.add_argument("--port", type=int, default=8000, help=_("port (8000)"))
    parser.add_argument(
        "--host",
        default="localhost",
        help=_("interface to listen on (localhost; use 0.0.0.0 only on a trusted network)"),
    )
    parser.add_argument(
        "--max-games",
        type=int,
        default=DEFAULT_MAX_GAMES,
        metavar="N",
        help=_("games running at once; further visitors are asked to wait ({n})").format(
            n=DEFAULT_MAX_GAMES
        ),
    )
    parser.add_argument(
        "--save-dir",
        metavar="DIR",
        type=Path,
        help=_("folder under which each visitor gets a save folder of their own"),
    )
    parser.set_defaults(run=run)


def command_line(save_folder: Path | None = None) -> str:
    """What each connection runs: this Python, this package, the title screen (with the
    visitor's own save folder)."""
    command = shlex.join([sys.executable, "-m", "game"])
    if save_folder is None:
        return command
    return f"BRINK_SAVE_DIR={shlex.quote(str(save_folder))} {command}"


def is_loopback(host: str) -> bool:
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def run(args: argparse.Namespace) -> int:
    try:
        from textual_serve.server import Server  # noqa: F401
    except ImportError:
        print(
            _(
                "brink serve: textual-serve is not installed; install it with "
                "`pip install 'brinkmanship[serve]'`"
            ),
            file=sys.stderr,
        )
        raise CommandFailed(1) from None
    if not 0 < args.port < 65536:
        _fail(2, _("--port must be between 1 and 65535"))
    if args.max_games < 1:
        _fail(2, _("--max-games must be at least 1"))
    _check_can_listen(args.host, args.port)
    from game.userdirs import save_dir

    visitors = save_dir(args.save_dir).resolve() / "visitors"
    if not is_loopback(args.host):
        _warn_public(args.host, args.port)
    print(
        ngettext(
            "Brinkmanship: open {url} in a browser (up to {n} game at once; Ctrl+C stops)",
            "Brinkmanship: open {url} in a browser (up to {n} games at once; Ctrl+C stops)",
            args.max_games,
        ).format(url=f"http://{_url_host(args.host)}:{args.port}", n=args.max_games),
        flush=True,
    )
    with tempfile.TemporaryDirectory(prefix="brink-serve-") as templates:
        server = _server_class()(
            visitors,
            args.max_games,
            command_line(),
            host=args.host,
            port=args.port,
            title=_("Brinkmanship"),
            templates_path=_offline_templates(Path(templates)),
        )
        try:
            server.serve()
        except OSError as err:  # lost the port between the check and the start
            _fail(
                1,
                _("cannot listen on {address}: {error}").format(
                    address=f"{args.host}:{args.port}", error=err.strerror or err
                ),
            )
    return 0


def _fail(status: int, message: str) -> None:
    print(_("brink serve: error: {message}").format(message=message), file=sys.stderr)
    raise CommandFailed(status)


def _check_can_listen(host: str, port: int) -> None:
    """A bad host or a port in use is one sentence, before anything starts."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (socket.gaierror, UnicodeError) as err:
        reason = err.strerror if isinstance(err, socket.gaierror) else str(err)
        _fail(
            2,
            _("--host {host!r} is not an address or a name of this machine ({reason})").format(
                host=host, reason=reason
            ),
        )
        return
    for family, kind, proto, _name, address in infos:
        with socket.socket(family, kind, proto) as probe:
            if hasattr(socket, "SO_REUSEADDR") and sys.platform != "win32":
                probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind(address)
            except OSError as err:
                _fail(
                    1,
                    _("cannot listen on {address}: {error}").format(
                        address=f"{host}:{port}", error=err.strerror or err
                    ),
                )


def _warn_public(host: str, port: int) -> None:
    print(
        _(
            "brink serve: warning: listening on {host}, not only on this machine: anyone who "
            "can reach it on port {port} can start games here. Use this on a trusted network."
        ).format(host=host, port=port),
        file=sys.stderr,
    )
    addresses = _addresses_to_use(host)
    if addresses:
        urls = ", ".join(f"http://{_url_host(a)}:{port}" for a in addresses)
        print(_("Players on the network open: {urls}").format(urls=urls), file=sys.stderr)


def _addresses_to_use(host: str) -> list[str]:
    """The addresses players on the network can use: the host itself, or for a wildcard
    (0.0.0.0, ::) this machine's own addresses as its name resolves locally."""
    try:
        wildcard = ipaddress.ip_address(host.strip("[]")).is_unspecified
    except ValueError:
        wildcard = False
    if not wildcard:
        return [host]
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, type=socket.SOCK_STREAM)
    except OSError:
        return []
    found = []
    for *_rest, address in infos:
        ip = str(address[0])
        if not ipaddress.ip_address(ip).is_loopback and ip not in found:
            found.append(ip)
    return found


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


def _server_class() -> type:
    """textual-serve's server with a visitor cookie, a save folder per visitor and a cap
    on the games running at once. Defined on demand: textual-serve is optional."""
    import secrets

    from aiohttp import web
    from textual_serve.app_service import AppService
    from textual_serve.server import Server, to_int

    full_page = (
        "<!doctype html><meta charset='utf-8'><title>Brinkmanship</title>"
        "<p>All {n} games on this server are being played. Please try again in a few "
        "minutes.</p>"
    )

    class BrinkServer(Server):
        def __init__(self, visitors: Path, max_games: int, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.visitors = visitors
            self.max_games = max_games
            self.games = 0

        def _full(self) -> bool:
            return self.games >= self.max_games

        async def handle_index(self, request: web.Request) -> web.StreamResponse:
            if self._full():
                return web.Response(
                    status=503,
                    text=full_page.format(n=self.max_games),
                    content_type="text/html",
                    headers={"Retry-After": "60"},
                )
            response = await super().handle_index(request)
            response.set_cookie(
                VISITOR_COOKIE,
                _visitor(request),
                max_age=90 * 24 * 3600,
                httponly=True,
                samesite="Strict",
            )
            return response

        async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
            """textual-serve's handler, with the visitor's save folder and the cap."""
            websocket = web.WebSocketResponse(heartbeat=15)
            await websocket.prepare(request)
            if self._full():
                await websocket.close(code=1013, message=b"all games are being played")
                return websocket
            width = to_int(request.query.get("width", "80"), 80)
            height = to_int(request.query.get("height", "24"), 24)
            folder = self.visitors / _visitor(request)
            self.games += 1
            service = AppService(
                command_line(folder),
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=websocket.close,  # type: ignore[arg-type]  # (textual-serve's own call)
                download_manager=self.download_manager,
                debug=self.debug,
            )
            try:
                await service.start(width, height)
                await self._process_messages(websocket, service)
            except Exception as error:  # a visitor's game ends; the server goes on
                import logging

                logging.getLogger("textual-serve").exception(error)
            finally:
                self.games -= 1
                await service.stop()
            return websocket

    def _visitor(request: web.Request) -> str:
        """The visitor's id from their cookie; a new one (so a new, empty save folder)
        for a browser without one, or with one that is not ours."""
        token = request.cookies.get(VISITOR_COOKIE, "")
        if not _VISITOR.match(token):
            token = request.get("brink_visitor") or secrets.token_hex(16)
            request["brink_visitor"] = token
        return str(token)

    return BrinkServer


def _offline_templates(folder: Path) -> Path:
    """textual-serve's page, without its web-font link: the page then needs nothing from
    the network, and falls back to the browser's monospace font."""
    import textual_serve

    source = Path(textual_serve.__file__).parent / "templates"
    for page in source.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        text = re.sub(r"<link[^>]*fonts\.googleapis\.com[^>]*>", "", text, flags=re.S)
        (folder / page.name).write_text(text, encoding="utf-8")
    return folder
