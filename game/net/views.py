"""What a seat is sent, decided on the server: a role's view as JSON, and the scenario
with the other side's confidential parts taken out. The remote client rebuilds a
`RoleView` from the JSON, so the screens read the same object as in a local game."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from game.engine.api import MeterReading, MoveMenu, RoleView
from game.engine.events import Event
from game.engine.moves import Move
from game.engine.state import GameState
from game.net.wire_text import from_wire, to_wire
from game.rules.effects import Cause
from game.scenario.models import Role, RoleId, Scenario

# Parts of the other delegation that only its own players may read.
CONFIDENTIAL_ROLE_FIELDS = ("briefing", "objectives", "preferences", "key_figures")
# Parts of a scenario whose text may be addressed to one side only (news visible to one
# role) or that describe the AI's private tuning; a seat needs none of them to play.
PRIVATE_SCENARIO_FIELDS = ("rules", "events", "ai")
MECHANICS = frozenset({"when", "then"})
PLAIN = (str, int, float, bool)  # the values of the environment a view carries (and None)


# Parts of a view that never change during a game: sent in full views only.
STATIC_FIELDS = ("delegation", "history")
EVENTS = "events"
ENV = "env"  # in a delta, only the entries that changed


def view_payload(
    view: RoleView, events_from: int | None = None, wire: EventJson | None = None
) -> dict[str, Any]:
    """A RoleView as JSON; only what `view.role` may see is in it. With `events_from`, a
    delta: only the events from that index on, and none of the static fields (the
    receiver has them from the full view it got first; see `merge_view`). `wire` makes
    each event's JSON (an `EventWire` shares them between views)."""
    wire = wire or event_json
    data: dict[str, Any] = {} if events_from is not None else {
        "delegation": view.delegation.model_dump(mode="json"),
        "history": [m.to_json() for m in view.history],
    }  # fmt: skip
    data.update(view_fields(view))
    data[EVENTS] = [wire(e) for e in view.events[events_from or 0 :]]
    return data


def view_fields(view: RoleView, env: bool = True) -> dict[str, Any]:
    """The parts of a view that change as the game goes on, the events aside (and the
    environment too unless `env`: a delta sends only its entries that changed)."""
    data = {
        "role": view.role,
        # Texts carry every language's version (game.net.wire_text).
        "counterpart": to_wire(view.counterpart),
        "counterpart_wants": to_wire(view.counterpart_wants),
        "scenario_id": view.scenario_id,
        "title": to_wire(view.title),
        "phase": view.phase,
        "phase_label": to_wire(view.phase_label),
        "actor": view.actor,
        "date": view.date,
        "day": view.day,
        "tariff_rate": view.tariff_rate,
        "tariff_status": view.tariff_status,
        "next_tariff_step": list(view.next_tariff_step) if view.next_tariff_step else None,
        "meters": [
            {"name": m.name, "label": to_wire(m.label), "value": m.value, "unit": to_wire(m.unit)}
            for m in view.meters
        ],
        "offer": view.offer,
        "offer_by": view.offer_by,
        "deal": view.deal,
        "menu": {
            "role": view.menu.role,
            "moves": [m.to_json() for m in view.menu.moves],
            "offer_space": {k: list(v) for k, v in view.menu.offer_space.items()},
        },
        "moves_made": view.moves_made,
        "max_moves": view.max_moves,
        "ending": view.ending,
        "clock_paused": view.clock_paused,
        "next_tariff_in_days": view.next_tariff_in_days,
    }
    if env:
        data[ENV] = {k: v for k, v in view.env.items() if v is None or isinstance(v, PLAIN)}
    return data


def merge_view(full: dict[str, Any], delta: dict[str, Any], events_from: int) -> dict[str, Any]:
    """The full view a delta stands for, given the last full (or merged) view: a delta
    holds the events from `events_from` on, any other field that changed, and of the
    environment only the entries that changed."""
    merged = dict(full)
    merged.update(delta)
    merged[EVENTS] = full[EVENTS][:events_from] + delta[EVENTS]
    if ENV in delta:
        merged[ENV] = {**full[ENV], **delta[ENV]}
    return merged


def view_from_payload(data: dict[str, Any]) -> RoleView:
    """Rebuild the RoleView a server sent (raise ValueError/KeyError if it is damaged)."""
    return ViewReader().read(data)


