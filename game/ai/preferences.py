"""A delegation's preferences as numbers: what every offer, action and no deal is worth.

Built once per scenario and role from the `preferences:` the scenario declares (see
`docs/authoring.md`). Utilities are linear-additive, as in most negotiation research
(and NegMAS): the weighted sum of the value of each issue's option, on a 0-1 scale.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from game.ai.ranking import OfferKey, RankedOffers, rank
from game.i18n import LocalText
from game.rules.effects import Quantity
from game.rules.ruleset import Ruleset
from game.scenario.models import Role, RoleId, Scenario

Offer = Mapping[str, str]
DEFAULT_RESERVATION = 0.3


@dataclass(frozen=True)
class IssueValues:
    id: str
    label: str
    weight: float  # normalised: the weights of a role sum to 1
    values: dict[str, float]
    labels: dict[str, str]
    why: str = ""
    # The role whose own conduct the options are, or "" for terms both sides settle:
    # in "US pressure" the US chooses whether to threaten, and Mexico can only ask.
    party: str = ""


@dataclass
class Preferences:
    """One role's utility function over offers, plus its reservation and action values."""

    role: RoleId
    issues: tuple[IssueValues, ...]
    red_lines: dict[tuple[str, str], str]
    reservation_value: Quantity
    reservation_why: str
    action_values: dict[str, tuple[Quantity, str]]
    declared: bool
    # `ranked()`, built on first use (`dataclasses.replace(..., _ranked=None)` starts over).
    _ranked: RankedOffers | None = field(default=None, repr=False)

    @property
    def issue_ids(self) -> tuple[str, ...]:
        return tuple(i.id for i in self.issues)

    def issue(self, issue_id: str) -> IssueValues:
        return next(i for i in self.issues if i.id == issue_id)

    def utility(self, offer: Offer) -> float:
        """Worth of `offer` to the role, 0-1; issues left out count at their worst option."""
        total = 0.0
        for issue in self.issues:
            option = offer.get(issue.id)
            if option is not None:
                total += issue.weight * issue.values.get(option, 0.0)
        return total

    def key_utility(self, key: OfferKey) -> float:
        return sum(i.weight * i.values[o] for i, o in zip(self.issues, key, strict=True))

    def crosses_red_line(self, offer: Offer) -> tuple[str, str] | None:
        for pair in offer.items():
            if pair in self.red_lines:
                return pair
        return None

    def reservation(self, env: Mapping[str, object]) -> float:
        """What no deal is worth now, given what the role can see."""
        return min(1.0, max(0.0, self.reservation_value.value(env)))

    def action_value(self, action: str, env: Mapping[str, object]) -> float:
        entry = self.action_values.get(action)
        return 0.5 if entry is None else entry[0].value(env)

    def ranked(self) -> RankedOffers:
        """Every offer that crosses no red line, best for the role first (sorted by
        falling utility, then by option ids), as (utility, key) pairs."""
        if self._ranked is None:
            self._ranked = rank(self.role, self.issues, self.red_lines)
        return self._ranked


def party_of(issue_id: str, scenario: Scenario) -> str:
    """The role an issue belongs to, by the scenarios' naming: an issue whose id starts
    with a role's id (`us_pressure`, `us_support`) is about that role's own conduct."""
    return next((r for r in scenario.roles if issue_id.startswith(f"{r}_")), "")


def preferences_for(ruleset: Ruleset, role: RoleId) -> Preferences:
    """The role's preferences, built once per ruleset."""
    built = ruleset.derived(_no_preferences_yet)
    if role not in built:
        built[role] = _build(ruleset, role)
    return built[role]


def _no_preferences_yet(ruleset: Ruleset) -> dict[RoleId, Preferences]:
    """The ruleset's table of built preferences, filled one role at a time."""
    return {}


def _build(ruleset: Ruleset, role_id: RoleId) -> Preferences:
    scenario = ruleset.scenario
    role = scenario.roles[role_id]
    if role.preferences is None:
        return _derived(scenario, role_id, role)
    prefs = role.preferences
    total = sum(p.weight for p in prefs.issues.values()) or 1.0
    issues = tuple(
        IssueValues(
            issue.id,
            issue.label,
            prefs.issues[issue.id].weight / total,
            dict(prefs.issues[issue.id].values),
            {o.id: o.label for o in issue.options},
            _squash(prefs.issues[issue.id].why),
            party_of(issue.id, scenario),
        )
        for issue in scenario.issues
    )
    return Preferences(
        role_id,
        issues,
        {(r.issue, r.option): _squash(r.why) for r in prefs.red_lines},
        ruleset.valuations[(role_id, "reservation")],
        _squash(prefs.reservation.why),
        {
            action: (ruleset.valuations[(role_id, action)], _squash(v.why))
            for action, v in prefs.actions.items()
        },
        declared=True,
    )


def _derived(scenario: Scenario, role_id: RoleId, role: Role) -> Preferences:
    """Preferences for a scenario that declares none: options are listed weakest first,
    so the US is taken to want the strongest and Mexico the weakest, all issues alike."""
    weight = 1.0 / len(scenario.issues)
    issues = []
    for issue in scenario.issues:
        n = len(issue.options) - 1
        values = {
            o.id: (i / n if role_id == "us" else 1 - i / n) for i, o in enumerate(issue.options)
        }
        labels = {o.id: o.label for o in issue.options}
        party = party_of(issue.id, scenario)
        issues.append(IssueValues(issue.id, issue.label, weight, values, labels, "", party))
    return Preferences(
        role_id,
        tuple(issues),
        {},
        Quantity(constant=DEFAULT_RESERVATION),
        "the scenario declares no preferences; no deal is taken to be worth little",
        {},
        declared=False,
    )


def _squash(text: str) -> str:
    """A `why:` on one line (YAML block text keeps its line breaks), in every language
    it is written in."""
    if isinstance(text, LocalText):
        return text.map(_one_line)
    return _one_line(text)


def _one_line(text: str) -> str:
    return " ".join(text.split())
