"""An admin who speaks Spanish sets up the helpdesk handoff in Spanish; what the district's
helpdesk receives stays in the district's language (English), whoever asked."""

from __future__ import annotations

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.blocks import Fields, Form
from bot.vocabulary import Person
from tests.bot.features.helpdesk.conftest import say, ticket
from tests.support.recording import RecordingMessenger

SECRET = "0123456789abcdef0123456789abcdef"


async def test_a_spanish_speaking_admin_sets_up_a_route_in_spanish(
        chat: ConsoleChat, admin: Person) -> None:
    await chat.say("/prepbot language es", as_=admin)

    emailed = await say(chat, admin, "/prepbot settings helpdesk default email it@district.test")
    assert "Los tickets nuevos de default se enviarán por correo electrónico a it@district.test"\
        in emailed
    assert "default: correo it@district.test, sin secreto" in emailed
    assert "configure también un secreto si la mesa de ayuda enviará" in emailed
    hooked = await say(chat, admin, "/prepbot settings helpdesk lms webhook https://hooks.test/x")
    assert "Los tickets nuevos de lms se enviarán a https://hooks.test/…" in hooked
    assert "El webhook no se usa hasta que la ruta tenga un secreto" in hooked
    saved = await say(chat, admin, f"/prepbot settings helpdesk lms secret {SECRET}")
    assert "El secreto quedó guardado. No lo volveré a mostrar." in saved
    assert "secreto configurado" in saved and SECRET not in saved
    listing = await say(chat, admin, "/prepbot settings helpdesk")
    assert "Uso: `/prepbot settings helpdesk <ruta> email <dirección>`" in listing
    for english in ("will be emailed", "secret set", "no secret", "Usage", "Email works now",
                    "not used until"):
        assert english not in emailed + hooked + saved + listing, english


async def test_its_mistakes_and_its_form_are_in_spanish(chat: ConsoleChat, admin: Person) -> None:
    await chat.say("/prepbot language es", as_=admin)
    tries = {"default email not-an-address": "Eso no parece una dirección de correo electrónico",
             "default webhook http://hooks.example.org/x": "debe empezar con `https://`",
             "printers email it@district.test": "Una ruta es `default`, una categoría (",
             "school Nowhere High email it@district.test": "No conozco ninguna escuela llamada",
             "default secret too-short": "Un secreto tiene de 16 a 200 caracteres",
             "hardware email off": "La ruta hardware no tiene `email` que desactivar."}
    for text, expected in tries.items():
        said = await say(chat, admin, f"/prepbot settings helpdesk {text}")
        assert expected in said, (text, said)

    [reply] = await chat.say("/prepbot settings helpdesk default secret", as_=admin)
    [form] = [b for b in reply.blocks if isinstance(b, Form)]
    assert (form.title, form.submit_label) == ("Secreto de la mesa de ayuda", "Guardar")
    assert form.fields[0].label == "Secreto compartido para default"
    assert form.fields[0].placeholder == "16 caracteres o más, sin espacios"


async def test_an_english_speaking_admin_still_reads_english(
        chat: ConsoleChat, admin: Person) -> None:
    said = await say(chat, admin, "/prepbot settings helpdesk default email it@district.test")
    assert "New default tickets will be emailed to it@district.test." in said
    assert "default: email it@district.test, no secret" in said
    assert "correo" not in said


async def test_the_helpdesk_reads_the_districts_language_whoever_asked(
        chat: ConsoleChat, runtime: Runtime, emailed: RecordingMessenger, admin: Person,
        teacher: Person) -> None:
    await chat.say("/prepbot language es", as_=admin)
    await say(chat, admin, "/prepbot settings helpdesk default email it@district.test")
    await chat.say("/prepbot language es", as_=teacher)
    number = await ticket(chat, teacher, "El proyector del salón 12 no enciende")
    await runtime.dispatcher.tick()

    [(_, _, email)] = emailed.sent
    assert email.text.startswith("A teacher asked prepbot for help and needs a person.")
    assert "El proyector del salón 12 no enciende" in email.text  # the teacher's own words
    assert "Requested by: Ms Rivera (in Console)" in email.text
    assert "Reference: prepbot-" in email.text and "Referencia" not in email.text
    [headers] = [b for b in email.blocks if isinstance(b, Fields)]
    assert dict(headers.pairs)["Subject"].startswith(f"prepbot ticket #{number}: El proyector")
