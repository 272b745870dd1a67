"""Where a feature asks for a number, a superscript ("²", a digit to Python that int() refuses)
or a number too long to store is answered with a sentence, and nothing is saved. A red team's
(stop 49): each was a traceback, and on Slack no answer at all."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.features.pilots.models import CheckinRow, PilotRow
from bot.features.portfolio.models import WorkshopRow
from tests.bot.features.conftest import Staff, form_of
from tests.bot.features.pilots.conftest import start


@pytest.mark.parametrize("command", [
    "/tools use Blooket ² of 40", "/tools use Blooket 12 of ²", "/tools link Blooket pulse ²",
    "/tools use Blooket 99999999999 of 40"])
async def test_a_coachs_command_with_a_bad_number_is_answered(
        chat: ConsoleChat, staff: Staff, command: str) -> None:
    await chat.say("/tools add Blooket", as_=staff.coach)
    [told] = await chat.say(command, as_=staff.coach)
    assert told.text and "went wrong" not in told.text


@pytest.mark.parametrize("attendees", ["²", "99999999999"])
async def test_a_workshop_with_a_bad_attendance_is_refused(
        chat: ConsoleChat, runtime: Runtime, staff: Staff, attendees: str) -> None:
    [shown] = await chat.say("/portfolio workshop", as_=staff.coach)
    [told] = await chat.submit("portfolio.workshop", {
        "title": "Nearpod basics", "kind": "pd", "held_on": "2026-10-02", "hours": "1",
        "attendees": attendees}, form_of([shown]).context, as_=staff.coach)
    assert told.text == "Attendees: a whole number, e.g. 14."
    async with runtime.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(WorkshopRow)) == 0


async def test_a_check_in_for_a_week_that_is_no_number_is_refused(
        chat: ConsoleChat, runtime: Runtime, staff: Staff) -> None:
    await start(chat, staff)
    async with runtime.sessions() as session:
        pilot = (await session.execute(select(PilotRow.id))).scalar_one()
    [told] = await chat.submit("pilots.checkin", {"text": "it froze"}, f"{pilot}:²",
                               as_=staff.rivera)
    assert told.text and "went wrong" not in told.text
    async with runtime.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(CheckinRow)) == 0
