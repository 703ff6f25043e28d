"""Generated reference sections of docs/authoring.md: every field of the scenario format
and of the scenario tests file (from the pydantic models' descriptions), each model with
an example that a test validates, and every built-in expression name.

    python -m game.tools.reference docs/authoring.md   # rewrite the generated sections
A test fails when the committed document and the models disagree.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, get_args, get_origin

from pydantic import BaseModel

from game.scenario import models
from game.scenario.prose import is_prose, is_prose_metadata
from game.tools import scenario_tests

FIELDS_START, FIELDS_END = "<!-- fields:start -->", "<!-- fields:end -->"
NAMES_START, NAMES_END = "<!-- names:start -->", "<!-- names:end -->"
TESTS_START, TESTS_END = "<!-- tests-fields:start -->", "<!-- tests-fields:end -->"
# Every model of the scenario format, in the order the reference presents them; a test
# checks that none reachable from `Scenario` is missing.
ORDER: list[type[BaseModel]] = [
    models.Scenario,
    models.Source,
    models.Role,
    models.Person,
    models.Objective,
    models.KeyFigure,
    models.Preferences,
    models.IssuePreference,
    models.Valuation,
    models.RedLine,
    models.Personality,
    models.Meter,
    models.Flag,
    models.Issue,
    models.Option,
    models.Phase,
    models.Transition,
    models.TariffLadder,
    models.TariffStep,
    models.Deadline,
    models.DeadlineStep,
    models.Rule,
    models.ScenarioEvent,
    models.Action,
    models.Inject,
    models.Effect,
    models.News,
    models.Schedule,
    models.Ending,
    models.CodexEntry,
    models.AISettings,
    models.Difficulty,
    models.ScriptedMove,
]
TESTS_ORDER: list[type[BaseModel]] = [
    scenario_tests.SuiteFile,
    scenario_tests.Case,
    scenario_tests.ScriptedStep,
    scenario_tests.Expect,
    scenario_tests.Bounds,
]


@dataclass(frozen=True)
class Example:
    """A piece of a scenario (or tests) file as an author writes it, and the path inside
    it to the value that is an instance of the model (checked by a test)."""

    text: str
    path: tuple[str | int, ...] = ()


EXAMPLES: dict[type[BaseModel], Example] = {
    models.Scenario: Example(
        "# The top of a scenario file; `brink new` writes a complete one to start from.\n"
        "id: border-talks\n"
        "title: Border talks, June 2019\n"
        "period: June–July 2019\n"
        "summary: Two delegations bargain over enforcement under a tariff threat.\n"
        "start_date: 2019-06-01\n"
        "end_date: 2019-07-15\n"
        "max_moves: 40\n"
        "first_phase: talks\n"
        "# … then sources, roles, meters, issues, phases, transitions, endings\n",
    ),
    models.Source: Example(
        "sources:\n"
        "  - id: wayne-2019-07\n"
        "    title: Sustaining Progress with Mexico on Migration\n"
        "    outlet: Wilson Center\n"
        "    date: 2019-07-01\n",
        ("sources", 0),
    ),
    models.Role: Example(
        "roles:\n"
        "  mexico:\n"
        "    name: Mexican delegation\n"
        "    short: Mexico\n"
        "    delegates: [{name: Marcelo Ebrard, title: Foreign Minister}]\n"
        "    offstage: [{name: Andrés Manuel López Obrador, title: President}]\n"
        "    briefing: Keep the tariff off without accepting to be a safe third country.\n"
        "    wants: No tariff; no safe-third-country agreement.\n"
        "    red_lines: [No safe third country agreement]\n"
        "    objectives:\n"
        "      - {id: no_tariff, text: No tariff, when: tariff_rate == 0, weight: 3,"
        " source: designer}\n",
        ("roles", "mexico"),
    ),
    models.Person: Example(
        "delegates:\n"
        "  - name: Mike Pence\n"
        "    title: Vice President\n"
        "    note: Leads the US side at the table.\n"
        "    source: white-house-talks-2019-06-05\n",
        ("delegates", 0),
    ),
    models.Objective: Example(
        "objectives:\n"
        "  - id: fewer_crossings\n"
        "    text: Bring monthly apprehensions below 100,000\n"
        "    when: apprehensions < 100000\n"
        "    weight: 3\n"
        "    source: wayne-2019-07\n",
        ("objectives", 0),
    ),
    models.KeyFigure: Example(
        "key_figures:\n"
        "  - {label: Apprehensions in May 2019, value: '144,000', source: wayne-2019-07}\n",
        ("key_figures", 0),
    ),
    models.Preferences: Example(
        "preferences:\n"
        "  issues:\n"
        "    guard: {weight: 25, values: {none: 0, southern_6000: 1}, source: designer}\n"
        "  reservation: {value: 0.45 - 0.02 * tariff_rate, source: designer}\n"
        "  red_lines: [{issue: guard, option: none, source: designer}]\n"
        "  actions: {overdeliver: {value: 0.8, source: designer}}\n"
        "  personalities: [{delegate: Marcelo Ebrard, concession: 1}]\n",
        ("preferences",),
    ),
    models.IssuePreference: Example(
        "issues:\n"
        "  guard:\n"
        "    weight: 25\n"
        "    values: {none: 0, token: 0.1, southern_6000: 0.75, nationwide_20000: 1}\n"
        "    why: A few thousand more officers would change little at the border.\n"
        "    source: designer\n",
        ("issues", "guard"),
    ),
    models.Valuation: Example(
        "reservation:\n"
        '  value: "0.45 - 0.02 * tariff_rate"\n'
        "  why: Without a deal the tariff falls on every export, and it climbs.\n"
        "  source: designer\n",
        ("reservation",),
    ),
    models.RedLine: Example(
        "red_lines:\n"
        "  - issue: asylum_terms\n"
        "    option: safe_third_country\n"
        "    why: The Senate would not ratify it.\n"
        "    source: designer\n",
        ("red_lines", 0),
    ),
    models.Personality: Example(
        "personalities:\n"
        "  - delegate: Marcelo Ebrard\n"
        "    concession: 0.8\n"
        "    description: Patient; gives ground only as the deadline nears.\n",
        ("personalities", 0),
    ),
    models.Meter: Example(
        "meters:\n"
        "  apprehensions:\n"
        "    label: Monthly apprehensions\n"
        "    unit: people\n"
        "    min: 0\n"
        "    max: 300000\n"
        "    start: 144000\n"
        "    visible_to: [us, mexico]\n"
        "    source: wayne-2019-07\n",
        ("meters", "apprehensions"),
    ),
    models.Flag: Example(
        "flags:\n"
        "  treaty_signed: false\n"
        "  tariff_ever_imposed:\n"
        "    start: false\n"
        "    label:\n"
        "      en: A tariff has been imposed\n"
        "      es: Ya se impuso un arancel\n",
        ("flags", "tariff_ever_imposed"),
    ),
    models.Issue: Example(
        "issues:\n"
        "  - id: guard\n"
        "    label: National Guard deployment\n"
        "    default: none\n"
        "    source: wayne-2019-07\n"
        "    options:\n"
        "      - {id: none, label: No deployment}\n"
        "      - {id: southern_6000, label: 'About 6,000 in the south', level: 6000}\n",
        ("issues", 0),
    ),
    models.Option: Example(
        "options:\n"
        "  - id: southern_6000\n"
        "    label: About 6,000 at the southern border\n"
        "    level: 6000\n"
        "    description: Guard units sent to the Guatemala line.\n"
        '    when: phase != "review"\n'
        "    source: wayne-2019-07\n",
        ("options", 0),
    ),
    models.Phase: Example(
        "phases:\n"
        "  - {id: talks, label: Talks in Washington, actor: mexico, move_days: 1}\n"
        "  - {id: implementation, label: Ninety days to deliver, actor: clock}\n",
        ("phases", 0),
    ),
    models.Transition: Example(
        "transitions:\n"
        "  - trigger: accept\n"
        "    source: [us_turn, mexico_turn]\n"
        "    dest: implementation\n"
        '    when: offer_by != ""\n'
        "    reason: There is no offer on the table to accept.\n",
        ("transitions", 0),
    ),
    models.TariffLadder: Example(
        "tariff_ladder:\n"
        "  label: Tariff on Mexican imports\n"
        "  source: radnofsky-montes-2019-05-31\n"
        "  steps:\n"
        "    - {date: 2019-06-10, rate: 5}\n"
        "    - {date: 2019-07-01, rate: 10}\n",
        ("tariff_ladder",),
    ),
    models.TariffStep: Example(
        "steps:\n  - {date: 2019-06-10, rate: 5}\n",
        ("steps", 0),
    ),
    models.Deadline: Example(
        "deadlines:\n"
        "  - id: closure\n"
        "    label: Border closure\n"
        "    description: The ports of entry close, first to trucks, then to everyone.\n"
        "    source: designer\n"
        "    steps:\n"
        "      - {date: 2019-04-05, label: ports close to trucks}\n"
        "      - {date: 2019-04-12, label: the whole border closes}\n",
        ("deadlines", 0),
    ),
    models.DeadlineStep: Example(
        "steps:\n  - {date: 2019-04-05, level: 1, label: ports close to trucks}\n",
        ("steps", 0),
    ),
    models.Rule: Example(
        "rules:\n"
        "  - id: guard-works\n"
        "    on: month\n"
        "    when: deal and deal_guard_level >= 6000\n"
        "    then:\n"
        "      - add: {apprehensions: -40000}\n"
        "      - news: Crossings fall as the Guard deploys.\n"
        "    source: wayne-2019-07\n"
        "    note: The deployment is what brought the numbers down that summer.\n",
        ("rules", 0),
    ),
    models.ScenarioEvent: Example(
        "events:\n"
        "  - id: talks-open\n"
        "    at: 2019-06-05\n"
        "    then: [{news: The delegations meet in the Roosevelt Room.}]\n"
        "    source: white-house-talks-2019-06-05\n"
        "  - id: court-ruling\n"
        "    chance: 0.2\n"
        "    when: not deal\n"
        "    then: [{add: {us_pressure: 10}}]\n"
        "    source: designer\n",
        ("events", 0),
    ),
    models.Action: Example(
        "actions:\n"
        "  - id: overdeliver\n"
        "    label: Deploy more than promised\n"
        "    role: mexico\n"
        "    when: deal\n"
        "    then: [{add: {apprehensions: -20000}}]\n"
        "    source: wayne-2019-07\n",
        ("actions", 0),
    ),
    models.Inject: Example(
        "injects:\n"
        "  - id: market-reaction\n"
        "    label: Markets fall on the tariff news\n"
        "    description: For a class that ignores the economic cost.\n"
        "    then:\n"
        "      - add: {us_business_pressure: 15}\n"
        "      - news: Markets fall on the tariff threat.\n"
        "    source: designer\n",
        ("injects", 0),
    ),
    models.Effect: Example(
        "then:\n"
        "  - set: {apprehensions: apprehensions * 0.7}\n"
        "  - flag: {treaty_signed: true}\n"
        "  - tariff: suspend\n"
        "  - deadline: {closure: lift}\n"
        "  - schedule: {event: review-45, in_days: 45}\n"
        "  - end: trade-war\n",
        ("then", 0),
    ),
    models.News: Example(
        "news:\n"
        "  headline: Ebrard flies to Washington\n"
        "  body: The foreign minister will lead the talks himself.\n"
        "  visible_to: [mexico]\n",
        ("news",),
    ),
    models.Schedule: Example(
        "schedule: {event: review-45, in_days: 45}\n",
        ("schedule",),
    ),
    models.Ending: Example(
        "endings:\n"
        "  - id: joint-declaration\n"
        "    title: A joint declaration\n"
        "    when: deal and tariff_rate == 0\n"
        "    summary: Mexico deploys the Guard and the tariff is suspended.\n"
        "    history: This is how the June 2019 talks ended.\n"
        "    historical: true\n"
        "    success_for: [us, mexico]\n"
        "    source: public-record\n"
        "  - {id: stalemate, title: Stalemate, default: true, summary: Nothing changed.,"
        " source: designer}\n",
        ("endings", 0),
    ),
    models.CodexEntry: Example(
        "codex:\n"
        "  - term: {en: National Guard, es: Guardia Nacional}\n"
        "    text:\n"
        "      en: Mexico's new security force; in 2019 it was sent to control migration.\n"
        "      es: La nueva fuerza de seguridad de México; en 2019 se envió a contener la\n"
        "        migración.\n"
        "    source: wayne-2019-07\n",
        ("codex", 0),
    ),
    models.AISettings: Example(
        "ai:\n"
        "  easy: {concession: 2.5, spread: 0.3, hold: 0.2, opponent_model: false}\n"
        "  normal: {concession: 1, spread: 1, hold: 0.44}\n"
        "  hard: {concession: 0.35, spread: 0.3, hold: 0.55}\n",
        ("ai",),
    ),
    models.Difficulty: Example(
        "hard:\n"
        "  concession: 0.35\n"
        "  spread: 0.3\n"
        "  hold: 0.55\n"
        "  opponent_model: true\n"
        "  description: Holds out until the last hours and reads your priorities.\n",
        ("hard",),
    ),
    models.ScriptedMove: Example(
        "history:\n"
        "  - role: mexico\n"
        "    move: propose\n"
        "    offer: {guard: southern_6000}\n"
        "    source: white-house-talks-2019-06-05\n"
        "  - {role: us, move: accept, source: public-record}\n",
        ("history", 0),
    ),
    scenario_tests.SuiteFile: Example(
        "# yaml-language-server: $schema=../assets/scenario-tests.schema.json\n"
        "scenario: border-talks\n"
        "tests:\n"
        "  - name: a deal on the Guard holds\n"
        "    moves: [{mexico: propose, offer: {guard: southern_6000}}, {us: accept}]\n"
        "    expect: {ending: joint-declaration}\n",
    ),
    scenario_tests.Case: Example(
        "tests:\n"
        "  - name: a large deployment is accepted and the deal holds\n"
        "    seed: 0\n"
        "    moves:\n"
        "      - {mexico: propose, offer: {guard: southern_6000}}\n"
        "      - {us: accept}\n"
        "      - {mexico: overdeliver}\n"
        "    expect:\n"
        "      ending: joint-declaration\n",
        ("tests", 0),
    ),
    scenario_tests.ScriptedStep: Example(
        "moves:\n"
        "  - {mexico: propose, offer: {guard: southern_6000, asylum: regional_review}}\n"
        "  - {us: reject}\n"
        "  - {mexico: overdeliver}\n",
        ("moves", 0),
    ),
    scenario_tests.Expect: Example(
        "expect:\n"
        "  ending: joint-declaration\n"
        "  meters: {apprehensions: {max: 100000}}\n"
        "  flags: {treaty_signed: false}\n"
        "  fired: [deal-suspends-tariff]\n"
        "  not_fired: [president-vetoes]\n",
        ("expect",),
    ),
    scenario_tests.Bounds: Example(
        "meters:\n  apprehensions: {min: 40000, max: 100000}\n",
        ("meters", "apprehensions"),
    ),
}
# How a prose field's type reads: see "Writing in Spanish, English or both".
PROSE = "text¹"


def reachable_models(root: type[BaseModel]) -> set[type[BaseModel]]:
    """Every model that can appear inside a `root` document."""
    found: set[type[BaseModel]] = set()
    todo = [root]
    while todo:
        model = todo.pop()
        if model in found:
            continue
        found.add(model)
        for info in model.model_fields.values():
            todo += _models_in(info.annotation)
    return found


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in get_args(annotation) for m in _models_in(arg)]


def _type_name(annotation: Any) -> str:
    origin = get_origin(annotation)
    if origin is Annotated:
        if is_prose(annotation):
            return PROSE
        return _type_name(get_args(annotation)[0])
    args = [a for a in get_args(annotation) if a is not type(None)]
    if origin is None:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return annotation.__name__
        return getattr(annotation, "__name__", str(annotation)).replace("NoneType", "null")
    if str(origin).endswith("Literal"):
        return " \\| ".join(f"`{a}`" for a in get_args(annotation))
    if origin is list:
        return f"list of {_type_name(args[0])}"
    if origin is dict:
        return f"map of {_type_name(args[0])} → {_type_name(args[1])}"
    return " or ".join(_type_name(a) for a in args)


def field_reference(order: list[type[BaseModel]] | None = None) -> str:
    out = []
    for model in order or ORDER:
        doc = (model.__doc__ or "").strip().splitlines()[0] if model.__doc__ else ""
        out.append(f"### {model.__name__}\n")
        if doc and not doc.startswith("Base"):
            out.append(f"{doc}\n")
        out.append("| field | type | required | description |\n|---|---|---|---|")
        for name, info in model.model_fields.items():
            required = "yes" if info.is_required() else "no"
            description = (info.description or "").replace("|", "\\|")
            kind = PROSE if is_prose_metadata(info.metadata) else _type_name(info.annotation)
            out.append(f"| `{name}` | {kind} | {required} | {description} |")
        example = EXAMPLES.get(model)
        if example is not None:
            out.append(f"\nExample:\n\n```yaml\n{example.text}```")
        out.append("")
    return "\n".join(out)


def names_reference() -> str:
    from game.rules.namespace import build_namespace

    probe = models.Scenario.model_construct(meters={}, flags={}, phases=[], actions=[], issues=[])
    namespace = build_namespace(probe)
    rows = ["| name | type | meaning |", "|---|---|---|"]
    for name, symbol in namespace.symbols.items():
        rows.append(f"| `{name}` | {symbol.type} | {symbol.description} |")
    rows += [
        "| `<meter>` | number | every declared meter, by its name |",
        "| `<flag>` | boolean | every declared flag, by its name |",
        "| `offer_<issue>` | string | option of the offer on the table ('' if none) |",
        "| `offer_<issue>_level` | number | `level` of that option |",
        "| `deal_<issue>` | string | option agreed ('' without a deal) |",
        "| `deal_<issue>_level` | number | `level` of the agreed option |",
        "| `<deadline>_level` | number | level of a declared deadline now (0 until imposed) |",
        "| `<deadline>_status` | string | none, threatened, imposed, suspended or lifted |",
        "| `<deadline>_days_left` | number | days to its next step (999 if none is ahead) |",
    ]
    return "\n".join(rows) + "\n"


def _splice(text: str, start: str, end: str, body: str) -> str:
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    return f"{head}{start}\n{body}{end}{tail}"


def regenerate(text: str) -> str:
    text = _splice(text, FIELDS_START, FIELDS_END, field_reference())
    text = _splice(text, TESTS_START, TESTS_END, field_reference(TESTS_ORDER))
    return _splice(text, NAMES_START, NAMES_END, names_reference())


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/authoring.md")
    target.write_text(regenerate(target.read_text(encoding="utf-8")), encoding="utf-8")
