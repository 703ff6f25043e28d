"""docs/history.md is generated from the game and stays near the record."""

from __future__ import annotations

import re
from pathlib import Path

from game.tools.history import RECORD, UNSOURCED, historical_game, monthly_figures, render
from tests.scenarios.test_facts import article_text, needs_sources, public_record_text

ROOT = Path(__file__).resolve().parents[2]


def test_history_doc_is_up_to_date(flagship):
    text = render(historical_game(flagship))
    assert (ROOT / "docs" / "history.md").read_text(encoding="utf-8") == text, (
        "regenerate it: python -m game.tools.history docs/history.md"
    )


def test_historical_path_stays_near_the_record(flagship):
    state = historical_game(flagship)
    figures = monthly_figures(state)
    for month in RECORD:
        meters = figures[month.shown_on]
        for meter, record in (
            ("apprehensions", month.apprehensions),
            ("mexico_deportations", month.deportations),
        ):
            if record.value is not None:
                assert abs(meters[meter] - record.value) <= 0.1 * record.value, (month, meter)
        if month.forces.value is not None and month.forces.value > 0:
            assert meters["guard_deployed"] >= month.forces.value, month
        # No month's deportations run far above June's 13-year high.
        assert meters["mexico_deportations"] <= 24_000, month
    june = figures["2019-07-01"]
    assert june["apprehensions"] < 100_000, "June 2019 fell below 100,000"
    deal_day = next(e for e in state.log if e.kind == "deal").day
    on_deal_day = [s for s in state.timeline if s.day <= deal_day + 1]
    assert all(s.meters["guard_deployed"] == 0 for s in on_deal_day), (
        "the forces are not at their posts on 7 June itself"
    )


def test_the_6500_guard_figure_is_always_the_promise():
    """Wayne (July 2019) gives 6,500 Guard as what Mexico *promised* for its southern
    border, then surpassed with over 20,000; no text may report it as a deployment."""
    texts = {
        "docs/history.md": (ROOT / "docs" / "history.md").read_text(encoding="utf-8"),
        **{
            f"scenarios/{p.name}": p.read_text(encoding="utf-8")
            for p in sorted((ROOT / "scenarios").glob("*.yaml"))
        },
    }
    for name, text in texts.items():
        for sentence in re.split(r"(?<=[.;|])\s", " ".join(text.split())):
            if re.search(r"(?<![\d,])6,500", sentence):
                assert "promis" in sentence, (name, sentence)


# Figures of the record column worked out from an article rather than quoted from it.
DERIVED = {"16,500": "Wayne: June's 22,000 deportations were 33 percent more than May's"}


@needs_sources
def test_a_record_figure_is_in_the_source_it_cites_or_marked_as_outside_the_sources():
    """Every figure of the record column is in the article or the digest's public record
    that its row cites; a figure that neither holds (CBP's July–September numbers) is
    cited as `public-record †`, which the document says the sources cannot confirm."""
    unmarked = []
    for month in RECORD:
        for record in (month.apprehensions, month.deportations, month.forces):
            cited = record.source.split("; ")
            texts = [
                public_record_text() if source == "public-record" else article_text(source)
                for source in cited
                if source not in ("-", UNSOURCED)
            ]
            for figure in re.findall(r"\d{1,3}(?:,\d{3})+", record.text):
                if figure in DERIVED or any(figure in text for text in texts):
                    continue
                if UNSOURCED not in cited:
                    unmarked.append(f"{month.label}: {figure} ({record.source})")
    assert unmarked == []
    assert "neither the articles nor\n`FACTS.md` contain" in render(historical_game())
