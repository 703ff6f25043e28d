"""Where saves live and how they are written: atomically, in named slots.

Player saves go to the per-user data folder (platformdirs), or to `--save-dir` /
`BRINK_SAVE_DIR`. A save is written to a temporary file in the same folder, flushed to
disk, then renamed over the old one, so a crash mid-save never leaves half a file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from game.i18n import tx
from game.saves.format import SaveError, SaveGame
from game.scenario.models import RoleId
from game.userdirs import SAVE_DIR_ENV as ENV_VAR  # noqa: F401  (re-exported)
from game.userdirs import SAVE_SUFFIX as SUFFIX
from game.userdirs import expand_home
from game.userdirs import save_dir as save_dir  # re-exported

MAX_SAVE_BYTES = 8 * 1024 * 1024
_SLOT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 _.-]{0,63}$")


def slot_path(slot: str, folder: Path) -> Path:
    if not _SLOT.match(slot) or slot.startswith("."):
        raise SaveError(
            tx(
                "`{slot}` is not a usable slot name: use letters, digits, spaces, "
                "`-`, `_` or `.` (up to 64)",
                slot=slot,
            )
        )
    return folder / f"{slot}{SUFFIX}"


class FileRefused(OSError):
    """A file that must not be written or read as a save: not a regular file, too large,
    or no folder to hold it.
    An OSError, so callers that report `strerror` for disk errors report this too."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(code, message)


def check_write_target(path: Path, make_parent: bool = False) -> None:
    """Refuse to write over anything but a regular file (a device such as /dev/full, a
    FIFO, a folder), and say plainly when the folder to write into is missing."""
    parent = path.parent
    if make_parent and not parent.exists():
        parent.mkdir(parents=True, exist_ok=True)
    if not parent.exists():
        raise FileRefused(errno.ENOENT, f"the folder {parent} does not exist")
    if not parent.is_dir():
        raise FileRefused(errno.ENOTDIR, f"{parent} is not a folder")
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return  # a new file (or a dangling link, which the rename replaces)
    if stat.S_ISDIR(mode):
        raise FileRefused(errno.EISDIR, f"{path} is a folder, not a file")
    if not stat.S_ISREG(mode):
        raise FileRefused(
            errno.EINVAL, f"{path} is not a regular file (a device or a pipe); choose a file name"
        )


def write_atomic(path: Path, text: str, make_parent: bool = False) -> None:
    """Write `text` to `path` so that readers see the old file or the new one, never half.
    Only regular files are replaced; `make_parent` creates a missing folder (the save
    folder), otherwise a missing folder is an error with a sentence."""
    path = Path(path)
    check_write_target(path, make_parent)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name[:100]}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes the file private; give it the mode an ordinary write would
        # (a debrief is meant to be handed out), or keep the mode of the file it replaces.
        with contextlib.suppress(OSError):
            os.chmod(tmp, _mode_for(path))
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


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_save(save: SaveGame, path: Path, make_parent: bool = False) -> Path:
    try:
        write_atomic(path, save.dumps(), make_parent)
    except OSError as err:
        raise SaveError(
            tx("could not write {path}: {error}", path=str(path), error=err.strerror or str(err))
        ) from None
    return path


def read_save(path: Path) -> SaveGame:
    """Read a save. Only a regular file of bounded size is read: a pipe or a device named
    like a save must not hang the game or fill its memory."""
    try:
        text = read_bounded(path, MAX_SAVE_BYTES)
    except FileNotFoundError:
        raise SaveError(tx("no save at {path}", path=str(path))) from None
    except UnicodeDecodeError:
        raise SaveError(
            tx("{path} is not a Brinkmanship save (not text)", path=str(path))
        ) from None
    except OSError as err:
        raise SaveError(
            tx("could not read {path}: {error}", path=str(path), error=err.strerror or str(err))
        ) from None
    return SaveGame.loads(text, str(path))


def read_bounded(path: Path, limit: int) -> str:
    """The text of a regular file of at most `limit` bytes. Opened without blocking, so a
    FIFO answers at once; the check is made on the opened file, so it cannot be swapped."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if stat.S_ISDIR(info.st_mode):
            raise FileRefused(errno.EISDIR, "it is a folder, not a save")
        if not stat.S_ISREG(info.st_mode):
            raise FileRefused(errno.EINVAL, "it is not a regular file (a device or a pipe)")
        if info.st_size > limit:
            raise FileRefused(errno.EFBIG, "it is too large to be a save")
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise FileRefused(errno.EFBIG, "it is too large to be a save")
    return data.decode("utf-8")


@dataclass(frozen=True)
class SlotInfo:
    slot: str
    path: Path
    scenario_id: str
    label: str  # in English, as written when saved
    saved: str
    moves: int
    # What the label says, for a reader of another language to word it afresh.
    players: dict[RoleId, str] = field(default_factory=dict)
    scenario_date: str = ""


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
                dict(save.players),
                str(save.meta.get("scenario_date", "")),
            )
        )
    return sorted(found, key=lambda s: (s.saved, s.slot), reverse=True)


def resolve_save(reference: str, folder: Path) -> Path:
    """A save reference is a path to a file, or a slot name in the save folder."""
    path = expand_home(reference)
    if path.is_file():
        return path
    if _SLOT.match(reference):
        candidate = folder / f"{reference}{SUFFIX}"
        if candidate.is_file():
            return candidate
    raise SaveError(
        tx(
            "no save `{reference}`: not a file, and no such slot in {folder}",
            reference=reference,
            folder=str(folder),
        )
    )
