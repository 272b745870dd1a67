"""The tool register in Spanish: a teacher who chose Spanish (or whose platform speaks it)
asks, requests and hears decisions and notices in Spanish; a coach who chose it runs the
register, the checklist and its gate in Spanish; status words, checklist points and results
are translated labels, while what is typed (`/tools status ... adopted`) stays English; and
an English speaker beside them still gets English."""

from __future__ import annotations

import dataclasses
import re
from datetime import timedelta

from sqlalchemy import select

from adapters.console import ConsoleChat, render
from adapters.runtime import Runtime
from bot.blocks import Buttons, Form, Input, Reply
from bot.features.tools import forms
from bot.features.tools.models import ToolRow
from bot.i18n import speaking
from tests.bot.features.conftest import Staff, TimedMessenger, advance, button, form_of
from tests.support.clock import FakeClock

# English words that have no business in a Spanish reply (outside `code`, names and links).
ENGLISH = re.compile(r"\b(the|is|isn't|and|you|your|it|teachers?|approved|register|asked|"
                     r"decided|review|pilot|checklist|notice|retired?|please)\b", re.IGNORECASE)


def english_in(reply: Reply) -> list[str]:
    """The English words left in a reply's text and blocks, once code spans are set aside."""
    return ENGLISH.findall(re.sub(r"`[^`]*`", "", render(reply)))


async def edit(runtime: Runtime, name: str, **facts: object) -> None:
    async with runtime.sessions() as session, session.begin():
        tool = (await session.execute(select(ToolRow).where(ToolRow.name == name))).scalar_one()
        for key, value in facts.items():
            setattr(tool, key, value)


async def test_a_teacher_who_chose_spanish_asks_and_requests_in_spanish(
        chat: ConsoleChat, runtime: Runtime, staff: Staff) -> None:
    rivera, chen, _ = staff.teachers
    await chat.say("/tools add Kahoot adopted", as_=staff.coach)
    await edit(runtime, "Kahoot", grades="3-8", access="entre con su cuenta de Google")
    await chat.say("/prepbot language es", as_=rivera)

    [yes] = await chat.say("¿Puedo usar Kahoot con mi clase?", as_=rivera)
    assert yes.text == ("Sí: Kahoot es una herramienta aprobada para los grados 3-8 en Lincoln "
                        "Elementary. Cómo obtener acceso: entre con su cuenta de Google")
    [asked] = await chat.say("/tools request Blooket: juegos de repaso de fracciones",
                             as_=rivera)
    assert asked.text == ("Gracias: Blooket está en el registro como herramienta solicitada y "
                          "ya la ha pedido 1 maestro. Le avisaré cuando se decida.")
    [again] = await chat.say("/tools request blooket", as_=rivera)
    assert again.text == "Usted ya pidió Blooket; le avisaré cuando se decida."

    [review] = await chat.say("¿Mis alumnos pueden usar Blooket?", as_=rivera)
    assert review.text.startswith("Blooket está en revisión (1 maestro ha pedido esta "
                                  "herramienta). Un coach lo decidirá")
    assert "no haga que los estudiantes se registren" in review.text
    assert button(review, "Yo también: avíseme cuando se decida")
    [listed] = await chat.say("/tools", as_=rivera)
    assert render(listed).startswith("El registro de herramientas\nSolicitadas: Blooket\n"
                                     "Aprobadas: Kahoot\n`/tools <name>` para la ficha")
    for reply in (yes, asked, again, review, listed):
        assert english_in(reply) == [], reply.text

    # Mr Chen speaks English: the same register answers him in English.
    [his] = await chat.say("can I use Blooket with my class?", as_=chen)
    assert his.text.startswith("Blooket is under review (1 teacher has asked for it).")
    [metoo] = await chat.press(button(his, "Me too"), as_=chen)
    assert "2 teachers have asked for it" in metoo.text


