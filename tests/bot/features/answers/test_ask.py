"""A teacher asks; the bot answers from the knowledge base, suggests, or admits it doesn't know."""

from __future__ import annotations

from sqlalchemy import select

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.blocks import Buttons, Steps
from bot.features.answers.models import QuestionRow
from bot.vocabulary import Conversation, Message, Person


async def questions(runtime: Runtime) -> list[QuestionRow]:
    async with runtime.sessions() as session:
        return list((await session.execute(select(QuestionRow).order_by(QuestionRow.id))).scalars())


def labels(replies: list) -> list[str]:
    return [b.label for r in replies for blk in r.blocks if isinstance(blk, Buttons)
            for b in blk.buttons]


async def test_a_clear_question_gets_the_article_with_steps_and_did_this_help(
        chat: ConsoleChat, teacher: Person, runtime: Runtime) -> None:
    [reply] = await chat.say("the projector says no signal", as_=teacher)

    assert "No signal" in reply.text
    assert any(isinstance(b, Steps) and len(b.items) >= 3 for b in reply.blocks)
    assert {"Yes", "No"} <= set(labels([reply]))
    [stored] = await questions(runtime)
    assert (stored.text, stored.outcome, stored.article_id) == (
        "the projector says no signal", "answer", "projector-no-signal")
    assert stored.confidence > 0


async def test_no_on_did_this_help_is_stored_and_offers_a_ticket(
        chat: ConsoleChat, teacher: Person, runtime: Runtime) -> None:
    await chat.say("the projector says no signal", as_=teacher)
    [reply] = await chat.click("No", as_=teacher)

    assert reply.replace_original
    assert "Open a ticket" in labels([reply])
    [stored] = await questions(runtime)
    assert stored.helpful is False and stored.feedback_at is not None


async def test_yes_is_stored_as_helpful(chat: ConsoleChat, teacher: Person,
                                        runtime: Runtime) -> None:
    await chat.say("the projector says no signal", as_=teacher)
    await chat.click("Yes", as_=teacher)
    [stored] = await questions(runtime)
    assert stored.helpful is True


async def test_ask_command_does_the_same_as_a_message(chat: ConsoleChat, teacher: Person,
                                                      runtime: Runtime) -> None:
    [reply] = await chat.say("/ask the projector says no signal", as_=teacher)
    assert "No signal" in reply.text
    assert (await questions(runtime))[0].article_id == "projector-no-signal"


async def test_an_off_topic_question_is_told_who_answers_it_and_offered_no_ticket(
        chat: ConsoleChat, teacher: Person, runtime: Runtime) -> None:
    [reply] = await chat.say("who do I call about my paycheck being short", as_=teacher)
    assert labels([reply]) == []
    assert "classroom technology" in reply.text and "HR" in reply.text
    [stored] = await questions(runtime)
    assert stored.outcome == "deflect" and stored.article_id is None


async def test_a_teacher_cannot_give_feedback_on_someone_elses_question(
        chat: ConsoleChat, teacher: Person, runtime: Runtime) -> None:
    await chat.say("the projector says no signal", as_=teacher)
    stranger = Person(platform="console", user_id="stranger")
    [reply] = await chat.click("Yes", as_=stranger)
    assert "couldn't find that question" in reply.text
    assert (await questions(runtime))[0].helpful is None


async def test_an_empty_question_shows_the_articles_to_browse_and_stores_nothing(
        chat: ConsoleChat, teacher: Person, runtime: Runtime) -> None:
    [reply] = await chat.say("/ask   ", as_=teacher)
    assert "The knowledge base: 36 articles. Pick an area, or search." in reply.text
    assert await questions(runtime) == []


async def test_a_retried_event_is_answered_once(runtime: Runtime, teacher: Person) -> None:
    message = Message(person=teacher, conversation=Conversation(platform="console", id="dm"),
                      event_id="Ev123", text="the projector says no signal")
    first = await runtime.bot.handle(message)
    again = await runtime.bot.handle(message)
    assert len(first) == 1 and again == []
    assert len(await questions(runtime)) == 1


async def test_a_question_is_logged_with_student_details_masked(
        chat: ConsoleChat, teacher: Person, runtime: Runtime) -> None:
    await chat.say("Jaden Rodriguez (id 20417736) can't sign in on his Chromebook",
                   as_=teacher)
    [question] = [q.text for q in await questions(runtime)]
    assert "Jaden" not in question and "20417736" not in question and "Chromebook" in question


async def test_a_question_longer_than_is_kept_never_keeps_part_of_an_identifier(
        chat: ConsoleChat, teacher: Person, runtime: Runtime) -> None:
    # A red team's (stop 47): the question was cut to 2,000 characters, then masked, and the
    # cut went through a phone number: "555-867-5" was kept in the log the digest reads.
    filler = "the projector in the library flickers and goes dark after a minute " * 40
    question = filler[:2000 - 26] + " call his mom at 555-867-5309 about it"
    await chat.say(question, as_=teacher)
    [kept] = await questions(runtime)
    assert "555" not in kept.text and len(kept.text) <= 2000
