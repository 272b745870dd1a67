"""Who is in a cohort is asked of the platform with no database connection held."""

from __future__ import annotations

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.vocabulary import Conversation, Person
from tests.bot.features.coffee.conftest import CohortMessenger, invitations_out
from tests.support.clock import FakeClock


async def test_the_cohort_is_listed_outside_any_transaction(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, outbox: CohortMessenger,
        coach: Person, schools: dict[str, int], lincoln_staff: list[Person]) -> None:
    # Listing a big channel takes minutes of API calls; SQLite's write lock must not wait on it.
    connections_held: list[int] = []
    listing = outbox.members

    async def members(conversation: Conversation) -> list[Person]:
        connections_held.append(runtime.engine.pool.checkedout())  # type: ignore[attr-defined]
        return await listing(conversation)

    outbox.members = members  # type: ignore[method-assign]
    await invitations_out(chat, runtime, clock, coach, schools["lincoln"])

    # Asked twice, holding nothing: once to check the new series' cohort is not empty, once
    # for Wednesday's session.
    assert connections_held == [0, 0]
    assert all(len(outbox.received(p, "☕ Coffee")) == 1 for p in lincoln_staff)
