"""People are recorded once, even when their first two requests arrive at the same moment; an
admin by PREPBOT_ADMINS is one only while it lists them."""

from __future__ import annotations

import asyncio

from sqlalchemy import func, select

from adapters.console import ConsoleChat
from adapters.runtime import Runtime, build_runtime
from bot.people.models import ConversationRow, PersonRow
from bot.roles import Role
from bot.settings import Settings
from bot.vocabulary import Conversation, Message, Person
from knowledge import KnowledgeBase
from tests.support.clock import FakeClock


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


async def test_someone_taken_out_of_prepbot_admins_is_an_admin_no_more(
        runtime: Runtime, settings: Settings, clock: FakeClock,
        knowledge_base: KnowledgeBase) -> None:
    # A red team's (stop 51): her first turn stored "admin", and nothing took it back; she
    # kept giving roles (and would read every survey) after the operator removed her.
    chat = ConsoleChat(runtime.bot)
    ada = Person(platform="console", user_id="ada", display_name="Ada")
    lee = Person(platform="console", user_id="lee", display_name="Mr Lee")
    await chat.say("/prepbot whoami", as_=ada)
    await runtime.bot.grant(lee, Role.ADMIN)  # given by hand: kept
    restarted = await build_runtime(settings.model_copy(update={"admins": ""}), clock=clock,
                                    kb=knowledge_base.fork(), migrate=False)
    try:
        async with restarted.sessions() as session:  # demoted before she writes again
            roles = {user_id: role for user_id, role in await session.execute(
                select(PersonRow.user_id, PersonRow.role))}
        assert roles == {"ada": "teacher", "lee": "admin"}
        [said] = await ConsoleChat(restarted.bot).say("/prepbot role console:rivera coach",
                                                      as_=ada)
        assert "only for admins" in said.text
    finally:
        await restarted.scheduler.stop()
        await restarted.bot.close()
        await restarted.engine.dispose()
