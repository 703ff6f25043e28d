"""Every message the command line writes to stderr is cleaned on its way out.

Messages quote what users and files supply (a save's players, a file name, a seed): a
terminal escape code in them must not retitle or clear the terminal, and a 100,000-digit
value must not become a 100 KB line. Cleaning the stream itself, once, covers every
command's messages, argparse's included; stdout (transcripts, reports) is left alone.
"""

from __future__ import annotations

import io
from typing import TextIO

from game.report.escape import plain

# A message line longer than this is cut: no real message comes close.
LINE_LIMIT = 400


class CleanMessages(io.TextIOBase):
    """A text stream that passes text on with control characters shown as U+FFFD and
    each line cut at LINE_LIMIT characters (marked with …)."""

    def __init__(self, target: TextIO, limit: int = LINE_LIMIT) -> None:
        self.target = target
        self.limit = limit
        self._column = 0  # characters written on the current line so far

    def write(self, text: str) -> int:
        pieces = []
        for index, segment in enumerate(text.split("\n")):
            if index:
                pieces.append("\n")
                self._column = 0
            room = self.limit - self._column
            if room > 0:
                kept = segment[:room]
                pieces.append(plain(kept))
                if len(segment) > room:
                    pieces.append("…")
            self._column += len(segment)
        self.target.write("".join(pieces))
        return len(text)

    def flush(self) -> None:
        self.target.flush()

    def isatty(self) -> bool:
        return self.target.isatty()

    def writable(self) -> bool:
        return True
