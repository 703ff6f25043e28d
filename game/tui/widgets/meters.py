"""Meters the delegation may see, each with its value and a chart of its course."""

from __future__ import annotations

from typing import ClassVar

from textual.containers import VerticalScroll
from textual.css.styles import RenderStyles
from textual.widgets import Label
from textual.widgets import Sparkline as TextualSparkline

from game.engine.api import MeterReading
from game.i18n import current, localise
from game.tui.plain import styled


def _format(value: float, unit: str) -> str:
    number = f"{value:,.0f}" if abs(value) >= 100 or value == int(value) else f"{value:.1f}"
    return f"{number}{unit}" if unit == "%" else f"{number} {unit}".rstrip()


class Sparkline(TextualSparkline):
    """Textual's Sparkline, reading its two colours from the panel, which holds them once.
    Each Sparkline computes them through two hidden style nodes of its own, built again
    whenever the screen is restyled: two dozen nodes for a dozen meters, the most of any
    widget at the table, for the same two colours. The name stays, and so do the rules
    that style it."""

    COMPONENT_CLASSES: ClassVar[set[str]] = set()

    def get_component_styles(self, *names: str) -> RenderStyles:
        panel = self.parent
        assert isinstance(panel, MeterPanel)
        return panel.get_component_styles(*names)


# Inherited component classes add up along the bases; Widget does not pass on the
# `inherit_component_classes` keyword that stops it, so the flag is set here.
Sparkline._inherit_component_classes = False


class MeterPanel(VerticalScroll):
    # Textual's Sparkline colours (its DEFAULT_CSS), for the charts to read.
    COMPONENT_CLASSES: ClassVar[set[str]] = {"sparkline--max-color", "sparkline--min-color"}
    DEFAULT_CSS = """
    MeterPanel Label { width: 1fr; }
    MeterPanel Sparkline { height: 1; margin-bottom: 1; }
    MeterPanel > .sparkline--max-color { color: $primary; }
    MeterPanel > .sparkline--min-color { color: $primary 30%; }
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.names: list[str] = []
        # Rows are kept by meter name, not found by id: a removal finishes only later, and
        # a fixed id mounted again before it would clash. A row is its label, then its
        # chart once the panel is shown (`reveal`): every widget on the screen costs
        # each key press a little, seen or not, and the panel is mostly behind a tab.
        self.labels: dict[str, Label] = {}
        self.charts: dict[str, Sparkline] = {}
        # What each label and chart shows now: a move changes few meters, and a row
        # left alone costs nothing to repaint.
        self.shown: dict[str, object] = {}
        self.charted: dict[str, object] = {}
        # The latest readings, and whether they are all on the panel yet.
        self.readings: tuple[tuple[MeterReading, ...], dict[str, list[float]]] = ((), {})
        self.pending = False

    def show(self, meters: tuple[MeterReading, ...], history: dict[str, list[float]]) -> None:
        self.readings = (meters, history)
        if self.is_on_screen:
            self._show(charts=True)
        elif not self.labels:
            self._show(charts=False)  # the labels say what the panel holds from the start
        else:
            # Behind another tab, the rows are brought up to date when the panel is about
            # to be shown: a label with a new value lays the whole screen out again.
            self.pending = True

    def on_show(self) -> None:
        self.reveal()  # in case the panel was shown without `reveal` first

    def reveal(self) -> None:
        """The panel is about to be shown: its charts, and the latest readings. Called
        before its tab opens, so its rows have their heights when first laid out."""
        if self.pending or len(self.charts) < len(self.labels):
            self._show(charts=True)

    def _show(self, charts: bool) -> None:
        meters, history = self.readings
        self.pending = False
        names = [m.name for m in meters]
        if names != self.names:
            self.names = names
            for widget in [*self.labels.values(), *self.charts.values()]:
                widget.remove()
            self.labels = {m.name: Label() for m in meters}
            self.charts, self.shown, self.charted = {}, {}, {}
            self.mount_all(self.labels.values())
        for m in meters:
            series = history.get(m.name) or [m.value]
            change = series[-1] - series[0] if len(series) > 1 else 0.0
            arrow = "▲" if change > 0 else "▼" if change < 0 else "·"
            # The language is part of the look: switching it must repaint every label.
            look = (current(), m.label, m.value, m.unit, arrow)
            if self.shown.get(m.name) != look:
                self.shown[m.name] = look
                value = _format(m.value, localise(m.unit))
                label = self.labels[m.name]
                label.update(styled(f"{localise(m.label)}: ", (value, "bold"), f" {arrow}"))
            if not charts:
                continue
            chart = self.charts.get(m.name)
            if chart is None:
                chart = self.charts[m.name] = Sparkline([])
                self.mount(chart, after=self.labels[m.name])
            if self.charted.get(m.name) != (chart_look := _chart_look(series)):
                self.charted[m.name] = chart_look
                chart.data = series


def _chart_look(series: list[float]) -> object:
    """What decides a sparkline's drawing: a level series of two or more values is the
    same flat line however long it grows, so most meters need no repaint after a move."""
    if len(series) > 1 and min(series) == max(series):
        return "flat"
    return tuple(series)
