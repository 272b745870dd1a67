"""`/prepbot role`: an admin's role change holds, or is refused with why and changes nothing
(a red team's, stop 52: a demotion PREPBOT_ADMINS undid at the next message was "done", a
mistyped id demoted no one and stored a stranger, a coach made a teacher left her work with
no one, and an admin routed tickets to her DM and kept reading them once a teacher)."""

from __future__ import annotations

from sqlalchemy import select

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.people.models import PersonRow
from bot.privacy import delete_person
from bot.roles import Role
from bot.vocabulary import Person
from tests.support.recording import RecordingMessenger

BOSS = Person(platform="console", user_id="boss", display_name="Dr Boss")


async def roles(runtime: Runtime) -> dict[str, str]:
    """Every stored person's role, by platform:user_id."""
    async with runtime.sessions() as session:
        return {f"{p.platform}:{p.user_id}": p.role
                for p in (await session.execute(select(PersonRow))).scalars()}


async def test_an_admin_named_in_prepbot_admins_is_not_demoted_by_chat(
        chat: ConsoleChat, runtime: Runtime, admin: Person) -> None:
    await chat.say("hello", as_=admin)
    await runtime.bot.grant(BOSS, Role.ADMIN)
    [refused] = await chat.say("/prepbot role console:ada teacher", as_=BOSS)
    assert refused.text.startswith("console:ada is named in PREPBOT_ADMINS")
    assert (await roles(runtime))["console:ada"] == Role.ADMIN


async def test_an_id_typed_in_another_case_names_the_person_stored(
        chat: ConsoleChat, runtime: Runtime, admin: Person, coach: Person) -> None:
    [done] = await chat.say("/prepbot role Console:okafor teacher", as_=admin)
    assert done.text == "Console:okafor is now a teacher."
    assert (await roles(runtime))["console:okafor"] == Role.TEACHER
    assert "Console:okafor" not in await roles(runtime)


async def test_taking_a_role_from_someone_never_met_is_refused_and_stores_no_one(
        chat: ConsoleChat, runtime: Runtime, admin: Person) -> None:
    [refused] = await chat.say("/prepbot role console:okafr teacher", as_=admin)
    assert refused.text.startswith("No one is stored as console:okafr")
    assert "console:okafr" not in await roles(runtime)
    [granted] = await chat.say("/prepbot role slack:u0123abcd coach", as_=admin)
    assert granted.text == "slack:u0123abcd is now a coach."  # before they write: kept
    assert (await roles(runtime))["slack:U0123ABCD"] == Role.COACH


async def test_a_coach_who_still_runs_work_is_made_a_teacher_only_once_it_is_handed_over(
        chat: ConsoleChat, runtime: Runtime, admin: Person, coach: Person) -> None:
    await chat.say("/tools add Blooket", as_=coach)
    [refused] = await chat.say("/prepbot role console:okafor teacher", as_=admin)
    assert refused.text == ("console:okafor still runs 1 tool: hand it to another coach first "
                            "(`/prepbot handover @leaving @new`). Nothing was changed.")
    assert (await roles(runtime))["console:okafor"] == Role.COACH
    await chat.say("/prepbot role console:okafor coach", as_=admin)  # no change: allowed
    await chat.say("hello", as_=BOSS)
    await runtime.bot.grant(BOSS, Role.COACH)
    [handed] = await chat.say("/prepbot handover @Mr Okafor @Dr Boss", as_=admin)
    assert handed.text == "Dr Boss now runs 1 tool that Mr Okafor ran."
    [done] = await chat.say("/prepbot role console:okafor teacher", as_=admin)
    assert done.text == "console:okafor (Mr Okafor) is now a teacher."


async def test_tickets_routed_to_a_dm_stop_there_once_its_owner_is_no_longer_staff(
        chat: ConsoleChat, runtime: Runtime, admin: Person, teacher: Person) -> None:
    messenger = RecordingMessenger()
    runtime.bot.messengers.add(messenger)
    await runtime.bot.grant(BOSS, Role.ADMIN)
    await chat.say("/prepbot settings route default here", as_=BOSS)
    await chat.say("/ticket the document camera in room 12 shows nothing", as_=teacher)
    assert any("document camera" in r.text for r in messenger.posted("dm-boss"))
    await chat.say("/prepbot role console:boss teacher", as_=admin)
    await chat.say("/ticket the zebra4417 projector in room 14 flickers", as_=teacher)
    assert not any("zebra4417" in r.text for r in messenger.posted("dm-boss"))


async def test_a_category_routed_to_a_dm_falls_back_to_the_default_route_when_it_goes_dead(
        chat: ConsoleChat, runtime: Runtime, admin: Person, teacher: Person) -> None:
    # Red teams' (stop 52): once the DM's owner was a teacher, that category's tickets were
    # posted nowhere though a default route was set; once she was erased, they went on
    # reaching her DM (the erase had deleted the conversation's row).
    messenger = RecordingMessenger()
    runtime.bot.messengers.add(messenger)
    await chat.say("/prepbot settings route default here", as_=admin)
    await runtime.bot.grant(BOSS, Role.ADMIN)
    await chat.say("/prepbot settings route hardware here", as_=BOSS)
    await chat.say("/prepbot role console:boss teacher", as_=admin)
    await chat.say("/ticket the document camera in room 12 is broken", as_=teacher)
    assert any("document camera" in r.text for r in messenger.posted("dm-ada"))
    await chat.say("/prepbot role console:boss admin", as_=admin)
    async with runtime.sessions() as session, session.begin():
        await delete_person(session, runtime.bot.privacy, "console", "boss")
    await chat.say("/ticket the zebra4417 projector in room 14 is broken", as_=teacher)
    assert not any("zebra4417" in r.text for r in messenger.posted("dm-boss"))
    assert any("zebra4417" in r.text for r in messenger.posted("dm-ada"))
