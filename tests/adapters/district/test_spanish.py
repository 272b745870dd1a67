"""A coach who speaks Spanish opens the district in a box and moves demo time in Spanish; the
simulated teachers (English speakers) still answer, and an English-speaking coach reads English."""

from __future__ import annotations

from adapters.console import ConsoleChat, render
from adapters.district import District
from adapters.runtime import Runtime
from bot.blocks import Buttons, Steps
from bot.vocabulary import Person


def labels(reply: object) -> list[str]:
    """The labels of a reply's buttons."""
    return [b.label for blk in getattr(reply, "blocks", ()) if isinstance(blk, Buttons)
            for b in blk.buttons]


async def test_a_spanish_speaking_coach_opens_the_district_and_skips_time_in_spanish(
        district: District, runtime: Runtime, okafor: Person) -> None:
    chat = ConsoleChat(runtime.bot, okafor)
    await chat.say("/prepbot language es", as_=okafor)

    [ready] = await chat.say("/demo")
    shown = render(ready)
    assert "Hora de la demo: mar, 1 dic, 10:00 en la escuela (America/Chicago)." in shown
    assert "8 maestros simulados en #demo-staff" in shown and "un coach simulado" in shown
    assert "Nada de esto llega a Slack ni a Teams" in shown
    [guide] = [b for b in ready.blocks if isinstance(b, Steps)]
    assert guide.items[0].startswith("`/pulse start Nearpod #demo-pilot closes friday` y luego "
                                     "**Saltar 1 hora**")
    assert labels(ready) == ["Saltar 1 hora", "Saltar a la próxima mañana escolar",
                             "Saltar 1 día"]

    skip_an_hour = chat.button("Saltar 1 hora")
    await chat.say("/pulse start Nearpod #demo-pilot closes friday")
    [moved] = await chat.press(skip_an_hour)
    assert moved.text.startswith("Hora de la demo: mar, 1 dic, 11:00 en la escuela")
    assert "Mientras tanto se enviaron 7 mensajes." in moved.text
    assert "Los maestros simulados hicieron" in moved.text
    [wrong] = await chat.say("/demo skip forever")
    assert wrong.text.startswith("¿Cuánto quiere saltar? `/demo skip hour`")
    assert "(el próximo día escolar a las 7:00)" in wrong.text
    for said in (shown, moved.text, wrong.text):
        for english in ("Demo time", "Meanwhile", "simulated teachers", "Skip how far"):
            assert english not in said, english


async def test_an_english_speaking_coach_reads_english(opened: ConsoleChat) -> None:
    [again] = await opened.say("/demo")
    assert "Demo time: Tue, Dec 1, 10:00 at the school (America/Chicago)." in render(again)
    assert labels(again) == ["Skip 1 hour", "Skip to the next school morning", "Skip 1 day"]
    [moved] = await opened.say("/demo skip hour")
    assert "The simulated teachers did" in moved.text and "Mientras" not in moved.text
