"""A `news:` headline written per language keeps every language once compiled: the
engine records the English, and each reader sees the headline in their own."""

from __future__ import annotations

from game.i18n import localise
from game.play.session import Session


def test_news_headlines_from_rules_and_events_reach_a_spanish_reader_in_spanish() -> None:
    # The flagship publishes scenario-event news before the first move (Ebrard's
    # statement, the opening of the talks); every bundled headline has a Spanish version.
    session = Session.start("roosevelt-room-2019", "mexico", "ai-normal", 3)
    news = [e for e in session.view("mexico").events if e.kind == "news"]
    assert news
    untranslated = [str(e.text) for e in news if localise(e.text, "es") == str(e.text)]
    assert untranslated == []
