"""Negotiating agents. Pure functions of a role's view and a seeded generator."""

from __future__ import annotations

from collections.abc import Callable

from game.ai.agent import Agent, Decision, Reason, agent_rng
from game.ai.concession import ConcessionAgent
from game.ai.historical import HistoricalAgent
from game.ai.random_agent import RandomAgent
from game.ai.reciprocal import ReciprocalAgent
from game.rules.ruleset import Ruleset

Factory = Callable[[Ruleset, int], Agent]

AGENTS: dict[str, Factory] = {
    "random": lambda ruleset, seed: RandomAgent(),
    "historical": lambda ruleset, seed: HistoricalAgent(
        tuple(m.source for m in ruleset.scenario.history)
    ),
    "ai-easy": lambda ruleset, seed: ConcessionAgent(ruleset, "easy", seed),
    "ai-normal": lambda ruleset, seed: ConcessionAgent(ruleset, "normal", seed),
    "ai-hard": lambda ruleset, seed: ConcessionAgent(ruleset, "hard", seed),
    "tit-for-tat": lambda ruleset, seed: ReciprocalAgent(ruleset, seed),
}


def make_agent(name: str, ruleset: Ruleset, seed: int = 0) -> Agent:
    """The agent called `name`, made for one game of `ruleset` played with `seed`."""
    try:
        factory = AGENTS[name]
    except KeyError:
        raise ValueError(f"unknown agent {name!r}; choose from {', '.join(AGENTS)}") from None
    return factory(ruleset, seed)


__all__ = [
    "AGENTS",
    "Agent",
    "ConcessionAgent",
    "Decision",
    "HistoricalAgent",
    "RandomAgent",
    "Reason",
    "ReciprocalAgent",
    "agent_rng",
    "make_agent",
]
