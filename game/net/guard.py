"""Limits that keep one client from hurting the others: a per-connection message rate,
and a growing delay for addresses that keep trying wrong codes.

Both take the clock as an argument so the tests can drive them without waiting."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

Clock = Callable[[], float]


@dataclass
class RateLimit:
    """A token bucket: `burst` messages at once, `per_second` on average after that."""

    per_second: float = 30.0
    burst: float = 60.0
    clock: Clock = time.monotonic
    tokens: float = field(init=False)
    stamp: float = field(init=False)

    def __post_init__(self) -> None:
        self.tokens = self.burst
        self.stamp = self.clock()

    def allow(self) -> bool:
        now = self.clock()
        self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.per_second)
        self.stamp = now
        if self.tokens < 1:
            return False
        self.tokens -= 1
        return True


@dataclass
class CodeGuard:
    """Wrong codes per address. The first few are answered at once (people mistype);
    after that each answer waits twice as long as the last, up to `max_delay`, and the
    count fades after `forget_after` seconds without a wrong code."""

    free_tries: int = 3
    first_delay: float = 0.5
    max_delay: float = 10.0
    forget_after: float = 600.0
    clock: Clock = time.monotonic
    failures: dict[str, tuple[int, float]] = field(default_factory=dict)

    def delay(self, address: str) -> float:
        """Seconds to wait before checking a code from `address`."""
        count = self._count(address)
        if count < self.free_tries:
            return 0.0
        return float(min(self.max_delay, self.first_delay * 2.0 ** (count - self.free_tries)))

    def failed(self, address: str) -> None:
        self.failures[address] = (self._count(address) + 1, self.clock())
        if len(self.failures) > 10_000:  # bound the memory an address sweep can take
            oldest = min(self.failures, key=lambda a: self.failures[a][1])
            del self.failures[oldest]

    def succeeded(self, address: str) -> None:
        self.failures.pop(address, None)

    def _count(self, address: str) -> int:
        count, last = self.failures.get(address, (0, 0.0))
        if count and self.clock() - last > self.forget_after:
            del self.failures[address]
            return 0
        return count
