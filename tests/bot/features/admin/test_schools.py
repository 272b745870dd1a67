"""Admins add schools from chat, with their zone, hours and, when not Monday to Friday, days."""

from __future__ import annotations

from sqlalchemy import select

from adapters.console import ConsoleChat, render
from adapters.runtime import Runtime
from bot.features.tickets.models import TicketRow
from bot.schools.models import SchoolRow
from bot.vocabulary import Person


async def school(runtime: Runtime, name: str) -> SchoolRow:
    """The stored school of that name."""
    async with runtime.sessions() as session:
        return (await session.execute(select(SchoolRow).where(SchoolRow.name == name))).scalar_one()


async def test_a_school_opens_monday_to_friday_unless_its_days_are_given(
        chat: ConsoleChat, admin: Person, runtime: Runtime) -> None:
    await chat.say("/prepbot schools add Lincoln Middle America/Chicago 07:45-15:15", as_=admin)
    await chat.say("/prepbot schools add Sun Valley Weekend Academy America/Chicago "
                   "09:00-12:00 sat-sun", as_=admin)
    await chat.say("/prepbot schools add Night Shift Etc/UTC 00:00-23:59 mon-sun", as_=admin)
    assert (await school(runtime, "Lincoln Middle")).weekdays == "01234"
    assert (await school(runtime, "Sun Valley Weekend Academy")).weekdays == "56"
    assert (await school(runtime, "Night Shift")).weekdays == "0123456"


async def test_a_school_an_admin_adds_is_known_to_the_masker_at_once(
        chat: ConsoleChat, admin: Person, teacher: Person, runtime: Runtime) -> None:
    [before] = await chat.say("/ticket wifi down in the portables at William Ford", as_=teacher)
    await chat.say("/prepbot schools add William Ford Elementary America/Detroit", as_=admin)
    [after] = await chat.say("/ticket wifi down in the portables at William Ford", as_=teacher)

    async with runtime.sessions() as session:
        texts = (await session.execute(select(TicketRow.text).order_by(TicketRow.id))).scalars()
        assert list(texts) == ["wifi down in the portables at [name]",
                               "wifi down in the portables at William Ford"]
    assert "hid a name" in render(before) and "hid" not in render(after)
