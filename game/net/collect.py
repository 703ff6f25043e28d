"""Every table of a running classroom, downloaded as ordinary saves: used by
`brink class collect` and by the instructor's console."""

from __future__ import annotations

from pathlib import Path

from game.net.client import instructor_desk
from game.saves import write_atomic


async def collect(url: str, code: str, folder: Path) -> list[Path]:
    """Write every table's save into `folder`; return the files written."""
    async with instructor_desk(url, code, "collecting the games") as desk:
        saves = await desk.collect()
    written = []
    folder.mkdir(parents=True, exist_ok=True)  # write_atomic makes no folders by itself
    for name, text in sorted(saves.files.items()):
        path = folder / Path(name).name  # a name, never a path the server chose
        write_atomic(path, text)
        written.append(path)
    return written
