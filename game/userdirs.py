"""Where the player's files live. Kept free of the engine so the title screen can ask
"is there a game to continue?" without loading the rule compiler."""

from __future__ import annotations

import os
from pathlib import Path

SAVE_DIR_ENV = "BRINK_SAVE_DIR"
SAVE_SUFFIX = ".brink.json"
AUTOSAVE = "autosave"


def save_dir(override: str | Path | None = None) -> Path:
    """The folder for save slots: explicit override, then $BRINK_SAVE_DIR, then the
    per-user data folder."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(SAVE_DIR_ENV)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("brinkmanship", appauthor=False)) / "saves"


def autosave_path(override: str | Path | None = None) -> Path:
    return save_dir(override) / f"{AUTOSAVE}{SAVE_SUFFIX}"
