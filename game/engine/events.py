"""Events: the single currency between the engine and everything else.

The TUI renders them, the transcript and debrief are built from them, `simulate`
counts them. Each carries its cause, so any client can answer "why did this happen?".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from game.rules.effects import Cause
from game.scenario.models import ROLES, RoleId

BOTH: tuple[RoleId, ...] = ROLES
# The kinds a reader follows, in the news feed and the printed transcript; meter changes
# are left to the meters tab and the charts.
STORY_KINDS = (
    "move",
    "news",
    "tariff",
    "deadline",
    "deal",
    "phase",
    "ending",
    "flag",
    "schedule",
    "instructor",
)


@dataclass(frozen=True)
class Event:
    seq: int
    day: float
    date: str
    kind: str  # move, phase, meter, flag, tariff, deadline, news, deal, schedule, ending
    text: str
    cause: Cause
    visible_to: tuple[RoleId, ...] = BOTH
    data: dict[str, Any] = field(default_factory=dict, compare=False)

    def line(self, text: str | None = None, cause: str | None = None) -> str:
        """One deterministic line of transcript; `text` and `cause` put the event's text
        and its cause in a reader's language (the engine's own are English)."""
        if cause is None:
            why = f"{self.cause.kind} {self.cause.id}" if self.cause.id else self.cause.kind
            src = f"; source: {self.cause.source}" if self.cause.source else ""
            cause = why + src
        shown = self.text if text is None else text
        return f"{self.date} d{self.day:05.1f} [{self.kind}] {shown}  ({cause})"

    def to_json(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "day": self.day,
            "date": self.date,
            "kind": self.kind,
            "text": self.text,
            "visible_to": list(self.visible_to),
            "cause": {"kind": self.cause.kind, "id": self.cause.id, "source": self.cause.source},
            "data": self.data,
        }
