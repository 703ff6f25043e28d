"""The counterpart's reply and its reasons: a text that scrolls.

It looks and scrolls as a `Static` (padded one column each side) in a `VerticalScroll`
did, but a new text costs far less, and the text changes with every move. There, the
Static's height followed its text, so a new reply laid the screen out two or three
times (the Static's new height, then the scroll area's new size, then the scroll bar
coming or going) and wrapped the text again at each pass. Here the widget's size is set
by the layout, not by its text: the text is wrapped once, for the width it is read at,
and scrolling picks lines from what was wrapped.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.events import Resize
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip
from textual.style import Style
from textual.visual import Visual, VisualType, visualize
from textual.widget import Widget

PADDING = 1  # blank columns each side of the text (the Static had `padding: 0 1`)


class ReplyText(ScrollView):
    ALLOW_MAXIMIZE = False  # as the VerticalScroll it replaces
    DEFAULT_CSS = """
    ReplyText { overflow-x: hidden; overflow-y: auto; }
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._content: VisualType = ""
        self._visual: Visual | None = None
        # The text's lines, and what they were wrapped for: the width of text and the
        # style (its colours follow the theme).
        self._lines: list[Strip] = []
        self._wrapped_for: tuple[int, Style] | None = None

    @property
    def visual(self) -> Visual:
        if self._visual is None:
            self._visual = visualize(self, self._content, markup=self._render_markup)
        return self._visual

    # Widget.render may give a Visual; ScrollView's own (a placeholder) is typed narrower.
    def render(self) -> Visual:  # type: ignore[override]
        """The whole text, as a Static's `render` gives it (the screen is drawn line by
        line, by `render_line`)."""
        return self.visual

    def update(self, content: VisualType) -> None:
        self._content = content
        self._visual = None
        self._wrapped_for = None
        self._fit()

    def on_resize(self, event: Resize) -> None:
        self._fit()

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        # Each layout pass gives a ScrollView its viewport as `virtual_size`, which is
        # never this widget's scroll size (its text's, set by `_fit`): ScrollView took
        # that for a change and drew the scroll bar again after every pass.
        return super()._size_updated(size, self.virtual_size, container_size, layout)

    def selection_updated(self, selection: Selection | None) -> None:
        self._wrapped_for = None  # a selection is drawn into the lines
        self._fit()

    # ------------------------------------------------------------------ wrapping
    def _fit(self) -> None:
        """Wrap the text for the room it has and size the scroll area to it. The scroll
        bar takes its columns when the text is taller than the widget; as in a
        VerticalScroll, a bar already shown stays while the text needs it at the width
        the bar leaves."""
        width, height = self.size
        if not width:
            return  # not laid out yet: the first Resize fits it
        room = width - 2 * PADDING
        bar = self.styles.scrollbar_size_vertical if self.styles.overflow_y == "auto" else 0
        # Wrapping takes most of the time here: a width is tried only when it may do.
        if bar and (self.show_vertical_scrollbar or self._least_lines(room) > height):
            lines = self._wrap(room - bar)
            if len(lines) <= height:
                lines = self._wrap(room)
        else:
            lines = self._wrap(room)
            if bar and len(lines) > height:
                lines = self._wrap(room - bar)
        virtual = Size(width, len(lines))
        if virtual != self.virtual_size:
            # No layout pass for the new length alone (the widget's size is the layout's,
            # not its text's), as in Textual's own `_size_updated(layout=False)`: the
            # scroll bar follows, and asks for a layout when it comes or goes.
            self.set_reactive(Widget.virtual_size, virtual)
            if len(lines) > height and not self.show_vertical_scrollbar:
                # The bar is about to be shown for the first time (or again): placed, it
                # is given this widget's size as its own scroll size, and a new one
                # would lay the screen out once more for a widget that does not scroll.
                bar_widget = self.vertical_scrollbar
                bar_widget.set_reactive(Widget.virtual_size, self.content_region.size)
            self._scroll_update(virtual)
        self.refresh()

    def _least_lines(self, room: int) -> int:
        """The fewest lines the text can take at `room` columns: each of its lines takes
        at least its length, spaces aside (wrapping may drop those), over the room."""
        room = max(1, room)
        lines = str(self.visual).split("\n")
        return sum(max(1, -(-cell_len("".join(line.split())) // room)) for line in lines)

    def _wrap(self, room: int) -> list[Strip]:
        room = max(1, room)
        style = self.visual_style
        if self._wrapped_for != (room, style):
            # What a Static draws (`Widget._render_content`), for every line of the text.
            self._lines = Visual.to_strips(self, self.visual, room, None, style)
            self._wrapped_for = (room, style)
        return self._lines

    # ------------------------------------------------------------------ drawing
    def render_line(self, y: int) -> Strip:
        """Line `y` of the view: a line of the text between its padding, as the styles
        of a padded Static draw it."""
        base, background = self.background_colors
        inner = Style(background=base + background).rich_style
        index = self.scroll_offset.y + y
        if self._wrapped_for is None or index >= len(self._lines):
            return Strip.blank(self.size.width, inner)
        room = self._wrapped_for[0]
        pad = Strip.blank(PADDING, inner)
        return Strip.join([pad, self._lines[index].adjust_cell_length(room, inner), pad])

    def render_lines(self, crop: Region) -> list[Strip]:
        """The lines end where the scroll bar begins, as the Static's did beside the
        VerticalScroll's bar: the screen then takes each line whole, as it took the
        Static's, rather than cut where the bar starts."""
        if self._wrapped_for is not None and self._wrapped_for[1] != self.visual_style:
            self._wrap(self._wrapped_for[0])  # a new theme: its colours, same lines
        right = self.size.width - self.scrollbar_size_vertical
        if crop.x < right < crop.right:
            crop = Region(crop.x, crop.y, right - crop.x, crop.height)
        return super().render_lines(crop)