async def test_a_teacher_whose_platform_speaks_spanish_is_offered_a_request_in_spanish(
        chat: ConsoleChat, staff: Staff) -> None:
    mexico = dataclasses.replace(staff.rivera, locale="es-MX")
    replies = await chat.say("¿Puedo usar Padlet con mi clase?", as_=mexico)
    said = " ".join(render(r) for r in replies)
    assert "Padlet todavía no está en el registro de herramientas del distrito" in said
    [offer] = [r for r in replies if any(isinstance(b, Buttons) and any(
        x.action_id == "tools.request" for x in b.buttons) for b in r.blocks)]
    [thanks] = await chat.press(button(offer, "Solicitar Padlet"), as_=mexico)
    assert thanks.text.startswith("Gracias: Padlet está en el registro como herramienta "
                                  "solicitada")
    [unknown] = await chat.say("/tools Canva", as_=mexico)
    assert unknown.text == "Canva no está en el registro. `/tools request Canva` la solicita."
    [form] = await chat.say("/tools request", as_=mexico)
    shown = form_of([form])
    assert shown.title == "Solicitar una herramienta"
    assert [f.label for f in shown.fields] == [
        "Herramienta o aplicación",
        "¿Qué harían los estudiantes con ella? (el objetivo de aprendizaje o el estándar)"]
    for reply in (thanks, unknown):
        assert english_in(reply) == [], reply.text


async def test_a_coach_who_chose_spanish_runs_the_checklist_and_its_gate_in_spanish(
        chat: ConsoleChat, staff: Staff) -> None:
    coach = staff.coach
    await chat.say("/prepbot language es", as_=coach)
    [added] = await chat.say("/tools add Blooket", as_=coach)
    assert added.text == ("Blooket está en el registro como herramienta en evaluación, a su "
                          "cargo. Siguiente paso: `/tools checklist Blooket`.")
    [shown] = await chat.say("/tools checklist Blooket", as_=coach)
    form = form_of([shown])
    assert form.title == "Lista de verificación: Blooket"
    assert form.submit_label == "Guardar la lista de verificación"
    privacy = form.fields[0]
    assert isinstance(privacy, Input)
    assert privacy.label.startswith("Privacidad de datos (FERPA/COPPA): ¿El proveedor protege")
    assert [(o.value, o.label) for o in privacy.options] == [
        ("pass", "cumple"), ("fail", "no cumple"), ("unknown", "sin confirmar")]

    [checked] = await chat.say("/tools check Blooket privacy fail sin acuerdo firmado", as_=coach)
    lines = render(checked)
    assert "Se guardó la lista de verificación de Blooket." in lines
    assert "• Privacidad de datos (FERPA/COPPA): NO CUMPLE: sin acuerdo firmado" in lines
    assert "• Funciona en teléfonos: sin confirmar" in lines
    assert ("No puede entrar en un piloto: no cumplió con Privacidad de datos (FERPA/COPPA). Un "
            "administrador puede hacer una excepción") in lines
    [refused] = await chat.say("/tools status Blooket adopted", as_=coach)
    assert refused.text.startswith("Blooket no se puede aprobar: no cumplió con Privacidad")
    [pilot] = await chat.say("/tools status Blooket piloting", as_=coach)
    assert pilot.text == ("Un piloto se inicia con `/pilot start Blooket with @a @b @c for 4 "
                          "weeks`.")
    [wrong] = await chat.say("/tools check Blooket telepathy pass", as_=coach)
    assert wrong.text.startswith("'telepathy' no es un punto de la lista de verificación. Los "
                                 "puntos: privacy, sso,")

    [card] = await chat.say("/tools Blooket", as_=coach)
    shown_card = render(card)
    assert "Estado: en evaluación" in shown_card and "Responsable: Mr Okafor" in shown_card
    assert "Escuelas: todas las escuelas" in shown_card
    assert "Lista de verificación: 1 no cumple (privacy), 5 sin confirmar (sso," in shown_card
    assert "Piloto: bloqueado: no cumplió con Privacidad de datos" in shown_card
    assert button(card, "Editar") and button(card, "Lista de verificación")
    for reply in (added, checked, refused, card):
        assert english_in(reply) == [], reply.text

    # The admin reads the same card in English.
    [theirs] = await chat.say("/tools Blooket", as_=staff.admin)
    assert "Status: being evaluated" in render(theirs)
    assert "Checklist: 1 fail (privacy), 5 unknown (sso," in render(theirs)


