"""An admin who speaks Spanish adds schools and closures in Spanish, is corrected in Spanish,
and reads the core's settings and a person's export note in Spanish; English stays English."""

from __future__ import annotations

from adapters.console import ConsoleChat, render
from adapters.runtime import Runtime
from bot.privacy import export_person
from bot.vocabulary import Person


async def test_a_spanish_speaking_admin_adds_and_changes_a_school_in_spanish(
        chat: ConsoleChat, admin: Person) -> None:
    await chat.say("/prepbot language es", as_=admin)

    [added] = await chat.say("/prepbot schools add Lincoln Middle America/Chicago 07:45-15:15",
                             as_=admin)
    assert added.text.startswith("Lincoln Middle agregada: America/Chicago, 07:45-15:15")
    assert "Los maestros indican dónde trabajan con `/prepbot school Lincoln Middle`" \
        in added.text
    [updated] = await chat.say("/prepbot schools add Lincoln Middle America/Chicago 08:00-15:30",
                               as_=admin)
    assert updated.text.startswith("Lincoln Middle actualizada: America/Chicago, 08:00-15:30")
    assert "added" not in added.text + updated.text and "Teachers say" not in added.text


async def test_its_mistakes_are_explained_in_spanish_and_change_nothing(
        chat: ConsoleChat, admin: Person) -> None:
    await chat.say("/prepbot language es", as_=admin)
    await chat.say("/prepbot schools add Lincoln Middle", as_=admin)
    tries = {
        "schools add Lincoln Middle Mars/Olympus": "'Mars/Olympus' no es una zona horaria; use "
                                                   "un nombre IANA como America/Chicago.",
        "schools add Lincoln Middle 15:00-07:30": "El horario escolar debe terminar después de "
                                                  "comenzar.",
        "schools add 07:30-15:00": "¿Qué escuela? Pruebe `/prepbot schools add <name>",
        "schools edit Nowhere High": "No conozco ninguna escuela llamada 'Nowhere High'. "
                                     "`/prepbot schools` las muestra.",
        "schools closures Lincoln Middle 2026-13-45": "'2026-13-45' no es una fecha como "
                                                      "2026-12-24.",
        "schools closures Lincoln Middle 2027-01-01..2026-12-21": "Un cierre va de una fecha "
                                                                  "anterior a una posterior.",
        "schools closures Lincoln Middle 2026-01-01..2027-12-31": "Eso es más de un año de "
                                                                  "cierres",
    }
    for text, expected in tries.items():
        [said] = await chat.say(f"/prepbot {text}", as_=admin)
        assert expected in said.text, (text, said.text)
        assert "is not" not in said.text and "Which school" not in said.text

    [form] = await chat.submit("admin.closures", {"dates": "2026-12-24 Nochebuena\nmañana"},
                               "1", as_=admin)
    assert form.text.startswith("Línea 2: 'mañana' no es una fecha como 2026-12-24 ni un rango")
    [gone] = await chat.submit("admin.closures", {"dates": "2026-12-24"}, "99", as_=admin)
    assert gone.text == "Esa escuela ya no existe. `/prepbot schools` las muestra."


async def test_the_cores_own_setting_explains_itself_in_spanish(
        chat: ConsoleChat, admin: Person) -> None:
    await chat.say("/prepbot language es", as_=admin)
    [refused] = await chat.say("/prepbot settings delivery_retention_days none", as_=admin)
    assert "días que se conserva el registro de un mensaje enviado" in render(refused)


async def test_an_english_speaking_admin_still_reads_english(
        chat: ConsoleChat, admin: Person) -> None:
    [added] = await chat.say("/prepbot schools add Lincoln Middle America/Chicago 07:45-15:15",
                             as_=admin)
    assert added.text.startswith("Lincoln Middle added: America/Chicago, 07:45-15:15")
    [wrong] = await chat.say("/prepbot schools add Lincoln Middle Mars/Olympus", as_=admin)
    assert wrong.text == "'Mars/Olympus' is not a time zone; use an IANA name like " \
                         "America/Chicago."


async def test_a_persons_export_notes_in_their_own_language_what_it_leaves_out(
        chat: ConsoleChat, runtime: Runtime, teacher: Person, admin: Person) -> None:
    await chat.say("/prepbot language es", as_=teacher)
    await chat.say("hello", as_=admin)
    async with runtime.sessions() as session:
        rules = runtime.bot.privacy
        theirs = await export_person(session, rules, "console", teacher.user_id)
        english = await export_person(session, rules, "console", admin.user_id)
    assert theirs["not_included"] == ("Las respuestas a las encuestas de pulso son anónimas: "
                                      "nada las vincula con usted.")
    assert english["not_included"].startswith("Pulse survey answers are anonymous")
