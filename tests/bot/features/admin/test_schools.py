"""Admins add schools from chat, with their zone, hours and, when not Monday to Friday, days."""

from __future__ import annotations

import json

from sqlalchemy import select

from adapters.console import ConsoleChat, render
from adapters.runtime import Runtime
from bot.blocks import Button
from bot.features.tickets.models import TicketRow
from bot.privacy import export_person
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


# A red team's (AX, stop 59), end to end: what a teacher types is masked "before [it is] stored"
# (docs/masking.md); an admin adding the district's school (`/prepbot schools add`, the
# commit's own flow) must not make the stored ticket hold a student's name.
async def test_a_stored_ticket_keeps_no_student_named_like_a_school(
        chat: ConsoleChat, admin: Person, teacher: Person, runtime: Runtime) -> None:
    await chat.say("/prepbot schools add Parker Hill Elementary America/Detroit", as_=admin)
    await chat.say("/ticket Found a vape in Parker Hill's backpack, his mom is coming in",
                   as_=teacher)

    async with runtime.sessions() as session:
        texts = list((await session.execute(select(TicketRow.text))).scalars())
    assert texts == ["Found a vape in [name]'s backpack, his mom is coming in"]


# A red team's (AX, stop 59): "an export masks students in every text, even where a teacher
# kept them" (bot/privacy/export.py, red team stop 44), and nothing stored before is changed by the
# masker learning a school. A ticket kept as typed is masked again at each export, with the
# schools known *then*: once an admin adds a school sharing the student's name (or, as an
# insider, a "school" made up for the purpose), the coach's export of a ticket written long
# before holds the student's name.
async def test_adding_a_school_does_not_unmask_an_older_ticket_kept_as_typed_in_an_export(
        chat: ConsoleChat, admin: Person, teacher: Person, coach: Person,
        runtime: Runtime) -> None:
    kept = "Found a vape in Parker Hill's backpack, his mom is coming in"
    await chat.submit("tickets.new", {"text": kept, "room": "12", "category": "accounts",
                                      "identifiers": "keep"}, "kept-1", as_=teacher)
    await chat.press(Button("Claim", "tickets.claim", "1"), as_=coach)
    rules = runtime.bot.privacy
    async with runtime.sessions() as session:
        before = await export_person(session, rules, "console", coach.user_id)
    [claimed] = before["tables"]["tickets"]
    assert claimed["text"] == "Found a vape in [name]'s backpack, his mom is coming in"
    assert "Parker Hill" not in json.dumps(before)  # holds before any school is known

    await chat.say("/prepbot schools add Parker Hill Elementary America/Detroit", as_=admin)
    async with runtime.sessions() as session:
        after = await export_person(session, rules, "console", coach.user_id)
    [claimed] = after["tables"]["tickets"]
    assert claimed["text"] == "Found a vape in [name]'s backpack, his mom is coming in"
    assert "Parker Hill" not in json.dumps(after)
