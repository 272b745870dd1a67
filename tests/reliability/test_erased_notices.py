"""A red team's finding (F4), replayed: `prepbot privacy delete` left the erased teacher's
ticket words and name in the delivery ledger, in every notice to someone else (the triage
card, "X has the same problem"), kept for a year. Now a settled delivery keeps no payload,
and an unsent one that carries the person is settled unsent at the erase."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlalchemy import select

from adapters.console import ConsoleChat, render
from adapters.runtime import Runtime
from bot.blocks import Button, Buttons, Form
from bot.features.pilots.models import PilotRow
from bot.features.pulse.models import SurveyRow
from bot.features.tickets.models import DraftRow, TicketRow
from bot.features.tools.models import ToolRow
from bot.masking.staff import know_staff
from bot.scheduling.models import DeliveryRow
from bot.storage.base import Base
from bot.vocabulary import Person
from tests.reliability.conftest import LEE, RIVERA, cards, erase
from tests.support.clock import FakeClock
from tests.support.recording import FlakyMessenger

WORDS = "zebra-4417 my divorce lawyer emails keep going to spam"
MARKS = ("zebra-4417", "divorce lawyer", "Ms Rivera")


async def rivera_writes(chat: ConsoleChat) -> None:
    """Rivera opens a ticket in her own words and says "me too" on Lee's."""
    [opened] = await chat.say(f"/ticket {WORDS}", as_=RIVERA)
    assert "is open" in opened.text
    await chat.say("/ticket the hallway printer jams on every page", as_=LEE)
    replies = await chat.say("/ticket the hallway printer jams on every page", as_=RIVERA)
    join = next(b for r in replies for block in r.blocks if isinstance(block, Buttons)
                for b in block.buttons if b.action_id == "tickets.join")
    await chat.press(join, as_=RIVERA)


async def traces_left(runtime: Runtime) -> list[str]:
    """Every table's rows (and SQLite's files) that still hold Rivera's words or name."""
    found = []
    async with runtime.sessions() as session:
        for table in Base.metadata.sorted_tables:
            for row in await session.execute(select(table)):
                said = repr(tuple(row)).casefold()
                found += [f"{table.name}: {m}" for m in MARKS if m.casefold() in said]
    database = Path(runtime.engine.url.database or "")
    if runtime.engine.dialect.name == "sqlite":
        for path in (database, database.with_name(database.name + "-wal")):
            data = path.read_bytes() if path.exists() else b""
            found += [f"{path.name}: {m}" for m in MARKS if m.encode() in data]
    return found


async def test_notices_sent_before_an_erase_keep_none_of_the_teachers_words(
        runtime: Runtime, chat: ConsoleChat, outbox: FlakyMessenger, triage: None) -> None:
    await rivera_writes(chat)
    await runtime.dispatcher.tick()
    assert cards(outbox, "zebra-4417") == 1  # the triage card went out
    sent = len(outbox.sent)
    await erase(runtime)
    assert await traces_left(runtime) == []
    await runtime.dispatcher.tick()
    assert len(outbox.sent) == sent  # nothing sent twice
    async with runtime.sessions() as session:
        statuses = (await session.execute(select(DeliveryRow.status))).scalars().all()
    assert statuses and set(statuses) == {"sent"}


async def test_a_notice_still_waiting_at_the_erase_never_goes_out(
        runtime: Runtime, chat: ConsoleChat, outbox: FlakyMessenger, triage: None,
        clock: FakeClock) -> None:
    outbox.down = True  # Slack is down: the card waits in the ledger to be retried
    await rivera_writes(chat)
    async with runtime.sessions() as session:
        waiting = (await session.execute(select(DeliveryRow).where(
            DeliveryRow.status == "pending"))).scalars().all()
    assert any("zebra-4417" in row.payload for row in waiting)
    await erase(runtime)
    assert await traces_left(runtime) == []
    outbox.down = False
    clock.current += timedelta(hours=2)
    await runtime.dispatcher.tick()
    assert cards(outbox, "zebra-4417") == 0 and cards(outbox, "Ms Rivera") == 0
    assert cards(outbox, "printer") == 1  # Lee's own card is not Rivera's: it goes out


