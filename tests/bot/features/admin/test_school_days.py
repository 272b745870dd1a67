"""An admin's school form takes its open days and hours in English or Spanish words, and a
Spanish-speaking admin reads them back in Spanish."""

from __future__ import annotations

from datetime import time

from sqlalchemy import select

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.blocks import Form
from bot.schools.models import SchoolRow
from bot.vocabulary import Person


async def saved(runtime: Runtime, name: str) -> SchoolRow:
    async with runtime.sessions() as session:
        return (await session.execute(select(SchoolRow).where(SchoolRow.name == name))
                ).scalar_one()


async def test_the_school_form_takes_spanish_days_and_times(
        chat: ConsoleChat, runtime: Runtime, admin: Person) -> None:
    await chat.say("/prepbot language es", as_=admin)
    await chat.submit("admin.school", {"name": "Academia Sabatina", "tz": "America/Chicago",
                                       "opens": "9:00 a. m.", "closes": "1:30 p. m.",
                                       "days": "sáb y dom"}, "new:1", as_=admin)
    school = await saved(runtime, "Academia Sabatina")
    assert (school.opens, school.closes, school.weekdays) == (time(9), time(13, 30), "56")
    [listing] = await chat.say("/prepbot schools", as_=admin)
    assert "sáb y dom" in listing.text or "sáb y dom" in str(listing.blocks)
    [edit] = await chat.click("Editar Academia Sabatina", as_=admin)
    form = next(b for b in edit.blocks if isinstance(b, Form))
    days = next(f for f in form.fields if f.name == "days")
    assert days.initial == "sáb y dom"  # type: ignore[union-attr]


async def test_an_english_admin_may_type_spanish_days_too(
        chat: ConsoleChat, runtime: Runtime, admin: Person) -> None:
    await chat.submit("admin.school", {"name": "Lincoln", "tz": "America/Chicago",
                                       "opens": "07:30", "closes": "15:00",
                                       "days": "lun-vie"}, "new:2", as_=admin)
    assert (await saved(runtime, "Lincoln")).weekdays == "01234"


async def test_a_school_added_from_chat_takes_its_open_days_in_either_language(
        chat: ConsoleChat, runtime: Runtime, admin: Person) -> None:
    await chat.say("/prepbot schools add Academia Sabatina America/Chicago 09:00-13:00 sáb,dom",
                   as_=admin)
    await chat.say("/prepbot schools add Sun Valley Middle America/Denver lun-vie", as_=admin)
    assert (await saved(runtime, "Academia Sabatina")).weekdays == "56"
    valley = await saved(runtime, "Sun Valley Middle")  # a lone day's name stays in the name
    assert valley.weekdays == "01234"
