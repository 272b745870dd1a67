"""Pilots in each person's language: a Spanish-speaking coach runs one in Spanish, each
teacher reads the notices and check-ins in their own language, and the report, the decision
and the digest come in Spanish; an English-speaking coach still reads English."""

from __future__ import annotations

from datetime import timedelta

from adapters.console import ConsoleChat, render
from adapters.runtime import Runtime
from bot.blocks import Form, Reply
from tests.bot.features.conftest import Staff, TimedMessenger, advance, button, form_of
from tests.bot.features.pilots.conftest import LOW, PILOT, at, end_of_pilot, start
from tests.support.clock import FakeClock

# Sentences of the English replies that must not show through a Spanish one.
ENGLISH = ("pilot runs", "planned", "week", "will visit", "Another time", "Observation",
           "anything break", "Thanks", "Moved", "pilot report", "Recommendation", "Error log",
           "noted", "Dates", "Teachers", "Before (wave 1)", "target", "decided", "Drop")


def english_in(reply: Reply | Form | str) -> list[str]:
    """The English sentence parts a reply shows."""
    shown = reply if isinstance(reply, str) else render(reply) if isinstance(
        reply, Reply) else f"{reply.title} {reply.fields} {reply.submit_label}"
    return [words for words in ENGLISH if words in shown]


async def test_a_spanish_speaking_coach_runs_a_pilot_and_each_teacher_reads_their_language(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, staff: Staff,
        timed: TimedMessenger) -> None:
    coach, rivera, chen = staff.coach, staff.rivera, staff.teachers[1]
    for person in (coach, rivera):
        await chat.say("/prepbot language es", as_=person)
    [unknown] = await chat.say(PILOT, as_=coach)
    assert unknown.text.startswith("Blooket aún no está en el registro de herramientas.")
    await chat.say("/tools add Blooket", as_=coach)
    [too_long] = await chat.say(PILOT.replace("for 4", "for 9"), as_=coach)
    assert too_long.text.startswith("Un piloto dura de 2 a 8 semanas (lo habitual son cuatro): "
                                    "una encuesta en su primera semana y otra en la última. "
                                    "Pruebe `/pilot start Blooket with")

    [started] = await chat.say(PILOT, as_=coach)
    assert started.text == ("El piloto de Blooket va del lunes 30 de noviembre al domingo 27 de "
                            "diciembre con Ms Rivera, Mr Chen, Dr Diaz.")
    assert "8 planificadas, la primera el martes 1 de diciembre a las 08:30" in render(started)
    assert english_in(started) == []
    [mine] = await chat.say("/pilot", as_=coach)
    assert "semana 1 de 4; próxima observación el martes 1 de diciembre" in render(mine)
    [his] = await chat.say("/pilot", as_=chen)
    assert "Blooket: Monday 30 November to Sunday 27 December, week 1 of 4" in render(his)

    # The day before each visit, each teacher hears in their own language.
    await advance(runtime, clock, at("2026-11-30", 11))
    [(_, notice)] = timed.received(rivera, "visitará su clase")
    assert notice.text.startswith("Mr Okafor visitará su clase el martes 1 de diciembre a las "
                                  "08:30 para ver Blooket en uso (semana 1 del piloto).")
    assert english_in(notice) == []
    [moved] = await chat.press(button(notice, "En otro momento"), as_=rivera)
    assert moved.text == "Listo: la observación ahora es el miércoles 2 de diciembre a las 09:30."
    assert timed.received(coach, "La observación de Blooket se cambió al miércoles 2 de "
                                 "diciembre a las 09:30.")
    await advance(runtime, clock, at("2026-12-02", 12))
    [(_, visit)] = timed.received(coach, "Observación el miércoles 2 de diciembre a las 09:30: "
                                         "la clase de Ms Rivera usando Blooket")
    [asked] = await chat.press(button(visit, "Agregar mi nota"), as_=coach)
    note = form_of([asked])
    assert (note.title, note.submit_label) == ("Observación: Ms Rivera", "Guardar nota")
    assert english_in(note) == []
    [empty] = await chat.submit("pilots.observed", {"note": " "}, note.context, as_=coach)
    assert empty.text == "Escriba una línea sobre lo que observó."
    [noted] = await chat.submit("pilots.observed", {"note": "Empezaron rápido",
                                                    "on_task": "7 de 9"}, note.context, as_=coach)
    assert noted.text == "Observación anotada; se incluirá en el informe del piloto."

    # Friday's check-in: Spanish for Ms Rivera, English for Mr Chen.
    await advance(runtime, clock, at("2026-12-04", 15))
    [(_, hers)] = timed.received(rivera, "Piloto de Blooket, semana 1: ¿algo falló esta semana?")
    assert english_in(form_of([hers])) == []
    assert timed.received(chen, "Blooket pilot, week 1: anything break this week?")
    [thanks] = await chat.submit("pilots.checkin", {"text": "se congeló en el tercer periodo"},
                                 form_of([hers]).context, as_=rivera)
    assert thanks.text == "¡Gracias! Su coach lee estas respuestas en el informe del piloto."

    [report] = await chat.say("/pilot report Blooket", as_=coach)
    shown = render(report)
    for words in ("Informe del piloto de Blooket (hasta ahora)",
                  "del lunes 30 de noviembre al domingo 27 de diciembre",
                  "Antes (ola 1): no se muestra; 0 respuestas publicadas de 3 personas "
                  "consultadas", "Después (última ola): aún no se hizo",
                  "1 de 8 anotadas; en la tarea 7 de 9", "Registro de errores: 0 reportes",
                  "fallas y congelamientos (1): “se congeló en el tercer periodo”",
                  "Recomendación: extender: la encuesta final aún no se ha hecho"):
        assert words in shown, words
    assert english_in(shown) == []
    clock.current += timedelta(minutes=1)  # the digest counts what came before it was asked
    [digest] = await chat.say("/digest this week", as_=coach)
    assert ("• Blooket: semana 1 de 4; 1 de 2 observaciones anotadas hasta ahora, "
            "1 seguimiento") in render(digest)
    [record] = await chat.say("/portfolio", as_=coach)
    assert "piloto de Blooket, 4 semanas" in render(record) and "en curso" in render(record)


