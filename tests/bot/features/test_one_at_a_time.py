"""Two coaches deciding the same thing at the same moment make one of it: one open coaching
cycle per teacher, one pilot per tool; two clicks at once that would write the same row are
both answered as if one came after the other. A red team's (stop 49, on PostgreSQL, where
turns run side by side): each turn checked there was none, and both made one, or the second
was told "nothing was saved". On SQLite turns never overlap, so these hold there by
construction. And a coach naming someone names one person, never a guess between two."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import func, select

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.blocks import Button
from bot.features.cycles import planning
from bot.features.cycles.models import CycleRow, CycleStepRow
from bot.features.pilots.models import PilotRow
from bot.features.tools.models import ToolCheckRow, ToolRow, ToolSupportRow
from bot.people.directory import find_person
from bot.people.mentions import MAX_KNOWN
from bot.people.models import PersonRow
from bot.registry import Registry
from bot.roles import Role
from bot.scheduling.models import DeliveryRow
from bot.storage.rows import one_at_a_time
from bot.vocabulary import Person
from tests.bot.features.conftest import Staff, button, form_of

BELL = Person(platform="console", user_id="bell", display_name="Coach Bell")


async def two_coaches(chat: ConsoleChat, runtime: Runtime) -> Person:
    await runtime.bot.grant(BELL, Role.COACH)
    await chat.say("/prepbot school Lincoln Elementary", as_=BELL)
    return BELL


async def test_two_coaches_starting_a_cycle_with_one_teacher_at_once_make_one(
        chat: ConsoleChat, runtime: Runtime, staff: Staff) -> None:
    bell = await two_coaches(chat, runtime)
    await asyncio.gather(chat.say("/cycle start @Mr Chen", as_=staff.coach),
                         chat.say("/cycle start @Mr Chen", as_=bell))
    async with runtime.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(CycleRow)) == 1


async def test_two_coaches_starting_a_pilot_of_one_tool_at_once_make_one(
        chat: ConsoleChat, runtime: Runtime, staff: Staff) -> None:
    bell = await two_coaches(chat, runtime)
    await chat.say("/tools add Blooket", as_=staff.coach)
    await asyncio.gather(
        chat.say("/pilot start Blooket with @Ms Rivera for 4 weeks", as_=staff.coach),
        chat.say("/pilot start Blooket with @Mr Chen for 4 weeks", as_=bell))
    async with runtime.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(PilotRow)) == 1


async def test_plan_the_four_steps_clicked_twice_at_once_plans_once_and_says_so(
        chat: ConsoleChat, runtime: Runtime, staff: Staff) -> None:
    # The same red team's: the second click failed on the steps' unique key and told the coach
    # "nothing was saved"; it now waits for the first, and hears the request was planned.
    async with runtime.sessions() as session, session.begin():
        chen = await find_person(session, "console", "chen")
        assert chen is not None
        request = CycleRow(teacher_id=chen.id, coach_id=None, status="requested",
                           source="Coffee and Curriculum on 9 December", note="",
                           request_key="coffee:1:x", created_at=datetime.now(UTC))
        session.add(request)
        await session.flush()
        ref = str(request.id)
    click = Button("Plan the four steps", "cycles.plan", ref)
    told = await asyncio.gather(*(chat.press(click, as_=staff.coach) for _ in range(2)))
    said = sorted(reply.text for replies in told for reply in replies)
    assert any(text.startswith("That request was already planned") for text in said), said
    assert not any("went wrong" in text for text in said)
    async with runtime.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(CycleStepRow)) == 4


async def test_two_teachers_requesting_one_new_tool_at_once_are_both_counted(
        chat: ConsoleChat, runtime: Runtime, staff: Staff) -> None:
    rivera, chen = staff.teachers[0], staff.teachers[1]
    click = Button("Request Gimkit", "tools.request", "Gimkit")
    told = await asyncio.gather(chat.press(click, as_=rivera), chat.press(click, as_=chen),
                                chat.press(click, as_=chen))
    said = [reply.text for replies in told for reply in replies]
    assert not any("went wrong" in text for text in said), said
    async with runtime.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(ToolRow)) == 1
        assert await session.scalar(select(func.count()).select_from(ToolSupportRow)) == 2


async def test_the_checklist_form_sent_twice_at_once_is_saved_once_and_says_so(
        chat: ConsoleChat, runtime: Runtime, staff: Staff) -> None:
    await chat.say("/tools add Gimkit", as_=staff.coach)
    async with runtime.sessions() as session:
        tool_id = await session.scalar(select(ToolRow.id).where(ToolRow.name == "Gimkit"))
    points = {point: "pass" for point in ("privacy", "sso", "accessibility", "cost", "mobile")}
    told = await asyncio.gather(*(chat.submit("tools.checklist", points, str(tool_id),
                                              as_=staff.coach) for _ in range(2)))
    said = [reply.text for replies in told for reply in replies]
    assert all(text.startswith("Checklist for Gimkit saved") for text in said), said
    async with runtime.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(ToolCheckRow)) == 6


async def test_a_name_two_people_share_is_asked_about_not_guessed(
        chat: ConsoleChat, runtime: Runtime, staff: Staff) -> None:
    # A red team's (stop 49): `/cycle start Ms Patel` planned the cycle with whichever "Ms
    # Patel" had written to prepbot first (a Teams @mention is told apart by its id:
    # tests/adapters/teams/test_mentions.py).
    for user_id in ("patel-lincoln", "patel-hillside"):
        await chat.say("hello", as_=Person(platform="console", user_id=user_id,
                                           display_name="Ms Patel"))
    [cycle] = await chat.say("/cycle start @Ms Patel", as_=staff.coach)
    await chat.say("/tools add Blooket", as_=staff.coach)
    [pilot] = await chat.say("/pilot start Blooket with @Ms Patel @Mr Chen for 4 weeks",
                             as_=staff.coach)
    for told in (cycle, pilot):
        assert "More than one person here is called “Ms Patel”" in told.text
    async with runtime.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(CycleRow)) == 0


async def test_a_tools_owner_named_like_two_coaches_is_asked_about(
        chat: ConsoleChat, runtime: Runtime, staff: Staff) -> None:
    # A red team's (stop 50): the edit form's Owner took the first coach of that name.
    for user_id in ("patel-lincoln", "patel-hillside"):
        patel = Person(platform="console", user_id=user_id, display_name="Ms Patel")
        await chat.say("hello", as_=patel)
        await runtime.bot.grant(patel, Role.COACH)
    await chat.say("/tools add Blooket adopted", as_=staff.coach)
    [card] = await chat.say("/tools Blooket", as_=staff.coach)
    [edit] = await chat.press(button(card, "Edit"), as_=staff.coach)
    form = form_of([edit])
    values = {f.name: f.initial or "" for f in form.fields} | {"owner": "Ms Patel"}
    [told] = await chat.submit("tools.edit", values, form.context, as_=staff.coach)
    assert told.text.startswith("More than one coach here is called 'Ms Patel'")
    async with runtime.sessions() as session:
        owner = await session.scalar(select(PersonRow.user_id).join(
            ToolRow, ToolRow.owner_id == PersonRow.id))
    assert owner == staff.coach.user_id


async def test_a_name_not_known_yet_is_not_taken_for_a_shorter_one_inside_it(
        chat: ConsoleChat, runtime: Runtime, staff: Staff) -> None:
    # A red team's (stop 50): Ms Rivera Ortiz had not written to prepbot; her cycle went to
    # Ms Rivera.
    [told] = await chat.say("/cycle start Ms Rivera Ortiz", as_=staff.coach)
    assert told.text.startswith("I don't know “Ortiz” here")
    async with runtime.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(CycleRow)) == 0


async def test_a_shared_name_is_asked_about_among_more_people_than_are_scanned(
        chat: ConsoleChat, runtime: Runtime, staff: Staff) -> None:
    # A red team's (stop 50): past the first MAX_KNOWN people, a namesake went uncounted.
    async with runtime.sessions() as session, session.begin():
        session.add(PersonRow(platform="console", user_id="patel-lincoln",
                              display_name="Ms Patel", created_at=datetime.now(UTC)))
        session.add_all(PersonRow(platform="console", user_id=f"staff{n}",
                                  display_name=f"Staff Member {n}", created_at=datetime.now(UTC))
                        for n in range(MAX_KNOWN))
    await chat.say("hello", as_=Person(platform="console", user_id="patel-hillside",
                                       display_name="Ms Patel"))
    [told] = await chat.say("/cycle start Ms Patel", as_=staff.coach)
    assert "More than one person here is called “Ms Patel”" in told.text


@pytest.mark.parametrize("words", ["/tools check Blooket privacy fail it sells student data",
                                   "/tools status Blooket adopted"])
async def test_a_tools_checklist_and_its_moves_take_turns(
        chat: ConsoleChat, runtime: Runtime, staff: Staff, words: str) -> None:
    # A red team's (stop 50): "Adopt" read the checklist while a privacy "fail" was being
    # recorded, and the tool was adopted having failed. A turn on a tool now waits for another
    # one deciding about it (here held by hand) to commit.
    if runtime.engine.dialect.name != "postgresql":
        pytest.skip("turns run side by side only on PostgreSQL; SQLite has one writer")
    await chat.say("/tools add Blooket", as_=staff.coach)
    async with runtime.sessions() as session:
        tool_id = await session.scalar(select(ToolRow.id))
    async with runtime.sessions() as deciding, deciding.begin():
        await one_at_a_time(deciding, f"tool:{tool_id}")
        turn = asyncio.create_task(chat.say(words, as_=staff.coach))
        await asyncio.sleep(0.5)
        assert not turn.done()
    [told] = await turn
    assert "Blooket" in told.text


async def test_a_step_moved_while_its_cycle_is_handed_over_is_reminded_to_the_new_coach(
        chat: ConsoleChat, runtime: Runtime, staff: Staff,
        monkeypatch: pytest.MonkeyPatch) -> None:
    # A red team's (stop 51): "Another time" read the cycle, the handover committed while it
    # looked for a slot, and the moved step's reminder went to the coach who had left.
    if runtime.engine.dialect.name != "postgresql":
        pytest.skip("turns run side by side only on PostgreSQL; SQLite has one writer")
    park = Person(platform="console", user_id="park", display_name="Ms Park")
    await chat.say("hello", as_=park)
    await runtime.bot.grant(park, Role.COACH)
    await chat.say("/cycle start @Ms Rivera", as_=staff.coach)
    async with runtime.sessions() as session:
        step = (await session.execute(select(CycleStepRow).where(CycleStepRow.step == 1))
                ).scalar_one()
    looking, real = asyncio.Event(), Registry.booked

    async def slow_booked(*args: Any, **kwargs: Any) -> Any:
        looking.set()
        await asyncio.sleep(0.5)  # the handover comes now
        return await real(*args, **kwargs)

    monkeypatch.setattr(Registry, "booked", slow_booked)

    async def handover() -> None:
        await looking.wait()
        await chat.say("/prepbot handover @Mr Okafor @Ms Park", as_=staff.admin)

    await asyncio.gather(chat.press(Button("Another time", "cycles.move", str(step.id)),
                                    as_=staff.rivera), handover())
    async with runtime.sessions() as session:
        moved = await session.get(CycleStepRow, step.id)
        assert moved is not None and moved.revision == step.revision + 1
        reminded = (await session.execute(select(PersonRow.user_id).join(
            DeliveryRow, DeliveryRow.person_id == PersonRow.id).where(
            DeliveryRow.job == planning.REMIND, DeliveryRow.status == "pending",
            DeliveryRow.occurrence == f"s{step.id}r{moved.revision}"))).scalars().all()
    assert reminded == ["park"]
