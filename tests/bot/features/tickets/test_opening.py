"""A teacher opens a ticket in one tap, hears its number at once, and never makes a duplicate."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.console import ConsoleChat, render
from adapters.runtime import Runtime
from bot.blocks import Button
from bot.vocabulary import Command, Conversation, Person
from tests.bot.features.tickets.conftest import form_in, labels, tickets
from tests.support.recording import RecordingMessenger


async def test_ticket_with_text_is_committed_before_the_teacher_hears_its_number(
        chat: ConsoleChat, teacher: Person, runtime: Runtime) -> None:
    [reply] = await chat.say("/ticket the document camera in room 12 shows a grey screen",
                             as_=teacher)
    [ticket] = await tickets(runtime)
    assert f"Ticket #{ticket.id} is open" in reply.text
    assert ticket.status == "new" and ticket.category == "hardware"
    assert ticket.text == "the document camera in room 12 shows a grey screen"


async def test_ticket_without_text_shows_a_form_and_a_double_submit_opens_one(
        chat: ConsoleChat, teacher: Person, runtime: Runtime) -> None:
    form = form_in(await chat.say("/ticket", as_=teacher))
    assert {f.name for f in form.fields} >= {"text", "room", "urgency", "category"}
    values = {"text": "printer in the workroom jams", "room": "Workroom", "urgency": "now",
              "category": "hardware"}
    [first] = await chat.submit(form.form_id, values, form.context, as_=teacher)
    [again] = await chat.submit(form.form_id, values, form.context, as_=teacher)

    [ticket] = await tickets(runtime)
    assert (ticket.room, ticket.urgency) == ("Workroom", "now")
    assert f"#{ticket.id} is open" in first.text and "already have" in again.text


async def test_the_forms_room_is_masked_like_its_description(
        chat: ConsoleChat, teacher: Person, runtime: Runtime) -> None:
    # Found by a red team: the room went to the triage card, the queue, the export and the
    # helpdesk exactly as typed.
    form = form_in(await chat.say("/ticket", as_=teacher))
    values = {"text": "her chromebook won't charge", "urgency": "today", "category": "hardware",
              "room": "204 Maya Chen 555-867-5309"}
    [reply] = await chat.submit(form.form_id, values, form.context, as_=teacher)

    [ticket] = await tickets(runtime)
    assert ticket.room == "204 [name] [phone]"
    assert "I hid a name and a phone number" in render(reply)  # told, as for the description


async def test_a_room_is_kept_as_typed(chat: ConsoleChat, teacher: Person,
                                       runtime: Runtime) -> None:
    for room in ("Room 114", "Portable 12", "Library", "B-204", "Gym"):
        form = form_in(await chat.say("/ticket", as_=teacher))
        await chat.submit(form.form_id, {"text": f"projector dead in {room}", "room": room,
                                         "urgency": "today", "category": "hardware"},
                          form.context, as_=teacher)
    assert [t.room for t in await tickets(runtime)] == [
        "Room 114", "Portable 12", "Library", "B-204", "Gym"]


async def test_the_button_after_an_unhelpful_answer_carries_the_question_over(
        chat: ConsoleChat, teacher: Person, runtime: Runtime) -> None:
    await chat.say("the projector says no signal", as_=teacher)
    await chat.click("No", as_=teacher)
    button = chat.button("Open a ticket")
    [opened] = await chat.press(button, as_=teacher)
    await chat.press(button, as_=teacher)  # a double click

    [ticket] = await tickets(runtime)
    assert ticket.text == "the projector says no signal"
    assert ticket.didnt_help and ticket.article_id == "projector-no-signal"
    assert "projector-no-signal" in ticket.articles_shown
    assert f"#{ticket.id}" in opened.text


async def test_student_identifiers_are_masked_and_the_teacher_is_told(
        chat: ConsoleChat, teacher: Person, runtime: Runtime) -> None:
    [reply] = await chat.say("/ticket my student Maria Lopez (id 4820193, maria@kids.example.org)"
                             " can't sign in to her chromebook", as_=teacher)
    [ticket] = await tickets(runtime)
    assert "Maria" not in ticket.text and "4820193" not in ticket.text
    assert "maria@" not in ticket.text
    assert "hid" in " ".join(str(b) for b in reply.blocks)


@pytest.mark.parametrize("typed", [
    "call his mom at 555\u2011867\u20115309",  # non-breaking hyphens, as Word writes them
    "call his mom at 555\u200b-867-5309",  # a zero-width space
    "his student ID is 4\u200d4\u200d1\u200d2\u200d3\u200d4\u200d5",  # zero-width joiners
    "his DOB is 04\u221512\u22152014",  # the division slash
], ids=["non-breaking hyphens", "zero-width space", "zero-width joiners", "division slash"])
async def test_an_identifier_in_characters_that_only_look_plain_is_masked(
        typed: str, chat: ConsoleChat, teacher: Person, runtime: Runtime) -> None:
    # A red team's (stop 47): each reads as the plain one, and each went through as typed.
    await chat.say(f"/ticket the chromebook cart is locked, {typed}", as_=teacher)
    [ticket] = await tickets(runtime)
    assert not any(part in ticket.text for part in ("867", "5309", "4412345", "2014"))
    assert ticket.text.startswith("the chromebook cart is locked, ")


async def test_a_question_carried_into_a_ticket_still_tells_the_teacher_what_was_hidden(
        chat: ConsoleChat, teacher: Person, runtime: Runtime) -> None:
    # The question was masked when it was logged; the ticket made from it says so again.
    await chat.say("my student Jaylen Brooks (ID 20441887) cannot open the math app at all",
                   as_=teacher)
    [opened] = await chat.say("ticket", as_=teacher)
    [ticket] = await tickets(runtime)
    assert "Jaylen" not in ticket.text and "20441887" not in ticket.text
    assert "I hid a name and an id number" in " ".join(str(b) for b in opened.blocks)


async def test_one_word_after_ticket_opens_the_form_with_it_instead_of_a_ticket(
        chat: ConsoleChat, teacher: Person, runtime: Runtime) -> None:
    form = form_in(await chat.say("/ticket wifi", as_=teacher))
    assert next(f for f in form.fields if f.name == "text").initial == "wifi"
    assert await tickets(runtime) == []


async def test_ticket_list_lists_instead_of_opening_a_ticket_called_list(
        chat: ConsoleChat, teacher: Person, stranger: Person, coach: Person,
        runtime: Runtime) -> None:
    await chat.say("/ticket the document camera in room 12 shows a grey screen", as_=teacher)
    await chat.say("/ticket the gym speakers hum loudly all day", as_=stranger)
    [own] = await chat.say("/ticket list", as_=teacher)
    [queue] = await chat.say("/ticket list mine", as_=coach)
    [everything] = await chat.say("/ticket queue", as_=coach)
    assert len(await tickets(runtime)) == 2
    assert "Your tickets" in own.text and "document camera" in own.text
    assert "gym speakers" not in own.text  # another teacher's, whatever the words asked for
    assert "document camera" not in queue.text  # "mine": none assigned to this coach yet
    assert "document camera" in everything.text


async def test_a_teacher_can_choose_to_keep_what_they_typed(
        chat: ConsoleChat, teacher: Person, runtime: Runtime) -> None:
    form = form_in(await chat.say("/ticket", as_=teacher))
    await chat.submit(form.form_id, {"text": "student Sam Lee needs a loaner", "urgency": "today",
                                     "category": "hardware", "identifiers": "keep"},
                      form.context, as_=teacher)
    assert (await tickets(runtime))[0].text == "student Sam Lee needs a loaner"


async def test_me_too_joins_an_open_ticket_at_the_same_school_instead_of_duplicating(
        chat: ConsoleChat, teacher: Person, neighbour: Person, stranger: Person,
        runtime: Runtime, outbox: RecordingMessenger) -> None:
    await chat.say("/ticket wifi is down in the whole east wing", as_=teacher)
    offer = await chat.say("/ticket the wifi is down in the east wing", as_=neighbour)
    [ticket] = await tickets(runtime)
    assert f"Add me to #{ticket.id}" in labels(offer)

    [joined] = await chat.click(f"Add me to #{ticket.id}", as_=neighbour)
    assert "2 teachers affected" in joined.text
    await chat.say("/ticket wifi is down in the east wing", as_=stranger)  # another school
    assert len(await tickets(runtime)) == 2


async def test_a_question_that_matches_an_open_ticket_offers_me_too(
        chat: ConsoleChat, teacher: Person, neighbour: Person, runtime: Runtime) -> None:
    await chat.say("/ticket the projector in the library says no signal", as_=teacher)
    replies = await chat.say("projector in the library says no signal", as_=neighbour)
    [ticket] = await tickets(runtime)
    assert f"Same problem? Add me to #{ticket.id}" in labels(replies)


async def test_the_me_too_offer_under_an_answer_speaks_the_askers_language(
        chat: ConsoleChat, teacher: Person, neighbour: Person, runtime: Runtime) -> None:
    await chat.say("/ticket the projector in the library says no signal", as_=teacher)
    await chat.say("/prepbot language es", as_=neighbour)
    replies = await chat.say("projector in the library says no signal", as_=neighbour)
    [ticket] = await tickets(runtime)
    assert f"¿El mismo problema? Agrégueme al #{ticket.id}" in labels(replies)
    said = " ".join(render(r) for r in replies)
    assert f"Otras personas de su escuela reportaron algo parecido: ticket #{ticket.id}" in said


async def test_declining_me_too_opens_a_separate_ticket_once(
        chat: ConsoleChat, teacher: Person, neighbour: Person, runtime: Runtime) -> None:
    await chat.say("/ticket wifi is down in the whole east wing", as_=teacher)
    await chat.say("/ticket wifi is down in the east wing", as_=neighbour)
    button = chat.button("No, open a new ticket")
    await chat.press(button, as_=neighbour)
    await chat.press(button, as_=neighbour)
    assert len(await tickets(runtime)) == 2


async def test_a_separate_tickets_button_is_sealed_and_only_its_teachers(
        chat: ConsoleChat, teacher: Person, neighbour: Person, runtime: Runtime) -> None:
    # A red team's (stop 65): the button carried "nonce|words as typed", names and all, and
    # opened a ticket of whatever words the client sent back, for whoever sent them.
    await chat.say("/ticket wifi is down in the whole east wing", as_=teacher)
    await chat.say("/ticket Chantel says wifi is down in the east wing", as_=neighbour)
    button = chat.button("No, open a new ticket")
    assert "Chantel" not in button.value and "wifi" not in button.value

    [refused] = await chat.press(button, as_=teacher)
    [forged] = await chat.press(Button("x", "tickets.separate", "n1|anything at all"),
                                as_=neighbour)

    assert "isn't one I gave you" in refused.text and "isn't one I gave you" in forged.text
    assert len(await tickets(runtime)) == 1
    await chat.press(button, as_=neighbour)
    assert (await tickets(runtime))[-1].text == "[name] says wifi is down in the east wing"


async def test_the_same_event_delivered_three_times_opens_one_ticket(
        runtime: Runtime, teacher: Person) -> None:
    command = Command(person=teacher, conversation=Conversation(platform="console", id="dm"),
                      event_id="Ev42", name="ticket", text="smartboard is dead in room 9")
    answers = [await runtime.bot.handle(command) for _ in range(3)]
    assert [len(a) for a in answers] == [1, 0, 0]
    assert len(await tickets(runtime)) == 1


async def test_a_new_ticket_is_posted_to_the_triage_channel(
        chat: ConsoleChat, teacher: Person, triage: str, outbox: RecordingMessenger) -> None:
    await chat.say("/ticket the smartboard in room 9 is dead", as_=teacher)
    [card] = outbox.posted(triage)
    assert "smartboard in room 9" in card.text
    assert {"Claim", "Reply", "Resolve"} <= {b for b in labels([card])}


async def test_a_database_failure_is_told_plainly_and_no_number_is_given(
        chat: ConsoleChat, teacher: Person, runtime: Runtime,
        monkeypatch: pytest.MonkeyPatch) -> None:
    async def failing_commit(self: AsyncSession) -> None:
        raise OperationalError("COMMIT", {}, Exception("the database went away"))

    monkeypatch.setattr(AsyncSession, "commit", failing_commit)
    [reply] = await chat.say("/ticket the projector in room 3 is dead", as_=teacher)
    monkeypatch.undo()
    assert "nothing was saved" in reply.text and "#" not in reply.text
    assert await tickets(runtime) == []
