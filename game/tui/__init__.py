"""The Textual interface. Nothing below `game.tui` is imported by the engine."""
