"""`tx_n`: a generated sentence about a count picks each language's plural form."""

from __future__ import annotations

import pickle

from game.i18n import localise, tx_n


def _games(n: int):
    return tx_n(
        "ending `{id}` was not reached in {n} random game",
        "ending `{id}` was not reached in {n} random games",
        n,
        id="deal",
    )


def test_english_is_the_primary_text_and_agrees_with_the_count():
    assert _games(1) == "ending `deal` was not reached in 1 random game"
    assert _games(200) == "ending `deal` was not reached in 200 random games"


def test_spanish_agrees_with_the_count():
    assert localise(_games(1), "es") == "el desenlace `deal` no se alcanzó en 1 partida aleatoria"
    assert localise(_games(2), "es").endswith("en 2 partidas aleatorias")


def test_a_plural_text_survives_pickling_with_its_forms():
    again = pickle.loads(pickle.dumps(_games(1)))
    assert again == _games(1)
    assert localise(again, "es") == localise(_games(1), "es")
