"""A pilot's decision buttons move its tool only as the register allows a coach to by hand:
not into adoption or two more weeks once it fails the privacy point, nor from a status a
coach set since; and one decision stands, however many clicks."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import select

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.blocks import Button
from bot.features.pilots.errorlog import ErrorLog
from bot.features.pilots.models import PilotRow
from bot.features.pilots.report import recommend
from bot.features.tools.models import ToolEventRow, ToolRow
from bot.hooks.year import BuyIn
from tests.bot.features.conftest import Staff
from tests.bot.features.pilots.conftest import start


async def reported(chat: ConsoleChat, runtime: Runtime, staff: Staff) -> int:
    """The Blooket pilot, ended, its report with the decision buttons out; its id."""
    await start(chat, staff)
    async with runtime.sessions() as session, session.begin():
        pilot = (await session.execute(select(PilotRow))).scalar_one()
        pilot.status = "reporting"
        return pilot.id


async def decide(chat: ConsoleChat, staff: Staff, pilot: int, choice: str) -> str:
    [said] = await chat.press(Button(choice, "pilots.decide", f"{pilot}:{choice}"),
                              as_=staff.coach)
    return said.text


async def state(runtime: Runtime) -> tuple[str, str]:
    async with runtime.sessions() as session:
        tool = (await session.execute(select(ToolRow.status))).scalar_one()
        pilot = (await session.execute(select(PilotRow.status))).scalar_one()
    return tool, pilot


async def test_a_tool_that_failed_privacy_since_is_neither_adopted_nor_piloted_longer(
        chat: ConsoleChat, runtime: Runtime, staff: Staff) -> None:
    # A red team's (stop 49): "Adopt" on the report adopted it, and "Extend" ran two more
    # weeks of a tool `/pilot start` refuses.
    pilot = await reported(chat, runtime, staff)
    await chat.say("/tools check Blooket privacy fail sells student data", as_=staff.coach)
    adopt, extend = (await decide(chat, staff, pilot, "adopt"),
                     await decide(chat, staff, pilot, "extend"))
    assert "can't be adopted: it failed Data privacy" in adopt
    assert "can't be piloted longer: it failed Data privacy" in extend
    assert await state(runtime) == ("piloting", "reporting")


async def test_a_tool_a_coach_declined_since_is_not_adopted_by_the_report(
        chat: ConsoleChat, runtime: Runtime, staff: Staff) -> None:
    pilot = await reported(chat, runtime, staff)
    await chat.say("/tools status Blooket declined the vendor dropped SSO", as_=staff.coach)
    said = await decide(chat, staff, pilot, "adopt")
    assert said == "Blooket is not approved now, so it can't become approved from here."
    assert await state(runtime) == ("declined", "reporting")


async def test_adopt_and_drop_clicked_at_once_decide_once(
        chat: ConsoleChat, runtime: Runtime, staff: Staff) -> None:
    # A red team's (stop 49, on PostgreSQL): both turns read "reporting" and both stood; the
    # register recorded the tool adopted, then declined. (On SQLite turns never overlap.)
    pilot = await reported(chat, runtime, staff)
    adopt = Button("Adopt", "pilots.decide", f"{pilot}:adopt")
    drop = Button("Drop", "pilots.decide", f"{pilot}:drop")
    told = await asyncio.gather(chat.press(adopt, as_=staff.coach),
                                chat.press(drop, as_=staff.admin))
    said = sorted(reply.text for replies in told for reply in replies)
    assert sum("already decided" in text for text in said) == 1, said
    async with runtime.sessions() as session:
        moves = list((await session.execute(select(ToolEventRow.text).where(
            ToolEventRow.kind == "status").order_by(ToolEventRow.id))).scalars())
    assert len([m for m in moves if "after its pilot" in m]) == 1, moves


@pytest.mark.parametrize(("agreeing", "target", "recommended"), [
    (29, 83, "extend"),  # 58%, exactly 25 points under: as counted, not 57.99999...
    (28, 83, "drop"),  # 56%: far below
    (42, 84, "adopt"),  # 84% meets 84%
])
def test_a_pilots_recommendation_reads_its_buy_in_as_counted(
        agreeing: int, target: int, recommended: str) -> None:
    # A second red team's (stop 57): with the target at 83%, 29 of 50 was "far below".
    post = BuyIn(survey_id=1, wave=2, closed=True, invited=50, answers=50, threshold=5,
                 target=target, agree=agreeing / 50)
    assert recommend(post, ErrorLog())[0] == recommended


def test_a_buy_in_far_below_its_target_is_shown_against_the_line_it_fell_below() -> None:
    # A third red team's (stop 57): 58 of 97 read "60% is far below" while 60% is "extend".
    post = BuyIn(survey_id=1, wave=2, closed=True, invited=97, answers=97, threshold=5,
                 target=85, agree=58 / 97)
    assert recommend(post, ErrorLog()) == (
        "drop", "buy-in 59.7% is far below the 85% target")
