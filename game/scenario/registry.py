"""Where bundled scenarios live, and how a command-line reference finds a file.

A reference is a scenario id (`roosevelt-room-2019`) or a path to a YAML file. Bundled
scenarios sit in the repository's top-level `scenarios/` folder; an installed wheel
carries a copy inside the package (see `force-include` in pyproject.toml).
"""

from __future__ import annotations

from pathlib import Path

from game.i18n import tx
from game.scenario.diagnostics import Diagnostic, ScenarioError, did_you_mean

_PACKAGE = Path(__file__).resolve().parent.parent


def data_dir(name: str) -> Path:
    """`scenarios` or `assets`: inside an installed wheel, or beside the package in a checkout."""
    bundled = _PACKAGE / "_bundled" / name
    if bundled.is_dir():
        return bundled
    return _PACKAGE.parent / name


def bundled_scenarios() -> dict[str, Path]:
    """Bundled scenario ids and their files (scenario tests `*.tests.yaml` excluded)."""
    folder = data_dir("scenarios")
    if not folder.is_dir():
        return {}
    return {p.stem: p for p in sorted(folder.glob("*.yaml")) if not p.stem.endswith(".tests")}


def _is_file(path: Path) -> bool:
    # A name too long for the file system, or with a NUL in it, names no file.
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


class ScenarioNotFound(ScenarioError):
    """The reference is neither a bundled id nor an existing file."""


def resolve(reference: str) -> Path:
    """Turn an id or a path into the file to load."""
    bundled = bundled_scenarios()
    if reference in bundled:
        return bundled[reference]
    path = Path(reference)
    if _is_file(path):
        return path
    looks_like_path = "/" in reference or "\\" in reference or reference.endswith((".yaml", ".yml"))
    if looks_like_path:
        raise ScenarioNotFound(
            [
                Diagnostic(
                    "BRK901",
                    tx("no such scenario file"),
                    file=reference,
                    hint=tx("check the path, or give a bundled id: ") + ", ".join(bundled),
                )
            ]
        )
    hint = did_you_mean(reference, bundled)
    if hint is None:
        hint = tx("bundled scenarios: ") + (", ".join(bundled) or "none") + tx("; or give a path")
    raise ScenarioNotFound(
        [
            Diagnostic(
                "BRK901",
                tx("no scenario `{reference}` (not a bundled id, not a file)", reference=reference),
                file=reference,
                hint=hint,
            )
        ]
    )
