"""People are recorded once, even when their first two requests arrive at the same moment; an
admin by PREPBOT_ADMINS is one only while it lists them."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from sqlalchemy import func, select

from adapters.console import ConsoleChat
from adapters.runtime import Runtime, build_runtime
from bot.app import Bot
from bot.people.directory import set_role
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
    # Red teams' (stop 51): her first turn stored "admin", and nothing took it back; she kept
    # giving roles (and would read every survey) after the operator removed her. Then: an
    # admin given the role by hand and listed too lost it; one made before the marking stayed.
    chat = ConsoleChat(runtime.bot)
    ada, lee, kim = (Person(platform="console", user_id=key, display_name=key)
                     for key in ("ada", "lee", "kim"))
    await chat.say("/prepbot whoami", as_=ada)  # the list's doing
    await runtime.bot.grant(lee, Role.ADMIN)  # by hand
    await runtime.bot.grant(kim, Role.ADMIN)  # by hand, and listed too
    async with runtime.sessions() as session, session.begin():
        made_before = await set_role(session, "console", "old", Role.ADMIN, clock.current)
        made_before.admin_by = None  # as every admin made before migration 0025
    listed = settings.model_copy(update={"admins": "console:ada,console:kim,console:old"})
    await restart(listed, clock, knowledge_base, lambda bot: ConsoleChat(bot).say(
        "/prepbot whoami", as_=kim))
    roles = await restart(settings.model_copy(update={"admins": ""}), clock, knowledge_base,
                          None)
    assert roles == {"ada": "teacher", "lee": "admin", "kim": "admin", "old": "teacher"}


async def test_a_coach_listed_in_prepbot_admins_and_taken_out_is_a_coach_again(
        runtime: Runtime, settings: Settings, clock: FakeClock,
        knowledge_base: KnowledgeBase) -> None:
    # A red team's (stop 52): the role the list had replaced was forgotten, and a working
    # coach came back a teacher, refused at every button of her open work.
    park = Person(platform="console", user_id="park", display_name="Ms Park")
    await runtime.bot.grant(park, Role.COACH)
    listed = settings.model_copy(update={"admins": "console:ada,console:park"})
    assert (await restart(listed, clock, knowledge_base, lambda bot: ConsoleChat(bot).say(
        "/prepbot whoami", as_=park)))["park"] == "admin"
    roles = await restart(settings.model_copy(update={"admins": ""}), clock, knowledge_base,
                          None)
    assert roles["park"] == "coach"


async def test_an_admin_taken_out_of_the_list_who_still_runs_work_is_a_coach_until_it_is_handed(
        runtime: Runtime, settings: Settings, clock: FakeClock,
        knowledge_base: KnowledgeBase) -> None:
    # A red team's (stop 52): a teacher again at the next start, she kept her tool, and its
    # reviews (a coach's messages) were withheld from everyone.
    chat = ConsoleChat(runtime.bot)
    ada, bo = (Person(platform="console", user_id=key, display_name=key) for key in ("ada", "bo"))
    await chat.say("/tools add Blooket", as_=ada)  # the list's admin (console:ada)
    both = settings.model_copy(update={"admins": "console:ada,console:bo"})
    await restart(both, clock, knowledge_base, lambda bot: ConsoleChat(bot).say(
        "/prepbot whoami", as_=bo))
    roles = await restart(settings.model_copy(update={"admins": ""}), clock, knowledge_base,
                          None)
    assert (roles["ada"], roles["bo"]) == ("coach", "teacher")
    # Once it is all handed over, she is what she was before the list: a teacher (the same).
    lee = Person(platform="console", user_id="lee", display_name="Lee")
    await runtime.bot.grant(bo, Role.COACH)
    await runtime.bot.grant(lee, Role.ADMIN)
    [handed] = await chat.say("/prepbot handover @ada @bo", as_=lee)
    assert handed.text == "bo now runs 1 tool that ada ran."
    async with runtime.sessions() as session:
        assert (await session.execute(select(PersonRow.role).where(
            PersonRow.user_id == "ada"))).scalar_one() == "teacher"


async def test_an_operators_command_without_the_list_leaves_the_lists_admins_as_they_are(
        runtime: Runtime, settings: Settings, clock: FakeClock,
        knowledge_base: KnowledgeBase) -> None:
    # A red team's (stop 52): a shell without PREPBOT_ADMINS (a cron job's, an export) made
    # every admin the list had made a teacher, and `roles set` there said "done" for a
    # demotion the server undid at her next message.
    await ConsoleChat(runtime.bot).say("/prepbot whoami", as_=Person(
        platform="console", user_id="ada", display_name="Ada"))  # the list's admin
    lee = Person(platform="console", user_id="lee", display_name="Lee")
    await runtime.bot.grant(lee, Role.ADMIN)
    unlisted = settings.model_copy(update={"admins": ""})
    said: list[str] = []

    async def demote(bot: Bot) -> None:
        [reply] = await ConsoleChat(bot).say("/prepbot role console:ada teacher", as_=lee)
        said.append(reply.text)

    roles = await restart(unlisted, clock, knowledge_base, demote, follow_admins=False)
    assert roles["ada"] == "admin"
    assert said[0].startswith("console:ada is named in PREPBOT_ADMINS")


async def restart(settings: Settings, clock: FakeClock, knowledge_base: KnowledgeBase,
                  then: Callable[[Bot], Awaitable[object]] | None,
                  follow_admins: bool = True) -> dict[str, str]:
    """prepbot started again on the same database with these settings (as the server, or as
    an operator's command with `follow_admins` off): everyone's role."""
    restarted = await build_runtime(settings, clock=clock, kb=knowledge_base.fork(),
                                    migrate=False, follow_admins=follow_admins)
    try:
        if then is not None:
            await then(restarted.bot)
        async with restarted.sessions() as session:
            return {user_id: role for user_id, role in await session.execute(
                select(PersonRow.user_id, PersonRow.role))}
    finally:
        await restarted.scheduler.stop()
        await restarted.bot.close()
        await restarted.engine.dispose()
