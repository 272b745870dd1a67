"""Red team T (found while reading who was invited to a survey, for the handover): how long
the delivery ledger keeps "who got what when".

The promise (docs/privacy.md, "What is stored", delivery ledger): "settled rows are deleted
after `ticket_retention_days`"."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.scheduling.models import DeliveryRow
from bot.vocabulary import Person
from tests.bot.features.pulse.conftest import CHANNEL, CohortMessenger, launch
from tests.support.clock import FakeClock


async def test_the_ledger_follows_ticket_retention_days_as_the_privacy_note_says(
        chat: ConsoleChat, coach: Person, admin: Person, runtime: Runtime,
        outbox: CohortMessenger, pilot: list[Person], morning: FakeClock) -> None:
    """Attack: a district's privacy officer reads privacy.md and shortens
    `ticket_retention_days` to 30 to keep the ledger of who was messaged for 30 days; a
    pulse's invitations go out; 60 days pass.
    Observed: the six sent invitations (recipient, job, time) are all still in `deliveries`:
    the ledger follows `delivery_retention_days` (365), which privacy.md never names."""
    await chat.say("/prepbot settings ticket_retention_days 30", as_=admin)
    await launch(chat, coach, runtime, f"Nearpod #{CHANNEL} closes friday")
    morning.current += timedelta(days=60)
    await runtime.dispatcher.tick()
    async with runtime.sessions() as session:
        kept = await session.scalar(select(func.count()).select_from(DeliveryRow).where(
            DeliveryRow.status == "sent", DeliveryRow.job == "pulse.invite"))
    assert kept == 0, f"{kept} sent invitations kept 60 days after the 30-day retention"
