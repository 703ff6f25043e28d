"""The strip at the top of the table: date, phase, whose move, and the scenario's clocks."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from game.engine.api import RoleView
from game.i18n import _, current, localise, using
from game.tui import repaint
from game.tui.plain import clean
from game.tui.text import day_label, deadline_line


class Dashboard(Static):
    DEFAULT_CSS = """
    Dashboard { height: 2; padding: 0 1; background: $panel; }
    """

    def show(self, view: RoleView, whose: str, mine: bool | None = None) -> None:
        """`mine`: whether it is the reader's move (shown reversed); by default, read
        from the English wording of `whose`."""
        line1 = Text()
        line1.append(day_label(view.date), style="bold")
        line1.append(" · ")
        line1.append(clean(localise(view.phase_label)))
        line1.append(" · ")
        if mine is None:
            mine = whose.startswith("Your")
        line1.append(clean(whose), style="bold reverse" if mine else "bold")
        line2 = Text()
        if view.clock_paused:
            # First on its line, so a narrow terminal never cuts it off.
            line2.append(_("CLOCK PAUSED"), style="bold reverse")
            line2.append(" · ")
        clock = clean(deadline_line(view))
        imposed = any(r.status == "imposed" for r in view.deadlines)
        if current() == "en":
            english = clock
        else:
            with using("en"):  # the same test of urgency in every language
                english = deadline_line(view)
        urgent = imposed or "hours" in english or " 1 day" in english
        line2.append(clock, style="bold red" if urgent else "bold yellow")
        line2.append(
            " · " + _("move {made}/{most}").format(made=view.moves_made, most=view.max_moves),
            style="dim",
        )
        # Two lines, always (a fixed height): a new text needs no new layout.
        text = Text("\n").join([line1, line2])
        if repaint.changed(self, text):
            self.update(text, layout=False)
