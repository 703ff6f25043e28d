"""`brink new`: a small, commented scenario that validates, lints and passes its tests."""

from __future__ import annotations

import os
import re
from pathlib import Path

from game.i18n import _, current
from game.scenario.registry import data_dir

TEMPLATES = Path(__file__).resolve().parent / "templates"
ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


class ScaffoldError(Exception):
    """A scenario cannot be created there; the message says why."""


def _schema_reference(folder: Path, name: str = "scenario.schema.json") -> str:
    schema = data_dir("assets") / name
    try:
        return Path(os.path.relpath(schema, folder.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return schema.as_uri()


def _template(name: str, lang: str) -> str:
    """The template in `lang` (`scenario.es.yaml`), else the English one: a Spanish
    author gets a `language: es` file with Spanish prose and comments."""
    stem, _dot, suffix = name.rpartition(".")
    localised = TEMPLATES / f"{stem}.{lang}.{suffix}"
    path = localised if localised.is_file() else TEMPLATES / name
    return path.read_text(encoding="utf-8")


def scaffold(
    scenario_id: str, folder: Path, force: bool = False, lang: str | None = None
) -> list[Path]:
    """Write the scenario and its tests in `lang` (the current language by default)."""
    if not ID.match(scenario_id):
        raise ScaffoldError(
            _(
                "`{id}` is not a usable id: use lower-case letters, digits, hyphens and underscores"
            ).format(id=scenario_id)
        )
    folder.mkdir(parents=True, exist_ok=True)
    scenario = folder / f"{scenario_id}.yaml"
    tests = folder / f"{scenario_id}.tests.yaml"
    existing = [p for p in (scenario, tests) if p.exists()]
    if existing and not force:
        raise ScaffoldError(
            _("{path} already exists (use --force to overwrite)").format(path=existing[0])
        )
    title = scenario_id.replace("-", " ").replace("_", " ").capitalize()
    values = {
        "id": scenario_id,
        "title": title,
        "path": str(scenario),
        "schema": _schema_reference(folder),
        "tests_schema": _schema_reference(folder, "scenario-tests.schema.json"),
    }
    for target, template in ((scenario, "scenario.yaml"), (tests, "scenario.tests.yaml")):
        text = _template(template, lang or current())
        for key, value in values.items():
            text = text.replace("{" + key + "}", value)
        target.write_text(text, encoding="utf-8")
    return [scenario, tests]
