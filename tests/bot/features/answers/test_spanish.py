"""A teacher asks in Spanish: the Spanish article, its buttons in Spanish, a ticket on request,
and a short note when only the other language has the article."""

from __future__ import annotations

from pathlib import Path

import pytest

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.blocks import Buttons, Context, Reply
from bot.features.answers import views
from bot.vocabulary import Person
from knowledge import load_knowledge_base
from tests.bot.features.answers.test_ask import labels, questions
from tests.bot.features.answers.test_conversation import is_article, tickets
from tests.knowledge.conftest import write


def notes(reply: Reply) -> list[str]:
    return [block.text for block in reply.blocks if isinstance(block, Context)]


async def test_a_spanish_password_question_gets_the_spanish_password_article(
        chat: ConsoleChat, teacher: Person, runtime: Runtime) -> None:
    [reply] = await chat.say("¿Cómo restablezco mi contraseña?", as_=teacher)

    spanish = runtime.kb.get("teacher-password-reset", "es")
    assert spanish is not None and spanish.title in reply.text
    assert is_article(reply)
    assert not any("in English" in note for note in notes(reply))
    [stored] = await questions(runtime)
    assert (stored.outcome, stored.article_id) == ("answer", "teacher-password-reset")


async def test_a_spanish_projector_question_gets_the_spanish_projector_article(
        chat: ConsoleChat, teacher: Person, runtime: Runtime) -> None:
    [reply] = await chat.say("mi proyector no tiene señal", as_=teacher)

    spanish = runtime.kb.get("projector-no-signal", "es")
    assert spanish is not None and spanish.title in reply.text
    assert spanish.summary in reply.text
    [stored] = await questions(runtime)
    assert stored.article_id == "projector-no-signal"


async def test_a_related_article_button_shows_the_spanish_article(
        chat: ConsoleChat, teacher: Person, runtime: Runtime) -> None:
    [answer] = await chat.say("mi proyector no tiene señal", as_=teacher)
    related = [b for blk in answer.blocks if isinstance(blk, Buttons) for b in blk.buttons
               if b.action_id == "answers.show"]
    assert related and related[0].value.endswith(":display-mirroring:es")

    [shown] = await chat.click(related[0].label, as_=teacher)
    spanish = runtime.kb.get("display-mirroring", "es")
    assert spanish is not None and spanish.title in shown.text


@pytest.mark.parametrize("request_text", [
    "quiero hablar con una persona", "ábreme un ticket por favor"])
async def test_asking_for_a_person_in_spanish_opens_a_ticket_with_the_question(
        chat: ConsoleChat, teacher: Person, runtime: Runtime, request_text: str) -> None:
    await chat.say("mi proyector no tiene señal", as_=teacher)
    [opened] = await chat.say(request_text, as_=teacher)

    [ticket] = await tickets(runtime)
    assert ticket.text == "mi proyector no tiene señal"
    assert f"Ticket #{ticket.id} is open" in opened.text


async def test_spanish_greetings_and_thanks_are_conversation(
        chat: ConsoleChat, teacher: Person, runtime: Runtime) -> None:
    [hello] = await chat.say("hola, buenos días", as_=teacher)
    [thanks] = await chat.say("muchas gracias", as_=teacher)

    assert (hello.text, thanks.text) == (views.GREETING, views.THANKS)
    assert await questions(runtime) == []


def test_the_fallback_article_carries_one_line_saying_its_language(tmp_path: Path) -> None:
    district = tmp_path / "district"
    district.mkdir()
    write(district, "bell-schedule-display", title="The hallway bell schedule display is blank",
          topic="bell schedule display")
    kb = load_knowledge_base(district)
    decision = kb.answer("bell schedule display en blanco", "es")
    assert decision.fallback and decision.article is not None
    reply = views.article_reply(decision.article, 1, fallback=decision.fallback)

    assert notes(reply)[0] == views.FALLBACK.format(language="English")
    assert "Yes" in labels([reply])
