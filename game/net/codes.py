"""Join codes and the roster: who may sit where.

A code is 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L), each
character drawn with `secrets`, so no code tells anything about another."""

from __future__ import annotations

import csv
import io
import secrets
from dataclasses import dataclass
from pathlib import Path

from game.engine.moves import INSTRUCTOR, MoveRole
from game.saves import write_atomic
from game.scenario.models import RoleId, is_role

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 8

# A seat of the room: a delegation's chair at one table.
SeatKey = tuple[int, RoleId]


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def normalise(code: str) -> str:
    """What a person typed, as the code it stands for (case and spaces forgiven)."""
    return "".join(code.split()).replace("-", "").upper()


@dataclass(frozen=True)
class SeatCode:
    code: str
    table: int | None  # None: the instructor
    role: MoveRole  # a delegation, or "instructor"
    revoked: bool = False

    @property
    def instructor(self) -> bool:
        return self.role == INSTRUCTOR

    @property
    def seat(self) -> SeatKey | None:
        """The (table, delegation) this code opens; None for the instructor's."""
        if self.table is None or not is_role(self.role):
            return None
        return (self.table, self.role)


def new_roster(tables: int, roles: list[RoleId]) -> list[SeatCode]:
    """One code per human seat of every table, and the instructor's; all distinct."""
    seen: set[str] = set()
    roster: list[SeatCode] = []
    seats: list[tuple[int | None, MoveRole]] = [(t, r) for t in range(1, tables + 1) for r in roles]
    for table, role in [*seats, (None, INSTRUCTOR)]:
        code = new_code()
        while code in seen:
            code = new_code()
        seen.add(code)
        roster.append(SeatCode(code, table, role))
    return roster


def roster_csv(roster: list[SeatCode]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["table", "role", "code"])
    for seat in roster:
        if not seat.revoked:
            writer.writerow(["" if seat.table is None else seat.table, seat.role, seat.code])
    return out.getvalue()


def write_roster(roster: list[SeatCode], path: Path) -> Path:
    write_atomic(path, roster_csv(roster))
    return path
