"""The scenario format, as pydantic models.

A scenario file is validated against these models; the JSON Schema that editors use
(`brink schema`, `assets/scenario.schema.json`) is generated from them, so every field
carries a description written for a scenario author, not for a programmer.

Only the *shape* of the data is checked here. Cross-references (does this rule name a
declared source? does this expression use declared names?) are checked by
:mod:`game.scenario.checks` once the whole file is known, so that all problems of a
file are reported together.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import cached_property
from typing import Annotated, Any, ClassVar, Literal, TypeGuard

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    ModelWrapValidatorHandler,
    StringConstraints,
    Tag,
    model_validator,
)

from game.i18n import Lang, LocalText, tx
from game.scenario.prose import Prose, scenario_language, short_prose

# Names that appear inside condition expressions must be plain identifiers.
Name = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=48),
    Field(description="A lower-case name usable in expressions: letters, digits, underscores."),
]
# Ids that never appear inside expressions may also use hyphens.
Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64),
    Field(description="A lower-case identifier: letters, digits, hyphens, underscores."),
]
# The hash of a scenario file's bytes, as a save records it.
FileDigest = Annotated[
    str,
    StringConstraints(pattern=r"^sha256:[0-9a-f]{64}$"),
    Field(description="`sha256:` and the 64 hex digits of the file's SHA-256."),
]
Expression = Annotated[
    str,
    StringConstraints(min_length=1, max_length=2000),
    Field(
        description=(
            "A condition in the rule-engine expression language, e.g. "
            '`phase == "talks" and apprehensions > 100000`. Every name must be declared.'
        )
    ),
]
SourceRef = Annotated[
    str,
    Field(
        description=(
            "The id of a declared source (an article) this comes from, or `designer` for "
            "an invented mechanic."
        )
    ),
]
NodePath = tuple[str | int, ...]
# The engine counts days from the start date and looks a month or two past the end, so
# dates stay well inside the calendar Python can represent (years 1 to 9999).
EARLIEST_DATE = dt.date(1900, 1, 1)
LATEST_DATE = dt.date(2199, 12, 31)
GameDate = Annotated[
    dt.date,
    Field(
        ge=EARLIEST_DATE,
        le=LATEST_DATE,
        description="A date between 1900-01-01 and 2199-12-31.",
    ),
]
ShortProse: Any = short_prose(12)
RoleId = Literal["us", "mexico"]
# Who moves in a phase: a delegation, or the clock (time passes until a transition fires).
PhaseActor = Literal["us", "mexico", "clock"]
ROLES: tuple[RoleId, ...] = ("us", "mexico")


def walk(node: Any, path: NodePath = ()) -> Iterator[tuple[NodePath, Any]]:
    """Every model, list item and dict value below `node`, with its path, parents first
    and children in order. A stack rather than nested generators: checks walk the whole
    scenario several times, and a chain of `yield from` costs its depth on every item."""
    stack: list[tuple[NodePath, Any]] = [(path, node)]
    fields = _FIELD_NAMES
    while stack:
        path, node = stack.pop()
        yield path, node
        kind = type(node)
        if kind in _LEAVES:
            continue
        if isinstance(node, BaseModel):
            names = fields.get(kind)
            if names is None:
                names = fields[kind] = tuple(kind.model_fields)
            values = vars(node)
            children = [
                ((*path, name), value) for name in names if (value := values.get(name)) is not None
            ]
        elif isinstance(node, list):
            children = [((*path, i), item) for i, item in enumerate(node)]
        elif isinstance(node, dict):
            children = [((*path, key), item) for key, item in node.items()]
        else:
            continue
        children.reverse()
        stack.extend(children)


# The field names of each model class, in declaration order (asking pydantic each time
# goes through a descriptor), and the value types a walk never looks inside.
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}
_LEAVES = frozenset({str, int, float, bool, type(None), dt.date, dt.datetime})
_NO_KEY = object()


def other_role(role: RoleId) -> RoleId:
    """The delegation across the table."""
    return "mexico" if role == "us" else "us"


def is_role(value: object) -> TypeGuard[RoleId]:
    """Whether `value` names a delegation (rather than the clock, the instructor or no one)."""
    return value == "us" or value == "mexico"


def as_role(value: str) -> RoleId:
    """`value` as a role id; ValueError if it names no delegation."""
    if value == "us":
        return "us"
    if value == "mexico":
        return "mexico"
    raise ValueError(f"unknown role {value!r}")


DIFFICULTIES = ("easy", "normal", "hard")


class Strict(BaseModel):
    """Base: unknown keys are errors, so a typo never silently does nothing."""

    # NaN and infinity (`.nan`, `.inf` in YAML) are never a meaningful quantity in a game.
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False, defer_build=True)


# --------------------------------------------------------------------------- sources


class Source(Strict):
    id: Slug = Field(description="How rules and endings refer to this source.")
    # A title is a published headline, which stays in the article's language, or a
    # description the designer wrote ("Public record (…)", "Dispatch on …"), which
    # readers get in their own: so it is prose, and one language is enough (see
    # `prose_as_published`).
    title: Prose = Field(
        description="Headline or title of the article; a description of the source may "
        "be written per language, a published headline stays as published."
    )
    # The outlet is a publication's name or a kind of record ("News dispatch", "Essay"):
    # the second is shown to readers in their language, so it is prose.
    outlet: Prose = Field(default="", description="Publication or kind of record.")
    author: str = Field(default="", description="Author(s), if known.")
    date: dt.date | None = Field(default=None, description="Publication date, if known.")
    file: str = Field(default="", description="File name of the article among the seeds.")
    note: str = Field(default="", description="Anything a reader should know about it.")

    # `outlet` and `title` were plain text when saves began to record play digests: their
    # primary text stays in the digest, so those saves still match (see
    # game.scenario.play_digest).
    prose_hashed_as_text: ClassVar[frozenset[str]] = frozenset({"outlet", "title"})
    # A headline written in one language is complete: translation coverage does not ask
    # for it in the others (see game.scenario.coverage).
    prose_as_published: ClassVar[frozenset[str]] = frozenset({"title"})


# --------------------------------------------------------------------------- roles


class Person(Strict):
    name: str = Field(description="Full name.")
    title: Prose = Field(description="Office held at the time.")
    note: Prose = Field(default="", description="What this person wants or does, briefly.")
    source: SourceRef = Field(default="designer", description="Where this portrait comes from.")


class Objective(Strict):
    id: Name = Field(description="Identifier of the objective.")
    text: Prose = Field(description="The objective as the briefing states it.")
    when: Expression = Field(description="Condition, checked at the end, that means it was met.")
    weight: int = Field(ge=1, le=100, description="Points this objective is worth.")
    source: SourceRef = Field(description="Where this objective comes from.")


class KeyFigure(Strict):
    label: Prose = Field(description="What the figure measures.")
    value: Prose = Field(
        description="The figure, as text: `144,000`, or with words in each language, "
        "`{en: over 20,000, es: más de 20,000}`."
    )
    source: SourceRef = Field(description="The source that reports it.")


class IssuePreference(Strict):
    weight: float = Field(
        ge=0, le=100, description="How much the issue matters, relative to the role's other issues."
    )
    values: dict[Name, float] = Field(
        description="Worth of every option of the issue to the role, from 0 (worst) to 1 (best)."
    )
    why: Prose = Field(
        default="",
        description="Why the role values the issue this way, in plain words; the AI quotes it "
        "when it explains a reply.",
    )
    source: SourceRef = Field(description="Where this reading of the role's interests comes from.")


class RedLine(Strict):
    issue: Name = Field(description="Issue of the option the role will never accept.")
    option: Name = Field(description="The option the role will never accept or offer.")
    why: Prose = Field(default="", description="Why, in plain words, for the AI's explanations.")
    source: SourceRef = Field(description="The article that reports the red line.")


class Valuation(Strict):
    value: float | str = Field(
        description="A number on the 0-1 scale of the option values, or an expression "
        "(e.g. `0.45 - 0.012 * tariff_rate`) re-evaluated at every turn from what the role "
        "can see."
    )
    why: Prose = Field(default="", description="Why, in plain words, for the AI's explanations.")
    source: SourceRef = Field(description="Where this valuation comes from, or `designer`.")


class Personality(Strict):
    delegate: str = Field(description="Name of the delegate, as listed under `delegates`.")
    concession: float = Field(
        gt=0,
        le=10,
        description="Multiplies the difficulty's concession exponent: below 1 a harder "
        "bargainer who holds out until the deadline (Boulware), above 1 a softer one who "
        "gives ground early (Conceder).",
    )
    description: Prose = Field(default="", description="The delegate's style at the table.")
    source: SourceRef = Field(default="designer", description="Where this portrait comes from.")


class Preferences(Strict):
    """What a delegation wants, in numbers the AI can bargain with."""

    issues: dict[Name, IssuePreference] = Field(
        description="Every issue on the table, with its weight and the worth of its options."
    )
    reservation: Valuation = Field(
        description="What no deal is worth to the role; an expression lets it worsen as the "
        "tariff ladder or a deadline climbs, or apprehensions rise."
    )
    red_lines: list[RedLine] = Field(
        default_factory=list, description="Options the role will never accept or offer."
    )
    actions: dict[Name, Valuation] = Field(
        default_factory=dict,
        description="Worth of the role's actions (e.g. `overdeliver`) when they are possible; "
        "the AI takes the most valuable one.",
    )
    personalities: list[Personality] = Field(
        default_factory=list,
        description="Bargaining styles of the delegates; the AI plays the first unless "
        "another is chosen.",
    )


class Role(Strict):
    name: Prose = Field(description="Name of the delegation, e.g. `United States delegation`.")
    short: Prose = Field(description="Short label used in tight places, e.g. `US`.")
    delegates: list[Person] = Field(min_length=1, description="The people at the table.")
    offstage: list[Person] = Field(
        default_factory=list, description="Principals who decide but are not at the table."
    )
    briefing: Prose = Field(description="Confidential briefing, seen only by this role.")
    wants: Prose = Field(
        default="", description="What the other side knows, publicly, this role wants."
    )
    red_lines: list[Prose] = Field(
        default_factory=list, description="Lines the delegation has said it will not cross."
    )
    key_figures: list[KeyFigure] = Field(
        default_factory=list, description="Figures the briefing leans on, each with a source."
    )
    objectives: list[Objective] = Field(
        min_length=1, description="What the role is scored on, checked at the end."
    )
    preferences: Preferences | None = Field(
        default=None,
        description="What the role wants, in numbers, for the AI delegations. Without it the "
        "AI reads the options as ordered weakest first and assumes the US wants the "
        "strongest and Mexico the weakest.",
    )


# --------------------------------------------------------------------------- flags


class Flag(Strict):
    """A yes/no fact the rules track, with words for players (the short form is its value)."""

    start: bool = Field(default=False, description="Value when the scenario starts.")
    label: Prose = Field(
        default="",
        description="The fact in words, for the transcript and the debrief, which print "
        "`<label>: yes` when a rule sets it, e.g. `A tariff has been imposed`. Without it "
        "they print the flag's name as words.",
    )

    def play_value(self) -> bool:
        """What the flag is to the game (see `play_digest`): its starting value. Its label
        is wording, so `x: false` and `x: {start: false, label: ...}` play alike."""
        return self.start


def _flag_from_value(value: Any) -> Any:
    # The short form, `name: false`, is the flag's starting value; anything but a mapping
    # is checked as that value, so `name: maybe` is reported as "not a yes/no value".
    if isinstance(value, dict | Flag):
        return value
    return {"start": value}


FlagEntry = Annotated[Flag, BeforeValidator(_flag_from_value, json_schema_input_type=bool | Flag)]


# --------------------------------------------------------------------------- meters


class Meter(Strict):
    label: Prose = Field(description="Human name of the meter.")
    unit: Prose = Field(default="", description="Unit shown after values, e.g. `%` or `people`.")
    type: Literal["int", "float"] = Field(
        default="int", description="`int` meters are rounded after every change."
    )
    min: float = Field(description="Lowest value; changes are clamped to it.")
    max: float = Field(description="Highest value; changes are clamped to it.")
    start: float = Field(description="Value when the scenario starts.")
    visible_to: list[RoleId] = Field(
        default_factory=lambda: list(ROLES), description="Roles that can see this meter."
    )
    description: Prose = Field(default="", description="What the meter measures and why.")
    source: SourceRef = Field(description="Where its starting value and range come from.")

    @model_validator(mode="after")
    def _range(self) -> Meter:
        if self.min > self.max:
            raise ValueError(
                tx(
                    "min ({min}) is greater than max ({max})",
                    min=format(self.min, "g"),
                    max=format(self.max, "g"),
                )
            )
        if not self.min <= self.start <= self.max:
            raise ValueError(
                tx(
                    "start ({start}) is outside [{min}, {max}]",
                    start=format(self.start, "g"),
                    min=format(self.min, "g"),
                    max=format(self.max, "g"),
                )
            )
        return self


# --------------------------------------------------------------------------- issues


class Option(Strict):
    id: Name = Field(description="Identifier of the option, used in expressions as a string.")
    label: Prose = Field(description="Short text shown in the offer builder.")
    level: float = Field(
        default=0,
        description="A number for expressions, e.g. troops deployed (`offer_guard_level`).",
    )
    description: Prose = Field(default="", description="What choosing this option means.")
    when: Expression | None = Field(
        default=None, description="Condition for the option to be available in an offer."
    )
    source: SourceRef = Field(default="designer", description="Where this option comes from.")


class Issue(Strict):
    id: Name = Field(description="Identifier, used in expressions as `offer_<id>` and `deal_<id>`.")
    label: Prose = Field(description="Name of the issue on the table.")
    description: Prose = Field(default="", description="What is at stake, in a sentence or two.")
    options: list[Option] = Field(min_length=2, description="The choices, weakest first.")
    default: Name | None = Field(
        default=None, description="Option assumed when an offer leaves the issue out (first one)."
    )
    source: SourceRef = Field(description="Where this issue comes from.")

    def default_option(self) -> str:
        return self.default or self.options[0].id

    @cached_property
    def options_by_id(self) -> dict[str, Option]:
        return {o.id: o for o in self.options}


# --------------------------------------------------------------------------- phases


MoveKind = Literal["propose", "accept", "reject", "walk_out"]


class Phase(Strict):
    id: Name = Field(description="Identifier, the value of `phase` in expressions.")
    label: Prose = Field(description="Shown on the clock, e.g. `Talks at the White House`.")
    actor: PhaseActor = Field(
        description="Who moves in this phase; `clock` phases advance time until a rule moves on."
    )
    move_days: float = Field(
        default=1.0, gt=0, le=31, description="Scenario days that pass with each move here."
    )
    description: Prose = Field(default="", description="What is going on in this phase.")


class Transition(Strict):
    trigger: str = Field(
        description=(
            "What causes it: a move (`propose`, `accept`, `reject`, `walk_out`), an action id, "
            "or a name fired by a rule's `trigger:` effect."
        )
    )
    source: Name | list[Name] = Field(description="Phase(s) it leaves from, or `*` for any.")
    dest: Name = Field(description="Phase it enters.")
    when: Expression | None = Field(default=None, description="Extra condition for it to happen.")
    reason: Prose = Field(
        default="", description="Shown to the player when `when` blocks the move."
    )

    def sources(self) -> list[str]:
        return [self.source] if isinstance(self.source, str) else list(self.source)


# --------------------------------------------------------------------------- tariffs


class TariffStep(Strict):
    date: GameDate = Field(description="Day the step takes effect unless suspended or lifted.")
    rate: float = Field(ge=0, le=100, description="Tariff rate in percent from that day.")


class TariffLadder(Strict):
    label: Prose = Field(
        default_factory=lambda: LocalText.of(
            {"en": "Tariff on imports", "es": "Arancel a las importaciones"}
        ),
        description="What the tariff is.",
        # The schema shows the English default (a LocalText is not plain JSON).
        json_schema_extra={"default": "Tariff on imports"},
    )
    steps: list[TariffStep] = Field(min_length=1, description="Steps in date order, rising.")
    source: SourceRef = Field(description="Where the schedule comes from.")


# --------------------------------------------------------------------------- deadlines

DEADLINE_MOVES = ("escalate", "suspend", "resume", "lift")
# `<id>_days_left` when no step of a clock is ahead: far beyond any scenario's period,
# so that `closure_days_left < 3` never holds by accident.
NO_STEP_AHEAD = 999.0
DeadlineMove = Literal["escalate", "suspend", "resume", "lift"]


class DeadlineStep(Strict):
    date: dt.date = Field(description="Day the step takes effect unless suspended or lifted.")
    level: float | None = Field(
        default=None,
        ge=0,
        description="How severe the threat is from that day, in the deadline's `unit` (e.g. "
        "lanes closed); by default the step's number (1, 2, 3...).",
    )
    label: Prose = Field(
        default="",
        description="What happens on that day, in a few words (e.g. `Ports of entry close to "
        "trucks`); shown on the clock and quoted by the AI.",
    )


class Deadline(Strict):
    """A dated threat other than a tariff: a border closure, a sanction, a vote."""

    id: Name = Field(
        description="Identifier; expressions read `<id>_level`, `<id>_status` and "
        "`<id>_days_left`, and effects move it with `deadline: {<id>: suspend}`."
    )
    label: Prose = Field(
        description="What the threat is, as the clock shows it: `Border closure` gives "
        "`Border closure in 4 days`."
    )
    short: ShortProse = Field(
        default="",
        description="One word for table columns and charts, e.g. `closure` (`closure "
        "imposed`); by default the id.",
    )
    unit: Prose = Field(default="", description="Unit of the step levels, if they have one.")
    steps: list[DeadlineStep] = Field(
        min_length=1, description="Steps in date order; the clock takes each on its date."
    )
    description: Prose = Field(default="", description="What the threat means, for the debrief.")
    source: SourceRef = Field(description="Where the threat and its dates come from.")

    def short_name(self) -> str:
        return self.short or self.id.replace("_", " ")

    def level_of(self, index: int) -> float:
        level = self.steps[index].level
        return float(index + 1) if level is None else level


# --------------------------------------------------------------------------- effects


class News(Strict):
    headline: Prose = Field(description="One line, in plain words.")
    body: Prose = Field(default="", description="A few sentences of explanation.")
    visible_to: list[RoleId] = Field(
        default_factory=lambda: list(ROLES), description="Roles who see it (default: both)."
    )


def _news_form(value: Any) -> str:
    """`news:` is a headline (a text, plain or per language) or a `News` mapping; a
    mapping of languages only is the former, so errors speak of the form meant."""
    if isinstance(value, dict) and not (value.keys() & {"en", "es"}):
        return "News"
    if isinstance(value, dict) and value.keys() & set(News.model_fields):
        return "News"
    return "Text" if isinstance(value, str | dict) else "News"


# Tags capitalised: diagnostics drop capitalised union labels from a field's path.
NewsItem = Annotated[
    Annotated[Prose, Tag("Text")] | Annotated[News, Tag("News")],
    Discriminator(_news_form),
]


class Schedule(Strict):
    event: Slug = Field(description="Id of a declared event.")
    in_days: float = Field(ge=0, le=3650, description="Days from now.")


NumberOrExpression = Annotated[
    float | str,
    Field(description="A number, or an expression that computes one (e.g. `apprehensions * 0.7`)."),
]


class Effect(Strict):
    """Exactly one of the keys below."""

    set: dict[Name, NumberOrExpression] | None = Field(
        default=None, description="Set meters to values (clamped to range)."
    )
    add: dict[Name, NumberOrExpression] | None = Field(
        default=None, description="Add to meters (negative to subtract; clamped to range)."
    )
    flag: dict[Name, bool] | None = Field(default=None, description="Set declared flags.")
    tariff: Literal["escalate", "suspend", "resume", "lift"] | None = Field(
        default=None, description="Move the tariff ladder."
    )
    deadline: dict[Name, DeadlineMove] | None = Field(
        default=None,
        description="Move a declared deadline: `{closure: suspend}` (escalate, suspend, resume "
        "or lift).",
    )
    news: NewsItem | None = Field(default=None, description="Publish a news item.")
    trigger: str | None = Field(default=None, description="Fire a phase-machine trigger.")
    schedule: Schedule | None = Field(default=None, description="Schedule a declared event.")
    end: Slug | None = Field(default=None, description="End the game with this ending.")
    deal: Literal["void"] | None = Field(
        default=None, description="`void`: the agreement just accepted does not stand."
    )

    @model_validator(mode="after")
    def _exactly_one(self) -> Effect:
        given = [k for k in type(self).model_fields if getattr(self, k) is not None]
        if len(given) != 1:
            keys = ", ".join(type(self).model_fields)
            raise ValueError(
                tx("an effect has exactly one of: {keys} (found {n})", keys=keys, n=len(given))
            )
        return self

    @property
    def kind(self) -> str:
        return next(k for k in type(self).model_fields if getattr(self, k) is not None)


# --------------------------------------------------------------------------- rules & events


class Rule(Strict):
    id: Slug = Field(description="Identifier, shown when the player asks why something happened.")
    on: Literal["move", "tick", "month"] = Field(
        default="move",
        description=(
            "When it is checked: after every `move`, after every clock `tick`, or on the first "
            "day of each `month`."
        ),
    )
    when: Expression = Field(description="Condition for the rule to fire.")
    then: list[Effect] = Field(min_length=1, description="Effects, applied in order.")
    once: bool = Field(default=False, description="Fire at most once per game.")
    source: SourceRef = Field(description="Article this rule is drawn from, or `designer`.")
    note: Prose = Field(default="", description="Why the rule exists, for the debrief.")


class ScenarioEvent(Strict):
    id: Slug = Field(description="Identifier, used by `schedule` effects.")
    at: GameDate | None = Field(default=None, description="Fixed date on which it happens.")
    chance: float | None = Field(
        default=None,
        ge=0,
        le=1,
        description="Probability, checked on the first of each month, that it happens.",
    )
    when: Expression | None = Field(default=None, description="Extra condition to happen.")
    then: list[Effect] = Field(min_length=1, description="Effects, applied in order.")
    once: bool = Field(default=True, description="Happen at most once per game.")
    source: SourceRef = Field(description="Article this event is drawn from, or `designer`.")
    note: Prose = Field(default="", description="Why the event exists, for the debrief.")
    label: Prose = Field(
        default="",
        description="What happens, in a few words, for the line that announces it when a "
        "`schedule` effect sets its date, e.g. `The 45-day review`. Without it the line "
        "shows the event's id as words.",
    )

    # Prose fields added after saves began to record play digests: left out of the
    # digest by name, so that those saves still match (see game.scenario.play_digest).
    added_prose: ClassVar[frozenset[str]] = frozenset({"label"})


class Action(Strict):
    id: Name = Field(description="Identifier; it is also the phase-machine trigger it fires.")
    label: Prose = Field(description="Shown on the button or menu.")
    role: RoleId = Field(description="Who may take it.")
    when: Expression | None = Field(default=None, description="Extra condition to be available.")
    then: list[Effect] = Field(default_factory=list, description="Effects, applied in order.")
    description: Prose = Field(default="", description="What taking it means.")
    source: SourceRef = Field(description="Where it comes from, or `designer`.")


class Difficulty(Strict):
    """How an AI delegation bargains at one difficulty level."""

    concession: float = Field(
        gt=0,
        le=10,
        description="Exponent of the concession curve toward each deadline (a tariff step or "
        "a step of a declared deadline, whichever comes next): 1 concedes "
        "evenly, below 1 holds out until late (Boulware), above 1 gives ground early "
        "(Conceder).",
    )
    spread: float = Field(
        default=0.0,
        ge=0,
        le=2,
        description="How much the exponent varies from game to game (a factor between "
        "e^-spread and e^spread), so the AI is not the same opponent every time.",
    )
    hold: float = Field(
        ge=0,
        le=1,
        description="Share of its room to concede the AI still holds when a deadline's step "
        "arrives (tariff or other); the rest it gives up before that deadline.",
    )
    opponent_model: bool = Field(
        default=True,
        description="Learn from the other side's offers which issues it cares about, and "
        "trade on them.",
    )
    description: Prose = Field(default="", description="Shown when choosing the opponent.")


def _difficulty(
    concession: float, spread: float, hold: float, model: bool, en: str, es: str
) -> Difficulty:
    # The defaults speak both languages, as an author's bilingual text would.
    text = LocalText.of({"en": en, "es": es})
    return Difficulty(
        concession=concession, spread=spread, hold=hold, opponent_model=model, description=text
    )


class AISettings(Strict):
    easy: Difficulty = Field(
        default=_difficulty(
            2.5,
            0.3,
            0.2,
            False,
            "Gives ground early and trades blindly.",
            "Cede pronto y negocia a ciegas.",
        ),
        description="The easy opponent.",
    )
    normal: Difficulty = Field(
        default=_difficulty(
            1.0,
            1.0,
            0.44,
            True,
            "Concedes steadily as the deadline nears.",
            "Cede poco a poco conforme se acerca el plazo.",
        ),
        description="The normal opponent.",
    )
    hard: Difficulty = Field(
        default=_difficulty(
            0.35,
            0.3,
            0.55,
            True,
            "Holds out until the last hours and reads your priorities.",
            "Resiste hasta las últimas horas y adivina sus prioridades.",
        ),
        description="The hard opponent.",
    )

    def level(self, name: str) -> Difficulty:
        return getattr(self, name)  # type: ignore[no-any-return]


class Inject(Strict):
    """An event the instructor fires by hand, at any moment of a class session."""

    id: Slug = Field(description="Identifier, recorded in the transcript when fired.")
    label: Prose = Field(description="Shown in the instructor's menu, e.g. `New border figures`.")
    description: Prose = Field(default="", description="What it represents, for the instructor.")
    then: list[Effect] = Field(min_length=1, description="Effects, applied in order.")
    source: SourceRef = Field(description="Article the inject is drawn from, or `designer`.")
    note: Prose = Field(default="", description="Why it exists, for the debrief.")


class Ending(Strict):
    id: Slug = Field(description="Identifier, used by `end` effects.")
    title: Prose = Field(description="Title on the ending screen.")
    when: Expression | None = Field(
        default=None,
        description=(
            "Condition checked, in order, when time or moves run out; the first ending that "
            "holds is reached. Endings reached only by `end` effects leave it out."
        ),
    )
    default: bool = Field(
        default=False, description="Reached when time runs out and no other ending holds."
    )
    summary: Prose = Field(description="What this outcome means, in plain words.")
    history: Prose = Field(default="", description="What actually happened, for comparison.")
    historical: bool = Field(default=False, description="This is the ending history took.")
    success_for: list[RoleId] = Field(
        default_factory=list, description="Roles whose briefing counts this a success."
    )
    source: SourceRef = Field(description="Article this ending is drawn from, or `designer`.")


# --------------------------------------------------------------------------- history


class ScriptedMove(Strict):
    role: RoleId = Field(description="Who moved.")
    move: str = Field(description="`propose`, `accept`, `reject`, `walk_out`, or an action id.")
    offer: dict[Name, Name] = Field(
        default_factory=dict, description="For `propose`: option per issue (others default)."
    )
    source: SourceRef = Field(default="designer", description="Where this move is reported.")


# --------------------------------------------------------------------------- scenario


class CodexEntry(Strict):
    term: Prose = Field(description="The actor, body or term, as players will meet it.")
    text: Prose = Field(description="What it is, in a sentence or two of plain words.")
    source: SourceRef = Field(description="The article that explains or reports it.")


class Scenario(Strict):
    """A Brinkmanship scenario: one episode of the confrontation, as a playable game."""

    format: Literal[1] = Field(default=1, description="Version of the scenario format.")
    id: Slug = Field(description="Identifier; the file should be named `<id>.yaml`.")
    language: Lang = Field(
        default="en",
        description="The language of the texts written as plain strings: `en` (English) or "
        "`es` (Spanish). Any text may instead give each language, as `{en: ..., es: ...}`.",
    )
    title: Prose = Field(description="Title shown on the title screen.")
    period: Prose = Field(description="Dates covered, as text, e.g. `May–September 2019`.")
    summary: Prose = Field(description="One paragraph for the scenario list.")
    start_date: GameDate = Field(description="Scenario date when play begins (day 0).")
    end_date: GameDate = Field(description="Date when time runs out and an ending is chosen.")
    max_moves: int = Field(
        default=80, ge=1, le=10_000, description="Moves after which the game ends regardless."
    )
    first_phase: Name = Field(description="Phase the game starts in.")
    sources: list[Source] = Field(min_length=1, description="Articles and records cited.")
    roles: dict[RoleId, Role] = Field(description="The two delegations, `us` and `mexico`.")
    meters: dict[Name, Meter] = Field(
        default_factory=dict, description="Quantities the game tracks, by name."
    )
    flags: dict[Name, FlagEntry] = Field(
        default_factory=dict,
        description="Yes/no facts the rules track: each a starting value (`aid_cut: false`) "
        "or `{start: false, label: ...}` with the fact in words.",
    )
    issues: list[Issue] = Field(min_length=1, description="What is negotiated, in table order.")
    phases: list[Phase] = Field(min_length=1, description="States of the phase machine.")
    transitions: list[Transition] = Field(min_length=1, description="How phases change.")
    tariff_ladder: TariffLadder | None = Field(
        default=None, description="The tariff schedule the clock climbs unless suspended."
    )
    deadlines: list[Deadline] = Field(
        default_factory=list,
        description="Dated threats other than a tariff (a border closure, a sanction, a "
        "vote), each climbing its steps unless suspended or lifted; the clock shows the "
        "next one and the AI bargains toward it.",
    )
    actions: list[Action] = Field(
        default_factory=list, description="Moves beyond offers, e.g. `overdeliver`."
    )
    rules: list[Rule] = Field(default_factory=list, description="Rules, checked in this order.")
    events: list[ScenarioEvent] = Field(
        default_factory=list, description="Dated, scheduled or chance events."
    )
    injects: list[Inject] = Field(
        default_factory=list,
        description="Events an instructor can fire at any time (a new figure, a court "
        "ruling, a market reaction); each is recorded in the transcript and the save.",
    )
    endings: list[Ending] = Field(min_length=1, description="How the game can end.")
    codex: list[CodexEntry] = Field(
        default_factory=list,
        description="Actors and terms explained in the briefing's codex, each with its source.",
    )
    ai: AISettings = Field(
        default_factory=AISettings,
        description="How the AI delegations bargain at each difficulty level.",
    )
    history: list[ScriptedMove] = Field(
        default_factory=list,
        description="What the delegations actually did, in order; the `historical` agent "
        "plays its side of it.",
    )
    earlier_versions: list[FileDigest] = Field(
        default_factory=list,
        description="Hashes (`sha256:…`) of earlier versions of this file whose saves still "
        "replay on it, because only wording changed since. Saves made now record the "
        "scenario's play digest, which wording never changes; this list is for saves "
        "made before it.",
    )

    @model_validator(mode="wrap")
    @classmethod
    def _in_its_language(cls, data: Any, handler: ModelWrapValidatorHandler[Scenario]) -> Scenario:
        # Plain strings are in the file's `language:`; the prose fields read it from here.
        lang = data.get("language", "en") if isinstance(data, dict) else "en"
        with scenario_language(lang if isinstance(lang, str) else "en"):
            return handler(data)

    @model_validator(mode="after")
    def _both_roles(self) -> Scenario:
        missing = [r for r in ROLES if r not in self.roles]
        if missing:
            raise ValueError(
                tx(
                    "roles must define both `us` and `mexico`; missing {missing}",
                    missing=", ".join(missing),
                )
            )
        if self.end_date <= self.start_date:
            raise ValueError(tx("end_date must come after start_date"))
        return self

    # Lookups by id, used throughout the engine: dicts built on first use (the model is
    # frozen, so they never go stale).
    @cached_property
    def nodes(self) -> tuple[tuple[NodePath, Any], ...]:
        """`walk(self)`, taken once: the checks go over every node several times."""
        return tuple(walk(self))

    @property
    def effect_nodes(self) -> list[tuple[NodePath, Effect]]:
        """The effects among `nodes`, with their paths (three checks read only these)."""
        return self._sorted_nodes[0]

    @property
    def timed_nodes(self) -> list[tuple[NodePath, dt.date | Schedule]]:
        """The dates (and times) and the `schedule:` effects among `nodes`, in order."""
        return self._sorted_nodes[1]

    @property
    def citation_nodes(self) -> list[tuple[NodePath, str]]:
        """Every `source:` value among `nodes` (a source id), with its path."""
        return self._sorted_nodes[2]

    @cached_property
    def _sorted_nodes(
        self,
    ) -> tuple[
        list[tuple[NodePath, Effect]],
        list[tuple[NodePath, dt.date | Schedule]],
        list[tuple[NodePath, str]],
    ]:
        """The kinds of node the checks look for, as `nodes` has them (same paths, same
        order), in one walk that makes a path only for what it keeps or goes into: the
        scenario's leaves (tens of thousands of texts and numbers) cost no tuples."""
        effects: list[tuple[NodePath, Effect]] = []
        timed: list[tuple[NodePath, dt.date | Schedule]] = []
        citations: list[tuple[NodePath, str]] = []
        fields = _FIELD_NAMES
        # (parent's path, key or index, node); the root has no key.
        stack: list[tuple[NodePath, Any, Any]] = [((), _NO_KEY, self)]
        while stack:
            parent, key, node = stack.pop()
            kind = type(node)
            if kind is str:
                if key == "source":
                    citations.append(((*parent, key), node))
                continue
            if kind in _LEAVES and kind is not dt.date and kind is not dt.datetime:
                continue
            path = parent if key is _NO_KEY else (*parent, key)
            children: list[tuple[NodePath, Any, Any]]
            if isinstance(node, BaseModel):
                if isinstance(node, Effect):
                    effects.append((path, node))
                elif isinstance(node, Schedule):
                    timed.append((path, node))
                names = fields.get(kind)
                if names is None:
                    names = fields[kind] = tuple(kind.model_fields)
                values = vars(node)
                children = [
                    (path, name, value) for name in names if (value := values.get(name)) is not None
                ]
            elif isinstance(node, list):
                children = [(path, i, item) for i, item in enumerate(node)]
            elif isinstance(node, dict):
                children = [(path, k, item) for k, item in node.items()]
            else:
                if isinstance(node, str) and path and path[-1] == "source":
                    citations.append((path, node))
                elif isinstance(node, dt.date):
                    timed.append((path, node))
                continue
            children.reverse()
            stack.extend(children)
        return effects, timed, citations

    @cached_property
    def issues_by_id(self) -> dict[str, Issue]:
        return {i.id: i for i in self.issues}

    @cached_property
    def phases_by_id(self) -> dict[str, Phase]:
        return {p.id: p for p in self.phases}

    @cached_property
    def endings_by_id(self) -> dict[str, Ending]:
        return {e.id: e for e in self.endings}

    @cached_property
    def events_by_id(self) -> dict[str, ScenarioEvent]:
        return {e.id: e for e in self.events}

    @cached_property
    def actions_by_id(self) -> dict[str, Action]:
        return {a.id: a for a in self.actions}

    @cached_property
    def injects_by_id(self) -> dict[str, Inject]:
        return {x.id: x for x in self.injects}

    @cached_property
    def default_ending(self) -> Ending:
        return next(e for e in self.endings if e.default)

    def issue(self, issue_id: str) -> Issue:
        return self.issues_by_id[issue_id]

    def phase(self, phase_id: str) -> Phase:
        return self.phases_by_id[phase_id]

    def ending(self, ending_id: str) -> Ending:
        return self.endings_by_id[ending_id]

    def option(self, issue_id: str, option_id: str) -> Option | None:
        """The option `option_id` of issue `issue_id`, or None if either is unknown."""
        issue = self.issues_by_id.get(issue_id)
        return issue.options_by_id.get(option_id) if issue is not None else None

    def flag_label(self, name: str) -> LocalText:
        """The flag's label, or its name in words (`tariff_ever_imposed` → `Tariff ever
        imposed`) when it has none."""
        flag = self.flags.get(name)
        return _label_or_words(flag.label if flag is not None else None, name)

    def event_label(self, event_id: str) -> LocalText:
        """The event's label, or its id in words (`review-45` → `Review 45`)."""
        event = self.events_by_id.get(event_id)
        return _label_or_words(event.label if event is not None else None, event_id)

    @cached_property
    def sources_by_id(self) -> dict[str, Source]:
        return {s.id: s for s in self.sources}

    def source(self, source_id: str) -> Source | None:
        return self.sources_by_id.get(source_id)


def _label_or_words(label: object, identifier: str) -> LocalText:
    """A label the scenario gives, or else the identifier in words (`tariff_ever_imposed`
    → `Tariff ever imposed`, `review-45` → `Review 45`), never the bare identifier."""
    if isinstance(label, LocalText) and label:
        return label
    words = identifier.replace("-", " ").replace("_", " ")
    return LocalText(words[:1].upper() + words[1:])
