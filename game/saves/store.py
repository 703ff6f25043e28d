"""Where saves live and how they are written: atomically, in named slots.

Player saves go to the per-user data folder (platformdirs), or to `--save-dir` /
`BRINK_SAVE_DIR`. A save is written to a temporary file in the same folder, flushed to
disk, then renamed over the old one, so a crash mid-save never leaves half a file.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from game.saves.format import SaveError, SaveGame
from game.userdirs import SAVE_DIR_ENV as ENV_VAR  # noqa: F401  (re-exported)
from game.userdirs import SAVE_SUFFIX as SUFFIX
from game.userdirs import save_dir as save_dir  # re-exported

MAX_SAVE_BYTES = 8 * 1024 * 1024
_SLOT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 _.-]{0,63}$")


def slot_path(slot: str, folder: Path) -> Path:
    if not _SLOT.match(slot) or slot.startswith("."):
        raise SaveError(
            f"`{slot}` is not a usable slot name: use letters, digits, spaces, "
            "`-`, `_` or `.` (up to 64)"
        )
    return folder / f"{slot}{SUFFIX}"


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` so that readers see the old file or the new one, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    # Make the rename itself durable where the platform allows it.
    with contextlib.suppress(OSError):
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def write_save(save: SaveGame, path: Path) -> Path:
    try:
        write_atomic(path, save.dumps())
    except OSError as err:
        raise SaveError(f"could not write {path}: {err.strerror or err}") from None
    return path


def read_save(path: Path) -> SaveGame:
    try:
        if path.stat().st_size > MAX_SAVE_BYTES:
            raise SaveError(f"{path} is too large to be a save")
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SaveError(f"no save at {path}") from None
    except UnicodeDecodeError:
        raise SaveError(f"{path} is not a Brinkmanship save (not text)") from None
    except OSError as err:
        raise SaveError(f"could not read {path}: {err.strerror or err}") from None
    return SaveGame.loads(text, str(path))


@dataclass(frozen=True)
class SlotInfo:
    slot: str
    path: Path
    scenario_id: str
    label: str
    saved: str
    moves: int


def list_slots(folder: Path) -> list[SlotInfo]:
    """Readable saves in `folder`, newest first; damaged files are skipped, not fatal."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob(f"*{SUFFIX}"):
        try:
            save = read_save(path)
        except SaveError:
            continue
        found.append(
            SlotInfo(
                path.name.removesuffix(SUFFIX),
                path,
                save.scenario_id,
                str(save.meta.get("label", "")),
                str(save.meta.get("saved", "")),
                len(save.moves),
            )
        )
    return sorted(found, key=lambda s: (s.saved, s.slot), reverse=True)


def resolve_save(reference: str, folder: Path) -> Path:
    """A save reference is a path to a file, or a slot name in the save folder."""
    path = Path(reference).expanduser()
    if path.is_file():
        return path
    if _SLOT.match(reference):
        candidate = folder / f"{reference}{SUFFIX}"
        if candidate.is_file():
            return candidate
    raise SaveError(f"no save `{reference}`: not a file, and no such slot in {folder}")
