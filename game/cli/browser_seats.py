"""Browser seats: a student without Python opens the classroom's address and plays.

The class server serves, under `/seat/`, textual-serve's page: each browser connection
starts `brink join <this classroom>` in its own process, which asks for the seat's code
(the join screen) and then plays that seat with the very screens a terminal seat uses.
One address and one port for the whole class: `http://HOST:PORT/` is the landing page,
`http://HOST:PORT/seat/` the browser seat, `ws://HOST:PORT/ws` the game protocol.
"""

from __future__ import annotations

import shlex
import sys
import tempfile
from pathlib import Path
from typing import Any

from aiohttp import web

PREFIX = "/seat"


class BrowserSeats:
    """Install with `ClassServer(room, setup=seats.install)`; call `listening(host, port)`
    once the server is bound, so each browser's game joins this very server."""

    def __init__(self) -> None:
        self.classroom = ""
        self._templates = tempfile.TemporaryDirectory(prefix="brink-seat-")
        self._server: Any = None
        self.installed = False

    def install(self, app: web.Application) -> bool:
        """Mount the browser seat under /seat/; False if textual-serve is missing."""
        try:
            import aiohttp_jinja2
            import jinja2
            from textual_serve.server import Server
        except ImportError:
            return False
        from game.cli.commands.serve import _offline_templates

        class SeatServer(Server):
            async def handle_index(self, request: web.Request) -> Any:
                # The page's own address, as the student typed it: the websocket it
                # opens is then on the same host, whatever --host the class uses.
                self.public_url = str(request.url.origin())
                return await super().handle_index(request)

        server = SeatServer(self.command(), title="Brinkmanship classroom")
        templates = _offline_templates(Path(self._templates.name))
        seat = web.Application()
        aiohttp_jinja2.setup(seat, loader=jinja2.FileSystemLoader(templates))
        seat.add_routes(
            [
                web.get("/", server.handle_index, name="index"),
                web.get("/ws", server.handle_websocket, name="websocket"),
                web.static("/static", server.statics_path, name="static"),
            ]
        )
        app.add_subapp(PREFIX, seat)
        app.router.add_get(PREFIX, _to_seat_page, name="browser-seat")
        self._server = server
        self.installed = True
        return True

    def listening(self, host: str, port: int) -> None:
        # The browser's game runs on this computer: it joins over loopback unless the
        # server listens on one address only.
        local = host if host not in ("", "0.0.0.0", "::", "localhost") else "127.0.0.1"
        local = f"[{local}]" if ":" in local else local
        self.classroom = f"http://{local}:{port}"
        if self._server is not None:
            self._server.command = self.command()

    def command(self) -> str:
        return shlex.join([sys.executable, "-m", "game", "join", self.classroom or "unset"])


async def _to_seat_page(request: web.Request) -> web.StreamResponse:
    raise web.HTTPFound(f"{PREFIX}/")
