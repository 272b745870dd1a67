""""Me too" tells a teacher that a ticket like theirs is open, never what another teacher
wrote on it: not in the offer, not after joining, not for a few words typed to fish for one."""

from __future__ import annotations

from typing import Any

import pytest

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.blocks import Reply
from bot.features.tickets import jobs, lifecycle, similar
from bot.features.tickets.models import TicketRow
from bot.features.tickets.service import people_on
from bot.masking import Masked, mask_student_data
from bot.vocabulary import Person
from tests.bot.features.tickets.conftest import labels, tickets
from tests.support.clock import FakeClock

KEPT = ("Jaden Smith (student ID 448812) cannot log in to his Chromebook, his mom's cell is "
        "503-217-6684 and I think the account was hacked")
SAME = "/ticket my student cannot log in to his Chromebook, I think the account was hacked"
PRIVATE_WORDS = ("Jaden", "448812", "503-217-6684", "hacked", "mom")


async def open_kept(chat: ConsoleChat, teacher: Person) -> None:
    """A teacher opens a ticket with the form, keeping the student's details as typed."""
    [opened] = await chat.submit("tickets.new", {
        "text": KEPT, "room": "12", "urgency": "today", "category": "accounts",
        "identifiers": "keep"}, "kept-1", as_=teacher)
    assert "is open" in opened.text


def shown(replies: list[Reply]) -> str:
    """Everything the replies put in front of someone."""
    return " ".join([r.text for r in replies] + [getattr(b, "text", "") for r in replies
                                                  for b in r.blocks])


async def test_the_offer_names_the_ticket_and_the_problem_not_its_words(
        chat: ConsoleChat, teacher: Person, neighbour: Person, runtime: Runtime) -> None:
    await open_kept(chat, teacher)
    offer = await chat.say(SAME, as_=neighbour)
    [ticket] = await tickets(runtime)
    assert f"Add me to #{ticket.id}" in labels(offer)
    assert "Student can't sign in on a Chromebook" in shown(offer)  # the article it matched
    assert not [w for w in PRIVATE_WORDS[1:] if w in shown(offer)]
    assert all(reply.private for reply in offer)


async def test_a_few_words_typed_to_fish_for_a_ticket_get_none_of_its_words(
        chat: ConsoleChat, teacher: Person, neighbour: Person) -> None:
    await open_kept(chat, teacher)
    for fishing in ("/ticket log in", "/ticket and and", "/ticket hacked Chromebook",
                    "/ticket Jaden 448812"):
        replies = await chat.say(fishing, as_=neighbour)
        assert not [w for w in PRIVATE_WORDS if w in shown(replies)]


async def test_a_teacher_who_joined_reads_the_category_and_the_owner_their_own_words(
        chat: ConsoleChat, teacher: Person, neighbour: Person, runtime: Runtime) -> None:
    await open_kept(chat, teacher)
    await chat.say(SAME, as_=neighbour)
    [ticket] = await tickets(runtime)
    await chat.click(f"Add me to #{ticket.id}", as_=neighbour)

    theirs = await chat.say("/tickets", as_=neighbour)
    [view] = await chat.click(f"Open ticket #{ticket.id}", as_=neighbour)
    assert f"#{ticket.id}" in shown(theirs) and "me too" in shown([view])
    assert not [w for w in PRIVATE_WORDS if w in shown(theirs) + shown([view])]
    assert view.private

    await chat.say("/tickets", as_=teacher)
    [own] = await chat.click(f"Open ticket #{ticket.id}", as_=teacher)
    assert "448812" in shown([own])  # kept as typed: the teacher's own words, to them


async def test_a_coach_opening_a_ticket_from_a_list_sees_it_alone(
        chat: ConsoleChat, teacher: Person, coach: Person, runtime: Runtime) -> None:
    await chat.say("/ticket the projector in room 12 shows no picture", as_=teacher)
    [ticket] = await tickets(runtime)
    await chat.say("/tickets", as_=coach)
    [card] = await chat.click(f"Open ticket #{ticket.id}", as_=coach)
    assert "projector in room 12" in shown([card]) and card.private


ROSTER = ["liam", "olivia", "jaylen", "jaden", "sofia", "mateo", "harper", "maya"]
GUESSES = [*ROSTER, "smith", "brown", "448812", "448813", "6684", "6690"]
BASE = ["i", "the", "to", "his", "in", "log", "cannot", "chromebook", "student", "account",
        "and", "is", "was", "think", "my", "her", "password", "reset"]
CONTROL = ("Olivia Brown (student ID 448813) cannot log in to his Chromebook, his mom's cell is "
           "503-217-6690 and I think the account was hacked")


