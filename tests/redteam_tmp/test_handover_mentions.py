"""Red team T: who `/prepbot handover` reads as leaving and as taking, when one of the two
is an @mention the platform resolved and the other is typed.

The promise (docs/first-run.md): `/prepbot handover @leaving-coach @new-coach` gives the
first one's open work to the second ("the first one's open coaching cycles, pilots, tools
and pulse surveys go to the second", its usage line). Typed names are matched to people
prepbot knows (bot/people/mentions.py); a coach who has left the district is typically no
longer in Slack or Teams, so the admin cannot pick her from the @-list and types her name."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.features.cycles.models import CycleRow
from bot.people.models import PersonRow
from bot.roles import Role
from bot.vocabulary import Conversation, Message, Person
from tests.bot.features.conftest import Staff

PARK = Person(platform="console", user_id="UPARK01", display_name="Ms Park")


async def cycles_by_coach(runtime: Runtime) -> dict[str, str]:
    """Each cycle's teacher and coach, by user id."""
    async with runtime.sessions() as session:
        rows = (await session.execute(select(CycleRow.teacher_id, CycleRow.coach_id))).all()
        names = {p.id: p.user_id for p in (await session.execute(select(PersonRow))).scalars()}
    return {names[teacher]: names[coach] for teacher, coach in rows}


async def two_coaches_with_cycles(chat: ConsoleChat, runtime: Runtime, staff: Staff) -> None:
    await runtime.bot.grant(PARK, Role.COACH)
    await chat.say("/prepbot school Lincoln Elementary", as_=PARK)
    await chat.say("/cycle start @Ms Rivera", as_=staff.coach)  # Okafor's, leaving
    await chat.say("/cycle start @Dr Diaz", as_=PARK)  # Park's own


async def test_a_typed_leaving_coach_and_a_slack_mention_of_the_new_one(
        chat: ConsoleChat, runtime: Runtime, staff: Staff) -> None:
    """Attack (Slack's shape: `/prepbot` is escaped, so a picked @Ms Park arrives as
    `<@UPARK01|ms.park>`, while Okafor, gone from the workspace, is typed): the admin sends
    `/prepbot handover @Mr Okafor <@UPARK01|ms.park>`.
    Observed: `named_people` adds Slack mentions first and typed names after, so Park is
    read as the leaving coach: her own cycle with Dr Diaz goes to Okafor ("Mr Okafor now
    runs 1 coaching cycle that Ms Park ran."), and Okafor's stays his."""
    await two_coaches_with_cycles(chat, runtime, staff)
    [told] = await chat.say("/prepbot handover @Mr Okafor <@UPARK01|ms.park>", as_=staff.admin)
    assert await cycles_by_coach(runtime) == {"rivera": "UPARK01", "diaz": "UPARK01"}, \
        told.text


async def test_a_typed_leaving_coach_and_a_teams_mention_of_the_new_one(
        chat: ConsoleChat, runtime: Runtime, staff: Staff) -> None:
    """Attack (Teams' shape: the text keeps the names, `mentioned` carries Ms Park's id):
    `handover @Mr Okafor @Ms Park` with only Ms Park a real mention.
    Observed: mentions are added before the typed names whatever their place in the text,
    so the work goes the wrong way, from Park to Okafor."""
    await two_coaches_with_cycles(chat, runtime, staff)
    message = Message(text="/prepbot handover @Mr Okafor @Ms Park", mentioned=(PARK,),
                      person=staff.admin, event_id=str(uuid.uuid4()),
                      conversation=Conversation(platform="console", id="dm-ada"))
    [told] = await chat.send(runtime.bot.command_from_text(message))
    assert await cycles_by_coach(runtime) == {"rivera": "UPARK01", "diaz": "UPARK01"}, \
        told.text
