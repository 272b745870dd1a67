"""A question that is not about classroom technology hears what prepbot is for and which
office usually answers it, in the asker's language, whichever language it was asked in."""

from __future__ import annotations

import pytest

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.blocks import Buttons, Form
from bot.vocabulary import Person
from tests.bot.features.answers.test_conversation import tickets


@pytest.mark.parametrize(("question", "office"), [
    ("¿cuándo pagan la nómina?", "Recursos Humanos o la oficina de nómina"),
    ("¿quién autoriza la excursión?", "la dirección de su escuela (director o subdirector)"),
    ("necesito un suplente el viernes", "la oficina de la escuela"),
])
async def test_a_spanish_off_topic_question_is_referred_in_spanish(
        chat: ConsoleChat, teacher: Person, question: str, office: str) -> None:
    await chat.say("/prepbot language es", as_=teacher)
    [reply] = await chat.say(question, as_=teacher)
    assert reply.text.startswith("Esa no me toca") or "tecnología" in reply.text
    assert f"Ese tipo de preguntas suele ir a {office}." in reply.text
    assert not any(isinstance(block, Buttons) for block in reply.blocks)


@pytest.mark.parametrize(("question", "office"), [
    ("when do we get paid, is payroll on the 15th?", "HR or the payroll office"),
    ("who approves the field trip next month?", "your principal or assistant principal"),
    ("I need a substitute on friday", "the front office"),
])
async def test_an_english_off_topic_question_is_referred_in_english(
        chat: ConsoleChat, teacher: Person, question: str, office: str) -> None:
    [reply] = await chat.say(question, as_=teacher)
    assert "classroom technology" in reply.text
    assert f"Questions like that usually go to {office}." in reply.text


async def test_a_spanish_question_from_an_english_speaker_is_referred_in_english(
        chat: ConsoleChat, teacher: Person) -> None:
    """A bilingual teacher whose prepbot speaks English asks in Spanish."""
    [reply] = await chat.say("¿cuándo pagan la nómina?", as_=teacher)
    assert "Questions like that usually go to HR or the payroll office." in reply.text


@pytest.mark.parametrize("need", ["I need a substitute on friday",
                                  "necesito un suplente el viernes"])
async def test_a_need_another_office_meets_is_referred_not_made_a_ticket(
        chat: ConsoleChat, teacher: Person, runtime: Runtime, need: str) -> None:
    [reply] = await chat.say(need, as_=teacher)
    assert "Questions like that usually go to the front office." in reply.text
    assert await tickets(runtime) == []


@pytest.mark.parametrize("asked", ["talk to someone about my substitute",
                                   "necesito hablar con alguien del suplente"])
async def test_asking_for_a_person_about_it_is_still_a_ticket(
        chat: ConsoleChat, teacher: Person, asked: str) -> None:
    [reply] = await chat.say(asked, as_=teacher)
    assert any(isinstance(block, Form) for block in reply.blocks)  # the ticket form
