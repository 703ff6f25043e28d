"""Write the README's screenshot: the negotiating table mid-game, as an SVG.

python -m game.tui.screenshot assets/screenshot.svg
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

from game.play.session import Session
from game.tui.app import BrinkApp


async def _shoot(path: Path) -> None:
    with tempfile.TemporaryDirectory() as folder:
        os.environ["BRINK_SAVE_DIR"] = folder
        session = Session.start("roosevelt-room-2019", "mexico", "ai-normal", 3)
        app = BrinkApp(session, lang="en")  # the README is in English
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("enter", "right", "down", "right", "p")
            await pilot.pause()
            path.write_text(app.export_screenshot(title="Brinkmanship"), encoding="utf-8")


def main() -> None:
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "assets/screenshot.svg")
    asyncio.run(_shoot(target))
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
