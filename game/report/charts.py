"""Small line charts as inline SVG: no scripts, no fonts from the network, prints well."""

from __future__ import annotations

import datetime as dt
from html import escape

from game.i18n import localise

WIDTH, HEIGHT = 560, 160
PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 64, 16, 24, 28


def _number(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 100 or value == int(value) else f"{value:.1f}"


def line_chart(title: str, dates: list[str], values: list[float], unit: str = "") -> str:
    """A step line of `values` over `dates` (ISO; a `tx_date` shows the reader's form on
    the axis), with its axis labels."""
    if not values:
        return ""
    low, high = min(values), max(values)
    if high == low:  # a flat line: sit it on a zero baseline
        low, high = min(0.0, low), max(high, 0.0) + (abs(high) or 1.0)
    # Place points by date, so a quiet month takes the room a month should.
    days = [dt.date.fromisoformat(d).toordinal() for d in dates]
    first = days[0]
    span_x = max(1, days[-1] - first)
    inner_w = WIDTH - PAD_LEFT - PAD_RIGHT
    inner_h = HEIGHT - PAD_TOP - PAD_BOTTOM

    def x(i: int) -> float:
        return PAD_LEFT + inner_w * (days[i] - first) / span_x

    def y(v: float) -> float:
        return PAD_TOP + inner_h * (1 - (v - low) / (high - low))

    points = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(values))
    label = f"{localise(title)} ({localise(unit)})" if unit else localise(title)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="img" aria-label="{escape(label)}" class="chart">',
        f'<text x="{PAD_LEFT}" y="16" class="chart-title">{escape(label)}</text>',
        f'<line x1="{PAD_LEFT}" y1="{PAD_TOP + inner_h}" x2="{WIDTH - PAD_RIGHT}" '
        f'y2="{PAD_TOP + inner_h}" class="axis"/>',
        f'<line x1="{PAD_LEFT}" y1="{PAD_TOP}" x2="{PAD_LEFT}" y2="{PAD_TOP + inner_h}" '
        'class="axis"/>',
        f'<text x="{PAD_LEFT - 6}" y="{PAD_TOP + 4}" text-anchor="end" class="tick">'
        f"{escape(_number(high))}</text>",
        f'<text x="{PAD_LEFT - 6}" y="{PAD_TOP + inner_h}" text-anchor="end" class="tick">'
        f"{escape(_number(low))}</text>",
        f'<text x="{PAD_LEFT}" y="{HEIGHT - 8}" class="tick">{escape(localise(dates[0]))}</text>',
        f'<text x="{WIDTH - PAD_RIGHT}" y="{HEIGHT - 8}" text-anchor="end" class="tick">'
        f"{escape(localise(dates[-1]))}</text>",
        f'<polyline points="{points}" class="series"/>',
        "</svg>",
    ]
    return "".join(parts)
