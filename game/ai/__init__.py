"""Negotiating agents. Pure functions of a role's view and a seeded generator."""

from game.ai.agent import Agent, agent_rng
from game.ai.historical import HistoricalAgent
from game.ai.random_agent import RandomAgent

AGENTS: dict[str, type] = {"random": RandomAgent, "historical": HistoricalAgent}


def make_agent(name: str) -> Agent:
    try:
        return AGENTS[name]()  # type: ignore[no-any-return]
    except KeyError:
        raise ValueError(f"unknown agent {name!r}; choose from {', '.join(AGENTS)}") from None


__all__ = ["AGENTS", "Agent", "HistoricalAgent", "RandomAgent", "agent_rng", "make_agent"]
