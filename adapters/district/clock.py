"""Demo time: the real clock plus however far the visitor skipped ahead."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Protocol, runtime_checkable


@runtime_checkable
class Movable(Protocol):
    """A clock that can be moved (the demo's, or the tests' FakeClock)."""

    def now(self) -> datetime:
        """The current time, timezone-aware."""

    def advance(self, **delta: float) -> datetime:
        """Move by a timedelta's keywords (minutes=5, days=-14, ...)."""


class DemoClock:
    """The system clock, shifted: skipping ahead (or back, while history is written) moves
    every part of prepbot that asks the time, the scheduler's ledger included."""

    def __init__(self, start: datetime | None = None) -> None:
        # PREPBOT_DEMO_START: the same demo (and test) whatever the real time of day.
        self.offset = start - datetime.now(UTC) if start else timedelta(0)

    def now(self) -> datetime:
        """Real time plus the offset."""
        return datetime.now(UTC) + self.offset

    def advance(self, **delta: float) -> datetime:
        """Move demo time."""
        self.offset += timedelta(**delta)
        return self.now()