async def test_a_tool_she_asked_for_stays_without_her_words(
        runtime: Runtime, chat: ConsoleChat, triage: None) -> None:
    # A second red team's (stop 43): the purpose typed with a tool request outlived the erase.
    await chat.say(f"/tools request Quizwhiz: for {WORDS}", as_=RIVERA)
    await chat.say("/tools request Quizwhiz", as_=LEE)
    await erase(runtime)
    assert await traces_left(runtime) == []
    [card] = await chat.say("/tools Quizwhiz", as_=LEE)
    assert "Quizwhiz is under review (1 teacher has asked for it)" in card.text  # Lee


async def test_her_name_in_a_tool_she_asked_for_goes_and_its_pilot_follows(
        runtime: Runtime, chat: ConsoleChat, triage: None, coach: Person) -> None:
    # A red team's (stop 49): "Ms Rivera Reading Log" stayed in the register, read by every
    # teacher, after her erase (a grown-up's titled name is not masked).
    await chat.say("/tools request Ms Rivera Reading Log: a reading log for my class",
                   as_=RIVERA)
    await chat.say("/tools request Mr Lee Reading Log", as_=LEE)
    await chat.say("/pilot start Ms Rivera Reading Log with @Mr Lee for 4 weeks", as_=coach)
    await erase(runtime)
    [listing] = await chat.say("/tools", as_=LEE)
    shown = render(listing)
    assert "Rivera" not in shown and "[name] Reading Log" in shown
    assert "Mr Lee Reading Log" in shown  # a tool she did not ask for keeps its name
    async with runtime.sessions() as session:
        pilots = list((await session.execute(select(PilotRow.tool))).scalars())
        tools = list((await session.execute(select(ToolRow.key))).scalars())
        waves = [repr(tuple(row)) for row in await session.execute(select(SurveyRow.__table__))]
    assert pilots == ["[name] Reading Log"] and "[name] reading log" in tools
    # and the pilot's wave, which names its tool (the same red team's, on this fix)
    assert waves and not any("rivera" in wave.casefold() for wave in waves)


async def test_her_name_goes_from_a_tool_a_coach_added_for_her(
        runtime: Runtime, chat: ConsoleChat, triage: None, coach: Person) -> None:
    # A red team's on the fix above (stop 49): only the tools she asked for were renamed, so a
    # tool a coach added in her name kept it, and its pilot's copy named no tool.
    await chat.say("/tools add Ms Rivera Reading Log", as_=coach)
    await chat.say("/pilot start Ms Rivera Reading Log with @Mr Lee for 4 weeks", as_=coach)
    await erase(runtime)
    async with runtime.sessions() as session:
        pilot = (await session.execute(select(PilotRow))).scalar_one()
        tool = await session.get(ToolRow, pilot.tool_id)
    assert tool is not None and tool.name == pilot.tool == "[name] Reading Log"


async def test_an_erase_takes_out_nothing_other_people_wrote(
        runtime: Runtime, chat: ConsoleChat, outbox: FlakyMessenger, triage: None,
        clock: FakeClock, coach: Person) -> None:
    # A fourth red team's (stop 43): erasing a teacher named "Eve" who had once asked
    # "password" blanked a coach's draft ("Reseat every cable ... password") and held back the
    # coach's reply to a colleague, since both held "eve" and "password" somewhere.
    eve = Person(platform="console", user_id="eve", display_name="Eve")
    await chat.say("password", as_=eve)
    [opened] = await chat.say("/ticket the cart chromebooks will not charge overnight", as_=LEE)
    number = opened.text.split("#")[1].split()[0]
    await chat.press(Button("Resolve", "tickets.resolve", number), as_=coach)
    [form] = [b for r in await chat.press(Button("Suggest", "tickets.suggest", number),
                                          as_=coach) for b in r.blocks if isinstance(b, Form)]
    draft = {"title": "Cart Chromebooks and the password", "body": "Reseat every cable"}
    await chat.submit(form.form_id, draft, form.context, as_=coach)
    await chat.press(Button("Reopen", "tickets.reopen", number), as_=LEE)
    outbox.down = True
    [form] = [b for r in await chat.press(Button("Reply", "tickets.reply", number), as_=coach)
              for b in r.blocks if isinstance(b, Form)]
    await chat.submit(form.form_id, {"text": "Try reseating every cable, password too"},
                      form.context, as_=coach)

    await erase(runtime, "console:eve")

    async with runtime.sessions() as session:
        [kept] = (await session.execute(select(DraftRow))).scalars().all()
    assert (kept.title, kept.body) == (draft["title"], draft["body"])
    outbox.down = False
    clock.current += timedelta(hours=2)
    await runtime.dispatcher.tick()
    assert any("reseating every cable" in said for said in outbox.to(LEE))


