"""Classroom text travels with every language's version, so each seat reads its own."""

from __future__ import annotations

from game.engine import Move, apply, new_game, view
from game.i18n import LocalText, localise, tx
from game.net.protocol import Refused, Reply, ViewPush, encode, parse_server
from game.net.views import view_from_payload, view_payload
from game.net.wire_text import from_wire, to_wire
from game.rules.ruleset import load_ruleset
from tests.conftest import FIXTURES


def test_a_text_that_reads_the_same_everywhere_stays_a_string():
    english_only = LocalText.of({"en": "Mini talks"})
    assert to_wire(english_only) == "Mini talks"
    assert to_wire("plain") == "plain"
    # A generated sentence is translated on the server, for every seat.
    assert to_wire(tx("Agreement accepted")) == {
        "en": "Agreement accepted",
        "es": "Acuerdo aceptado",
    }


def test_from_wire_gives_back_english_primary_text_with_its_spanish():
    text = from_wire({"en": "Agreement accepted", "es": "Acuerdo aceptado"})
    assert text == "Agreement accepted"
    assert localise(text, "es") == "Acuerdo aceptado"


def test_a_views_texts_reach_the_seat_in_both_languages(tmp_path):
    source = (FIXTURES / "mini.yaml").read_text()
    source = source.replace("title: Mini talks", "title: {en: Mini talks, es: Pláticas mini}")
    source = source.replace(
        "- {id: talks_us, label: US to answer,",
        "- {id: talks_us, label: {en: US to answer, es: Responde EE. UU.},",
    )
    path = tmp_path / "s.yaml"
    path.write_text(source)
    ruleset = load_ruleset(path)
    state = new_game(ruleset, 1)
    apply(state, Move.propose("mexico", {"guard": "large"}))
    apply(state, Move("us", "accept"))
    payload = view_payload(view(state, "mexico"))
    assert payload["title"] == {"en": "Mini talks", "es": "Pláticas mini"}
    texts = [e["text"] for e in payload["events"]]
    assert {"en": "Agreement accepted", "es": "Acuerdo aceptado"} in texts
    rebuilt = view_from_payload(payload)
    assert rebuilt.title == "Mini talks" and localise(rebuilt.title, "es") == "Pláticas mini"
    spanish = [localise(e.text, "es") for e in rebuilt.events]
    assert "Acuerdo aceptado" in spanish
    assert [e.text for e in rebuilt.events] == [e.text for e in view(state, "mexico").events]


def test_protocol_messages_carry_reasons_and_refusals_per_language():
    refused = parse_server(encode(Refused(id="m1", reason=tx("the clock is not paused"))))
    assert isinstance(refused, Refused)
    assert refused.reason == "the clock is not paused"
    assert localise(refused.reason, "es") == "el reloj no está detenido"
    reply = Reply(
        move={"role": "us", "kind": "reject"},
        reasons=[tx("Chosen at random among the legal moves.")],
    )
    push = ViewPush(table=1, role="us", moves=0, view={}, replies={"us": reply})
    again = parse_server(encode(push))
    assert isinstance(again, ViewPush)
    [reason] = again.replies["us"].reasons
    assert localise(reason, "es") == "Elegida al azar entre las jugadas permitidas."
