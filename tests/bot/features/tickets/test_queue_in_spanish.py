"""The ticket queue, a teacher's own tickets and the coach's buttons in each person's
language: `/tickets` for Spanish speakers, coach and teacher, and the same in English."""

from __future__ import annotations

import pytest

from adapters.console import ConsoleChat, render
from adapters.runtime import Runtime
from bot.blocks import Button, Form, Reply
from bot.vocabulary import Person
from tests.bot.features.tickets.conftest import labels, tickets
from tests.support.recording import RecordingMessenger


@pytest.fixture
async def number(chat: ConsoleChat, teacher: Person, runtime: Runtime) -> str:
    """An open ticket from the teacher, needed today, in room 12."""
    form = form_in(await chat.say("/ticket", as_=teacher))
    await chat.submit(form.form_id, {"text": "the document camera shows nothing", "room": "12",
                                     "urgency": "today", "category": "hardware",
                                     "identifiers": "mask"}, form.context, as_=teacher)
    return str((await tickets(runtime))[0].id)


def form_in(replies: list[Reply]) -> Form:
    return next(b for r in replies for b in r.blocks if isinstance(b, Form))


async def test_a_spanish_speaking_coach_reads_the_queue_and_the_card_buttons_in_spanish(
        chat: ConsoleChat, coach: Person, number: str) -> None:
    await chat.say("/prepbot language es", as_=coach)
    [queue] = await chat.say("/tickets", as_=coach)
    shown = render(queue)
    assert shown.startswith("Cola de tickets: 1 ticket, primero los más urgentes y antiguos")
    assert ("#1 · para hoy · Salón 12 · Lincoln Elementary · abierto ahora mismo · nuevo, "
            "nadie lo tiene todavía") in shown
    assert "Filtros: `mine` (míos), `unassigned` (sin asignar), `all` (todos los estados)" in shown
    assert labels([queue]) == ["Abrir el ticket #1", "Tomar el ticket #1"]
    [none] = await chat.say("/tickets school Hillside Middle", as_=coach)
    assert none.text == "No hay nada en la cola con esos filtros."
    [card] = await chat.press(Button("#", "tickets.view", number), as_=coach)
    assert labels([card]) == ["Tomar", "Responder", "Esperando al maestro", "Resolver",
                              "Fusionar con…"]
    assert "Categoría: Equipos" in render(card) and "Urgencia: hoy" in render(card)
    for english in ("Room", "needed", "nobody", "opened", "Filters", "queue", "Claim"):
        assert english not in shown + render(card)


async def test_a_spanish_speaking_teacher_reads_their_tickets_and_the_coach_hears_in_spanish(
        chat: ConsoleChat, coach: Person, teacher: Person, number: str,
        outbox: RecordingMessenger) -> None:
    await chat.say("/prepbot language es", as_=teacher)
    [mine] = await chat.say("/tickets", as_=teacher)
    assert render(mine).startswith("Sus tickets\n• #1 (nuevo) the document camera")
    assert labels([mine]) == ["Abrir el ticket #1"]
    await chat.press(Button("Claim", "tickets.claim", number), as_=coach)
    form = form_in(await chat.press(Button("Reply", "tickets.answer", number), as_=teacher))
    assert (form.title, form.fields[0].label, form.submit_label) == (
        "Responder en el #1", "Su mensaje", "Enviar")
    [added] = await chat.submit(form.form_id, {"text": "No, it's off"}, form.context,
                                as_=teacher)
    assert added.text == "Se agregó al ticket #1."
    assert outbox.to(coach) == ["#1: Ms Rivera wrote: No, it's off"]  # in the coach's English
    await chat.say("/prepbot language es", as_=coach)
    await chat.submit(form.form_id, {"text": "Still off"}, form.context, as_=teacher)
    assert outbox.to(coach)[-1] == "#1: Ms Rivera escribió: Still off"


async def test_an_english_speaker_still_reads_the_queue_and_their_tickets_in_english(
        chat: ConsoleChat, coach: Person, teacher: Person, number: str) -> None:
    [queue] = await chat.say("/tickets", as_=coach)
    assert ("#1 · needed today · Room 12 · Lincoln Elementary · opened just now · new, "
            "nobody has it yet") in render(queue)
    [card] = await chat.press(Button("#", "tickets.view", number), as_=coach)
    assert labels([card]) == ["Claim", "Reply", "Waiting on teacher", "Resolve", "Merge into…"]
    assert "Category: Hardware" in render(card)
    [mine] = await chat.say("/tickets", as_=teacher)
    assert render(mine).startswith("Your tickets\n• #1 (new) the document camera")
    [none] = await chat.say("/tickets", as_=Person(platform="console", user_id="diaz"))
    assert none.text == "You have no tickets. `/ticket` opens one."
