"""A Spanish-speaking coach reads a pulse's status and results in Spanish: every figure's
words, the reading of its consistency, the buy-in against the target and the chart's
description; an English-speaking coach still reads them in English."""

from __future__ import annotations

from adapters.console import ConsoleChat, render
from adapters.runtime import Runtime
from bot.blocks import Image, Reply
from bot.vocabulary import Person
from tests.bot.features.pulse.conftest import CohortMessenger, launch
from tests.bot.features.pulse.test_results import answered_by, fields_of
from tests.support.clock import FakeClock

# Sentences of the results in English: none of them may reach a Spanish speaker.
ENGLISH = ("mean ", " agree", "Buy-in", "intend to keep", "How consistently", "alpha ",
           "While the survey is open", "Line chart", "wave ", "perceived", "target", "answers")


def everything(reply: Reply) -> str:
    """The reply's text, every block and the chart's description."""
    return "\n".join([reply.text, render(reply),
                      *(b.alt for b in reply.blocks if isinstance(b, Image))])


async def test_a_spanish_speaking_coach_reads_status_and_results_in_spanish(
        chat: ConsoleChat, coach: Person, runtime: Runtime, outbox: CohortMessenger,
        pilot: list[Person], morning: FakeClock) -> None:
    await chat.say("/prepbot language es", as_=coach)
    await launch(chat, coach, runtime)
    await answered_by(chat, outbox, pilot, 4)
    [early] = await chat.say("/pulse results nearpod", as_=coach)
    assert "todavía no hay resultados" in early.text
    assert "Mientras la encuesta está abierta, las respuestas se publican de 5 en 5." in early.text
    [status] = await chat.say("/pulse status", as_=coach)
    assert "6 invitados, 0 respuestas publicadas" in status.text

    await answered_by(chat, outbox, pilot[4:], 1)
    [reply] = await chat.say("/pulse results nearpod", as_=coach)
    assert fields_of(reply)["PU"] == "promedio 5,6 de 7 (DE 1,3), 80\xa0% de acuerdo"
    said = everything(reply)
    assert "Utilidad percibida (PU)" in said
    assert ("Aceptación: el 80\xa0% piensa seguir usando Nearpod, por debajo de la meta del "
            "85%.") in said
    assert "(alfa de Cronbach): PU: alfa 0,89, buena: las afirmaciones miden lo mismo" in said
    assert "Gráfico de líneas de los promedios del pulso de Nearpod por ola" in said
    assert "utilidad percibida: ola 1 5,6" in said
    assert [word for word in ENGLISH if word in said] == []


async def test_an_english_speaking_coach_still_reads_them_in_english(
        chat: ConsoleChat, coach: Person, runtime: Runtime, outbox: CohortMessenger,
        pilot: list[Person], morning: FakeClock) -> None:
    await launch(chat, coach, runtime)
    await answered_by(chat, outbox, pilot, 5)
    [reply] = await chat.say("/pulse results nearpod", as_=coach)
    said = everything(reply)
    assert "Perceived usefulness (PU)" in said
    assert "Buy-in: 80% intend to keep using Nearpod, which is below the 85% target." in said
    assert "(Cronbach's alpha): PU: alpha 0.89, good: the statements measure the same" in said
    assert "perceived usefulness: wave 1 5.5" in said
