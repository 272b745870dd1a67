"""`/prepbot prep`: a prep period typed in English or Spanish words, said back in the
person's language."""

from __future__ import annotations

from datetime import time

import pytest
from sqlalchemy import select

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.people.models import PersonRow
from bot.vocabulary import Person


async def prep_of(runtime: Runtime, person: Person) -> tuple[object, object, str]:
    async with runtime.sessions() as session:
        row = (await session.execute(select(PersonRow).where(
            PersonRow.user_id == person.user_id))).scalar_one()
        return row.prep_start, row.prep_end, row.prep_days


@pytest.mark.parametrize(("said", "start", "end", "days"), [
    ("10:15-11:00 mon-fri", time(10, 15), time(11), "01234"),
    ("10:15-11:00 lun-vie", time(10, 15), time(11), "01234"),
    ("1:05pm-1:50pm tue,thu", time(13, 5), time(13, 50), "13"),
    ("1:05 p. m.-1:50 p. m. mar y jue", time(13, 5), time(13, 50), "13"),
    ("de 10:15 a 11:00 de lunes a miércoles", time(10, 15), time(11), "012"),
    ("10:15-11:00", time(10, 15), time(11), "01234"),
])
async def test_a_prep_period_is_read_in_either_language(
        chat: ConsoleChat, runtime: Runtime, teacher: Person, said: str, start: time,
        end: time, days: str) -> None:
    await chat.say(f"/prepbot prep {said}", as_=teacher)
    assert await prep_of(runtime, teacher) == (start, end, days)


async def test_the_prep_period_is_said_back_in_the_persons_language(
        chat: ConsoleChat, teacher: Person) -> None:
    [english] = await chat.say("/prepbot prep 1:05pm-1:50pm mon-fri", as_=teacher)
    assert "1:05\u202fPM-1:50\u202fPM on Mon-Fri" in english.text
    await chat.say("/prepbot language es", as_=teacher)
    [spanish] = await chat.say("/prepbot prep 13:05-13:50 lun, mié y vie", as_=teacher)
    assert "de 13:05 a 13:50, los días lun, mié y vie" in spanish.text


async def test_a_prep_period_is_cleared_in_either_language(
        chat: ConsoleChat, runtime: Runtime, teacher: Person) -> None:
    for clear in ("off", "borrar", "ninguno"):
        await chat.say("/prepbot prep 10:15-11:00", as_=teacher)
        await chat.say(f"/prepbot prep {clear}", as_=teacher)
        assert await prep_of(runtime, teacher) == (None, None, "")


async def test_a_prep_period_that_cannot_be_read_changes_nothing_and_says_how(
        chat: ConsoleChat, runtime: Runtime, teacher: Person) -> None:
    await chat.say("/prepbot prep 10:15-11:00 mon-fri", as_=teacher)
    await chat.say("/prepbot language es", as_=teacher)
    [refused] = await chat.say("/prepbot prep 10:15-11:00 pronto", as_=teacher)
    assert "no es un rango de días" in refused.text and "lun-vie" in refused.text
    [backwards] = await chat.say("/prepbot prep 11:00-10:15", as_=teacher)
    assert "debe terminar después de empezar" in backwards.text
    assert await prep_of(runtime, teacher) == (time(10, 15), time(11), "01234")
