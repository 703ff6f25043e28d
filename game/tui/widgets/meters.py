"""Meters the delegation may see, each with its value and a chart of its course."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.widgets import Label, Sparkline

from game.engine.api import MeterReading
from game.i18n import current, localise
from game.tui.plain import styled


def _format(value: float, unit: str) -> str:
    number = f"{value:,.0f}" if abs(value) >= 100 or value == int(value) else f"{value:.1f}"
    return f"{number}{unit}" if unit == "%" else f"{number} {unit}".rstrip()


class MeterPanel(VerticalScroll):
    DEFAULT_CSS = """
    MeterPanel Label { width: 1fr; }
    MeterPanel Sparkline { height: 1; margin-bottom: 1; }
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.names: list[str] = []
        # Rows are kept by meter name, not found by id: a removal finishes only later, and
        # a fixed id mounted again before it would clash.
        self.rows: dict[str, tuple[Label, Sparkline]] = {}
        # What each row shows now: a move changes few meters, and a row left alone costs
        # nothing to repaint.
        self.shown: dict[str, tuple[object, object]] = {}
        # Readings that came while the panel was behind another tab (`show_pending`).
        self.pending: tuple[tuple[MeterReading, ...], dict[str, list[float]]] | None = None

    def show(self, meters: tuple[MeterReading, ...], history: dict[str, list[float]]) -> None:
        if self.rows and not self.is_on_screen:
            # Behind another tab, the rows are brought up to date when the panel is about
            # to be shown: a label with a new value lays the whole screen out again.
            self.pending = (meters, history)
            return
        self.pending = None
        self._show(meters, history)

    def on_show(self) -> None:
        self.show_pending()  # in case the tab was opened without `show_pending` first

    def show_pending(self) -> None:
        """Show the latest readings, if not yet shown. Called before the panel's tab
        opens, so its rows have their heights when it is first laid out."""
        if self.pending is not None:
            self._show(*self.pending)
            self.pending = None

    def _show(self, meters: tuple[MeterReading, ...], history: dict[str, list[float]]) -> None:
        names = [m.name for m in meters]
        if names != self.names:
            self.names = names
            for label, chart in self.rows.values():
                label.remove()
                chart.remove()
            self.rows = {m.name: (Label(), Sparkline([])) for m in meters}
            self.shown = {}
            self.mount_all(w for row in self.rows.values() for w in row)
        for m in meters:
            series = history.get(m.name) or [m.value]
            change = series[-1] - series[0] if len(series) > 1 else 0.0
            arrow = "▲" if change > 0 else "▼" if change < 0 else "·"
            label, chart = self.rows[m.name]
            before = self.shown.get(m.name)
            # The language is part of the look: switching it must repaint every label.
            look_text = (current(), m.label, m.value, m.unit, arrow)
            self.shown[m.name] = look = (look_text, _chart_look(series))
            if before is None or before[0] != look[0]:
                value = _format(m.value, localise(m.unit))
                label.update(styled(f"{localise(m.label)}: ", (value, "bold"), f" {arrow}"))
            if before is None or before[1] != look[1]:
                chart.data = series


def _chart_look(series: list[float]) -> object:
    """What decides a sparkline's drawing: a level series of two or more values is the
    same flat line however long it grows, so most meters need no repaint after a move."""
    if len(series) > 1 and min(series) == max(series):
        return "flat"
    return tuple(series)