async def test_the_report_and_the_decision_in_spanish_and_the_registers_reason_in_english(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, staff: Staff,
        timed: TimedMessenger) -> None:
    await chat.say("/prepbot language es", as_=staff.coach)
    await end_of_pilot(chat, runtime, clock, staff, timed, [LOW, LOW, LOW])
    [(_, report)] = timed.received(staff.coach, "Informe del piloto de Blooket")
    shown = render(report)
    assert ("Recomendación: descartar: aceptación del 0\xa0%, muy por debajo de la meta del "
            "85\xa0%.") in shown  # Spanish writes a (non-breaking) space before the sign
    assert "Después (última ola): el 0\xa0% está de acuerdo en que la seguirá usando" in shown
    assert english_in(shown) == []
    assert button(report, "Descartar").style == "primary"
    [dropped] = await chat.press(button(report, "Descartar"), as_=staff.coach)
    assert dropped.text == "Blooket no se adopta; los maestros que la pidieron reciben el motivo."
    [again] = await chat.press(button(report, "Adoptar"), as_=staff.coach)
    assert again.text == "El piloto de Blooket ya se decidió: descartar."
    [mine] = await chat.say("/pilot", as_=staff.coach)
    assert "decisión: descartar" in render(mine)
    # The register keeps one reason for everyone who asks: in the district's language.
    await advance(runtime, clock, at("2026-12-15", 15))
    [(_, told)] = timed.received(staff.teachers[2], "which you asked for, isn't approved")
    assert "after its pilot (your coach can tell you more)" in told.text
    assert "0%" not in told.text  # a wave's figure is its coach's


async def test_an_english_speaking_coach_still_reads_english(
        chat: ConsoleChat, staff: Staff) -> None:
    await chat.say("/prepbot language es", as_=staff.rivera)  # a teacher's choice is hers
    started = await start(chat, staff)
    assert "The Blooket pilot runs Monday 30 November to Sunday 27 December with Ms Rivera, " \
           "Mr Chen, Dr Diaz." in started
    assert "8 planned, the first Tuesday 1 December at 08:30" in started
    [report] = await chat.say("/pilot report Blooket", as_=staff.coach)
    assert "Recommendation: extend: the post survey hasn't run yet" in render(report)
    [refused] = await chat.say(PILOT, as_=staff.rivera)
    assert refused.text.startswith("Solo los coaches inician pilotos.")
