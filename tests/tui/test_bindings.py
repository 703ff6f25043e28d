"""Every key binding of the terminal game has an id, so a player can remap it in a
keymap, and one screen never gives two bindings the same id."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from textual.binding import Binding
from textual.dom import DOMNode

import game.tui


def _classes_with_bindings() -> list[type[DOMNode]]:
    found = []
    for info in pkgutil.walk_packages(game.tui.__path__, "game.tui."):
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == info.name and issubclass(cls, DOMNode) and "BINDINGS" in vars(cls):
                found.append(cls)
    return found


def test_every_binding_has_an_id_unique_on_its_screen() -> None:
    classes = _classes_with_bindings()
    assert {c.__name__ for c in classes} >= {"BrinkApp", "TableScreen", "OfferTable"}
    for cls in classes:
        bindings = [b for b in vars(cls)["BINDINGS"] if isinstance(b, Binding)]
        assert bindings, cls.__name__
        missing = [b.key for b in bindings if not b.id]
        assert not missing, f"{cls.__name__}: bindings without an id: {missing}"
        ids = [b.id for b in bindings]
        assert len(ids) == len(set(ids)), f"{cls.__name__}: an id given twice: {ids}"
