"""Debriefs for the classroom: one game's report, and a comparison of many."""
