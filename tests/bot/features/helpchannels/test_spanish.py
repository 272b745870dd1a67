"""A coach who speaks Spanish turns help-channel mode on, asks how it behaves and keeps an
answer, all in Spanish; an English-speaking coach still reads English."""

from __future__ import annotations

from uuid import uuid4

from adapters.console import ConsoleChat, render
from bot.blocks import Button, Buttons, Context
from bot.vocabulary import Command, Conversation, Person
from tests.bot.features.helpchannels.conftest import LIBRARY, Channel

QUESTION = "is anyone else having trouble with google classroom"


async def test_a_spanish_speaking_coach_runs_help_channel_mode_in_spanish(
        channel: Channel, coach: Person, chat: ConsoleChat) -> None:
    await chat.say("/prepbot language es", as_=coach)

    [on] = await channel.command("on react", coach)
    assert on.text.startswith("Desde ahora leeré las preguntas nuevas de este canal")
    assert "agregaré 👀 para que sepan que la vi" in on.text
    assert [b.text for b in on.blocks if isinstance(b, Context)] == [
        "Necesito ser miembro de este canal para leerlo."]
    [status] = await channel.command("", coach)
    assert "El modo de canal de ayuda está activado aquí (cuando no estoy seguro: react)" \
        in status.text
    assert "Como máximo 6 respuestas por hora" in status.text and "80 % de certeza" in status.text
    [usage] = await channel.command("on loudly", coach)
    assert usage.text.startswith("Uso, en el canal: `/prepbot channel help on`")
    direct = Conversation(platform="console", id="dm-okafor")
    [elsewhere] = await channel.command("on", coach, where=direct)
    assert "El modo de canal de ayuda es para un canal" in elsewhere.text
    [off] = await channel.command("off", coach)
    assert off.text == ("El modo de canal de ayuda está desactivado aquí: solo respondo cuando "
                        "alguien me menciona.")
    for said in (on, status, usage, elsewhere, off):
        assert "Help-channel" not in said.text and "I'll read" not in said.text, said.text


async def test_the_offer_to_keep_an_answer_and_its_refusals_are_in_spanish(
        channel: Channel, coach: Person, teacher: Person, chat: ConsoleChat) -> None:
    await channel.command("on", coach)
    await chat.say("/prepbot language es", as_=coach)
    await channel.post(QUESTION, teacher)

    [offer] = await channel.reply(channel.thread, "Sign out of Chrome and back in.", coach)
    assert offer.private and offer.text == "¿Guardar su respuesta para la próxima vez?"
    labels = [b.label for blk in offer.blocks if isinstance(blk, Buttons) for b in blk.buttons]
    assert labels == ["Resolver como ticket", "Guardar como borrador de artículo"]
    assert "los datos de los estudiantes se ocultan" in render(offer)
    [gone] = await chat.press(Button("Guardar como borrador de artículo", "helpchannels.draft",
                                     "999"), as_=coach)
    assert gone.text.startswith("Ya no tengo ese hilo")


async def test_the_admins_checklist_and_settings_speak_spanish_too(
        channel: Channel, coach: Person, admin: Person, chat: ConsoleChat) -> None:
    await channel.command("on", coach)
    await chat.say("/prepbot language es", as_=admin)
    [checklist] = await chat.send(Command(name="prepbot", text="setup", person=admin,
                                          conversation=LIBRARY, event_id=str(uuid4())))
    assert "4. Responder en su canal de ayuda. activado en 1 canal." in render(checklist)
    [settings] = await chat.say("/prepbot settings", as_=admin)
    assert "canal de ayuda: console:tech-help (cuando no estoy seguro: quiet)" in render(settings)
    [refused] = await chat.say("/prepbot settings help_channel_confidence 20", as_=admin)
    assert "qué tan seguro debe estar prepbot (porcentaje)" in refused.text


async def test_an_english_speaking_coach_still_reads_english(channel: Channel,
                                                              coach: Person) -> None:
    [on] = await channel.command("on", coach)
    assert on.text.startswith("I'll read new questions in this channel now")
    assert "otherwise I stay out of the way. I never answer" in on.text
