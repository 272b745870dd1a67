"""People are recorded once, even when their first two requests arrive at the same moment."""

from __future__ import annotations

import asyncio

from sqlalchemy import func, select

from adapters.runtime import Runtime
from bot.people.models import ConversationRow, PersonRow
from bot.vocabulary import Conversation, Message, Person


async def test_two_first_requests_at_once_both_succeed_and_record_one_person(
        runtime: Runtime) -> None:
    newcomer = Person(platform="slack", user_id="UNEW", display_name="New Teacher")
    where = Conversation(platform="slack", id="DNEW")
    messages = [Message(person=newcomer, conversation=where, event_id=f"Ev{i}",
                        text="the projector says no signal") for i in range(4)]
    answers = await asyncio.gather(*(runtime.bot.handle(m) for m in messages))
    assert all("No signal" in replies[0].text for replies in answers)
    async with runtime.sessions() as session:
        people = await session.execute(select(func.count()).select_from(PersonRow))
        conversations = await session.execute(select(func.count()).select_from(ConversationRow))
        assert (people.scalar_one(), conversations.scalar_one()) == (1, 1)
