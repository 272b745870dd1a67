"""Red team T: erasing a coach who still runs open work, and what a handover can do after.

The promise (bot/features/admin/handover.py; docs/first-run.md; privacy.md "A coach made a
teacher again"): when a coach leaves, `/prepbot handover @leaving @new` gives their open work
to another coach "so none of it is left with no one to run it"; a coach's notices wait
"until an admin gives her open work to another coach"."""

from __future__ import annotations

from sqlalchemy import select

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.features.cycles.models import CycleRow, CycleStepRow
from bot.people.models import PersonRow
from bot.privacy import delete_person
from bot.roles import Role
from bot.vocabulary import Person
from tests.bot.features.conftest import Staff

PARK = Person(platform="console", user_id="park", display_name="Ms Park")


async def erase(runtime: Runtime, user_id: str) -> None:
    async with runtime.sessions() as session, session.begin():
        await delete_person(session, runtime.bot.privacy, "console", user_id)


async def step_one(runtime: Runtime) -> CycleStepRow:
    async with runtime.sessions() as session:
        return (await session.execute(select(CycleStepRow).where(CycleStepRow.step == 1))
                ).scalar_one()


async def test_an_erased_coachs_cycle_can_still_be_handed_over(
        chat: ConsoleChat, runtime: Runtime, staff: Staff) -> None:
    """Attack: Mr Okafor leaves the district and asks to be erased
    (`prepbot privacy delete console:okafor --yes`) while his cycle with Ms Rivera runs;
    then the admin tries to give his work to Ms Park.
    Observed: the erase neither refuses nor hands the work on; the cycle stays "planned"
    under a tombstone (`erased-<random>`, no name) that no command can name, so
    `/prepbot handover` can never reach it: every way the admin can name him is refused,
    and Rivera keeps answering prompts told "Thanks: your coach has it for the step.",
    which nobody will ever read."""
    await chat.say("hello", as_=PARK)
    await runtime.bot.grant(PARK, Role.COACH)
    await chat.say("/cycle start @Ms Rivera", as_=staff.coach)
    await erase(runtime, "okafor")

    tries = ["/prepbot handover @Mr Okafor @Ms Park", "/prepbot handover okafor @Ms Park"]
    said = [r.text for t in tries for r in await chat.say(t, as_=staff.admin)]
    step = await step_one(runtime)
    [thanks] = await chat.submit("cycles.step", {"goal": "exit tickets daily",
                                                 "target": "explain it"},
                                 str(step.id), as_=staff.rivera)
    async with runtime.sessions() as session:
        coach = await session.scalar(select(PersonRow.user_id).join(
            CycleRow, CycleRow.coach_id == PersonRow.id))
    assert coach == "park", (coach, said, thanks.text)

