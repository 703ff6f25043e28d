"""Writing a report to a file: a document meant to be handed out.

Unlike a save, a report is read by others (a class, a printer, a web folder), so it gets
the permissions the user's other new files get (0o666 less the umask), not the owner-only
mode of a temporary file. It replaces only a regular file: a report aimed at a device or
a pipe (`-o /dev/full`) is refused, never written through or replaced.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from game.saves import write_atomic


class ReportTargetError(Exception):
    """The report cannot be written there; the message is for a person."""


def check_target(path: Path) -> None:
    """Refuse a target that is not a regular file, or whose folder is missing."""
    try:
        mode = path.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        mode = None  # a new file; its folder is checked below
    except OSError as err:
        raise ReportTargetError(f"cannot write {path}: {err.strerror or err}") from None
    if mode is not None and stat.S_ISDIR(mode):
        raise ReportTargetError(f"cannot write {path}: it is a folder; name a file in it")
    if mode is not None and not stat.S_ISREG(mode):
        raise ReportTargetError(
            f"cannot write {path}: it is not a regular file (a device, pipe or socket)"
        )
    folder = path.parent
    if not folder.exists():
        raise ReportTargetError(f"cannot write {path}: the folder {folder} does not exist")
    if not folder.is_dir():
        raise ReportTargetError(f"cannot write {path}: {folder} is not a folder")


def write_report(path: Path, text: str) -> None:
    """Write `text` atomically to `path`, readable as the user's umask allows."""
    check_target(path)
    try:
        write_atomic(path, text)
        os.chmod(path, 0o666 & ~_umask())
    except OSError as err:
        raise ReportTargetError(f"cannot write {path}: {err.strerror or err}") from None


def _umask() -> int:
    # The only portable way to read the umask is to set it and put it back.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
