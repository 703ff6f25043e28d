"""Brinkmanship: a policy-negotiation game for the terminal."""

__version__ = "0.1.0"
