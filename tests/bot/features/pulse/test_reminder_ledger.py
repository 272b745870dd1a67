"""Red teams' findings, replayed: a copy of the database told who had answered a pulse before
any release, from the reminder's rows in the delivery ledger. First an answerer's was
`skipped` and everyone else's `sent` (stop 43); then, settled as sent without a send, an
answerer's was written in an earlier commit than the real reminders (stop 48). Now everyone
gets a message on the reminder's day (those who answered, thanks), so the ledger follows only
what the platform answers: at every commit it shows as sent exactly those whose send the
platform had answered."""

from __future__ import annotations

import asyncio
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
class OneByOne(CohortMessenger):
    """Answers the DMs one by one in `order` (user ids), and just before answering each,
    copies who the ledger shows as sent, as a copy of the database taken then would."""

    runtime: Runtime | None = None
    order: list[str] = field(default_factory=list)
    seen: list[tuple[str, set[str]]] = field(default_factory=list)

    async def dm(self, person: Person, reply: Reply) -> None:
        """Wait for this person's turn, copy the ledger, then record the DM."""
        if self.runtime is not None:
            await asyncio.sleep(0.02 * (self.order.index(person.user_id) + 1))
            self.seen.append((person.user_id, await sent_to(self.runtime)))
        await super().dm(person, reply)


async def sent_to(runtime: Runtime) -> set[str]:
    """Whose reminder rows the ledger shows as sent."""
    async with runtime.sessions() as session:
        rows = (await session.execute(select(DeliveryRow).where(
            DeliveryRow.job == REMIND, DeliveryRow.status == "sent"))).scalars().all()
    return {r.recipient.split(":", 1)[1] for r in rows}


async def test_the_ledger_cannot_tell_who_answered_before_a_release(
        chat: ConsoleChat, coach: Person, runtime: Runtime, pilot: list[Person],
        morning: FakeClock) -> None:
    # The platform answers those who have not answered first: a ledger that settled the
    # answerers' rows on its own would show them as sent before any of these.
    outbox = OneByOne(channels={"nearpod-pilot": [*pilot, coach]},
                      order=[p.user_id for p in reversed(pilot)])
    runtime.bot.messengers.add(outbox)
    await launch(chat, coach, runtime)
    for person, points in zip(pilot[:3], ANSWERS, strict=False):  # 3 of 5 needed: sealed
        await answer(chat, outbox, person, likert(*points))
    async with runtime.sessions() as session:
        assert (await session.execute(select(RespondentRow))).first() is None  # no release
    outbox.runtime = runtime  # from now on, every send copies the ledger
    morning.current = FRIDAY_MORNING
    await runtime.dispatcher.tick()
    for at, (_, sent) in enumerate(outbox.seen):  # only what the platform answered before
        assert sent <= set(outbox.order[:at]), (at, sent)
    assert [who for who, _ in outbox.seen] == outbox.order
    assert await sent_to(runtime) == {p.user_id for p in pilot}
    assert [len(outbox.forms_to(p)) for p in pilot] == [1, 1, 1, 2, 2, 2]  # reminded: 3
    thanked = [p.user_id for p in pilot
               if any("Thanks for answering" in r.text for _, who, r in outbox.sent
                      if who == p.user_id)]
    assert thanked == [p.user_id for p in pilot[:3]]
