"""Instructor tools built on the scenario and engine layers (graphs, and more to come)."""
