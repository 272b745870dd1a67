"""The masker spares the district's own schools once it knows them (`/prepbot schools add`),
and only them: a student who shares a school's name, with a student's cue beside, a lone
first name of a school named for someone, or a name with a word no school has, is hidden."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.features.tickets.models import TicketRow
from bot.masking import mask_student_data
from bot.masking.schools import know_schools
from bot.schools.models import SchoolRow
from bot.vocabulary import Person
from tests.bot.test_masking import TODAY

SCHOOLS = ["Red Wash Elementary School", "Toussaint Louverture K-8", "Lincoln Trail Middle",
           "Rosa Parks Elementary", "Cedar Mesa High School"]


def masked(text: str) -> str:
    return mask_student_data(text, today=TODAY).text


@pytest.fixture
def schools() -> None:
    know_schools(SCHOOLS)


@pytest.mark.parametrize("text", [
    "Lincoln Trail got new Chromebooks",
    "the Toussaint Louverture K-8 office copier is jammed",
    "Toussaint Louverture needs toner",
    "sending 3 carts over to Lincoln Trail tomorrow",
])
def test_a_school_of_the_district_is_kept_once_known(text: str) -> None:
    assert "[name]" in masked(text)  # the rules alone cannot tell it from a person
    know_schools(SCHOOLS)
    assert masked(text) == text
    know_schools([])
    assert "[name]" in masked(text)


@pytest.mark.usefixtures("schools")
@pytest.mark.parametrize(("text", "expected"), [
    # a student's cue beside the school's name
    ("my student Louverture can't log in to Clever",
     "my student [name] can't log in to Clever"),
    # a word no school has: a person
    ("Marcus Lincoln lost his charger", "[name] lost his charger"),
    # a lone first name of a school named for someone is no school
    ("Rosa lost her charger in 3rd period", "[name] lost her charger in 3rd period"),
])
def test_a_student_who_shares_a_schools_name_is_still_hidden(text: str, expected: str) -> None:
    assert masked(text) == expected


async def test_a_school_an_admin_adds_is_known_to_the_masker_at_once(
        chat: ConsoleChat, runtime: Runtime, admin: Person, teacher: Person) -> None:
    said = "Lincoln Trail got new Chromebooks and none of them enroll"
    await chat.say(f"/ticket {said}", as_=teacher)
    await chat.say("/prepbot schools add Lincoln Trail Middle America/Denver", as_=admin)
    await chat.say(f"/ticket {said}", as_=teacher)
    async with runtime.sessions() as session:
        texts = (await session.execute(select(TicketRow.text).order_by(TicketRow.id))).scalars()
        assert list(texts) == [said.replace("Lincoln Trail", "[name]"), said]


async def test_a_school_renamed_is_forgotten_on_the_next_refresh(
        chat: ConsoleChat, runtime: Runtime, admin: Person) -> None:
    await chat.say("/prepbot schools add Lincoln Trail Middle America/Denver", as_=admin)
    assert masked("Lincoln Trail got new Chromebooks") == "Lincoln Trail got new Chromebooks"
    async with runtime.sessions() as session, session.begin():
        school = (await session.execute(select(SchoolRow))).scalar_one()
        school.name = "Toussaint Louverture K-8"  # renamed outside any turn: the CLI, SQL
    await runtime.bot.refresh()
    assert masked("Lincoln Trail got new Chromebooks") == "[name] got new Chromebooks"
    assert masked("Toussaint Louverture needs toner") == "Toussaint Louverture needs toner"
