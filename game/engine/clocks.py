"""The scenario's clocks: the tariff ladder and every declared deadline.

Each clock is a ladder of dated steps that the calendar climbs while the threat stands:
threatened → imposed (one step at a time) ⇄ suspended, and lifted. The tariff ladder is
the clock with id `tariff` (its levels are rates in percent); a `deadlines:` entry is
another, with its own label and steps. One kind of thing, so the clock on the screen,
the AI's sense of time and the statistics treat every threat alike.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from game.scenario.models import NO_STEP_AHEAD, Scenario

TARIFF = "tariff"


@dataclass(frozen=True)
class ClockSpec:
    """One clock as the scenario declares it, with its steps as scenario days."""

    id: str
    label: str  # `Tariff on imports`, `Border closure`
    short: str  # `tariff`, `closure`: for columns and charts
    unit: str
    days: tuple[float, ...]
    levels: tuple[float, ...]
    step_labels: tuple[str, ...]
    source: str

    @property
    def is_tariff(self) -> bool:
        return self.id == TARIFF


def clock_specs(scenario: Scenario) -> tuple[ClockSpec, ...]:
    """The scenario's clocks, the tariff ladder first, then `deadlines:` in order."""
    start = scenario.start_date

    def day(date: dt.date) -> float:
        return float((date - start).days)

    specs = []
    ladder = scenario.tariff_ladder
    if ladder is not None:
        specs.append(
            ClockSpec(
                TARIFF,
                ladder.label,
                TARIFF,
                "%",
                tuple(day(s.date) for s in ladder.steps),
                tuple(s.rate for s in ladder.steps),
                tuple("" for _ in ladder.steps),
                ladder.source,
            )
        )
    for deadline in scenario.deadlines:
        specs.append(
            ClockSpec(
                deadline.id,
                deadline.label,
                deadline.short_name(),
                deadline.unit,
                tuple(day(s.date) for s in deadline.steps),
                tuple(deadline.level_of(i) for i in range(len(deadline.steps))),
                tuple(s.label for s in deadline.steps),
                deadline.source,
            )
        )
    return tuple(specs)


class ClockState:
    """Where one game stands on one clock. The clock machine drives `status`."""

    status: str

    def __init__(self, spec: ClockSpec) -> None:
        self.spec = spec
        self.status = "none"
        self.step = -1
        self.shift = 0.0  # days the steps' dates moved (suspensions, the instructor)
        self.suspended_on: float | None = None

    @property
    def level(self) -> float:
        if self.status != "imposed" or self.step < 0:
            return 0.0
        return self.spec.levels[self.step]

    def next_step(self) -> tuple[float, float] | None:
        """(day, level) of the next step if the clock can reach it, else None."""
        if self.status not in ("threatened", "imposed"):
            return None
        index = self.step + 1
        if index >= len(self.spec.days):
            return None
        return self.spec.days[index] + self.shift, self.spec.levels[index]

    def next_label(self) -> str:
        index = self.step + 1
        return self.spec.step_labels[index] if index < len(self.spec.step_labels) else ""

    def days_left(self, today: float) -> float:
        step = self.next_step()
        return NO_STEP_AHEAD if step is None else max(0.0, step[0] - today)

    def copy(self) -> ClockState:
        twin = ClockState(self.spec)
        twin.status, twin.step = self.status, self.step
        twin.shift, twin.suspended_on = self.shift, self.suspended_on
        return twin


@dataclass(frozen=True)
class DeadlineReading:
    """One clock as a delegation sees it: where it stands and what comes next, when."""

    id: str
    label: str
    short: str
    unit: str
    status: str
    level: float
    next_date: str | None = None  # ISO date of the next step, if one is ahead
    next_level: float | None = None
    next_label: str = ""  # what the next step brings, as the scenario says it
    days_left: float | None = None

    @property
    def is_tariff(self) -> bool:
        return self.id == TARIFF


def read_clock(clock: ClockState, start: dt.date, today: float) -> DeadlineReading:
    spec = clock.spec
    step = clock.next_step()
    if step is None:
        return DeadlineReading(
            spec.id, spec.label, spec.short, spec.unit, clock.status, clock.level
        )
    when = start + dt.timedelta(days=int(step[0]))
    return DeadlineReading(
        spec.id,
        spec.label,
        spec.short,
        spec.unit,
        clock.status,
        clock.level,
        when.isoformat(),
        step[1],
        clock.next_label(),
        max(0.0, step[0] - today),
    )


def next_deadline(readings: tuple[DeadlineReading, ...]) -> DeadlineReading | None:
    """The reading whose next step comes first (the earliest declared on a tie)."""
    ahead = [r for r in readings if r.days_left is not None]
    return min(ahead, key=lambda r: r.days_left or 0.0) if ahead else None
