"""Effects, directly: compiled from a scenario's `then:` lists into ops, and carried out
on a recording target in declared order, reading the environment when they run."""

from __future__ import annotations

from typing import Any

from game.rules.effects import Cause, Op, Quantity, apply_all
from game.rules.expressions import Namespace, compile_expression
from game.rules.ruleset import Ruleset
from game.scenario.models import News

CAUSE = Cause("rule", "r1", "designer")


class Recorder:
    """An EffectTarget that only writes down what it was asked to do."""

    def __init__(self) -> None:
        self.calls: list[tuple[Any, ...]] = []

    def set_meter(self, name: str, value: float, cause: Cause) -> None:
        self.calls.append(("set", name, value, cause))

    def add_meter(self, name: str, delta: float, cause: Cause) -> None:
        self.calls.append(("add", name, delta, cause))

    def set_flag(self, name: str, value: bool, cause: Cause) -> None:
        self.calls.append(("flag", name, value, cause))

    def move_tariff(self, operation: str, cause: Cause) -> None:
        self.calls.append(("tariff", operation, cause))

    def publish(self, news: News, cause: Cause) -> None:
        self.calls.append(("news", news.headline, cause))

    def fire_trigger(self, trigger: str, cause: Cause) -> None:
        self.calls.append(("trigger", trigger, cause))

    def schedule(self, event_id: str, in_days: float, cause: Cause) -> None:
        self.calls.append(("schedule", event_id, in_days, cause))

    def end(self, ending_id: str, cause: Cause) -> None:
        self.calls.append(("end", ending_id, cause))

    def void_deal(self, cause: Cause) -> None:
        self.calls.append(("deal", cause))


def test_every_kind_of_op_reaches_its_target_call_in_order() -> None:
    ns = Namespace()
    ns.declare("apprehensions", "number")
    half = compile_expression("apprehensions / 2", ns, "number")
    ops = [
        Op("set", "apprehensions", Quantity(expression=half)),
        Op("add", "approval", Quantity(constant=-3)),
        Op("flag", "warned", flag=True),
        Op("tariff", "suspend"),
        Op("news", news=News(headline="Talks resume")),
        Op("trigger", "veto"),
        Op("schedule", "review", days=45),
        Op("deal"),
        Op("end", "walkout"),
    ]
    target = Recorder()
    apply_all(ops, target, {"apprehensions": 144000.0}, CAUSE)
    assert target.calls == [
        ("set", "apprehensions", 72000.0, CAUSE),
        ("add", "approval", -3.0, CAUSE),
        ("flag", "warned", True, CAUSE),
        ("tariff", "suspend", CAUSE),
        ("news", "Talks resume", CAUSE),
        ("trigger", "veto", CAUSE),
        ("schedule", "review", 45, CAUSE),
        ("deal", CAUSE),
        ("end", "walkout", CAUSE),
    ]


def test_a_quantity_reads_the_environment_each_time_it_is_used() -> None:
    ns = Namespace()
    ns.declare("tariff_rate", "number")
    quantity = Quantity(expression=compile_expression("tariff_rate * 2 + 1", ns, "number"))
    assert quantity.value({"tariff_rate": 5.0}) == 11.0
    assert quantity.value({"tariff_rate": 10.0}) == 21.0
    assert Quantity(constant=2.5).value({}) == 2.5
    assert Quantity().value({}) == 0.0


def test_set_or_add_without_a_quantity_does_nothing() -> None:
    target = Recorder()
    apply_all([Op("set", "approval"), Op("add", "approval")], target, {}, CAUSE)
    assert target.calls == []


def test_the_mini_scenario_compiles_then_lists_into_ops_in_declared_order(mini: Ruleset) -> None:
    marginal = next(r for r in mini.rules if r.id == "marginal")
    assert [(op.kind, op.name) for op in marginal.ops] == [
        ("deal", "void"),
        ("trigger", "veto"),
        ("news", ""),
    ]
    assert marginal.ops[2].news is not None
    assert marginal.ops[2].news.headline == "The White House calls the offer marginal"
    review = mini.events["review"]
    assert [op.kind for op in review.ops] == ["news", "flag"]
    assert review.ops[0].news is not None and review.ops[0].news.visible_to == ["us"]
    works = next(r for r in mini.rules if r.id == "guard-works")
    (op,) = works.ops
    assert op.kind == "set" and op.name == "apprehensions" and op.quantity is not None
    assert op.quantity.value({**_env(mini), "apprehensions": 100000.0}) == 70000.0


def test_a_schedule_effect_keeps_its_event_and_delay(mini: Ruleset) -> None:
    suspend = next(r for r in mini.rules if any(op.kind == "schedule" for op in r.ops))
    schedule = next(op for op in suspend.ops if op.kind == "schedule")
    assert (schedule.name, schedule.days) == ("review", 45)
    assert [op.kind for op in suspend.ops] == ["tariff", "schedule"]


def _env(ruleset: Ruleset) -> dict[str, Any]:
    return {name: 0.0 for name in ruleset.namespace.symbols}
