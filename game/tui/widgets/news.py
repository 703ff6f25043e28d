"""The news feed: every event a delegation may see, in plain words; select one to see
why it happened (the rule, event or move behind it, and its source article)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from game.engine.events import STORY_KINDS, Event
from game.i18n import N_, _, localise
from game.scenario.models import Rule, Scenario, ScenarioEvent
from game.tui.plain import clean
from game.tui.text import short_date, source_line

SHOWN = STORY_KINDS
KIND_STYLE = {
    "news": "bold",
    "tariff": "bold red",
    "deadline": "bold red",
    "deal": "bold green",
    "ending": "bold",
    "instructor": "bold magenta",
}

CAUSE_KINDS = {
    "rule": N_("Rule"),
    "event": N_("Event"),
    "move": N_("Move"),
    "ladder": N_("Tariff ladder"),
    "deadline": N_("Deadline"),
    "action": N_("Action"),
    "clock": N_("The clock"),
    "start": N_("Start"),
}


class NewsFeed(Vertical):
    DEFAULT_CSS = """
    NewsFeed OptionList { height: 1fr; }
    NewsFeed #why { height: auto; max-height: 8; padding: 0 1; background: $boost; }
    """

    def __init__(self, scenario: Scenario, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.scenario = scenario
        self.events: list[Event] = []
        # The item whose cause the `why` box is to show once the feed is in view.
        self.why_for: Event | None = None

    def compose(self) -> ComposeResult:
        yield OptionList(id="feed")
        yield Static(_("Select an item to see why it happened."), id="why")

    def show(self, events: tuple[Event, ...]) -> None:
        shown = [e for e in events if e.kind in SHOWN]
        known = [e.seq for e in self.events]
        if [e.seq for e in shown] == known:
            return
        feed = self.query_one(OptionList)
        if [e.seq for e in shown[: len(known)]] == known:
            fresh = shown[len(known) :]  # the usual case: only new events to add
        else:
            feed.clear_options()
            fresh = shown
        self.events = shown
        feed.add_options(
            Option(
                Text.assemble(
                    (f"{short_date(e.date):>6} ", "dim"),
                    (clean(localise(e.text)), KIND_STYLE.get(e.kind, "")),
                ),
                id=str(e.seq),
            )
            for e in fresh
        )
        if shown:
            feed.highlighted = len(shown) - 1

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        seq = int(event.option.id or -1)
        chosen = next((e for e in self.events if e.seq == seq), None)
        if chosen is not None:
            self.why_for = chosen
            # Behind another tab, the box is written when the feed is about to be shown
            # (`show_why`): most moves add an item, and each new text in the box lays
            # the whole screen out again.
            if self.is_on_screen:
                self.show_why()

    def on_show(self) -> None:
        self.show_why()  # in case the tab was opened without `show_why` first

    def show_why(self) -> None:
        """Write the cause of the highlighted item, if not yet written. Called before the
        feed's tab opens, so the box has its height when the list is first laid out
        (the list scrolls to its highlighted item in the room the box leaves)."""
        if self.why_for is not None:
            self.query_one("#why", Static).update(self.why(self.why_for))
            self.why_for = None

    def why(self, event: Event) -> Text:
        cause = event.cause
        text = Text()
        text.append(clean(localise(event.text)) + "\n", style="bold")
        kind = CAUSE_KINDS.get(cause.kind)
        text.append(_("Why: {cause}").format(cause=_(kind) if kind else clean(cause.kind.title())))
        if cause.id:
            text.append(clean(f" `{cause.id}`"))
        note = self._note(cause.kind, cause.id)
        if note:
            text.append(clean(f" — {note}"))
        if cause.source:
            source = self.scenario.source(cause.source)
            if cause.source == "designer":
                text.append(
                    "\n" + _("Source: a designer's mechanic, not from reporting"), style="dim"
                )
            elif source is not None:
                shown = source_line(self.scenario, cause.source)
                text.append(clean("\n" + _("Source: {source}").format(source=shown)), style="dim")
            else:
                source_id = _("Source: {source}").format(source=cause.source)
                text.append(clean("\n" + source_id), style="dim")
        return text

    def _note(self, kind: str, ident: str) -> str:
        s = self.scenario
        if kind == "deadline":
            deadline = next((d for d in s.deadlines if d.id == ident), None)
            return " ".join(localise(deadline.description).split()) if deadline is not None else ""
        items: list[Rule] | list[ScenarioEvent] = (
            s.rules if kind == "rule" else s.events if kind == "event" else []
        )
        found = next((x for x in items if x.id == ident), None)
        return " ".join(localise(found.note).split()) if found is not None and found.note else ""
