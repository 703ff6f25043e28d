"""Resolving a move: effects, rules, the calendar, the clocks (tariff, deadlines), the ending.

One `Resolution` carries out one step of play on a state and records every change as
an `Event` with its cause. Order, which the scenario author can rely on:

1. the move itself (and an action's own effects);
2. the phase machine fires the move's trigger;
3. `on: move` rules, in declared order;
4. the clock advances by the phase's `move_days`, stopping at each date on the way
   (clock steps, the tariff's before the deadlines' → dated and scheduled events →
   chance events → `on: month` rules);
5. `on: tick` rules; then, while the phase belongs to the clock, steps 4–5 repeat;
6. if time or moves ran out, the first ending whose condition holds is reached.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
from collections.abc import Iterable, Sequence

from game.engine.clocks import TARIFF, ClockState
from game.engine.events import BOTH, Event
from game.engine.machines import fire
from game.engine.moves import (
    ACCEPT,
    ACT,
    EXTEND,
    INJECT,
    INSTRUCTOR,
    PAUSE,
    PROPOSE,
    REJECT,
    RESUME,
    WALK_OUT,
    Move,
)
from game.engine.state import GameState
from game.i18n import N_, tx, tx_date, tx_join, tx_lower
from game.rules.effects import Cause, apply_all
from game.rules.ruleset import CompiledRule
from game.scenario.models import News, RoleId

CLOCK = Cause("clock", "", "")
# A clock phase that never moves on still ends: time runs out at the end date.
_MAX_CLOCK_STOPS = 10_000


class Resolution:
    def __init__(self, state: GameState) -> None:
        self.state = state
        self.game = state.game
        self.scenario = state.game.scenario

    # ------------------------------------------------------------------ recording
    def record(
        self,
        kind: str,
        text: str,
        cause: Cause,
        visible_to: Iterable[RoleId] = BOTH,
        **data: object,
    ) -> None:
        state = self.state
        # `data` is this call's own keyword dict, so the event may keep it as it is.
        audience = visible_to if type(visible_to) is tuple else tuple(visible_to)
        log = state.log
        log.append(Event(len(log), state.day, state.date_iso, kind, text, cause, audience, data))

    # ------------------------------------------------------------------ EffectTarget
    def _meter_value(self, name: str, value: float) -> float:
        meter = self.scenario.meters[name]
        value = min(max(value, meter.min), meter.max)
        if meter.type == "int":
            value = float(math.floor(value + 0.5))  # round half up, the same on every platform
        return value

    def set_meter(self, name: str, value: float, cause: Cause) -> None:
        state = self.state
        old = state.meters[name]
        new = self._meter_value(name, value)
        if new == old:
            return
        state.meters[name] = new
        state.env[name] = new
        meter = self.scenario.meters[name]
        self.record(
            "meter",
            _meter_change(meter.label, _fmt(old), _fmt(new), meter.unit),
            cause,
            meter.visible_to,
            meter=name,
            old=old,
            new=new,
        )

    def add_meter(self, name: str, delta: float, cause: Cause) -> None:
        self.set_meter(name, self.state.meters[name] + delta, cause)

    def set_flag(self, name: str, value: bool, cause: Cause) -> None:
        state = self.state
        if state.flags[name] == value:
            return
        state.flags[name] = value
        state.env[name] = value
        text = _flag_change(self.scenario.flag_label(name), value)
        self.record("flag", text, cause, flag=name, value=value)

    def move_tariff(self, operation: str, cause: Cause) -> None:
        self.move_clock(TARIFF, operation, cause)

    def move_clock(self, clock_id: str, operation: str, cause: Cause) -> None:
        state = self.state
        clock = state.clocks[clock_id]
        before_status, before_level = clock.status, clock.level
        machine = self.game.clock_machine
        if operation == "escalate":
            if fire(machine, "step", clock):
                clock.step += 1
        elif operation == "suspend":
            if fire(machine, "suspend", clock):
                clock.suspended_on = state.day
        elif operation == "resume":
            if fire(machine, "resume", clock) and clock.suspended_on is not None:
                clock.shift += state.day - clock.suspended_on
                clock.suspended_on = None
        elif operation == "lift":
            fire(machine, "lift", clock)
        self._clock_changed(clock, before_status, before_level, cause)

    def _clock_changed(
        self, clock: ClockState, before_status: str, before_level: float, cause: Cause
    ) -> None:
        state = self.state
        if (clock.status, clock.level) == (before_status, before_level):
            return
        ident = clock.spec.id
        names = self.game.clock_env_names[ident]
        state.env[names.level] = clock.level
        state.env[names.status] = clock.status
        state.env[names.days_left] = clock.days_left(state.day)
        if clock.spec.is_tariff:
            state.env["tariff_rate"] = state.tariff_rate
            state.env["tariff_status"] = state.tariff_status
            self.record(
                "tariff",
                tx(
                    "{clock}: {before} {old}% → {after} {new}%",
                    clock=clock.spec.label,
                    before=status_word(before_status),
                    old=format(before_level, "g"),
                    after=status_word(clock.status),
                    new=format(clock.level, "g"),
                ),
                cause,
                status=clock.status,
                rate=clock.level,
            )
            return
        label, before, after = (
            clock.spec.label,
            status_word(before_status),
            status_word(clock.status),
        )
        text = tx("{clock}: {before} → {after}", clock=label, before=before, after=after)
        if clock.status == "imposed":
            what = clock.spec.step_labels[clock.step] or tx(
                "level {level}", level=format(clock.level, "g")
            )
            text = (
                tx("{clock}: {step}", clock=label, step=what)
                if before_status == "imposed"
                else tx(
                    "{clock}: {before} → {after} ({step})",
                    clock=label,
                    before=before,
                    after=after,
                    step=what,
                )
            )
        self.record("deadline", text, cause, clock=ident, status=clock.status, level=clock.level)

    def publish(self, news: News, cause: Cause) -> None:
        self.record("news", news.headline, cause, news.visible_to, body=news.body)

    def fire_trigger(self, trigger: str, cause: Cause) -> None:
        self._phase_trigger(trigger, cause)

    def schedule(self, event_id: str, in_days: float, cause: Cause) -> None:
        state = self.state
        when = state.day + in_days
        bisect.insort(state.scheduled, (when, state.schedule_seq, event_id))
        state.schedule_seq += 1
        date = self.scenario.start_date + dt.timedelta(days=int(when))
        self.record(
            "schedule",
            tx(
                "{event}: due on {date}",
                event=self.scenario.event_label(event_id),
                date=tx_date(date),
            ),
            cause,
            event=event_id,
            day=when,
        )

    def end(self, ending_id: str, cause: Cause) -> None:
        state = self.state
        if state.ending is not None:
            return
        state.ending = ending_id
        ending = self.scenario.ending(ending_id)
        self.record("ending", ending.title, cause, ending=ending_id)

    def void_deal(self, cause: Cause) -> None:
        state = self.state
        if state.deal is None:
            return
        state.deal = None
        state.env["deal"] = False
        state.env["days_since_deal"] = 0.0
        for names in self.game.issue_env_names.values():
            state.env[names.deal] = ""
            state.env[names.deal_level] = 0.0
        self.record("deal", tx("The agreement does not stand"), cause)

    # ------------------------------------------------------------------ phases
    def _phase_trigger(self, trigger: str, cause: Cause) -> bool:
        state = self.state
        before = state.phase
        if not fire(self.game.phase_machine, trigger, state):
            return False
        state.env["phase"] = state.phase
        if state.phase != before:
            label = self.scenario.phase(state.phase).label
            self.record("phase", label, cause, previous=before, phase=state.phase)
        return True

    # ------------------------------------------------------------------ rules
    def run_rules(self, rules: Sequence[CompiledRule], kind: str = "rule") -> None:
        state = self.state
        env = state.env
        for rule in rules:
            if state.ending is not None:
                return
            if rule.id in state.fired and self._once(kind, rule.id):
                continue
            if rule.when is not None and not rule.when.evaluate(env):
                continue
            if self._once(kind, rule.id):
                state.fired.add(rule.id)
            apply_all(rule.ops, self, env, Cause(kind, rule.id, rule.source))

    def _once(self, kind: str, ident: str) -> bool:
        if kind == "rule":
            return self.game.rule_once.get(ident, False)
        return self.game.event_once.get(ident, True)

    def fire_event(self, event_id: str) -> None:
        self.run_rules((self.game.ruleset.events[event_id],), "event")

    # ------------------------------------------------------------------ start
    def start(self) -> None:
        state = self.state
        for clock in state.clocks.values():
            fire(self.game.clock_machine, "threaten", clock)
        state.refresh_env()
        state.snapshot()
        self.run_rules(self.game.rules_by_trigger["tick"])
        self._process_stops_until(state.day)
        self._run_clock_phases()
        self._check_time_out()

    # ------------------------------------------------------------------ moves
    def play(self, move: Move) -> None:
        role = move.role
        if role == INSTRUCTOR:
            self.intervene(move)
            return
        state = self.state
        phase_before = state.phase
        self._record_move(move)
        state.moves.append(move)
        env = state.env
        env["moves"] = float(state.move_count)
        env["last_move"] = move.trigger
        env["last_actor"] = role
        if move.kind == PROPOSE:
            offer = dict(self.game.default_offer)
            offer.update(move.offer)
            state.offer, state.offer_by = offer, role
            state.counters[f"proposals_{role}"] += 1
        elif move.kind == ACCEPT and state.offer is not None:
            state.deal, state.deal_day = dict(state.offer), state.day
            self.record(
                "deal", tx("Agreement accepted"), Cause("move", ACCEPT, ""), terms=dict(state.deal)
            )
        elif move.kind == REJECT:
            state.counters["rejections"] += 1
        state.refresh_env()
        if move.kind == ACT:
            rule = self.game.ruleset.actions[move.action]
            apply_all(rule.ops, self, env, Cause("action", rule.id, rule.source))
        self._phase_trigger(move.trigger, Cause("move", move.trigger, ""))
        self.run_rules(self.game.rules_by_trigger["move"])
        if state.ending is None:
            if not state.clock_paused:
                self.advance(state.day + self.game.move_days[phase_before])
            self._run_clock_phases()
        self._check_time_out()

    def intervene(self, move: Move) -> None:
        """The instructor's hand: an inject, pausing or resuming the clock, or moving the
        next deadline. Recorded like any move, so a replay repeats it exactly."""
        state = self.state
        state.moves.append(move)
        state.interventions += 1
        cause = Cause("instructor", move.action or move.kind, "")
        if move.kind == INJECT:
            inject = self.game.ruleset.injects[move.action]
            label = self.scenario.injects_by_id[move.action].label
            self.record(
                "instructor",
                tx("Instructor's inject: {label}", label=label),
                Cause("inject", inject.id, inject.source),
                move=move.to_json(),
            )
            apply_all(inject.ops, self, state.env, Cause("inject", inject.id, inject.source))
        elif move.kind == PAUSE:
            state.clock_paused = True
            self.record(
                "instructor",
                tx("The instructor pauses the clock: moves take no time"),
                cause,
                move=move.to_json(),
            )
        elif move.kind == RESUME:
            state.clock_paused = False
            self.record(
                "instructor", tx("The instructor restarts the clock"), cause, move=move.to_json()
            )
        elif move.kind == EXTEND:
            days = float(move.action)
            clock = state.next_clock()
            if clock is not None:
                clock.shift += days
            if clock is None or clock.spec.is_tariff:
                text = tx(
                    "The instructor moves the tariff deadline {days} days later",
                    days=format(days, "g"),
                )
            else:
                text = tx(
                    "The instructor moves the {what} deadline {days} days later",
                    what=tx_lower(clock.spec.label),
                    days=format(days, "g"),
                )
            self.record(
                "instructor",
                text,
                cause,
                move=move.to_json(),
            )
        state.refresh_env()

    def _record_move(self, move: Move) -> None:
        role = (
            self.scenario.roles[move.role].short if move.role in self.scenario.roles else move.role
        )
        text: str
        if move.kind == PROPOSE:
            text = tx(
                "{role} proposes: {offer}",
                role=role,
                offer=describe_offer(self.game, dict(move.offer)),
            )
        elif move.kind == ACT:
            text = tx(
                "{role}: {action}", role=role, action=self.scenario.actions_by_id[move.action].label
            )
        else:
            text = tx(_MOVE_WORDS[move.kind], role=role)
        if move.note:
            # The note is the player's own words: shown as written, in every language.
            text = tx('{move} — "{note}"', move=text, note=move.note)
        self.record("move", text, Cause("move", move.trigger, ""), move=move.to_json())

    # ------------------------------------------------------------------ clock
    def advance(self, target: float) -> None:
        """Move the clock to `target`, stopping at every date on the way, then run tick rules."""
        state = self.state
        target = min(target, self.game.end_day)
        self._process_stops_until(target)
        if state.ending is None and target > state.day:
            self._set_day(target)
        if state.ending is None:
            self.run_rules(self.game.rules_by_trigger["tick"])
            state.snapshot()

    def _process_stops_until(self, target: float) -> None:
        state = self.state
        for _ in range(_MAX_CLOCK_STOPS):
            stop = self._next_stop()
            if stop is None or stop > target or state.ending is not None:
                return
            if stop > state.day:
                self._set_day(stop)
            self._stop_here()

    def _next_stop(self) -> float | None:
        """The earliest day, from now on, when something happens by the calendar."""
        state = self.state
        candidates = []
        if state.scheduled:
            candidates.append(state.scheduled[0][0])
        for clock in state.clocks.values():
            step = clock.next_step()
            if step is not None:
                candidates.append(step[0])
        if self.game.month_listeners:
            candidates.append(self._next_month_start())
        if not candidates:
            return None
        return max(min(candidates), state.day)

    def _next_month_start(self) -> float:
        """The first of a month not yet processed, from today on."""
        state = self.state
        starts = self.game.month_starts
        i = bisect.bisect_left(starts, state.day)
        if i < len(starts) and starts[i] == state.day and state.day in state.months_done:
            i += 1
        return starts[i] if i < len(starts) else self.game.end_day + 1

    def _set_day(self, day: float) -> None:
        state = self.state
        state.day = day
        date = state.date
        state.env["day"] = day
        state.env["month"] = float(date.month)
        state.env["day_of_month"] = float(date.day)
        if state.deal is not None:
            state.env["days_since_deal"] = day - state.deal_day
        names = self.game.clock_env_names
        for ident, clock in state.clocks.items():
            state.env[names[ident].days_left] = clock.days_left(day)

    def _stop_here(self) -> None:
        """Everything the calendar holds for the current day, in a fixed order."""
        state = self.state
        for clock in state.clocks.values():
            step = clock.next_step()
            if step is not None and step[0] <= state.day:
                before_status, before_level = clock.status, clock.level
                if fire(self.game.clock_machine, "step", clock):
                    clock.step += 1
                    spec = clock.spec
                    cause = (
                        Cause("ladder", "step", spec.source)
                        if spec.is_tariff
                        else Cause("deadline", spec.id, spec.source)
                    )
                    self._clock_changed(clock, before_status, before_level, cause)
        while state.scheduled and state.scheduled[0][0] <= state.day and state.ending is None:
            _, _, event_id = state.scheduled.pop(0)
            self.fire_event(event_id)
        is_month_start = (
            state.day == int(state.day)
            and state.date.day == 1
            and state.day not in state.months_done
        )
        if is_month_start and state.ending is None:
            state.months_done.add(state.day)
            for event in self.game.chance_events:
                # Draw for every chance event, fired or not, so one event's condition never
                # shifts the random numbers the others see.
                draw = state.rng.random()
                if draw < (event.chance or 0.0):
                    self.fire_event(event.id)
            self.run_rules(self.game.rules_by_trigger["month"])
            state.snapshot()

    def _run_clock_phases(self) -> None:
        state = self.state
        for _ in range(_MAX_CLOCK_STOPS):
            if state.ending is not None or self.game.phase_actor[state.phase] != "clock":
                return
            if state.day >= self.game.end_day:
                return
            stop = self._next_stop()
            target = self.game.end_day if stop is None or stop <= state.day else stop
            self.advance(target)

    def _check_time_out(self) -> None:
        state = self.state
        if state.ending is not None:
            return
        out_of_time = state.day >= self.game.end_day
        out_of_moves = state.move_count >= self.scenario.max_moves
        if not (out_of_time or out_of_moves):
            return
        why = "time ran out" if out_of_time else "the move limit was reached"
        for ending in self.scenario.endings:
            compiled = self.game.ruleset.endings.get(ending.id)
            if compiled is not None and compiled(state.env):
                self.end(ending.id, Cause("clock", why, ending.source))
                return
        default = self.scenario.default_ending
        self.end(default.id, Cause("clock", why, default.source))


_MOVE_WORDS = {
    ACCEPT: N_("{role} accepts the offer"),
    REJECT: N_("{role} rejects the offer"),
    WALK_OUT: N_("{role} walks out of the talks"),
}
# A clock's status as the event line says it.
_STATUS_WORDS = {
    "none": N_("none"),
    "threatened": N_("threatened"),
    "imposed": N_("imposed"),
    "suspended": N_("suspended"),
    "lifted": N_("lifted"),
}


def status_word(status: str) -> str:
    """A clock status (`threatened`, `imposed`…) as a word the reader's language has."""
    template = _STATUS_WORDS.get(status)
    return tx(template) if template is not None else status


def _meter_change(label: str, old: str, new: str, unit: str) -> str:
    if not unit:
        return tx("{meter}: {old} → {new}", meter=label, old=old, new=new)
    if unit == "%":
        return tx("{meter}: {old} → {new}%", meter=label, old=old, new=new)
    return tx("{meter}: {old} → {new} {unit}", meter=label, old=old, new=new, unit=unit)


def describe_offer(game: object, offer: dict[str, str]) -> str:
    """The options of an offer as words, in table order, leaving out default options."""
    from game.engine.game import Game

    assert isinstance(game, Game)
    parts = []
    for issue in game.scenario.issues:
        option_id = offer.get(issue.id, issue.default_option())
        if option_id == issue.default_option():
            continue
        option = issue.options_by_id.get(option_id)
        parts.append(option.label if option else option_id)
    return tx_join("; ", parts) if parts else tx("nothing beyond the status quo")


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


def _flag_change(label: str, value: bool) -> str:
    """`A tariff has been imposed: yes`: the fact in the scenario's words (its name in
    words when it has no label), never the name expressions use."""
    return tx("{flag}: yes", flag=label) if value else tx("{flag}: no", flag=label)
