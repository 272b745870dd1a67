"""Coaches set up, list, pause, edit and cancel series; 1:1 rotation offers prep-period slots."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.blocks import Buttons, Text
from bot.features.coffee.models import CoffeeSeriesRow
from bot.vocabulary import Person
from tests.bot.features.coffee.conftest import (
    INVITED,
    NEW_YORK,
    TUESDAY,
    CohortMessenger,
    button,
    form_in,
    run,
    set_up,
)
from tests.support.clock import FakeClock

MONDAY = datetime(2026, 11, 30, 5, tzinfo=UTC)


async def test_a_coach_sets_up_lists_pauses_edits_and_cancels_a_series(
        chat: ConsoleChat, clock: FakeClock, coach: Person, teacher: Person,
        schools: dict[str, int]) -> None:
    clock.current = MONDAY
    form = form_in(await chat.say("/coffee setup", as_=coach))
    assert {f.name for f in form.fields} >= {"cohort", "days", "cadence", "time", "minutes",
                                             "place", "school", "ends", "invite"}
    [done] = await set_up(chat, coach, schools["lincoln"], days="mon,thu", cadence="2")
    assert "set up" in done.text and "Mon and Thu every two weeks at 7:15" in done.text
    [listing] = await chat.say("/coffee", as_=coach)
    labels = [b.label for blk in listing.blocks if isinstance(blk, Buttons) for b in blk.buttons]
    assert labels == ["Pause", "Edit", "Guests…", "Cancel"]
    await chat.click("Pause", as_=coach)
    [listing] = await chat.say("/coffee", as_=coach)
    assert "(paused)" in listing.blocks[1].text  # type: ignore[union-attr]
    edit = form_in(await chat.click("Edit", as_=coach))
    values = {f.name: f.initial for f in edit.fields if hasattr(f, "initial")}
    [saved] = await chat.submit("coffee.setup", {**values, "time": "7:45"},
                                context=edit.context, as_=coach)
    assert "Saved" in saved.text and "at 7:45" in saved.text
    await chat.say("/coffee", as_=coach)
    [asked] = await chat.click("Cancel", as_=coach)
    assert "for good?" in asked.text and asked.replace_original
    [kept] = await chat.click("No, keep it", as_=coach)
    assert kept.replace_original and "Your Coffee and Curriculum" in kept.text
    [listing] = await chat.say("/coffee", as_=coach)
    assert "no Coffee and Curriculum series yet" not in listing.text
    await chat.click("Cancel", as_=coach)
    await chat.click("Yes, cancel the series", as_=coach)
    [listing] = await chat.say("/coffee", as_=coach)
    assert "no Coffee and Curriculum series yet" in listing.text
    [refused] = await chat.say("/coffee setup", as_=teacher)
    assert "coaches set up" in refused.text


async def test_the_setup_form_explains_what_to_fix(
        chat: ConsoleChat, clock: FakeClock, coach: Person, schools: dict[str, int]) -> None:
    clock.current = MONDAY
    for values, expected in (({"time": "2:30"}, "between 5:00 and 21:00"),
                             ({"cadence": "3"}, "every two weeks"),
                             ({"ends": "2026-01-01"}, "in the past"),
                             ({"time": "7:00", "invite": "morning_of"}, "when school opens")):
        [reply] = await set_up(chat, coach, schools["lincoln"], **values)
        assert expected in reply.text, values


async def test_a_rotation_offers_each_teacher_a_slot_in_their_prep_period(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, outbox: CohortMessenger,
        coach: Person, schools: dict[str, int], lincoln_staff: list[Person]) -> None:
    rivera, chen = lincoln_staff
    await chat.say("/prepbot prep 10:15-11:00 tue,thu", as_=rivera)
    await chat.say("/prepbot prep 10:15-11:00 tue,thu", as_=chen)
    clock.current = MONDAY
    await set_up(chat, coach, schools["lincoln"], mode="rotation", cadence="4")
    await run(runtime, clock, datetime(2026, 11, 30, 17, tzinfo=UTC))  # Monday noon
    offers = {p.user_id: outbox.received(p, "☕ Mr Okafor would love") for p in lincoln_staff}
    [(sent_at, offer)] = offers["rivera"]
    # Offered when school opens (no prep period on Mondays), for her Tuesday prep period.
    assert f"{sent_at.astimezone(ZoneInfo(NEW_YORK)):%a %H:%M}" == "Mon 07:30"
    assert "Tue 1 Dec at 10:15" in offer.text
    [(_, other)] = offers["chen"]
    assert "Tue 1 Dec at 10:35" in other.text  # the coach can't be in two places at once
    [moved] = await chat.press(button(offer, "Another time"), as_=rivera)
    assert "Thu 3 Dec at 10:15" in moved.text and moved.replace_original
    [accepted] = await chat.press(button(moved, "Accept"), as_=rivera)
    assert "It's a date: Thu 3 Dec at 10:15" in accepted.text
    assert any("Ms Rivera accepted a 1:1" in t for t in outbox.to(coach))
    [mine] = await chat.say("/coffee", as_=rivera)
    assert any("1:1 with your coach: Thu 3 Dec at 10:15 (accepted)" in b.text
               for b in mine.blocks if isinstance(b, Text))


async def test_a_spanish_speaking_coach_sets_up_and_is_corrected_in_spanish(
        chat: ConsoleChat, clock: FakeClock, coach: Person, schools: dict[str, int]) -> None:
    clock.current = MONDAY
    await chat.say("/prepbot language es", as_=coach)
    for values, expected in (({"time": "2:30"}, "entre las 5:00 y las 21:00"),
                             ({"cadence": "3"}, "cada dos semanas"),
                             ({"ends": "2026-01-01"}, "El último día ya pasó"),
                             ({"time": "7:00", "invite": "morning_of"},
                              "cuando abre la escuela (7:30)")):
        [reply] = await set_up(chat, coach, schools["lincoln"], **values)
        assert expected in reply.text, values
    [done] = await set_up(chat, coach, schools["lincoln"])
    assert done.text.startswith("¡Café y Currículo quedó configurado!")
    [listing] = await chat.say("/coffee", as_=coach)
    assert listing.text == "Sus series de Café y Currículo"
    line = listing.blocks[1].text  # type: ignore[union-attr]
    assert line.startswith("**Café en grupo** para ") and "mié cada semana a las 7:15" in line
    [paused] = await chat.click("Pausar", as_=coach)
    assert paused.text.startswith("En pausa: no se enviarán invitaciones")
    [unknown] = await chat.say("/coffee tomorrow", as_=coach)
    assert "Conozco `/coffee` (sus sesiones)" in unknown.text


async def test_a_spanish_speaking_coach_sets_up_in_spanish_words(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, coach: Person,
        schools: dict[str, int]) -> None:
    clock.current = MONDAY
    await chat.say("/prepbot language es", as_=coach)
    form = form_in(await chat.say("/coffee setup", as_=coach))
    days = next(f for f in form.fields if f.name == "days")
    assert days.initial == "mié"  # type: ignore[union-attr]
    [done] = await set_up(chat, coach, schools["lincoln"], days="lun y jue", time="3:30 p. m.",
                          ends="el 18 de diciembre")
    async with runtime.sessions() as session:
        [series] = (await session.execute(select(CoffeeSeriesRow))).scalars()
    assert (series.weekdays, series.start_time, series.ends_on) == (
        "03", time(15, 30), date(2026, 12, 18))
    assert "lun y jue" in done.text
    await chat.say("/coffee", as_=coach)
    edit = form_in(await chat.click("Editar", as_=coach))
    assert next(f for f in edit.fields if f.name == "days").initial == (  # type: ignore[union-attr]
        "lun,jue")


async def test_a_place_that_names_a_student_reaches_no_invitation(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, outbox: CohortMessenger,
        coach: Person, schools: dict[str, int], lincoln_staff: list[Person]) -> None:
    # A red team's (stop 56): the coach's place went as typed into every invitation.
    clock.current = TUESDAY
    [done] = await set_up(chat, coach, schools["lincoln"],
                          place="Room 12 (Jaden Rodriguez left his charger there)")
    assert "To protect student privacy I hid" in done.text
    await run(runtime, clock, INVITED)
    async with runtime.sessions() as session:
        [place] = (await session.execute(select(CoffeeSeriesRow.place))).scalars()
    assert place == "Room 12 ([name] left his charger there)"
    invited = [reply for _kind, who, reply in outbox.sent if who == lincoln_staff[0].user_id]
    assert invited and not any("Rodriguez" in repr(reply) for reply in invited)
    assert any("Room 12" in repr(reply) for reply in invited)  # the place itself still goes


async def test_a_students_address_or_login_before_a_slash_is_no_link(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, coach: Person,
        schools: dict[str, int]) -> None:
    # A third red team's (stop 56): any dotted word before a slash passed for a link, spared.
    clock.current = TUESDAY
    await set_up(chat, coach, schools["lincoln"],
                 place="Lab 4, demo account jaden.martinez@students.district.org/Welcome1")
    async with runtime.sessions() as session:
        [place] = (await session.execute(select(CoffeeSeriesRow.place))).scalars()
    assert place == "Lab 4, demo account [email]/Welcome1"


@pytest.mark.parametrize("place", [
    "https://teams.microsoft.com/l/meetup-join/19%3ameeting_NzM0ZjE@thread.v2/0?context=%7b%7d",
    "Joe's Coffee, 1540 W Shields Ave",
    "Dial-in 720-555-0142 PIN 4821",
])
async def test_how_teachers_get_to_the_place_reaches_them_as_the_coach_wrote_it(
        place: str, chat: ConsoleChat, runtime: Runtime, clock: FakeClock,
        coach: Person, schools: dict[str, int]) -> None:
    # The same red team's, on the first fix: every Teams join link broken, a café's address
    # and the dial-in hidden, and the coach told a student's details were.
    clock.current = TUESDAY
    [done] = await set_up(chat, coach, schools["lincoln"], place=place)
    assert "student privacy" not in done.text
    async with runtime.sessions() as session:
        assert [place] == list((await session.execute(select(CoffeeSeriesRow.place))).scalars())
