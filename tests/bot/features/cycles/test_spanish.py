"""Coaching cycles in each person's language: a coach who chose Spanish plans, completes,
moves and calls off a cycle in Spanish while the English-speaking teacher hears of it in
English; a teacher whose platform speaks Spanish (es-MX) reads her step's prompt and form in
Spanish while her English-speaking coach reads her answers in English."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime

from adapters.console import ConsoleChat, render
from adapters.runtime import Runtime
from bot.blocks import Form, Reply
from tests.bot.features.conftest import NEW_YORK, Staff, TimedMessenger, advance, button
from tests.support.clock import FakeClock

# Words of an English sentence that no Spanish one of these replies has.
ENGLISH = re.compile(r"\b(the|with|your|step|is|and|to|of|at|done|moved|cycle|four)\b",
                     re.IGNORECASE)


def at(day: str, hour: int, minute: int = 0) -> datetime:
    """New York wall-clock time as UTC."""
    return datetime.fromisoformat(day).replace(hour=hour, minute=minute,
                                               tzinfo=NEW_YORK).astimezone(UTC)


def shown(reply: Reply) -> str:
    """Everything a person reads in a reply, a form's labels and placeholders included."""
    forms = [b for b in reply.blocks if isinstance(b, Form)]
    return "\n".join([render(reply)] + [
        "\n".join([f.title, f.submit_label] + [f"{i.label} {getattr(i, 'placeholder', '')}"
                                               for i in f.fields]) for f in forms])


def english_in(reply: Reply) -> list[str]:
    """The English words a reply lets through."""
    return ENGLISH.findall(shown(reply).replace("`/cycle start @teacher`", ""))


async def test_a_spanish_speaking_coach_runs_a_cycle_in_spanish_and_the_teacher_hears_english(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, staff: Staff,
        timed: TimedMessenger) -> None:
    coach, rivera = staff.coach, staff.rivera
    await chat.say("/prepbot language es", as_=coach)
    [planned] = await chat.say("/cycle start @Ms Rivera", as_=coach)
    assert planned.text == ("Ciclo de coaching con Ms Rivera: cuatro pasos en sus horas de "
                            "planificación.")
    assert render(planned).splitlines()[1:5] == [
        "• 1. Reunión para fijar metas: martes 1 de diciembre a las 10:15",
        "• 2. Clase modelo: martes 8 de diciembre a las 10:15",
        "• 3. Co-enseñanza: martes 15 de diciembre a las 10:15",
        "• 4. Reunión de reflexión: martes 22 de diciembre a las 10:15"]
    assert english_in(planned) == []

    [mine] = await chat.say("/cycle", as_=coach)
    assert render(mine).startswith("Ciclos de coaching\nCon Ms Rivera: planificado")
    await advance(runtime, clock, at("2026-12-01", 9))
    [(_, reminder)] = timed.received(coach, "paso 1 de 4")
    assert reminder.text == ("Hoy, martes 1 de diciembre a las 10:15: paso 1 de 4 con Ms Rivera, "
                             "Reunión para fijar metas.")
    assert "[Hecho]  [En otro momento]" in render(reminder) and english_in(reminder) == []
    [prompt] = [r for _, r in timed.received(rivera, "step 1 of 4")]  # she speaks English
    assert "Goal-setting conference with Mr Okafor, Tuesday 1 December at 10:15" in prompt.text

    [finished] = await chat.press(button(reminder, "Hecho"), as_=coach)
    assert finished.text == "El paso 1 (Reunión para fijar metas) está hecho."
    [moved] = await chat.say("/cycle reschedule @Ms Rivera paso 3 al 2026-12-17", as_=coach)
    assert moved.text == "Listo: el paso 3 ahora es el jueves 17 de diciembre a las 10:15."
    [bad] = await chat.say("/cycle reschedule @Ms Rivera al 2026-13-40", as_=coach)
    assert bad.text == "Una fecha como 2027-03-10, por favor."
    [digest] = await chat.say("/digest", as_=coach)
    assert "Ciclos de coaching" in render(digest) and "Clase modelo: 1" in render(digest)
    [off] = await chat.say("/cycle cancel @Ms Rivera", as_=coach)
    assert off.text == "El ciclo con Ms Rivera quedó cancelado."
    [alone] = await chat.say("/cycle done @Ms Rivera", as_=coach)
    assert alone.text == "No tiene ningún ciclo de coaching en curso con Ms Rivera."
    for reply in (finished, moved, bad, off, alone):
        assert english_in(reply) == [], reply.text

    await advance(runtime, clock, at("2026-12-02", 9))
    assert timed.received(rivera, "Your coaching cycle: the co-teaching lesson moved to "
                                  "Thursday 17 December at 10:15.")
    assert timed.received(rivera, "Mr Okafor called off your coaching cycle.")


async def test_a_teacher_whose_platform_speaks_spanish_answers_her_prompt_in_spanish(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, staff: Staff,
        timed: TimedMessenger) -> None:
    coach, rivera = staff.coach, replace(staff.rivera, locale="es-MX")
    [empty] = await chat.say("/cycle", as_=rivera)  # her platform tells prepbot her locale
    assert empty.text.startswith("No tiene ningún ciclo de coaching. Pida uno después de una "
                                 "charla de Café y Currículo")
    await chat.say("/cycle start @Ms Rivera", as_=coach)
    await advance(runtime, clock, at("2026-11-30", 11))
    [(_, prompt)] = timed.received(rivera, "paso 1 de 4")
    assert prompt.text.startswith("Ciclo de coaching, paso 1 de 4: Reunión para fijar metas con "
                                  "Mr Okafor, el martes 1 de diciembre a las 10:15. ¿Qué le "
                                  "gustaría cambiar para sus estudiantes?")
    form = next(b for b in prompt.blocks if isinstance(b, Form))
    assert (form.title, form.submit_label) == ("Paso 1: Reunión para fijar metas",
                                               "Enviar a mi coach")
    assert [f.label for f in form.fields][:1] == ["Su meta para estas cuatro semanas"]
    assert english_in(prompt) == []

    [thanks] = await chat.submit(form.form_id, {"goal": "Boletos de salida a diario",
                                                "target": "Explican su estrategia"},
                                 form.context, as_=rivera)
    assert thanks.text == "Gracias: su coach ya lo tiene para este paso."
    [later] = await chat.press(button(prompt, "En otro momento"), as_=rivera)
    assert later.text == ("Listo: la reunión para fijar metas ahora es el miércoles 2 de "
                          "diciembre a las 10:15.")
    [mine] = await chat.say("/cycle", as_=rivera)
    assert render(mine).startswith("Ciclos de coaching\nCon Ms Rivera: planificado. Meta: "
                                   "Boletos de salida a diario\n• 1. Reunión para fijar metas: "
                                   "miércoles 2 de diciembre")
    for reply in (thanks, later, mine):
        assert english_in(reply) == [], reply.text

    # Her coach speaks English: what she wrote and did reaches him in English.
    assert timed.received(coach, "Ms Rivera answered step 1 (Goal-setting conference): goal: "
                                 "Boletos de salida a diario; target: Explican su estrategia")
    assert timed.received(coach, "Coaching cycle: the goal-setting conference moved to "
                                 "Wednesday 2 December at 10:15.")
    [coachs] = await chat.say("/cycle", as_=coach)
    assert "With Ms Rivera: planned. Goal: Boletos de salida a diario" in render(coachs)
