"""Playing whole games with agents: one game, or many for statistics."""
