"""A coach's record in the coach's language: a coach who chose Spanish adds a workshop the
way she would write it in Spanish, fills in the form, and reads the summary and the CSV in
Spanish (the CSV's dates and numbers as any spreadsheet reads them); an English-speaking coach
still reads English."""

from __future__ import annotations

import csv
import io
import re

from adapters.console import ConsoleChat, render
from bot.blocks import Form, Reply
from bot.vocabulary import Person
from tests.bot.features.conftest import Staff, form_of

ENGLISH = re.compile(r"\b(the|your|record|added|workshops?|session|hours?|attendees?|people|"
                     r"to|and|nothing|yet|lines?|as|steps?|done|kind|title|date)\b",
                     re.IGNORECASE)


def english_in(reply: Reply) -> list[str]:
    """The English words a reply lets through (commands it names aside)."""
    forms = [b for b in reply.blocks if isinstance(b, Form)]
    said = "\n".join([render(reply)] + [" ".join([f.title, f.submit_label] + [
        f"{i.label} {getattr(i, 'placeholder', '')}" for i in f.fields]) for f in forms])
    return ENGLISH.findall(re.sub(r"`[^`]*`", "", said))


async def test_a_spanish_speaking_coach_keeps_her_record_in_spanish(
        chat: ConsoleChat, staff: Staff) -> None:
    coach = staff.coach
    await chat.say("/prepbot language es", as_=coach)
    [added] = await chat.say("/portfolio workshop Nearpod básico el 2026-11-12, 14 asistentes, "
                             "1,5 horas", as_=coach)
    assert added.text == ("Taller agregado a su registro: “Nearpod básico”, 12 de noviembre de "
                          "2026, 14 asistentes, 1,5 horas.")
    [shown] = await chat.say("/portfolio workshop", as_=coach)
    form = form_of([shown])
    assert form.title == "Agregar un taller o sesión de desarrollo profesional"
    assert [f.label for f in form.fields] == ["Título", "Tipo", "Fecha", "Asistentes", "Horas"]
    [pd] = await chat.submit("portfolio.workshop", {
        "title": "Ciudadanía digital", "kind": "pd", "held_on": "2026-10-02",
        "attendees": "30", "hours": "2,5"}, form.context, as_=coach)
    assert pd.text.startswith("Sesión de desarrollo profesional agregada a su registro: "
                              "“Ciudadanía digital”, 2 de octubre de 2026, 30 asistentes, 2,5")
    await chat.say("/cycle start @Ms Rivera", as_=coach)

    [record] = await chat.say("/portfolio", as_=coach)
    summary = render(record)
    assert summary.startswith(
        "Su registro: Mr Okafor, del 1 ago 2026 al 31 jul 2027: 1 sesión de desarrollo "
        "profesional, 1 ciclo de coaching, 1 taller; 4 horas; 44 asistentes en talleres y "
        "desarrollo profesional.")
    assert ("• 1 dic, ciclo de coaching: Ciclo de coaching (meta, clase modelo, co-enseñanza, "
            "reflexión) (1 persona), 0 de 4 pasos hechos") in summary
    assert "• 12 nov, taller: Nearpod básico (14 personas), se realizó" in summary
    [as_csv] = await chat.say("/portfolio csv", as_=coach)
    rows = list(csv.DictReader(io.StringIO(as_csv.text)))
    assert list(rows[0]) == ["tipo", "fecha", "título", "personas", "horas", "resultado"]
    assert [(r["tipo"], r["fecha"], r["horas"]) for r in rows] == [
        ("sesión de desarrollo profesional", "2026-10-02", "2.5"),
        ("taller", "2026-11-12", "1.5"), ("ciclo de coaching", "2026-12-01", "0")]
    [last_year] = await chat.say("/portfolio año pasado", as_=coach)
    assert "del 1 ago 2025 al 31 jul 2026: nada registrado todavía; 0 horas." in last_year.text
    [bad] = await chat.say("/portfolio workshop el 2026-11-12", as_=coach)
    assert bad.text.startswith("¿Cómo se llamaba? Pruebe `/portfolio workshop Nearpod básico")
    [backwards] = await chat.say("/portfolio 2027-01-01..2026-01-01", as_=coach)
    assert backwards.text == "Un rango va de una fecha anterior a una posterior."
    for reply in (added, shown, pd, record, as_csv, last_year, bad, backwards):
        assert english_in(reply) == [], reply.text


async def test_an_english_speaking_coach_still_reads_english(chat: ConsoleChat,
                                                             staff: Staff) -> None:
    await chat.say("/prepbot language es", as_=staff.coach)
    await chat.say("/portfolio workshop Nearpod basics on 2026-11-12, 14 attendees",
                   as_=staff.coach)
    other = Person(platform="console", user_id="other-coach", display_name="Ms Lee")
    await chat.say("/prepbot role console:other-coach coach", as_=staff.admin)
    await chat.say("/portfolio workshop Blooket on 2026-11-20, 1 attendee, 1 hour", as_=other)
    [theirs] = await chat.say("/portfolio", as_=other)
    assert render(theirs).startswith("Your record: Ms Lee, Aug 1, 2026 to Jul 31, 2027: "
                                     "1 workshop; 1 hour; 1 attendee at workshops and PD.")
    assert "• Nov 20, workshop: Blooket (1 person), held" in render(theirs)
    [as_csv] = await chat.say("/portfolio csv", as_=other)
    assert as_csv.text.splitlines()[0] == "kind,date,title,people,hours,outcome"
    assert english_in(theirs)