async def test_whether_an_offer_comes_tells_nothing_of_the_words_of_the_ticket(
        chat: ConsoleChat, teacher: Person, neighbour: Person, stranger: Person) -> None:
    # A red team's probe (stop 43): questions made of words a ticket surely has, one word
    # short of matching, then one guess more each; an offer for the right guess alone spelt
    # the ticket out. Asked as questions, so no ticket is opened and no coach is told. The
    # same questions at a school whose open ticket differs only in the guessed words must
    # get the same offers.
    await open_kept(chat, teacher)  # Jaden Smith, 448812, hacked: Lincoln Elementary
    [opened] = await chat.submit("tickets.new", {
        "text": CONTROL, "room": "12", "urgency": "today", "category": "accounts",
        "identifiers": "keep"}, "kept-2", as_=stranger)  # Olivia Brown: Hillside Middle
    assert "is open" in opened.text

    async def offers(school: str) -> list[bool]:
        await chat.say(f"/prepbot school {school}", as_=neighbour)
        seen = []
        for size in range(4, len(BASE) + 1):
            for guess in GUESSES:
                replies = await chat.say("/ask " + " ".join([*BASE[:size], guess]),
                                         as_=neighbour)
                seen.append("reported something like this" in shown(replies))
        return seen

    at_lincoln, at_hillside = await offers("Lincoln Elementary"), await offers("Hillside Middle")
    assert any(at_lincoln)  # the offer still comes for the problem itself
    assert at_lincoln == at_hillside


async def test_a_students_name_kept_in_a_ticket_never_decides_whether_an_offer_comes(
        chat: ConsoleChat, teacher: Person, neighbour: Person, stranger: Person) -> None:
    # A fourth red team's (stop 43): a name can move a kept ticket's runner-up article, and
    # so whether a question on the edge of two articles matched it.
    for who, name, context in ((teacher, "Aeris", "k-a"), (stranger, "Jaden", "k-j")):
        await chat.submit("tickets.new", {
            "text": f"{name} in 3rd period says the chromebook won't charge", "room": "12",
            "urgency": "today", "category": "hardware", "identifiers": "keep"}, context,
            as_=who)
    question = "/ask the projector says no signal when the chromebook won't charge"
    seen = []
    for school in ("Lincoln Elementary", "Hillside Middle"):
        await chat.say(f"/prepbot school {school}", as_=neighbour)
        seen.append("reported something like this" in shown(await chat.say(question,
                                                                            as_=neighbour)))
    assert seen[0] == seen[1]


async def test_a_schools_open_tickets_are_masked_once_and_remembered_without_their_words(
        chat: ConsoleChat, teacher: Person, neighbour: Person,
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Every question at a busy school reads every open ticket (bench/metoo.py).
    await open_kept(chat, teacher)
    masked: list[str] = []

    def counted(text: str, **options: Any) -> Masked:
        masked.append(text)
        return mask_student_data(text, **options)

    monkeypatch.setattr(similar, "mask_student_data", counted)
    first = await chat.say(SAME, as_=neighbour)
    second = await chat.say("/ask my student cannot log in to his Chromebook", as_=neighbour)

    assert "Add me to #1" in labels(first)
    assert "Same problem? Add me to #1" in labels(second)
    assert masked.count(KEPT) == 1
    assert not [w for w in PRIVATE_WORDS if any(w in str(key) for key in similar._readings)]


async def test_an_old_offer_never_joins_a_later_ticket_that_took_its_number(
        chat: ConsoleChat, teacher: Person, neighbour: Person, stranger: Person,
        admin: Person, runtime: Runtime, clock: FakeClock) -> None:
    # A red team's (stop 48): on SQLite a purged ticket's number goes to the next ticket, and
    # an offer kept unclicked joined another teacher's, at another school.
    await chat.say("/prepbot settings ticket_retention_days 1", as_=admin)
    await chat.say("/ticket wifi is down in the whole east wing", as_=teacher)
    await chat.say("/ticket the wifi is down in the east wing", as_=neighbour)
    [first] = await tickets(runtime)
    kept = chat.button(f"Add me to #{first.id}")
    async with runtime.sessions() as session, session.begin():
        ticket = await session.get(TicketRow, first.id)
        assert ticket is not None
        lifecycle.move(session, ticket, "closed", None, clock.now(), "fixed")
    clock.advance(days=3)
    async with runtime.sessions() as session, session.begin():
        assert await jobs.purge_expired(session, clock.now()) == 1
    await chat.say("/ticket the projector in room 4 says no signal", as_=stranger)
    [second] = await tickets(runtime)

    [said] = await chat.press(kept, as_=neighbour)
    assert "isn't one I made to you" in said.text
    async with runtime.sessions() as session:
        row = await session.get(TicketRow, second.id)
        assert row is not None
        assert neighbour.user_id not in [p.user_id for p in await people_on(session, row)]
