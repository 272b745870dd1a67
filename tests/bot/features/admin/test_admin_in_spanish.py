"""An admin's usage sentences and the setup checklist in the admin's language."""

from __future__ import annotations

from adapters.console import ConsoleChat, render
from bot.vocabulary import Person


async def test_a_spanish_speaking_admin_reads_usage_and_the_checklist_in_spanish(
        chat: ConsoleChat, admin: Person, coach: Person) -> None:
    await chat.say("/prepbot language es", as_=admin)
    [role] = await chat.say("/prepbot role someone", as_=admin)
    assert role.text.startswith("Uso: `/prepbot role <plataforma:id_de_usuario> "
                                "<teacher|coach|admin>` (su id aparece en su `/prepbot whoami`")
    [settings] = await chat.say("/prepbot settings nonsense", as_=admin)
    assert settings.text.startswith("Uso: `/prepbot settings` para ver la lista")
    [prep] = await chat.say("/prepbot prep 10:15", as_=admin)
    assert prep.text == "Uso: `/prepbot prep 10:15-11:00 lun-vie` (o `/prepbot prep off`)."
    shown = render((await chat.say("/prepbot setup", as_=admin))[0])
    assert ("☐ Pendiente: 1. Agregar una escuela. Su zona horaria y su horario deciden cuándo "
            "salen los mensajes") in shown
    assert "☑ Hecho: 3. Nombrar a los coaches. 1 coach." in shown
    for english in ("Usage", "To do", "Done", "Its time zone", "coach types"):
        assert english not in role.text + settings.text + prep.text + shown


async def test_an_english_speaking_admin_still_reads_them_in_english(
        chat: ConsoleChat, admin: Person, coach: Person) -> None:
    [role] = await chat.say("/prepbot role someone", as_=admin)
    assert role.text.startswith("Usage: `/prepbot role <platform:user_id>")
    shown = render((await chat.say("/prepbot setup", as_=admin))[0])
    assert "☐ To do: 1. Add a school. Its time zone and hours decide" in shown
    assert "☑ Done: 3. Name the coaches. 1 coach." in shown
