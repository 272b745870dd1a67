"""The tickets feature's coach and admin side in each person's language: the triage step of
the setup checklist, and a help thread's answer kept as a resolved ticket or an article
draft."""

from __future__ import annotations

from adapters.console import ConsoleChat, render
from bot.blocks import Button, Reply
from bot.vocabulary import Person
from tests.bot.features.helpchannels.conftest import Channel

QUESTION = "is anyone else having trouble with google classroom"
ANSWER = "Sign out of Chrome and back in, then rejoin with the class code."


def triage_step(checklist: Reply) -> str:
    """The checklist's line for the triage channel."""
    return next(line for line in render(checklist).splitlines() if "2. " in line)


async def test_a_spanish_speaking_admin_reads_the_triage_step_in_spanish(
        chat: ConsoleChat, admin: Person) -> None:
    [english] = await chat.say("/prepbot setup", as_=admin)
    assert "Set the triage channel. In the channel where coaches triage" in triage_step(english)
    await chat.say("/prepbot language es", as_=admin)
    [todo] = await chat.say("/prepbot setup", as_=admin)
    step = triage_step(todo)
    assert ("Elegir el canal de clasificación de tickets. En el canal donde los coaches "
            "clasifican los tickets, escriba `/prepbot settings route default here`") in step
    assert "triage" not in step.replace("`/prepbot settings route", "")
    await chat.say("/prepbot settings route default here", as_=admin)
    [done] = await chat.say("/prepbot setup", as_=admin)
    assert triage_step(done).endswith("dirigidos: default.")


async def answered(chat: ConsoleChat, teacher: Person, coach: Person, keep: str) -> Button:
    """#tech-help is a help channel; a teacher asks there and the coach answers in the thread;
    then the coach speaks Spanish. The button that keeps the answer so (`keep`)."""
    channel = Channel(chat)
    await channel.command("on", coach)
    await channel.post(QUESTION, teacher)
    await channel.reply(channel.thread, ANSWER, coach)
    button = chat.button(keep)  # on the offer the coach's reply got
    await chat.say("/prepbot language es", as_=coach)
    return button


async def test_a_spanish_speaking_coach_keeps_a_thread_as_a_ticket_in_spanish(
        chat: ConsoleChat, teacher: Person, coach: Person) -> None:
    resolve = await answered(chat, teacher, coach, "helpchannels.resolve")
    [kept] = await chat.press(resolve, as_=coach)
    assert kept.text == ("El ticket #1 lo guarda: la pregunta de Ms Rivera, su respuesta, "
                         "resuelto.")
    await chat.say("/prepbot language en", as_=coach)
    [again] = await chat.press(resolve, as_=coach)  # the same thread: the same ticket
    assert again.text == "Ticket #1 keeps it: Ms Rivera's question, your answer, resolved."


async def test_a_spanish_speaking_coach_keeps_a_thread_as_an_article_draft_in_spanish(
        chat: ConsoleChat, teacher: Person, coach: Person) -> None:
    draft = await answered(chat, teacher, coach, "helpchannels.draft")
    [drafted] = await chat.press(draft, as_=coach)
    assert drafted.text == ("Guardado como borrador de artículo para quienes cuidan la base de "
                            "conocimientos (`prepbot kb drafts`): la pregunta como título y su "
                            "respuesta como texto.")
