"""Where the player's files live. Kept free of the engine so the title screen can ask
"is there a game to continue?" without loading the rule compiler."""

from __future__ import annotations

import os
from pathlib import Path

SAVE_DIR_ENV = "BRINK_SAVE_DIR"
SAVE_SUFFIX = ".brink.json"
AUTOSAVE = "autosave"  # the one shared slot of earlier versions; still continued
AUTO_PREFIX = "auto-"  # each game's own auto-save: auto-<scenario>-<roles>-<time>


def expand_home(path: str | Path) -> Path:
    """`~/saves` as the user's own folder. A `~name` that names no user is kept as
    written, as a shell keeps it (Path.expanduser raises instead)."""
    try:
        return Path(path).expanduser()
    except RuntimeError:
        return Path(path)


def save_dir(override: str | Path | None = None) -> Path:
    """The folder for save slots: explicit override, then $BRINK_SAVE_DIR, then the
    per-user data folder."""
    if override:
        return expand_home(override)
    env = os.environ.get(SAVE_DIR_ENV)
    if env:
        return expand_home(env)
    import platformdirs

    return Path(platformdirs.user_data_dir("brinkmanship", appauthor=False)) / "saves"


def is_auto_slot(slot: str) -> bool:
    return slot == AUTOSAVE or slot.startswith(AUTO_PREFIX)


def latest_save(override: str | Path | None = None) -> Path | None:
    """The save written last in the save folder (what "Continue" opens), or None. Only
    regular files count, and only their metadata is read, so the title screen stays fast."""
    import stat

    folder = save_dir(override)
    newest: tuple[float, str] | None = None
    found = None
    try:
        entries = list(folder.iterdir())
    except OSError:
        return None
    for path in entries:
        if not path.name.endswith(SAVE_SUFFIX) or path.name.startswith("."):
            continue
        try:
            info = path.stat()
        except OSError:
            continue
        key = (info.st_mtime, path.name)
        if stat.S_ISREG(info.st_mode) and (newest is None or key > newest):
            newest, found = key, path
    return found
