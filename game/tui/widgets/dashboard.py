"""The strip at the top of the table: date, phase, whose move, and the scenario's clocks."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from game.engine.api import RoleView
from game.tui.plain import clean
from game.tui.text import day_label, deadline_line


class Dashboard(Static):
    DEFAULT_CSS = """
    Dashboard { height: 2; padding: 0 1; background: $panel; }
    """

    def show(self, view: RoleView, whose: str) -> None:
        line1 = Text()
        line1.append(day_label(view.date), style="bold")
        line1.append(" · ")
        line1.append(clean(view.phase_label))
        line1.append(" · ")
        line1.append(clean(whose), style="bold reverse" if whose.startswith("Your") else "bold")
        line2 = Text()
        if view.clock_paused:
            # First on its line, so a narrow terminal never cuts it off.
            line2.append("CLOCK PAUSED", style="bold reverse")
            line2.append(" · ")
        clock = clean(deadline_line(view))
        imposed = any(r.status == "imposed" for r in view.deadlines)
        urgent = imposed or "hours" in clock or " 1 day" in clock
        line2.append(clock, style="bold red" if urgent else "bold yellow")
        line2.append(f" · move {view.moves_made}/{view.max_moves}", style="dim")
        self.update(Text("\n").join([line1, line2]))
