"""The classroom: protocol messages, the server that runs every table, and a client.

Sits above game.play and below game.tui/game.cli; never imports textual."""
