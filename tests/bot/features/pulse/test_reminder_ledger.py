"""A red team's finding, replayed: a copy of the database told who had answered a pulse
before any release, because an answerer's reminder was `skipped` in the delivery ledger and
everyone else's `sent`. Now the two are settled alike, in every commit, and still only those
who have not answered get the reminder."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import select

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.blocks import Reply
from bot.features.pulse.models import RespondentRow
from bot.features.pulse.service import REMIND
from bot.scheduling.models import DeliveryRow
from bot.vocabulary import Person
from tests.bot.features.pulse.conftest import ANSWERS, CohortMessenger, answer, launch, likert
from tests.support.clock import FakeClock

FRIDAY_MORNING = datetime(2026, 12, 4, 13, 0, tzinfo=UTC)  # 08:00 in New York: reminders due


@dataclass
class Snapshots(CohortMessenger):
    """Copies the reminders' ledger rows while a send is in flight (after the claim's
    commit, before the outcome's), as a copy of the database taken then would."""

    runtime: Runtime | None = None
    seen: list[set[tuple[object, ...]]] = field(default_factory=list)

    async def dm(self, person: Person, reply: Reply) -> None:
        """Record the DM, and what the ledger looked like meanwhile."""
        if self.runtime is not None:
            self.seen.append(await reminder_rows(self.runtime))
        await super().dm(person, reply)


async def reminder_rows(runtime: Runtime) -> set[tuple[object, ...]]:
    """Each reminder row without who it is for: what a copy would compare person by person."""
    async with runtime.sessions() as session:
        rows = (await session.execute(select(DeliveryRow).where(
            DeliveryRow.job == REMIND))).scalars().all()
    return {(r.status, r.attempts, r.error, r.payload, r.claimed_at, r.sent_at, r.not_before,
             r.expires_at, r.urgent) for r in rows}


async def test_the_ledger_cannot_tell_who_answered_before_a_release(
        chat: ConsoleChat, coach: Person, runtime: Runtime, pilot: list[Person],
        morning: FakeClock) -> None:
    outbox = Snapshots(channels={"nearpod-pilot": [*pilot, coach]})
    runtime.bot.messengers.add(outbox)
    await launch(chat, coach, runtime)
    for person, points in zip(pilot[:3], ANSWERS, strict=False):  # 3 of 5 needed: sealed
        await answer(chat, outbox, person, likert(*points))
    async with runtime.sessions() as session:
        assert (await session.execute(select(RespondentRow))).first() is None  # no release
    outbox.runtime = runtime  # from now on, every send copies the ledger
    morning.current = FRIDAY_MORNING
    await runtime.dispatcher.tick()
    assert [len(outbox.forms_to(p)) for p in pilot] == [1, 1, 1, 2, 2, 2]  # reminded: 3
    in_flight = [rows for rows in outbox.seen if any(r[0] == "sending" for r in rows)]
    assert in_flight and all(len(rows) == 1 for rows in in_flight), in_flight
    settled = await reminder_rows(runtime)
    assert len(settled) == 1 and next(iter(settled))[:4] == ("sent", 1, "", ""), settled
