"""Meters the delegation may see, each with its value and a chart of its course."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Label, Sparkline

from game.engine.api import MeterReading


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

    def show(self, meters: tuple[MeterReading, ...], history: dict[str, list[float]]) -> None:
        names = [m.name for m in meters]
        if names != self.names:
            self.names = names
            self.remove_children()
            widgets: list[Widget] = []
            for m in meters:
                widgets.append(Label(id=f"label-{m.name}"))
                widgets.append(Sparkline([], id=f"chart-{m.name}"))
            self.mount_all(widgets)
        for m in meters:
            series = history.get(m.name) or [m.value]
            change = series[-1] - series[0] if len(series) > 1 else 0.0
            arrow = "▲" if change > 0 else "▼" if change < 0 else "·"
            self.query_one(f"#label-{m.name}", Label).update(
                f"{m.label}: [b]{_format(m.value, m.unit)}[/b] {arrow}"
            )
            self.query_one(f"#chart-{m.name}", Sparkline).data = series
