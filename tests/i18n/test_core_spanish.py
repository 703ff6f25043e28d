"""The core's generated text in Spanish: engine events, legality reasons and AI reasons
of whole games read in Spanish, while their English (what records keep) is unchanged."""

from __future__ import annotations

import pickle
import re

import pytest

from game.ai import agent_rng, make_agent
from game.engine import Move, apply, check_move, is_terminal, new_game, view
from game.i18n import LocalText, localise, tx, tx_capital, tx_date, tx_join, tx_lower
from game.i18n.catalogs import translations

PLACEHOLDER = re.compile(r"\{[a-z0-9_]+\}")


def _generated(text: object) -> list[LocalText]:
    """Every generated sentence inside `text`, nested arguments included."""
    if not isinstance(text, LocalText) or text.message is None:
        return []
    found = [text]
    for arg in text.args.values():
        found += _generated(arg)
    return found


def _catalogued(message: str) -> bool:
    """A translation exists. A template of placeholders and punctuation only (`{p0}; {p1}`,
    made by `tx_join`) needs none."""
    if not any(ch.isalpha() for ch in PLACEHOLDER.sub("", message)):
        return True
    return translations("es").gettext(message) != message or message in _SAME_IN_SPANISH


# Templates whose Spanish is the same text (figures and labels only).
_SAME_IN_SPANISH = {
    "no",
    "{flag}: no",
}


def _game(ruleset, agent: str, seed: int):
    state = new_game(ruleset, seed)
    players = {r: make_agent(agent, ruleset, seed) for r in ("us", "mexico")}
    reasons: list[str] = []
    while not is_terminal(state):
        role = state.actor
        decision = players[role].decide(view(state, role), agent_rng(seed, role, len(state.moves)))
        reasons += [r.text for r in decision.reasons]
        apply(state, decision.move)
    return state, reasons


@pytest.mark.parametrize("agent", ["ai-normal", "ai-hard", "tit-for-tat"])
def test_a_whole_ai_game_reads_in_spanish_with_no_english_template_left(flagship, agent):
    state, reasons = _game(flagship, agent, seed=3)
    texts = [e.text for e in state.log] + reasons
    generated = [g for t in texts for g in _generated(t)]
    assert len(generated) > 20
    untranslated = sorted({g.message for g in generated if not _catalogued(g.message or "")})
    assert untranslated == []
    # Every text renders in Spanish without error, and the English is the str itself.
    for text in texts:
        assert localise(text, "en") == str.__str__(text)
        assert localise(text, "es")


def test_spot_check_of_events_and_reasons_in_spanish(flagship):
    state, reasons = _game(flagship, "ai-normal", seed=3)
    spanish_events = [localise(e.text, "es") for e in state.log]
    spanish_reasons = [localise(r, "es") for r in reasons]
    assert any(" propone: " in line for line in spanish_events)
    assert any("Su oferta vale" in r or "lo que pedimos" in r for r in spanish_reasons)
    english = " ".join(str(r) for r in reasons)
    assert "what we want" in english  # the English is still there for the records
    assert not any("what we want" in r for r in spanish_reasons)


def test_legality_reasons_read_in_spanish(flagship):
    state = new_game(flagship, 1)
    other = "us" if state.actor == "mexico" else "mexico"
    reason = check_move(state, Move(other, "walk_out"))
    assert reason is not None and reason.startswith("it is not your turn: waiting for ")
    assert localise(reason, "es").startswith("no es su turno: se espera a ")
    missing = check_move(state, Move(state.actor, "accept"))
    assert localise(missing, "es") == "no hay ninguna oferta de la otra parte que aceptar"


def test_scenario_text_quoted_in_a_sentence_localises_too():
    label = LocalText.of({"en": "Border closure", "es": "Cierre de la frontera"})
    text = tx(
        "{deadline} is due on {date}, {when} away",
        deadline=label,
        date=tx_date("2019-06-10"),
        when=tx("{n} days", n=4),
    )
    assert text == "Border closure is due on 2019-06-10, 4 days away"
    assert (
        localise(text, "es")
        == "Cierre de la frontera vence el 10 de junio de 2019, dentro de 4 días"
    )


def test_composed_texts_keep_the_english_and_assemble_each_language():
    a = LocalText.of({"en": "Deploy the Guard", "es": "Desplegar la Guardia"})
    joined = tx_join("; ", [a, tx("nothing")])
    assert joined == "Deploy the Guard; nothing"
    assert localise(joined, "es") == "Desplegar la Guardia; nada"
    assert (
        tx_lower(a) == "deploy the guard" and localise(tx_lower(a), "es") == "desplegar la guardia"
    )
    assert localise(tx_capital(tx("nothing")), "es") == "Nada"
    for text in (joined, tx_lower(a), tx_capital(a), tx_date("2019-06-10")):
        again = pickle.loads(pickle.dumps(text))
        assert again == text and localise(again, "es") == localise(text, "es")


def test_a_save_error_reads_in_the_language_of_the_view_that_shows_it(tmp_path):
    from game.i18n import using
    from game.saves import SaveError, read_save

    with pytest.raises(SaveError) as caught:
        read_save(tmp_path / "missing.brink.json")
    assert str(caught.value) == f"no save at {tmp_path / 'missing.brink.json'}"
    with using("es"):
        assert str(caught.value) == f"no hay partida guardada en {tmp_path / 'missing.brink.json'}"


def test_an_ai_reason_quotes_the_scenarios_why_in_the_readers_language(tmp_path):
    """A `why:` given in both languages reaches the AI's reasons in both."""
    from game.ai.preferences import preferences_for
    from game.rules.ruleset import load_ruleset
    from game.scenario.registry import resolve

    english = "Returns along the whole border keep asylum seekers out of packed US stations."
    prefs = preferences_for(load_ruleset(resolve("roosevelt-room-2019")), "us")
    why = prefs.issue("mpp").why
    spanish = localise(why, "es")
    assert why == english and spanish and spanish != english
