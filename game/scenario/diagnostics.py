"""Diagnostics: what the loader tells a scenario author when a file is wrong.

Every problem an author can cause is a :class:`Diagnostic` with a stable code, a
position and, where we can guess the fix, a hint. Rendering follows the compiler
convention ``path:line:col: CODE message`` so editors and CI can jump to it.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from game.i18n import _, localise, tx

Severity = Literal["error", "warning"]

# The catalogue of codes. Codes are stable: never renumber, only add.
CODES: dict[str, str] = {
    # 0xx: reading the file
    "BRK001": "file cannot be read",
    "BRK002": "file too large",
    "BRK003": "YAML syntax error",
    "BRK004": "duplicate key",
    "BRK005": "unsupported YAML tag",
    "BRK006": "too many alias expansions",
    "BRK007": "nesting too deep",
    "BRK008": "document is not a mapping",
    "BRK009": "file is not UTF-8 text",
    "BRK010": "wrong indentation",
    "BRK011": "yes/no read where text was meant",
    "BRK012": "a comma cut unquoted text in two",
    # 1xx: shape of the data (the pydantic models)
    "BRK101": "required field missing",
    "BRK102": "unknown field",
    "BRK103": "wrong type",
    "BRK104": "invalid value",
    # 2xx: references between parts of the scenario
    "BRK201": "unknown source",
    "BRK202": "unknown phase",
    "BRK203": "unknown meter",
    "BRK204": "unknown issue or option",
    "BRK205": "unknown ending",
    "BRK206": "unknown event",
    "BRK207": "duplicate id",
    "BRK209": "unknown trigger",
    "BRK210": "preferences incomplete",
    "BRK211": "unknown delegate",
    "BRK212": "unknown deadline",
    # 3xx: condition and value expressions
    "BRK301": "expression syntax error",
    "BRK302": "unknown name in expression",
    "BRK303": "type mismatch in expression",
    "BRK304": "expression has the wrong result type",
    "BRK305": "expression construct not supported",
    "BRK306": "unknown option in comparison",
    "BRK307": "number out of range in expression",
    # 4xx: consistency of the scenario as a game
    "BRK402": "tariff ladder out of order",
    "BRK403": "deadline steps out of order",
    "BRK404": "no default ending",
    "BRK405": "a delegation has no move",
    "BRK410": "date outside the scenario's period",
    "BRK411": "condition can never hold",
    # 5xx: lint findings (brink lint)
    "BRK501": "phase cannot be reached",
    "BRK502": "ending not reached in random play",
    "BRK503": "declared but never used",
    "BRK504": "condition never changes",
    "BRK505": "rule never fired in random play",
    "BRK506": "invented rule without a note",
    "BRK507": "text missing in one of the scenario's languages",
    # 9xx: command line usage
    "BRK901": "scenario not found",
}


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in a scenario file, positioned for a person to fix."""

    code: str
    message: str
    file: str = "<scenario>"
    line: int = 1
    column: int = 1
    severity: Severity = "error"
    hint: str | None = None
    # Length of the underlined span (1 = a single caret).
    span: int = 1

    def header(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.code} {localise(self.message)}"

    def render(self, source_text: str | None = None) -> str:
        """Compiler-style text: header, the offending source line, a caret, a hint."""
        out = [self.header()]
        if source_text is not None:
            lines = source_text.splitlines()
            if 1 <= self.line <= len(lines):
                text = lines[self.line - 1].expandtabs(1)
                caret_at = max(self.column - 1, 0)
                width = max(1, min(self.span, len(text) - caret_at)) if text else 1
                out.append(f"    {text}")
                out.append("    " + " " * caret_at + "^" + "~" * (width - 1))
        if self.hint:
            out.append("    " + _("hint: {hint}").format(hint=localise(self.hint)))
        return "\n".join(out)

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "severity": self.severity,
            "message": localise(self.message),
            "hint": localise(self.hint) if self.hint is not None else None,
        }


@dataclass
class ScenarioError(Exception):
    """Raised when a scenario cannot be used; carries every diagnostic found."""

    diagnostics: list[Diagnostic]
    source_text: str | None = field(default=None, repr=False)

    def __str__(self) -> str:
        return self.render()

    def render(self) -> str:
        return "\n".join(d.render(self.source_text) for d in self.diagnostics)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]


def did_you_mean(name: str, candidates: Iterable[str]) -> str | None:
    """A "did you mean" hint for a misspelt name, or None when nothing is close."""
    pool = sorted(set(candidates))
    close = difflib.get_close_matches(name, pool, n=1, cutoff=0.6)
    if close:
        return tx("did you mean `{name}`?", name=close[0])
    if pool and len(pool) <= 8:
        return tx("expected one of: {names}", names=", ".join(f"`{c}`" for c in pool))
    return None