class ViewReader:
    """Rebuilds the RoleViews of one seat's successive payloads. A merged payload keeps
    the very objects of the one before for what did not change (see `merge_view`), so
    the events, the delegation and the history read before are taken again as they
    are: reading a view costs what changed, not the whole game so far."""

    def __init__(self) -> None:
        self._raw_events: list[dict[str, Any]] = []
        self._events: list[Event] = []
        self._raw_static: tuple[object, object] | None = None
        self._static: tuple[Role, tuple[Move, ...]] | None = None
        # meter name -> the last JSON read for it and its reading
        self._meters: dict[str, tuple[dict[str, Any], MeterReading]] = {}

    def read(self, data: dict[str, Any]) -> RoleView:
        """The RoleView of `data` (raise ValueError/KeyError if it is damaged)."""
        menu = data["menu"]
        events = self._read_events(data["events"])
        delegation, history = self._read_static(data["delegation"], data["history"])
        step = data["next_tariff_step"]
        return RoleView(
            role=data["role"],
            delegation=delegation,
            counterpart=from_wire(data["counterpart"]),
            counterpart_wants=from_wire(data["counterpart_wants"]),
            scenario_id=data["scenario_id"],
            title=from_wire(data["title"]),
            phase=data["phase"],
            phase_label=from_wire(data["phase_label"]),
            actor=data["actor"],
            date=data["date"],
            day=data["day"],
            tariff_rate=data["tariff_rate"],
            tariff_status=data["tariff_status"],
            next_tariff_step=(step[0], step[1]) if step else None,
            meters=tuple(self._read_meter(m) for m in data["meters"]),
            offer=data["offer"],
            offer_by=data["offer_by"],
            deal=data["deal"],
            menu=MoveMenu(
                menu["role"],
                tuple(Move.from_json(m) for m in menu["moves"]),
                {k: tuple(v) for k, v in menu["offer_space"].items()},
            ),
            moves_made=data["moves_made"],
            max_moves=data["max_moves"],
            ending=data["ending"],
            clock_paused=data["clock_paused"],
            next_tariff_in_days=data["next_tariff_in_days"],
            env=dict(data["env"]),
            history=history,
            log=events,
            log_length=len(events),
        )

    def _read_meter(self, raw: dict[str, Any]) -> MeterReading:
        """A meter's reading; its label and unit (each every language's version) are
        read again only when they changed, as a delta resends every meter's."""
        name = raw["name"]
        held = self._meters.get(name)
        if held is not None and held[0] == raw:
            return held[1]
        if held is not None and held[0]["label"] == raw["label"] and held[0]["unit"] == raw["unit"]:
            reading = MeterReading(name, held[1].label, raw["value"], held[1].unit)
        else:
            reading = MeterReading(
                name, from_wire(raw["label"]), raw["value"], from_wire(raw["unit"])
            )
        self._meters[name] = (raw, reading)
        return reading

    def _read_events(self, raw: list[dict[str, Any]]) -> tuple[Event, ...]:
        same = 0
        for before, now in zip(self._raw_events, raw, strict=False):
            if before is not now:
                break
            same += 1
        self._events[same:] = [_event(e) for e in raw[same:]]
        self._raw_events = list(raw)
        return tuple(self._events)

    def _read_static(self, delegation: Any, history: Any) -> tuple[Role, tuple[Move, ...]]:
        raw = self._raw_static
        if self._static is None or raw is None or raw[0] is not delegation or raw[1] is not history:
            self._static = (
                Role.model_validate(delegation),
                tuple(Move.from_json(m) for m in history),
            )
            self._raw_static = (delegation, history)
        return self._static


def timeline_payload(state: GameState, role: RoleId, start: int = 0) -> dict[str, list[float]]:
    """The meters `role` may see, over time (for the charts), from point `start` on."""
    visible = [n for n, m in state.game.scenario.meters.items() if role in m.visible_to]
    points = state.timeline[start:]
    return {name: [snap.meters.get(name, 0.0) for snap in points] for name in visible}


def scoped_scenario(scenario: Scenario, role: RoleId | None) -> dict[str, Any]:
    """The scenario as JSON for a seat of `role` (None: the instructor, who sees all).
    For display only: without the other side's objectives it is not a loadable file."""
    data = scenario.model_dump(mode="json")
    if role is None:
        return data
    for other, part in data["roles"].items():
        if other != role:
            for name in CONFIDENTIAL_ROLE_FIELDS:
                part.pop(name, None)
    data["meters"] = {
        name: meter for name, meter in data["meters"].items() if role in meter["visible_to"]
    }
    for name in PRIVATE_SCENARIO_FIELDS:
        data.pop(name, None)
    scoped: dict[str, Any] = _without_mechanics(data)
    return scoped


def _without_mechanics(value: Any) -> Any:
    """Conditions and effects name every meter, private ones included; the seat's
    client evaluates nothing (the server does), so they are left out."""
    if isinstance(value, dict):
        return {k: _without_mechanics(v) for k, v in value.items() if k not in MECHANICS}
    if isinstance(value, list):
        return [_without_mechanics(v) for v in value]
    return value


def event_json(event: Event) -> dict[str, Any]:
    """An event as JSON, its text with every language's version (game.net.wire_text)."""
    data = event.to_json()
    data["text"] = to_wire(event.text)
    return data


EventJson = Callable[[Event], dict[str, Any]]


class EventWire:
    """One table's events as JSON, each made once: both seats, the instructor's
    watchers and every later whole view send the same dict (an event never changes
    once logged). Kept by identity; each entry holds its event, so ids are never
    reused while the table lives. Read the dicts, never change them."""

    def __init__(self) -> None:
        self._made: dict[int, tuple[Event, dict[str, Any]]] = {}

    def __call__(self, event: Event) -> dict[str, Any]:
        hit = self._made.get(id(event))
        if hit is None or hit[0] is not event:
            hit = (event, event_json(event))
            self._made[id(event)] = hit
        return hit[1]


def _event(data: dict[str, Any]) -> Event:
    cause = data["cause"]
    return Event(
        seq=data["seq"],
        day=data["day"],
        date=data["date"],
        kind=data["kind"],
        text=from_wire(data["text"]),
        cause=Cause(cause["kind"], cause["id"], cause["source"]),
        visible_to=tuple(data["visible_to"]),
        data=dict(data.get("data") or {}),
    )
