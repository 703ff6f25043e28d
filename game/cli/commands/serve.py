"""`brink serve`: the game in a web browser, through textual-serve.

Each browser connection starts its own `brink` process, so every visitor plays an
independent game. The server binds to localhost unless told otherwise, serves only
textual-serve's own page and assets, and the game reads and writes nothing but its save
folder.
"""

from __future__ import annotations

import argparse
import re
import shlex
import sys
import tempfile
from pathlib import Path
from typing import Any

from game.cli.common import CommandFailed


def register(sub: Any, name: str) -> None:
    parser = sub.add_parser(
        name,
        help="play in a web browser (one game per connection)",
        description="Serve the game to web browsers with textual-serve: open the printed "
        "address and play. Bound to localhost unless --host says otherwise.",
    )
    parser.add_argument("--port", type=int, default=8000, help="port (8000)")
    parser.add_argument(
        "--host",
        default="localhost",
        help="interface to listen on (localhost; use 0.0.0.0 only on a trusted network)",
    )
    parser.add_argument("--save-dir", metavar="DIR", type=Path, help="folder of save slots")
    parser.set_defaults(run=run)


def command_line() -> str:
    """What each connection runs: this Python, this package, the title screen."""
    return shlex.join([sys.executable, "-m", "game"])


def run(args: argparse.Namespace) -> int:
    try:
        from textual_serve.server import Server
    except ImportError:
        print(
            "brink serve: textual-serve is not installed; install it with "
            "`pip install 'brinkmanship[serve]'`",
            file=sys.stderr,
        )
        raise CommandFailed(1) from None
    if not 0 < args.port < 65536:
        print("brink serve: error: --port must be between 1 and 65535", file=sys.stderr)
        raise CommandFailed(2)
    env_dir = args.save_dir
    if env_dir is not None:
        import os

        # The games started for each connection find their saves here.
        os.environ["BRINK_SAVE_DIR"] = str(env_dir.expanduser().resolve())
    print(f"Brinkmanship: open http://{args.host}:{args.port} in a browser (Ctrl+C stops)")
    with tempfile.TemporaryDirectory(prefix="brink-serve-") as templates:
        Server(
            command_line(),
            host=args.host,
            port=args.port,
            title="Brinkmanship",
            templates_path=_offline_templates(Path(templates)),
        ).serve()
    return 0


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
