"""A frequency model of the other side, learnt from its offers alone.

The classic learner of the ANAC competitions (HardHeaded, and NegMAS's frequency
models): an issue the other side never moves on is one it cares about; the options it
proposes most often are the ones it values. Nothing here reads the other side's
preferences from the scenario: only what it has put on the table.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

# How much each unchanged issue between two consecutive offers adds to its weight.
STEADINESS = 1.0


@dataclass(frozen=True)
class OpponentModel:
    weights: dict[str, float]  # normalised estimate of how much each issue matters to them
    values: dict[str, dict[str, float]]  # estimated worth of each option to them, 0-1
    offers_seen: int
    unmoved: dict[str, int]  # consecutive offers in which each issue did not change

    def utility(self, offer: Mapping[str, str]) -> float:
        return sum(w * self.values[i].get(offer.get(i, ""), 0.0) for i, w in self.weights.items())

    def tables(self, issues: tuple[str, ...]) -> list[dict[str, float]]:
        """Per issue (in `issues` order), each option's weighted value: an offer's
        estimated utility is then one lookup per issue."""
        return [{o: self.weights[i] * v for o, v in self.values[i].items()} for i in issues]

    def priorities(self) -> list[str]:
        """Issues, most important to them first (by the model)."""
        return sorted(self.weights, key=lambda i: (-self.weights[i], i))


def learn(
    issues: Mapping[str, Sequence[str]], offers: Sequence[Mapping[str, str]]
) -> OpponentModel:
    """Fit the model to the other side's offers, oldest first."""
    learner = OpponentLearner(issues)
    for offer in offers:
        learner.observe(offer)
    return learner.model()


class OpponentLearner:
    """The same model, learnt one offer at a time: a negotiation that asks for the model
    after every offer pays for each offer once, not once per step."""

    def __init__(self, issues: Mapping[str, Sequence[str]]) -> None:
        self.issues = issues
        self.raw = {issue: 1.0 for issue in issues}
        self.unmoved = dict.fromkeys(issues, 0)
        self.counts: dict[str, Counter[str]] = {issue: Counter() for issue in issues}
        self.previous: Mapping[str, str] | None = None
        self.seen = 0

    def observe(self, offer: Mapping[str, str]) -> None:
        previous = self.previous
        for issue in self.issues:
            option = offer.get(issue)
            if option is not None:
                self.counts[issue][option] += 1
            if previous is not None:
                if option == previous.get(issue):
                    self.raw[issue] += STEADINESS
                    self.unmoved[issue] += 1
                else:
                    self.unmoved[issue] = 0
        self.previous = offer
        self.seen += 1

    def model(self) -> OpponentModel:
        total = sum(self.raw.values())
        weights = {issue: w / total for issue, w in self.raw.items()}
        values = {}
        for issue, options in self.issues.items():
            counts = self.counts[issue]
            top = max(counts.values(), default=0)
            values[issue] = {o: (counts[o] + 1) / (top + 1) for o in options}
        return OpponentModel(weights, values, self.seen, dict(self.unmoved))
