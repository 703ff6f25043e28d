"""The offer builder: one row per issue, the counterpart's offer beside yours.

Up/down picks an issue, left/right (or Enter, or a click) changes your option. Options
the rules do not allow now are skipped and marked; the full label of the highlighted
row is shown under the table, since tables truncate.
"""

from __future__ import annotations

import textwrap

from rich.segment import Segment
from rich.style import Style
from rich.text import Span, Text
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.events import Resize
from textual.message import Message
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey, RowKey

from game.i18n import N_, _, localise
from game.scenario.models import Scenario
from game.tui.plain import clean

COLUMNS = ("issue", "theirs", "mine")
ELSEWHERE = Coordinate(-2, 0)  # below the header row (-1): on no row of the table
# A cell's text, style, wrapping and spans (rich's `Text ==` compares only the first and
# the last).
CellLook = tuple[str, str, bool | None, tuple[Span, ...]]


class OfferTable(DataTable[Text]):
    BINDINGS = [
        Binding("left", "cycle(-1)", N_("Option ◀"), show=False, id="offer-cycle-previous"),
        Binding("right", "cycle(1)", N_("Option ▶"), show=False, id="offer-cycle-next"),
        Binding("enter", "cycle(1)", N_("Next option"), show=False, id="offer-cycle-enter"),
    ]

    class Changed(Message):
        """The player changed an option, or moved to another issue."""

    def __init__(self, scenario: Scenario, **kwargs: object) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)  # type: ignore[arg-type]
        self.scenario = scenario
        self.mine: dict[str, str] = {i.id: (i.default or i.options[0].id) for i in scenario.issues}
        self.theirs: dict[str, str] | None = None
        self.space: dict[str, tuple[str, ...]] = {}
        self._fitted_width = -1
        # What each cell shows, so that only the cells that change are updated.
        self._shown: dict[tuple[str, str], CellLook] = {}

    def on_mount(self) -> None:
        # Labels as Text: a str would be parsed as Rich markup, which loads Rich's table
        # of emoji codes (about 0.5 MB) for three plain words.
        self.add_column(Text(_("Issue")), key="issue", width=16)
        self.add_column(Text(_("On the table")), key="theirs", width=14)
        self.add_column(Text(_("Your offer")), key="mine", width=14)
        self.row_lines = 1
        self._add_rows()
        self._fit()

    def _add_rows(self) -> None:
        self._shown = {}
        for issue in self.scenario.issues:
            cells = self._cells(issue.id)
            self.add_row(*cells, key=issue.id, height=self.row_lines)
            for column, cell in zip(COLUMNS, cells, strict=True):
                self._shown[issue.id, column] = _look(cell)

    def on_resize(self, event: Resize) -> None:
        if event.size.width == self._fitted_width:
            # Only the height changed (the detail under the table grew or shrank): the
            # rendered rows stay valid, so DataTable's handler, which throws away every
            # rendered cell, is skipped. That halves the cost of a key press.
            event.prevent_default()
        self._fitted_width = event.size.width
        self._fit()

    def on_show(self) -> None:
        # A resize while another screen was on top reaches this one only now.
        self._fit()

    def _fit(self) -> None:
        """Share the width between the three columns. The issue column gets the width of
        its longest name when that leaves room for the offers; otherwise, when the table
        is tall enough, each row takes two lines so names and options wrap instead of
        being cut (the full label of the highlighted row is also shown under the table)."""
        if not self.columns or not self.size.width:
            return
        usable = max(30, self.size.width - 2 - 2 * 3)  # cell padding
        longest = max(len(localise(i.label)) for i in self.scenario.issues)
        issue = longest if longest <= usable * 0.4 else max(12, int(usable * 0.34))
        rest = (usable - issue) // 2
        for key, width in (("issue", issue), ("theirs", rest), ("mine", usable - issue - rest)):
            column = self.columns[ColumnKey(key)]
            column.width = width
            column.auto_width = False
        cut = issue < longest or rest < self._longest_option()
        lines = 2 if cut and 2 * len(self.scenario.issues) + 1 <= self.size.height else 1
        if lines == 2 and issue < longest:
            # Wide enough for every issue name in two lines, if the offers keep 12 columns.
            issue = max(issue, min(_two_line_width(self.scenario), usable - 24))
            rest = (usable - issue) // 2
            for key, width in (("issue", issue), ("theirs", rest), ("mine", usable - issue - rest)):
                self.columns[ColumnKey(key)].width = width
        if lines != self.row_lines:
            self.row_lines = lines
            row = self.cursor_row
            self.clear()
            self._add_rows()
            self.move_cursor(row=row)
            self.post_message(self.Changed())  # the detail under the table follows
        self._require_update_dimensions = True
        self.refresh()

    def _longest_option(self) -> int:
        return max(len(localise(o.label)) for i in self.scenario.issues for o in i.options)

    # ------------------------------------------------------------------ data
    def load(
        self,
        theirs: dict[str, str] | None,
        space: dict[str, tuple[str, ...]],
        mine: dict[str, str] | None = None,
    ) -> None:
        self.theirs = theirs
        self.space = space
        if mine is not None:
            self.mine.update(mine)
        self.refresh_rows()

    def refresh_rows(self) -> None:
        if not self.columns:
            return
        changed: set[tuple[str, str]] = set()
        for issue in self.scenario.issues:
            for column, cell in zip(COLUMNS, self._cells(issue.id), strict=True):
                look = _look(cell)
                if self._shown.get((issue.id, column)) != look:
                    self._shown[issue.id, column] = look
                    self._data[RowKey(issue.id)][ColumnKey(column)] = cell
                    changed.add((issue.id, column))
        if changed:
            self._forget_cells(changed)
            self.refresh()

    def _forget_cells(self, cells: set[tuple[str, str]]) -> None:
        """Drop what DataTable rendered of these cells and of the rows holding them.
        Its `update_cell` marks every rendered cell of the table stale, so changing one
        option rendered all rows again (and left the old renders in its caches): here
        only the changed cells are, and their rows put together again (a counter-offer
        changes options, never the issues' names)."""
        keys = {(RowKey(row), ColumnKey(column)) for row, column in cells}
        rows = {row for row, _ in keys}
        indexes = {self._row_locations.get(row) for row in rows}
        for cell in list(self._cell_render_cache.keys()):
            if (cell[0], cell[1]) in keys:
                self._cell_render_cache.discard(cell)
        for line in list(self._row_render_cache.keys()):
            if line[0] in rows:
                self._row_render_cache.discard(line)
        for renderables in list(self._row_renderable_cache.keys()):
            if renderables[1] in indexes:
                self._row_renderable_cache.discard(renderables)
        self._line_cache.clear()  # lines are put together from the rows, cheaply

    def _render_line_in_row(
        self,
        row_key: RowKey,
        line_no: int,
        base_style: Style,
        cursor_location: Coordinate,
        hover_location: Coordinate,
    ) -> tuple[list[list[Segment]], list[list[Segment]]]:
        # DataTable keys each rendered row by where the cursor is, so moving the cursor
        # renders every row again. With a row cursor, a row the cursor (or the mouse) is
        # not on looks the same wherever it is: such rows are keyed as "elsewhere", and
        # a move renders only the two rows it leaves and enters.
        if self.cursor_type == "row":
            row = self._row_locations.get(row_key)
            row = -1 if row is None else row
            if cursor_location.row != row:
                cursor_location = ELSEWHERE
            if hover_location.row != row:
                hover_location = ELSEWHERE
        return super()._render_line_in_row(
            row_key, line_no, base_style, cursor_location, hover_location
        )

    def _cells(self, issue_id: str) -> tuple[Text, Text, Text]:
        issue = self.scenario.issue(issue_id)
        labels = {o.id: localise(o.label) for o in issue.options}
        theirs_id = (self.theirs or {}).get(issue_id)
        mine_id = self.mine[issue_id]
        theirs = self._cell(labels.get(theirs_id, "—") if theirs_id else "—", "italic")
        differs = self.theirs is not None and theirs_id != mine_id
        mine = self._cell(labels[mine_id], "bold" if differs else "")
        if self.space and mine_id not in self.space.get(issue_id, ()):
            mine.stylize("strike")
        return self._cell(localise(issue.label), ""), theirs, mine

    def _cell(self, label: str, style: str) -> Text:
        return _cell(label, style, wrap=getattr(self, "row_lines", 1) > 1)

    @property
    def current_issue(self) -> str:
        return self.scenario.issues[max(0, self.cursor_row)].id

    def detail(self) -> Text:
        """The highlighted issue written out in full, one line each (wrapped, never cut):
        its name (when the table cuts it), what you offer, and what is on the table."""
        issue = self.scenario.issue(self.current_issue)
        ids = [o.id for o in issue.options]
        mine = self.mine[issue.id]
        text = Text()
        name = localise(issue.label)
        if not self._name_whole(name):
            text.append(clean(name) + "\n", style="bold")
        text.append(_("You offer: "), style="dim")
        choice = localise(issue.options[ids.index(mine)].label)
        text.append(clean(f"◀ {choice} ▶"), style="bold")
        text.append(f" {ids.index(mine) + 1}/{len(ids)}", style="dim")
        text.append("\n" + _("On the table: "), style="dim")
        if self.theirs is not None and issue.id in self.theirs:
            their = next(localise(o.label) for o in issue.options if o.id == self.theirs[issue.id])
            text.append(clean(their), style="italic")
        else:
            text.append(_("nothing from them yet"), style="dim italic")
        return text

    def _name_whole(self, label: str) -> bool:
        """Whether the issue column shows `label` uncut (on one line, or two when rows
        are two lines tall)."""
        if not self.columns:
            return False
        width = self.columns[ColumnKey("issue")].width
        return len(textwrap.wrap(label, max(1, width))) <= self.row_lines

    def copy_theirs(self) -> None:
        if self.theirs:
            self.mine.update(self.theirs)
            self.refresh_rows()
            self.post_message(self.Changed())

    # ------------------------------------------------------------------ keys
    def action_cycle(self, step: int) -> None:
        issue = self.scenario.issue(self.current_issue)
        ids = [o.id for o in issue.options]
        allowed = [o for o in ids if not self.space or o in self.space.get(issue.id, ())] or ids
        current = self.mine[issue.id]
        position = allowed.index(current) if current in allowed else -1
        self.mine[issue.id] = allowed[(position + step) % len(allowed)]
        self.refresh_rows()
        self.post_message(self.Changed())

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.post_message(self.Changed())

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        # A click on a row changes its option, so the mouse alone can build an offer.
        event.stop()
        self.action_cycle(1)


def _two_line_width(scenario: Scenario) -> int:
    """The narrowest column in which every issue name takes at most two lines."""
    labels = [localise(i.label) for i in scenario.issues]
    longest = max(len(label) for label in labels)
    return next(
        (w for w in range(8, longest) if all(len(textwrap.wrap(t, w)) <= 2 for t in labels)),
        longest,
    )


def _cell(label: str, style: str, wrap: bool = False) -> Text:
    return Text(clean(label), style=style, no_wrap=not wrap, overflow="ellipsis")


def _look(cell: Text) -> CellLook:
    return cell.plain, str(cell.style), cell.no_wrap, tuple(cell.spans)
