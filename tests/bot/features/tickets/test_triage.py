"""Coaches triage in chat; teachers hear about every change in their own conversation."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.blocks import Button
from bot.features.tickets.models import DraftRow, TicketEventRow
from bot.vocabulary import Person
from tests.bot.features.tickets.conftest import form_in, labels, tickets
from tests.support.recording import RecordingMessenger


@pytest.fixture
async def number(chat: ConsoleChat, teacher: Person, runtime: Runtime) -> str:
    """An open ticket from the teacher."""
    await chat.say("/ticket the document camera in room 12 shows nothing", as_=teacher)
    return str((await tickets(runtime))[0].id)


async def test_claim_tells_the_teacher_and_redraws_the_card(
        chat: ConsoleChat, coach: Person, teacher: Person, number: str,
        outbox: RecordingMessenger, runtime: Runtime) -> None:
    [card] = await chat.press(Button("Claim", "tickets.claim", number), as_=coach)
    assert card.replace_original and "Claim" not in labels([card])
    [ticket] = await tickets(runtime)
    assert ticket.status == "assigned" and ticket.first_response_at is not None
    assert outbox.to(teacher) == [f"Ticket #{number}: Mr Okafor is on it."]


async def test_replies_are_relayed_both_ways(
        chat: ConsoleChat, coach: Person, teacher: Person, number: str,
        outbox: RecordingMessenger) -> None:
    await chat.press(Button("Claim", "tickets.claim", number), as_=coach)
    form = form_in(await chat.press(Button("Reply", "tickets.reply", number), as_=coach))
    await chat.submit(form.form_id, {"text": "Is the blue light on?"}, form.context, as_=coach)
    assert outbox.to(teacher)[-1] == f"Ticket #{number}: Mr Okafor wrote: Is the blue light on?"

    answer = form_in(await chat.press(Button("Reply", "tickets.answer", number), as_=teacher))
    await chat.submit(answer.form_id, {"text": "No, it's off"}, answer.context, as_=teacher)
    assert outbox.to(coach) == [f"#{number}: Ms Rivera wrote: No, it's off"]


async def test_waiting_on_the_teacher_ends_when_they_answer(
        chat: ConsoleChat, coach: Person, teacher: Person, number: str,
        outbox: RecordingMessenger, runtime: Runtime) -> None:
    await chat.press(Button("Waiting on teacher", "tickets.wait", number), as_=coach)
    assert (await tickets(runtime))[0].status == "waiting"
    assert "needs something from you" in outbox.to(teacher)[-1]
    await chat.submit("tickets.answer", {"text": "Tried it, still blank"}, number, as_=teacher)
    assert (await tickets(runtime))[0].status == "assigned"


async def test_resolve_tells_everyone_on_the_ticket_and_offers_an_article_draft(
        chat: ConsoleChat, coach: Person, teacher: Person, neighbour: Person, number: str,
        outbox: RecordingMessenger, runtime: Runtime) -> None:
    await chat.say("/ticket the document camera in room 12 shows nothing", as_=neighbour)
    await chat.click(f"Add me to #{number}", as_=neighbour)  # the "me too" offer
    [card] = await chat.press(Button("Resolve", "tickets.resolve", number), as_=coach)
    for person in (teacher, neighbour):
        assert "marked it resolved" in outbox.to(person)[-1]
    assert "Suggest an article from this fix" in labels([card])

    form = form_in(await chat.press(Button("Suggest", "tickets.suggest", number), as_=coach))
    await chat.submit(form.form_id, {"title": "Doc camera shows nothing",
                                     "body": "Press the camera input button"}, form.context,
                      as_=coach)
    async with runtime.sessions() as session:
        [draft] = (await session.execute(select(DraftRow))).scalars()
    assert draft.title == "Doc camera shows nothing" and draft.ticket_id == int(number)


async def test_a_teacher_reopens_their_own_resolved_ticket_but_not_someone_elses(
        chat: ConsoleChat, coach: Person, teacher: Person, stranger: Person, number: str,
        runtime: Runtime) -> None:
    await chat.press(Button("Resolve", "tickets.resolve", number), as_=coach)
    [refused] = await chat.press(Button("Reopen", "tickets.reopen", number), as_=stranger)
    assert "only reopen your own" in refused.text
    await chat.press(Button("Reopen", "tickets.reopen", number), as_=teacher)
    assert (await tickets(runtime))[0].status == "assigned"


@pytest.mark.parametrize("action", ["claim", "wait", "resolve", "reply", "merge", "suggest"])
async def test_teachers_cannot_use_triage_actions(
        chat: ConsoleChat, teacher: Person, number: str, action: str,
        runtime: Runtime) -> None:
    [refused] = await chat.press(Button(action, f"tickets.{action}", number), as_=teacher)
    assert refused.text == "Sorry, only coaches and admins can do that."
    [ticket] = await tickets(runtime)
    assert ticket.status == "new" and ticket.first_response_at is None


@pytest.mark.parametrize("form_id", ["tickets.reply", "tickets.merge", "tickets.draft"])
async def test_teachers_cannot_submit_triage_forms(
        chat: ConsoleChat, teacher: Person, number: str, form_id: str) -> None:
    [refused] = await chat.submit(form_id, {"text": "x", "target": "1", "title": "t",
                                            "body": "b"}, number, as_=teacher)
    assert refused.text == "Sorry, only coaches and admins can do that."


async def test_teachers_see_only_their_own_tickets(
        chat: ConsoleChat, teacher: Person, stranger: Person, number: str) -> None:
    [mine] = await chat.say("/tickets", as_=teacher)
    [theirs] = await chat.say("/tickets", as_=stranger)
    assert f"#{number}" in mine.text and f"#{number}" not in theirs.text
    [peek] = await chat.press(Button("#", "tickets.view", number), as_=stranger)
    assert "isn't yours" in peek.text


async def test_the_coach_queue_filters(chat: ConsoleChat, coach: Person, teacher: Person,
                                       number: str) -> None:
    [unassigned] = await chat.say("/tickets unassigned", as_=coach)
    assert f"#{number}" in unassigned.text
    await chat.press(Button("Claim", "tickets.claim", number), as_=coach)
    [mine] = await chat.say("/tickets mine category hardware", as_=coach)
    [elsewhere] = await chat.say("/tickets school Hillside Middle", as_=coach)
    [lincoln] = await chat.say("/tickets school Lincoln Elementary", as_=coach)
    assert f"#{number}" in mine.text and f"#{number}" in lincoln.text
    assert "Nothing in the queue" in elsewhere.text
    [unknown] = await chat.say("/tickets purple", as_=coach)
    assert "don't know the filter" in unknown.text
    assert all(f"`{word}`" in unknown.text for word in ("mine", "unassigned", "all"))


async def test_the_queue_understands_the_words_coaches_type_around_filters(
        chat: ConsoleChat, coach: Person, teacher: Person, number: str) -> None:
    await chat.press(Button("Claim", "tickets.claim", number), as_=coach)
    await chat.press(Button("Resolve", "tickets.resolve", number), as_=coach)
    [listed] = await chat.say("/tickets list", as_=coach)
    [everything] = await chat.say("/tickets all", as_=coach)
    assert "know the filter" not in listed.text and f"#{number}" not in listed.text  # open only
    assert f"#{number}" in everything.text  # every status, as "status all"


async def test_merging_moves_the_teachers_and_closes_the_duplicate(
        chat: ConsoleChat, coach: Person, teacher: Person, stranger: Person, number: str,
        runtime: Runtime, outbox: RecordingMessenger) -> None:
    await chat.say("/ticket doc cam dead in room 12", as_=stranger)
    duplicate = str((await tickets(runtime))[1].id)
    await chat.submit("tickets.merge", {"target": f"#{number}"}, duplicate, as_=coach)
    first, second = await tickets(runtime)
    assert second.status == "closed" and second.merged_into == first.id
    assert f"merged into #{number}" in outbox.to(stranger)[-1]
    await chat.press(Button("Resolve", "tickets.resolve", number), as_=coach)
    assert "resolved" in outbox.to(stranger)[-1]


async def test_student_details_are_masked_in_replies_both_ways(
        chat: ConsoleChat, coach: Person, teacher: Person, number: str,
        outbox: RecordingMessenger, runtime: Runtime) -> None:
    await chat.press(Button("Claim", "tickets.claim", number), as_=coach)
    [sent] = await chat.submit("tickets.reply", {"text": "Is Jaden Rodriguez's login the one "
                                                 "failing? His id is 20417736."}, number,
                               as_=coach)
    relayed = outbox.to(teacher)[-1]
    assert "Jaden" not in relayed and "20417736" not in relayed and "[name]" in relayed
    assert "hid" in str(sent.blocks)  # the coach is told what was hidden
    await chat.submit("tickets.answer", {"text": "yes, call his mom at 555-867-5309"}, number,
                      as_=teacher)
    assert "555-867-5309" not in outbox.to(coach)[-1]
    async with runtime.sessions() as session:
        stored = " ".join((await session.execute(select(TicketEventRow.text))).scalars())
    assert "Rodriguez" not in stored and "867-5309" not in stored