async def test_decisions_and_the_retirement_notice_reach_each_teacher_in_their_language(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, staff: Staff,
        timed: TimedMessenger) -> None:
    rivera, chen, _ = staff.teachers
    coach = staff.coach
    await chat.say("/prepbot language es", as_=rivera)
    await chat.say("/tools add Kahoot adopted", as_=coach)
    await chat.say("/tools request Blooket", as_=rivera)
    await chat.say("/tools request Blooket", as_=chen)
    [moved] = await chat.say("/tools status Blooket adopted", as_=coach)
    assert moved.text == ("Blooket is now approved. The 2 teachers who asked for it will "
                          "hear.")
    await advance(runtime, clock, clock.current + timedelta(days=1))
    [(_, news)] = timed.received(rivera, "Buenas noticias")
    assert news.text == ("Buenas noticias: la herramienta que usted pidió, Blooket, ya está "
                         "aprobada. Cómo obtener acceso: pídale una cuenta a su coach")
    assert timed.received(chen, "Good news: Blooket, which you asked for, is approved.")

    [card] = await chat.say("/tools Blooket", as_=coach)
    [retire] = await chat.press(button(card, "Retire"), as_=coach)
    [told] = await chat.submit("tools.retire", {"reason": "duplica a Kahoot",
                                                "alternative": "Kahoot"},
                               form_of([retire]).context, as_=coach)
    assert "Blooket is being retired on Thursday 31 December" in told.text
    await advance(runtime, clock, clock.current + timedelta(days=1))
    [(_, notice)] = timed.received(rivera, "Aviso: Blooket")
    assert notice.text == (
        "Aviso: Blooket se retirará el jueves 31 de diciembre (duplica a Kahoot). Antes de esa "
        "fecha, guarde el trabajo de sus estudiantes en la carpeta compartida de Google Drive "
        "de su clase. La alternativa aprobada: Kahoot.")
    assert timed.received(chen, "Notice: Blooket will be retired on Thursday 31 December")
    [soon] = await chat.say("¿Puedo usar Blooket con mi clase?", as_=rivera)
    assert soon.text.startswith("Blooket se retirará el jueves 31 de diciembre: duplica a Kahoot. "
                                "Por favor, no empiece nada nuevo")
    for reply in (news, notice, soon):
        assert english_in(reply) == [], reply.text


async def test_a_spanish_speaking_owner_gets_the_review_and_the_digest_in_spanish(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, staff: Staff,
        timed: TimedMessenger) -> None:
    coach = staff.coach
    await chat.say("/prepbot language es", as_=coach)
    for name in ("Gimkit", "Padlet", "Seesaw"):
        await chat.say(f"/tools add {name}", as_=coach)
        await chat.say(f"/tools status {name} adopted", as_=coach)
    await chat.say("/tools request Blooket", as_=staff.rivera)
    [use] = await chat.say("/tools use Seesaw 3 of 20", as_=coach)
    assert use.text == "Seesaw: 3 de 20 maestros previstos (15\xa0%), indicado por su coach."
    # A semester after adoption, 3 of its 20 teachers: the owner is asked to review it.
    await edit(runtime, "Seesaw", adopted_on=clock.current.date() - timedelta(days=130))
    await advance(runtime, clock, clock.current + timedelta(days=1))
    [(_, review)] = timed.received(coach, "Solo 3 de los 20 maestros")
    assert "usan Seesaw (15\xa0%, indicado por su coach): menos del 30 %" in review.text
    assert button(review, "Retirar con 30 días de aviso") and button(review, "Conservarla")

    [digest] = await chat.say("/digest", as_=coach)
    shown = render(digest)
    assert "Herramientas\nHerramientas aprobadas\n" in shown
    assert "• Seesaw: todavía sin aceptación" in shown
    assert "la usan 3 de 20 maestros (15\xa0%): revísela" in shown
    assert "Solicitudes pendientes\n• Blooket (solicitada): solicitudes: 1" in shown
    assert ("Lincoln Elementary: 3 herramientas nuevas este semestre (Gimkit, Padlet, Seesaw); "
            "demasiadas a la vez") in shown
    [kept] = await chat.press(button(review, "Conservarla"), as_=coach)
    assert kept.text.startswith("Se conserva: Seesaw sigue siendo una herramienta aprobada")
    for reply in (use, review, kept):
        assert english_in(reply) == [], reply.text


def test_every_form_field_is_labelled_in_spanish() -> None:
    """The edit and retire forms, built in Spanish, keep their field names and say Spanish."""
    tool = ToolRow(id=1, name="Blooket", status="adopted", aliases="", grades="", website="",
                   access="", intended=0, reason="", standards="")
    with speaking("es"):
        shown: list[Form] = [forms.edit_form(tool, "", "", ""), forms.retire_form(tool, ""),
                             forms.request_form()]
    labels = [f.label for form in shown for f in form.fields]
    assert "Coach responsable (un nombre, o 'yo')" in labels
    assert "Por qué (los usuarios leen esto)" in labels
    assert shown[1].title == "Retirar Blooket (30 días de aviso)"
    assert [f.name for f in shown[0].fields][:2] == ["aliases", "owner"]
    assert not any(ENGLISH.search(text) for text in labels)
