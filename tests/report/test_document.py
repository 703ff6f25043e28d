"""One report model, two renderers: what the model says, both formats print."""

from __future__ import annotations

from game.report.debrief import build_debrief
from game.report.document import Cell, Document, Fixed, Heading, Paragraph, Table
from game.report.html_page import render_html
from game.report.markdown import render_markdown
from game.report.render import debrief_document
from game.saves import read_save
from tests.conftest import ROOT

EXAMPLE = ROOT / "saves" / "historical-2019.brink.json"


def test_every_heading_of_the_debrief_is_in_both_formats():
    document = debrief_document(build_debrief(read_save(EXAMPLE)))
    markdown, page = render_markdown(document), render_html(document)
    headings = [b for b in document.blocks if isinstance(b, Heading)]
    assert len(headings) >= 8
    for heading in headings:
        text = "".join(p.text if isinstance(p, Fixed) else p for p in heading.text)
        assert f"\n{'#' * heading.level} {text}\n" in "\n" + markdown
        assert f"<h{heading.level}>{text}</h{heading.level}>" in page


def test_data_is_escaped_and_the_reports_own_words_are_not():
    document = Document(
        "A <title>",
        (
            Paragraph(("a<b|c", Fixed(" <i>ours</i>"))),
            Table((Fixed("Issue"),), ((Cell("x|y", marked=True),),)),
        ),
    )
    markdown, page = render_markdown(document), render_html(document)
    assert "a&lt;b\\|c <i>ours</i>" in markdown
    assert "| x\\|y ◆ |" in markdown
    assert "<p>a&lt;b|c <i>ours</i></p>" in page
    assert '<td class="differs">x|y</td>' in page
    assert "<title>A &lt;title&gt;</title>" in page
