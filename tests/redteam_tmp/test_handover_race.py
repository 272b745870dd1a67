"""Red team T: a handover while the leaving coach's teacher moves a step (PostgreSQL, where
turns run side by side).

The promise (docs/first-run.md; `cycles.service.hand_over`): the handover gives the cycle
"with the reminders of the steps still to come" to the new coach; a turn that would write
what another turn changed meanwhile is run as if after it (docs/reliability.md, stop 50)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from sqlalchemy import select

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.blocks import Button
from bot.features.cycles import planning
from bot.features.cycles.models import CycleRow, CycleStepRow
from bot.people.models import PersonRow
from bot.roles import Role
from bot.scheduling.models import DeliveryRow
from bot.vocabulary import Person
from tests.bot.features.conftest import Staff

PARK = Person(platform="console", user_id="park", display_name="Ms Park")


async def test_a_step_moved_during_the_handover_is_reminded_to_the_new_coach(
        chat: ConsoleChat, runtime: Runtime, staff: Staff,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Attack: Ms Rivera presses "Another time" on step 1 of her cycle with Mr Okafor; while
    her turn looks for a free slot (it has read the cycle, coach and all), the admin's
    `/prepbot handover @Mr Okafor @Ms Park` runs and commits.
    Observed (PostgreSQL): the cycle is Park's, but the moved step's reminder (and "step
    moved" notice) is planned to Okafor; the reminder the handover planned for Park names
    the old revision, so Park is never reminded of step 1 at its new time."""
    if runtime.engine.dialect.name != "postgresql":
        pytest.skip("turns overlap only on PostgreSQL (set PREPBOT_TEST_DATABASE_URL)")
    await chat.say("hello", as_=PARK)
    await runtime.bot.grant(PARK, Role.COACH)
    await chat.say("/cycle start @Ms Rivera", as_=staff.coach)
    async with runtime.sessions() as session:
        step = (await session.execute(select(CycleStepRow).where(CycleStepRow.step == 1))
                ).scalar_one()

    looking, handed = asyncio.Event(), asyncio.Event()
    real = planning.coach_busy

    async def slow_busy(*args: Any, **kwargs: Any) -> Any:
        looking.set()
        await handed.wait()
        return await real(*args, **kwargs)

    monkeypatch.setattr(planning, "coach_busy", slow_busy)

    async def handover() -> None:
        await looking.wait()
        await chat.say("/prepbot handover @Mr Okafor @Ms Park", as_=staff.admin)
        handed.set()

    move = Button("Another time", "cycles.move", str(step.id))
    await asyncio.gather(chat.press(move, as_=staff.rivera), handover())

    async with runtime.sessions() as session:
        moved = await session.get(CycleStepRow, step.id)
        assert moved is not None and moved.revision == step.revision + 1
        coach = await session.scalar(select(PersonRow.user_id).join(
            CycleRow, CycleRow.coach_id == PersonRow.id))
        assert coach == "park"  # the handover stood
        reminders = (await session.execute(select(PersonRow.user_id).join(
            DeliveryRow, DeliveryRow.person_id == PersonRow.id).where(
            DeliveryRow.job == planning.REMIND, DeliveryRow.status == "pending",
            DeliveryRow.occurrence == f"s{step.id}r{moved.revision}"))).scalars().all()
    assert reminders == ["park"], f"step 1's reminder at its new time goes to {reminders}"