async def test_her_name_and_her_id_in_what_others_wrote_are_taken_out(
        runtime: Runtime, chat: ConsoleChat, triage: None, coach: Person) -> None:
    # A red team's (stop 47): a coach's kept reply kept her Slack id (a mention is "<@id>")
    # and her name (masking keeps a colleague the staff directory knows), and so did her own
    # released pulse comment, beside her answers.
    know_staff(["Zelda Quixote"])
    zelda = Person(platform="console", user_id="U0ERASEME", display_name="Zelda Quixote")
    await chat.say("/prepbot school Lincoln Elementary", as_=zelda)
    await chat.say("/ticket the hallway printer jams, ask Zelda Quixote or <@U0ERASEME> about "
                   "it", as_=LEE)
    await chat.say("/ticket the cart chromebooks will not charge overnight", as_=LEE)

    await erase(runtime, "console:U0ERASEME")

    async with runtime.sessions() as session:
        texts = (await session.execute(select(TicketRow.text).order_by(TicketRow.id))).all()
    assert [t for (t,) in texts] == [
        "the hallway printer jams, ask [name] or [name] about it",
        "the cart chromebooks will not charge overnight"]  # nothing else changed


async def test_her_name_in_capitals_with_accents_or_with_two_spaces_is_taken_out(
        runtime: Runtime, chat: ConsoleChat, triage: None, coach: Person) -> None:
    # SQLite's lower() folds only A to Z, so "NÚÑEZ" never looked like "núñez" to the erase's
    # search; and two spaces between her names were not the one it searched for.
    know_staff(["Zoë Núñez"])
    zoe = Person(platform="console", user_id="U0ERASEZOE", display_name="Zoë Núñez")
    await chat.say("/prepbot school Lincoln Elementary", as_=zoe)
    await chat.say("/ticket projector in 114 flickers, ZOË NÚÑEZ saw it too", as_=LEE)
    await chat.say("/ticket the doc camera is dead, ask Zoë  Núñez", as_=LEE)

    await erase(runtime, "console:U0ERASEZOE")

    async with runtime.sessions() as session:
        texts = (await session.execute(select(TicketRow.text).order_by(TicketRow.id))).all()
    assert [t for (t,) in texts] == ["projector in 114 flickers, [name] saw it too",
                                     "the doc camera is dead, ask [name]"]


async def test_her_name_with_a_sharp_s_is_taken_out(
        runtime: Runtime, chat: ConsoleChat, triage: None) -> None:
    # A red team's (stop 49): the search for rows that may hold her name folded "ß" to "ss",
    # which no stored "Weiß" holds, so no row was read.
    greta = Person(platform="console", user_id="U0ERASEGRETA", display_name="Ms Weiß")
    await chat.say("/prepbot school Lincoln Elementary", as_=greta)
    await chat.say("/ticket the hall printer jams, Ms Weiß saw it too", as_=LEE)
    await erase(runtime, "console:U0ERASEGRETA")
    async with runtime.sessions() as session:
        [text] = (await session.execute(select(TicketRow.text))).scalars()
    assert text == "the hall printer jams, [name] saw it too"
