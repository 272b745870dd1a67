"""`prepbot privacy export` of a teacher who asked for a tool: her words, never its figures."""

from __future__ import annotations

import json

from sqlalchemy import select

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.features.pulse.models import SurveyRow
from bot.features.tools import adoption
from bot.features.tools.models import ToolRow
from bot.privacy import export_person
from bot.vocabulary import Person
from tests.bot.features.pulse.conftest import MONDAY_MORNING, closed_wave, cohort_of
from tests.support.clock import FakeClock


async def test_a_teachers_privacy_export_does_not_hand_her_the_pulse_buy_in(
        chat: ConsoleChat, coach: Person, runtime: Runtime, clock: FakeClock) -> None:
    # A red team's (stop 57): a wave's figures are its coach's (and admins') alone; knowing
    # her own answer, a teacher reads her colleagues' in "buy-in 20%" (she agreed, so the
    # other four did not). Her export held the `tools` row she asked for, figures and all.
    clock.current = MONDAY_MORNING
    teachers, outbox = cohort_of(runtime, coach, 5)
    await chat.say("/tools request Nearpod: exit tickets", as_=teachers[0])
    await closed_wave(chat, coach, runtime, outbox, teachers, agreeing=1)
    async with runtime.sessions() as session:
        survey_id = (await session.execute(select(SurveyRow.id))).scalar_one()
    await chat.say("/tools status Nearpod adopted", as_=coach)
    [linked] = await chat.say(f"/tools link Nearpod pulse {survey_id}", as_=coach)
    assert "inked" in linked.text, linked.text
    async with runtime.sessions() as session, session.begin():  # the daily count
        tool = (await session.execute(select(ToolRow))).scalar_one()
        await adoption.refresh(session, runtime.bot.features, tool, clock.current)
        assert tool.figures["buy_ins"], "the register counted the wave's buy-in"

    async with runtime.sessions() as session:
        exported = await export_person(session, runtime.bot.privacy, "console", "t1")
    tools = json.dumps(exported["tables"].get("tools", []))
    assert "buy_ins" not in tools and "0.2" not in tools, tools
    assert "exit tickets" in tools, "her own words in the row are still hers to read"


async def test_a_teachers_privacy_export_holds_none_of_the_coachs_use_figures(
        chat: ConsoleChat, coach: Person, runtime: Runtime) -> None:
    # A second red team's (stop 57): the coach's count of who uses the tool, shown on the
    # staff card only, and the review it raises were still in her row.
    rivera = Person(platform="console", user_id="rivera", display_name="Ms Rivera")
    await chat.say("/tools request Nearpod: exit tickets", as_=rivera)
    await chat.say("/tools status Nearpod adopted", as_=coach)
    await chat.say("/tools use Nearpod 7 of 40", as_=coach)

    async with runtime.sessions() as session:
        exported = await export_person(session, runtime.bot.privacy, "console", "rivera")

    [row] = exported["tables"]["tools"]
    assert row["purpose"].endswith("exit tickets"), row
    assert not {"use_figure", "intended", "flagged_on", "figures"} & set(row), row
