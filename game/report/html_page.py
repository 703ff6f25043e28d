"""A report `Document` as one self-contained HTML page: inline CSS and SVG, no scripts,
prints on paper."""

from __future__ import annotations

from game.i18n import _, current
from game.report.charts import line_chart
from game.report.document import (
    Aside,
    Block,
    Charts,
    Document,
    Emphasis,
    Entry,
    Fixed,
    Heading,
    Headline,
    Inline,
    ItemList,
    Legend,
    Paragraph,
    Strong,
    Table,
    Text,
)
from game.report.escape import h

CSS = """
body { font: 15px/1.5 Georgia, 'Times New Roman', serif; max-width: 60em; margin: 2em auto;
       padding: 0 1em; color: #1b1b1b; background: #fff; }
h1, h2, h3 { font-family: Helvetica, Arial, sans-serif; line-height: 1.2; }
h1 { font-size: 1.7em; border-bottom: 3px solid #8a1c1c; padding-bottom: .2em; }
h2 { font-size: 1.25em; margin-top: 1.8em; color: #8a1c1c; }
table { border-collapse: collapse; width: 100%; margin: .6em 0; font-size: .92em; }
th, td { border: 1px solid #bbb; padding: .25em .5em; text-align: left; vertical-align: top; }
th { background: #f1ece4; }
td.differs { font-weight: bold; }
.ending { background: #f7f3ec; border-left: 5px solid #8a1c1c; padding: .6em 1em; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(22em, 1fr)); gap: .8em; }
svg.chart { width: 100%; height: auto; border: 1px solid #ddd; background: #fcfcfa; }
svg .series { fill: none; stroke: #8a1c1c; stroke-width: 2; }
svg .axis { stroke: #888; stroke-width: 1; }
svg .tick { font: 11px Helvetica, Arial, sans-serif; fill: #555; }
svg .chart-title { font: bold 12px Helvetica, Arial, sans-serif; fill: #222; }
blockquote { margin: .3em 0 .3em 1em; padding-left: .8em; border-left: 3px solid #ccc;
             color: #444; font-size: .92em; }
.step { margin: .8em 0; page-break-inside: avoid; }
.events { margin: .2em 0 0 1.2em; padding: 0; font-size: .9em; }
.why { color: #666; font-style: italic; }
@media print { body { margin: 0; max-width: none; } h2 { page-break-after: avoid; }
               .charts { display: block; } svg.chart { max-width: 48%; display: inline-block; } }
"""

DIFFERS = ' class="differs"'
VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1">'


def render_html(document: Document) -> str:
    body = "".join(_block(b) for b in document.blocks)
    viewport = VIEWPORT if document.viewport else ""
    return (
        f'<!DOCTYPE html>\n<html lang="{current()}"><head><meta charset="utf-8">'
        f"{viewport}<title>{h(document.title)}</title><style>{CSS}</style></head>"
        f"<body>{body}</body></html>\n"
    )


def _inline(part: Inline) -> str:
    if isinstance(part, str):
        return h(part)
    if isinstance(part, Fixed):
        return part.text
    if isinstance(part, Strong):
        return f"<strong>{_text(part.parts)}</strong>"
    if isinstance(part, Emphasis):
        return f"<em>{_text(part.parts)}</em>"
    if isinstance(part, Aside):
        return f'<span class="why">{_text(part.parts)}</span>'
    raise TypeError(part)


def _text(parts: Text) -> str:
    return "".join(_inline(p) for p in parts)


def _block(block: Block) -> str:
    if isinstance(block, Heading):
        return f"<h{block.level}>{_text(block.text)}</h{block.level}>"
    if isinstance(block, Paragraph):
        return f"<p>{_text(block.text)}</p>"
    if isinstance(block, Legend):
        bold = _("Bold:")  # outside the f-string, where Babel finds it
        return f"<p>{bold} {_text(block.text)}</p>"
    if isinstance(block, Table):
        head = "".join(f"<th>{_inline(c)}</th>" for c in block.header)
        rows = "".join(
            "<tr>"
            + "".join(f"<td{DIFFERS if c.marked else ''}>{_inline(c.text)}</td>" for c in row)
            + "</tr>"
            for row in block.rows
        )
        return f"<table><tr>{head}</tr>{rows}</table>"
    if isinstance(block, Charts):
        dates = list(block.dates)
        charts = "".join(line_chart(s.title, dates, list(s.values), s.unit) for s in block.series)
        return f'<div class="charts">{charts}</div>'
    if isinstance(block, ItemList):
        tag = "ol" if block.ordered else "ul"
        items = [_text(i) for i in block.items] or ([_text(block.empty)] if block.empty else [])
        return f"<{tag}>" + "".join(f"<li>{i}</li>" for i in items) + f"</{tag}>"
    if isinstance(block, Headline):
        history = f"<p>{_text(block.history)}</p>" if block.history is not None else ""
        return (
            f'<div class="ending"><p>{_text(block.ending)}</p>{history}'
            f"<p>{_text(block.facts)}</p></div>"
        )
    if isinstance(block, Entry):
        quotes = "".join(f"<blockquote>{h(q)}</blockquote>" for q in block.quotes)
        notes = "".join(f"<li>{_text(n)}</li>" for n in block.notes)
        events = f'<ul class="events">{notes}</ul>' if notes else ""
        return f'<div class="step">{_text(block.title)}{quotes}{events}</div>'
    raise TypeError(block)
