"""Conversation before retrieval: asking for a person, small talk, feedback in words, vague
messages and off-topic questions, as a teacher meets them in any adapter."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.blocks import Buttons, Form, Reply, Steps
from bot.features.tickets.models import TicketRow
from bot.vocabulary import Person
from knowledge.calibrate import use
from tests.bot.features.answers.test_ask import labels, questions


async def tickets(runtime: Runtime) -> list[TicketRow]:
    async with runtime.sessions() as session:
        return list((await session.execute(select(TicketRow))).scalars())


def is_article(reply: Reply) -> bool:
    return any(isinstance(block, Steps) for block in reply.blocks)


@pytest.mark.parametrize("request_text", [
    "ticket", "open a ticket", "talk to someone", "human please", "can a real person help me",
    "tikcet"])
async def test_asking_for_a_person_after_an_answer_opens_a_ticket_with_the_question(
        chat: ConsoleChat, teacher: Person, runtime: Runtime, request_text: str) -> None:
    await chat.say("the projector says no signal", as_=teacher)
    [opened] = await chat.say(request_text, as_=teacher)

    [ticket] = await tickets(runtime)
    assert ticket.text == "the projector says no signal"
    assert ticket.article_id == "projector-no-signal"
    assert f"Ticket #{ticket.id} is open" in opened.text


async def test_ticket_twice_for_the_same_question_opens_one_ticket(
        chat: ConsoleChat, teacher: Person, runtime: Runtime) -> None:
    await chat.say("the projector says no signal", as_=teacher)
    await chat.say("ticket", as_=teacher)
    [again] = await chat.say("ticket", as_=teacher)
    assert len(await tickets(runtime)) == 1
    assert "already" in again.text


async def test_ticket_with_no_question_before_it_shows_the_new_ticket_form(
        chat: ConsoleChat, teacher: Person, runtime: Runtime) -> None:
    [reply] = await chat.say("open a ticket", as_=teacher)
    assert any(isinstance(block, Form) for block in reply.blocks)
    assert await tickets(runtime) == []


async def test_a_ticket_request_that_says_what_is_wrong_carries_its_own_words(
        chat: ConsoleChat, teacher: Person, runtime: Runtime) -> None:
    await chat.say("the projector says no signal", as_=teacher)
    await chat.say("open a help desk ticket, the whole laptop cart will not power up", as_=teacher)
    [ticket] = await tickets(runtime)
    assert "laptop cart" in ticket.text


@pytest.mark.parametrize("text", ["hi", "good morning!", "thanks so much", "thx", "help",
                                  "what can you do", "hey there 👋"])
async def test_greetings_thanks_and_help_never_get_an_article(
        chat: ConsoleChat, teacher: Person, runtime: Runtime, text: str) -> None:
    replies = await chat.say(text, as_=teacher)
    assert replies and not any(is_article(reply) for reply in replies)
    assert await questions(runtime) == []


async def test_help_lists_what_the_bot_can_do(chat: ConsoleChat, teacher: Person) -> None:
    [reply] = await chat.say("what can you do", as_=teacher)
    assert "/ticket" in reply.text and "/ask" in reply.text


@pytest.mark.parametrize("text", ["it's broken", "not working", "ipad issue", "help projector",
                                  "login issue", "my computer is being weird"])
async def test_a_vague_message_gets_one_question_back_with_areas_to_choose(
        chat: ConsoleChat, teacher: Person, text: str) -> None:
    [reply] = await chat.say(text, as_=teacher)
    assert not is_article(reply)
    assert "What is it about?" in reply.text
    assert {"Laptop or Chromebook", "Projector or board", "Signing in", "Printer or copier",
            "Something else"} <= set(labels([reply]))


async def test_the_area_named_in_a_vague_message_comes_first(
        chat: ConsoleChat, teacher: Person) -> None:
    [reply] = await chat.say("printer not working", as_=teacher)
    assert labels([reply])[0] == "Printer or copier"


async def test_picking_an_area_lists_its_articles_and_one_opens(
        chat: ConsoleChat, teacher: Person, runtime: Runtime) -> None:
    await chat.say("problem with the board", as_=teacher)
    [choices] = await chat.click("Projector or board", as_=teacher)
    assert "Board touch is off or the pen writes in the wrong spot" in labels([choices])
    [article] = await chat.click("Board touch is off or the pen writes in the wrong spot",
                                 as_=teacher)
    assert is_article(article)
    [stored] = await questions(runtime)
    assert (stored.text, stored.article_id) == ("problem with the board", "smartboard-calibration")


async def test_an_off_topic_question_hears_what_prepbot_is_for_and_gets_no_ticket_button(
        chat: ConsoleChat, teacher: Person, runtime: Runtime) -> None:
    [reply] = await chat.say("when is the staff potluck this month?", as_=teacher)
    assert "classroom technology" in reply.text
    assert not any(isinstance(block, Buttons) for block in reply.blocks)
    assert await tickets(runtime) == []


async def test_off_topic_then_asking_for_a_person_still_opens_a_ticket(
        chat: ConsoleChat, teacher: Person, runtime: Runtime) -> None:
    await chat.say("how do I change my direct deposit account for payroll", as_=teacher)
    await chat.say("talk to someone", as_=teacher)
    [ticket] = await tickets(runtime)
    assert "direct deposit" in ticket.text


async def test_a_tech_problem_with_no_article_is_offered_a_ticket(
        chat: ConsoleChat, teacher: Person) -> None:
    [reply] = await chat.say("the 3d printer extruder is clicking and the filament won't feed",
                             as_=teacher)
    assert "Open a ticket" in labels([reply])


@pytest.mark.parametrize("text, helpful", [("yes that fixed it", True), ("nope", False),
                                           ("still not working", False), ("👍", True)])
async def test_yes_or_no_right_after_an_answer_is_feedback(
        chat: ConsoleChat, teacher: Person, runtime: Runtime, text: str, helpful: bool) -> None:
    await chat.say("the projector says no signal", as_=teacher)
    [reply] = await chat.say(text, as_=teacher)
    [stored] = await questions(runtime)
    assert stored.helpful is helpful
    assert ("Open a ticket" in labels([reply])) is not helpful


async def test_no_after_did_you_mean_is_none_of_these_and_offers_a_ticket(
        chat: ConsoleChat, teacher: Person, runtime: Runtime) -> None:
    # Cut points under which any match is a "did you mean", whatever the shipped fit says.
    use(runtime.kb, replace(runtime.kb.shelf(), calibration=replace(
        runtime.kb.calibration, answer_at=1.0, suggest_at=0.0)))
    [offer] = await chat.say("kids cant log into chromebooks or classroom", as_=teacher)
    assert "Is it one of these?" in offer.text
    [reply] = await chat.say("no", as_=teacher)
    assert "Open a ticket" in labels([reply])
    [stored] = await questions(runtime)
    assert stored.helpful is False


async def test_no_with_nothing_asked_before_is_not_feedback(
        chat: ConsoleChat, teacher: Person, runtime: Runtime) -> None:
    [reply] = await chat.say("no", as_=teacher)
    assert "what's going on" in reply.text
    assert await questions(runtime) == []


@pytest.mark.parametrize("text", ["uploaded a file: <https://files.example/x.png|x.png>",
                                  "<@U0TEACHER> uploaded a file"])
async def test_a_file_upload_notice_is_not_a_question(
        chat: ConsoleChat, teacher: Person, runtime: Runtime, text: str) -> None:
    [reply] = await chat.say(text, as_=teacher)
    assert "can't look at files" in reply.text
    assert await questions(runtime) == []


async def test_the_comment_typed_with_a_file_is_the_question(
        chat: ConsoleChat, teacher: Person, runtime: Runtime) -> None:
    await chat.say("<@U0TEACHER> uploaded a file: <https://files.example/x.png|x.png> and "
                   "commented: the projector says no signal", as_=teacher)
    [stored] = await questions(runtime)
    assert stored.article_id == "projector-no-signal"
