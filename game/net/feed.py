"""A seat's stream of views as deltas: what a receiver was last sent of a seat (`Sent`),
the push that brings it up to date with only what changed (`seat_push`), and the merge
that turns such a push back into a whole one on the receiving side (`merge_push`).

Why: a class plays flat out with a hundred clients, and a whole view is some twenty
kilobytes and growing (every event since the start, every move, every chart point). A move changes
a few fields and adds a few events; sending only those keeps both sides' JSON work,
and so the time to acknowledge a move, small however long the game has run."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from game.engine.api import RoleView
from game.engine.state import GameState
from game.net.protocol import Reply, ViewPush
from game.net.views import (
    ENV,
    EVENTS,
    PLAIN,
    STATIC_FIELDS,
    EventJson,
    event_json,
    merge_view,
    timeline_payload,
    view_fields,
    view_payload,
)
from game.scenario.models import RoleId

# Tells a field the base lacks from one it has as None.
_ABSENT = object()


@dataclass(frozen=True)
class Sent:
    """What a receiver holds of one seat's view: the base the next delta starts from."""

    moves: int  # moves at the table in that view
    fields: dict[str, Any]  # the view's fields, static ones and the events aside
    events: int  # events of the view (those the role may see)
    log: int  # length of the table's log when those events were read from it
    timeline: int  # points of each chart
    move_list: int  # moves in the move list


def seat_push(
    table: int,
    state: GameState,
    view: RoleView,
    replies: dict[RoleId, Reply],
    base: Sent | None,
    wire: EventJson = event_json,
) -> tuple[ViewPush, Sent]:
    """The push that brings a receiver holding `base` up to `view` (a whole view when
    `base` is None or cannot be built on), and what the receiver holds after it.
    `wire` makes each event's JSON (the table's `EventWire` makes each once).

    The pushes are built with `model_construct`: every field is made here from the
    engine's own values, so validating them again (and copying every chart point)
    would be work spent at every seat at every move for nothing."""
    moves = len(state.moves)
    # The log, the timeline and the moves only grow during a game; a base from further
    # on belongs to a game given up since (a failed commit): start again whole.
    if base is not None and (
        base.moves > moves or base.log > view.log_length or base.timeline > len(state.timeline)
    ):
        base = None
    role = view.role
    if base is None:
        data = view_payload(view, wire=wire)
        fields = {k: v for k, v in data.items() if k != EVENTS and k not in STATIC_FIELDS}
        push = ViewPush.model_construct(
            table=table,
            role=role,
            moves=moves,
            view=data,
            replies=replies,
            timeline=timeline_payload(state, role),
            move_list=[m.to_json() for m in state.moves],
        )
        events = len(data[EVENTS])
    else:
        fields = view_fields(view, env=False)
        patch = _env_patch(base.fields[ENV], view.env)
        if patch is None:
            return seat_push(table, state, view, replies, None, wire)
        fields[ENV] = {**base.fields[ENV], **patch} if patch else base.fields[ENV]
        new_events = [wire(e) for e in view.log[base.log : view.log_length]
                      if role in e.visible_to]  # fmt: skip
        # Plain values (whose turn, the date, the ending...) always come, so a reader of
        # the bare frames can tell the state of play; lists and mappings when changed;
        # of the environment (dozens of entries, a few of which a move changes), only
        # the entries that changed.
        changed = {
            k: v
            for k, v in fields.items()
            if not isinstance(v, list | dict) or (k != ENV and base.fields.get(k, _ABSENT) != v)
        }
        if patch:
            changed[ENV] = patch
        changed[EVENTS] = new_events
        push = ViewPush.model_construct(
            table=table,
            role=role,
            moves=moves,
            view=changed,
            full=False,
            events_from=base.events,
            replies=replies,
            timeline=timeline_payload(state, role, base.timeline),
            timeline_from=base.timeline,
            move_list=[m.to_json() for m in state.moves[base.move_list :]],
            move_list_from=base.move_list,
        )
        events = base.events + len(new_events)
    sent = Sent(moves, fields, events, view.log_length, len(state.timeline), moves)
    return push, sent


def _env_patch(held: dict[str, Any], env: dict[str, object]) -> dict[str, Any] | None:
    """The entries of `env` a view sends that differ from those `held`; None if one
    `held` has is gone (a patch cannot remove it). One pass, unchanged entries first
    out: this runs for every seat at every move."""
    if not held.keys() <= env.keys():
        return None
    patch = {k: v for k, v in env.items() if held.get(k, _ABSENT) != v}
    for name, value in list(patch.items()):
        if not (value is None or isinstance(value, PLAIN)):  # never sent
            if name in held:
                return None
            del patch[name]
    return patch


def merge_push(previous: ViewPush, delta: ViewPush) -> ViewPush:
    """The whole push a delta stands for, given the receiver's last whole push."""
    if delta.full:
        return delta
    timeline = {
        name: previous.timeline.get(name, [])[: delta.timeline_from] + points
        for name, points in delta.timeline.items()
    }
    return delta.model_copy(
        update={
            "view": merge_view(previous.view, delta.view, delta.events_from),
            "full": True,
            "events_from": 0,
            "timeline": timeline,
            "timeline_from": 0,
            "move_list": previous.move_list[: delta.move_list_from] + delta.move_list,
            "move_list_from": 0,
        }
    )
