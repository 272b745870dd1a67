"""Questions expire after `question_retention_days`; a ticket made from one keeps its text."""

from __future__ import annotations

from sqlalchemy import select

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.features.tickets.models import TicketRow
from bot.vocabulary import Person
from tests.bot.features.answers.test_ask import questions
from tests.support.clock import FakeClock


async def test_questions_past_the_retention_period_are_deleted_and_tickets_keep_their_text(
        chat: ConsoleChat, teacher: Person, admin: Person, runtime: Runtime,
        clock: FakeClock) -> None:
    await chat.say("/prepbot settings question_retention_days 30", as_=admin)
    await chat.say("the projector says no signal", as_=teacher)
    await chat.click("No", as_=teacher)
    await chat.click("Open a ticket", as_=teacher)
    clock.advance(days=20)
    await chat.say("my document camera shows a black screen", as_=teacher)

    clock.advance(days=11)  # the first question is 31 days old, the second 11
    await runtime.dispatcher.tick()

    assert [q.text for q in await questions(runtime)] == [
        "my document camera shows a black screen"]
    async with runtime.sessions() as session:
        [ticket] = (await session.execute(select(TicketRow))).scalars()
    assert ticket.text == "the projector says no signal"
