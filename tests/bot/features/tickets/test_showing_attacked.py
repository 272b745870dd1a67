"""Red team KK (stop 65): attacks on "show a name the masker hid"
(bot/features/tickets/unhiding.py), written by a helper told the feature's promises:
1. only the teacher who typed a ticket, only on that ticket, only the name hidden at those
   places, only while its text is as offered;
2. no hidden name is stored until she shows it;
3. a forged, edited, replayed or someone else's button shows nothing, changes no row, and
   its refusal gives nothing away;
4. nothing is offered where many names were hidden, and a name never goes back in the
   wrong place;
5. no hidden name reaches a coach, a channel or anyone else unless she clicks its button.
On 2a30296 seven failed, all on promise 4: a class list the masker hid as one run of names
("Jaden Maya Luis Sofia Amir Noah", tabbed, hyphenated; "Jaden Smith Maya Lopez Luis
Perez"; "Los estudiantes Juan Pérez Isabel Gómez Ana Ruiz") was offered as one name, and two
names of a five-name list were offered. Now a text that holds a list, a run of more than three
words or more than three names offers none, nor any name a student's cue stands beside. Its
Slack and Teams attacks are in tests/reliability/test_showing_attacked_over_http.py; the
tests that edited a signed value now edit a sealed one.
"""

from __future__ import annotations

import asyncio
import base64

import pytest
from sqlalchemy import select, update

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.blocks import Button, Reply
from bot.features.tickets import lifecycle
from bot.features.tickets.models import TicketEventRow, TicketRow
from bot.features.tickets.unhiding import SHOW
from bot.people.directory import find_person
from bot.privacy import delete_person
from bot.vocabulary import Person
from tests.bot.features.tickets.conftest import form_in, labels, tickets
from tests.support.clock import FakeClock
from tests.support.database import every_row
from tests.support.recording import RecordingMessenger

TWO = "/ticket Chantel and Marcus both said the laptop cart in the library will not charge"
COLLEAGUE = "/ticket Chantel has the install codes for the smartboard software but she is out"
WORDS = "Chantel has the install codes for the smartboard software but she is out today"
REFUSED = "nothing was shown"


async def events(runtime: Runtime, kind: str = "name_shown") -> list[TicketEventRow]:
    async with runtime.sessions() as session:
        return list((await session.execute(
            select(TicketEventRow).where(TicketEventRow.kind == kind))).scalars())


def show_buttons(replies: list[Reply]) -> list[Button]:
    return [b for r in replies for blk in r.blocks for b in getattr(blk, "buttons", ())
            if b.action_id == "tickets.show"]


async def spanish_teacher(chat: ConsoleChat) -> Person:
    maestra = Person(platform="console", user_id="gomez", display_name="Sra. Gómez", locale="es")
    await chat.say("/prepbot school Lincoln Elementary", as_=maestra)
    return maestra


# -- Promise 4: a class list is never offered ------------------------------------------------

@pytest.mark.parametrize("roster", [
    "Jaden Maya Luis Sofia Amir Noah",  # six first names, no commas: one span of 31 characters
    "Jaden Maya Luis Sofia Amir Noah Liam Ava Mia Zoe",  # ten of them: still one button
    "Jaden\tMaya\tLuis\tSofia\tAmir\tNoah",  # pasted from a spreadsheet row
    "Jaden-Maya-Luis-Sofia-Amir-Noah",
])
async def test_a_class_list_the_masker_hid_in_one_piece_is_not_offered(
        chat: ConsoleChat, teacher: Person, runtime: Runtime, roster: str) -> None:
    [reply] = await chat.say(f"/ticket {roster} cannot log in to iReady this morning",
                             as_=teacher)
    assert "I hid" in reply.text or "[name]" in (await tickets(runtime))[0].text
    assert not labels([reply]), f"one click shows a whole class list: {labels([reply])}"


async def test_three_students_in_one_run_are_a_list_not_one_colleague(
        chat: ConsoleChat, teacher: Person) -> None:
    """offer_buttons' docstring: "none for a list within one ("Jaden, Maya and Luis")"."""
    [reply] = await chat.say("/ticket students Jaden Smith Maya Lopez Luis Perez cannot log in "
                             "to iReady", as_=teacher)
    assert not labels([reply]), labels([reply])


async def test_a_spanish_list_of_students_in_one_run_is_not_offered(
        chat: ConsoleChat, schools: None) -> None:
    maestra = await spanish_teacher(chat)
    [reply] = await chat.say("/ticket Los estudiantes Juan Pérez Isabel Gómez Ana Ruiz no "
                             "pueden entrar a iReady", as_=maestra)
    assert not labels([reply]), labels([reply])


async def test_a_list_joined_by_y_is_not_offered_and_spanish_buttons_are_spanish(
        chat: ConsoleChat, schools: None, runtime: Runtime) -> None:
    maestra = await spanish_teacher(chat)
    [listed] = await chat.say("/ticket Chantel y Marcus dicen que el carrito no carga",
                              as_=maestra)
    assert not labels([listed])
    [one] = await chat.say("/ticket Chantel tiene los códigos del software de la pizarra",
                           as_=maestra)
    assert labels([one]) == ["Mostrar \u00abChantel\u00bb"]
    [after] = await chat.press(chat.button("Mostrar \u00abChantel\u00bb"), as_=maestra)
    assert "Se muestra en el ticket" in after.text
    assert (await tickets(runtime))[-1].text.startswith("Chantel tiene")


async def test_a_comma_list_of_five_students_offers_none_of_them(
        chat: ConsoleChat, teacher: Person) -> None:
    """Five students in a plain list ("[name], [name] and [name]" once masked) are a class
    list, not colleagues; the threshold of more than five counts the list's own names."""
    [reply] = await chat.say("/ticket Jaden, Maya, Luis, Sofia and Amir cannot log in to "
                             "iReady this morning", as_=teacher)
    assert not labels([reply]), labels([reply])


# -- Promise 4: never the wrong place --------------------------------------------------------

async def test_other_kinds_between_names_do_not_shift_the_places(
        chat: ConsoleChat, teacher: Person, runtime: Runtime) -> None:
    [reply] = await chat.say("/ticket Chantel emailed maya.lopez1234@gmail.com and called "
                             "555-867-5309 about Marcus and his login", as_=teacher)
    assert labels([reply]) == ["Show \u201cChantel\u201d", "Show \u201cMarcus\u201d"]
    await chat.press(chat.button("Show \u201cMarcus\u201d"), as_=teacher)
    assert (await tickets(runtime))[0].text == \
        "[name] emailed [email] and called [phone] about Marcus and his login"


async def test_the_same_name_in_several_cases_is_one_button_put_back_as_written(
        chat: ConsoleChat, teacher: Person, runtime: Runtime) -> None:
    [reply] = await chat.say("/ticket Chantel has the codes. CHANTEL is out today. Ask "
                             "Chantel tomorrow about the chantel login", as_=teacher)
    # since LL: one button for every spelling, each put back as it was written
    assert labels([reply]) == ["Show \u201cChantel\u201d"]
    await chat.press(chat.button("Show \u201cChantel\u201d"), as_=teacher)
    text = (await tickets(runtime))[0].text
    assert text.count("Chantel") == 2 and "CHANTEL is out" in text and "[name]" not in text


async def test_a_long_text_cut_at_4000_offers_nothing_and_stores_nothing(
        chat: ConsoleChat, teacher: Person, runtime: Runtime) -> None:
    filler = " ".join(["the projector flickers again"] * 160)  # ~4,600 characters
    [reply] = await chat.say(f"/ticket Chantel says {filler} and Marcus saw it too",
                             as_=teacher)
    assert not labels([reply])
    stored = await every_row(runtime)
    assert "Chantel" not in stored and "Marcus" not in stored


async def test_a_long_text_masked_under_4000_puts_each_name_in_its_place(
        chat: ConsoleChat, teacher: Person, runtime: Runtime) -> None:
    emails = " ".join(f"a{'x' * 80}{i}@gmail.com" for i in range(8))  # shrink to [email]s
    filler = " ".join(["the projector flickers again"] * 120)
    text = f"Chantel says {filler} {emails} and Marcus saw it too"
    assert len(text) > 4000
    [reply] = await chat.say(f"/ticket {text}", as_=teacher)
    if not labels([reply]):
        return  # nothing offered: nothing to put in a wrong place
    await chat.press(chat.button("Show \u201cMarcus\u201d"), as_=teacher)
    stored = (await tickets(runtime))[0].text
    assert stored.startswith("[name] says") and stored.endswith("and Marcus saw it too")


async def test_a_name_she_typed_in_brackets_after_the_hidden_one_offers_nothing(
        chat: ConsoleChat, teacher: Person) -> None:
    [reply] = await chat.say("/ticket Chantel says the mail merge prints Dear [name] on every "
                             "letter", as_=teacher)
    assert not labels([reply])


async def test_names_in_the_room_field_are_never_offered_nor_stored(
        chat: ConsoleChat, teacher: Person, runtime: Runtime) -> None:
    form = form_in(await chat.say("/ticket", as_=teacher))
    [reply] = await chat.submit(form.form_id, {
        "text": "Marcus has the install codes for the projector software",
        "room": "Jaden Lopez's desk", "urgency": "today", "category": "other"},
        form.context, as_=teacher)
    assert all("Jaden" not in label for label in labels([reply]))
    assert "Jaden" not in await every_row(runtime)
    if labels([reply]):
        await chat.press(chat.button("Show \u201cMarcus\u201d"), as_=teacher)
    assert "Jaden" not in await every_row(runtime)


# -- Promise 1 and 3: someone else, an old or edited button ---------------------------------

async def test_a_web_guest_given_her_button_shows_nothing(
        chat: ConsoleChat, teacher: Person, runtime: Runtime) -> None:
    await chat.say(COLLEAGUE, as_=teacher)
    button = chat.button("Show \u201cChantel\u201d")
    before = await every_row(runtime)
    guest = Person(platform="web", user_id="guest-abc", display_name="Guest")
    [refused] = await chat.press(button, as_=guest)
    assert REFUSED in refused.text and "Chantel" not in refused.text
    assert await every_row(runtime) == before


async def test_every_refusal_reads_the_same(
        chat: ConsoleChat, teacher: Person, neighbour: Person, runtime: Runtime) -> None:
    await chat.say(TWO, as_=teacher)
    chantel = chat.button("Show \u201cChantel\u201d")
    marcus = chat.button("Show \u201cMarcus\u201d")
    [other] = await chat.press(chantel, as_=neighbour)
    [forged] = await chat.press(Button("x", "tickets.show", chantel.value + "x"), as_=teacher)
    await chat.press(marcus, as_=teacher)
    [stale] = await chat.press(chantel, as_=teacher)
    [replayed] = await chat.press(marcus, as_=teacher)
    assert other.text == forged.text == stale.text == replayed.text
    assert REFUSED in other.text


async def test_a_value_sealed_for_another_purpose_or_tampered_with_shows_nothing(
        chat: ConsoleChat, teacher: Person, runtime: Runtime) -> None:
    await chat.say(COLLEAGUE, as_=teacher)
    value = chat.button("Show \u201cChantel\u201d").value
    sealed = base64.urlsafe_b64decode(value)
    plain = runtime.bot.secret.open(SHOW, sealed)
    flipped = bytes([sealed[-1] ^ 1])
    before = await every_row(runtime)
    for forged in (base64.urlsafe_b64encode(runtime.bot.secret.seal("tickets-join", plain)),
                   base64.urlsafe_b64encode(sealed[:-1] + flipped), plain,
                   base64.urlsafe_b64encode(sealed[:20]), value[:-4]):
        forged_value = forged if isinstance(forged, str) else forged.decode("latin-1")
        [refused] = await chat.press(Button("x", "tickets.show", forged_value), as_=teacher)
        assert REFUSED in refused.text
    assert await every_row(runtime) == before


async def test_a_button_for_one_ticket_acts_only_on_it_beside_her_next_of_the_same_words(
        chat: ConsoleChat, teacher: Person, runtime: Runtime) -> None:
    await chat.say(COLLEAGUE, as_=teacher)
    first = chat.button("Show \u201cChantel\u201d")
    await chat.say("/ticket Maya has the install codes for the smartboard software but she is "
                   "out", as_=teacher)
    await chat.press(first, as_=teacher)
    one, two = await tickets(runtime)
    assert one.text.startswith("Chantel has") and two.text.startswith("[name] has")


async def test_an_old_button_after_her_erase_shows_nothing(
        chat: ConsoleChat, teacher: Person, runtime: Runtime, clock: FakeClock) -> None:
    await chat.say(COLLEAGUE, as_=teacher)
    button = chat.button("Show \u201cChantel\u201d")
    async with runtime.sessions() as session, session.begin():
        await delete_person(session, runtime.bot.privacy, "console", "rivera", None, clock.now())
    [refused] = await chat.press(button, as_=teacher)  # she comes back, as a new person
    assert REFUSED in refused.text
    assert "Chantel" not in await every_row(runtime)


async def test_an_old_button_after_a_purge_and_the_number_given_again_shows_nothing(
        chat: ConsoleChat, teacher: Person, runtime: Runtime, clock: FakeClock) -> None:
    await chat.say(COLLEAGUE, as_=teacher)
    button = chat.button("Show \u201cChantel\u201d")
    async with runtime.sessions() as session, session.begin():
        await session.execute(update(TicketRow).values(status="closed", closed_at=clock.now()))
    clock.advance(days=400)
    async with runtime.sessions() as session, session.begin():
        assert await lifecycle.purge_closed(session, clock.now(), 365) == 1
    # the same words again (a new name the masker hides): number 1 again, on SQLite
    await chat.say("/ticket Marcus has the install codes for the smartboard software but he is "
                   "out", as_=teacher)
    before = await every_row(runtime)
    [refused] = await chat.press(button, as_=teacher)
    assert REFUSED in refused.text
    assert await every_row(runtime) == before


async def test_after_a_merge_her_button_shows_it_only_on_her_own_ticket(
        chat: ConsoleChat, teacher: Person, neighbour: Person, coach: Person,
        runtime: Runtime, clock: FakeClock) -> None:
    await chat.say("/ticket Marcus says the laptop cart in room 9 will not charge at all",
                   as_=neighbour)
    theirs = (await tickets(runtime))[0].text
    await chat.say(COLLEAGUE, as_=teacher)
    button = chat.button("Show \u201cChantel\u201d")
    async with runtime.sessions() as session, session.begin():
        source = await session.get(TicketRow, 1)
        target = await session.get(TicketRow, 2)
        actor = await find_person(session, "console", "okafor")
        assert source and target and actor
        await lifecycle.merge(session, source, target, actor, clock.now())
    await chat.press(button, as_=teacher)
    first, second = await tickets(runtime)
    assert first.text == theirs and "Chantel" not in first.text
    assert second.text == COLLEAGUE.removeprefix("/ticket ")


# -- Concurrency ---------------------------------------------------------------------------

async def test_two_names_clicked_at_once_both_stand_or_one_is_refused(
        chat: ConsoleChat, teacher: Person, runtime: Runtime) -> None:
    await chat.say(TWO, as_=teacher)
    chantel = chat.button("Show \u201cChantel\u201d")
    marcus = chat.button("Show \u201cMarcus\u201d")
    await asyncio.gather(ConsoleChat(runtime.bot).press(chantel, as_=teacher),
                         ConsoleChat(runtime.bot).press(marcus, as_=teacher))
    text = (await tickets(runtime))[0].text
    said_shown = [e.text for e in await events(runtime)]
    assert all(name in text for name in said_shown), (text, said_shown)


async def test_one_button_clicked_twice_at_once_is_shown_once(
        chat: ConsoleChat, teacher: Person, runtime: Runtime,
        outbox: RecordingMessenger, triage: str) -> None:
    await chat.say(COLLEAGUE, as_=teacher)
    chantel = chat.button("Show \u201cChantel\u201d")
    await asyncio.gather(ConsoleChat(runtime.bot).press(chantel, as_=teacher),
                         ConsoleChat(runtime.bot).press(chantel, as_=teacher))
    assert len(await events(runtime)) == 1


# -- Promise 2 and 5: nothing stored, nothing shown to others --------------------------------

async def test_the_coach_sees_no_hidden_name_before_she_clicks_and_only_hers_after(
        chat: ConsoleChat, teacher: Person, coach: Person, runtime: Runtime,
        outbox: RecordingMessenger, triage: str) -> None:
    await chat.say(TWO, as_=teacher)
    marcus = chat.button("Show \u201cMarcus\u201d")
    queue = await chat.say("/tickets", as_=coach)
    sent = repr(outbox.sent) + repr(queue)
    assert "Chantel" not in sent and "Marcus" not in sent
    await chat.press(marcus, as_=teacher)
    sent = repr(outbox.sent) + repr(await chat.say("/tickets", as_=coach))
    assert "Marcus" in sent and "Chantel" not in sent
    assert "Chantel" not in await every_row(runtime)


async def test_a_me_too_teacher_who_opens_her_own_ticket_instead_stores_no_name(
        chat: ConsoleChat, teacher: Person, neighbour: Person, runtime: Runtime) -> None:
    await chat.say("/ticket wifi is down in the whole east wing", as_=neighbour)
    [offer] = await chat.say("/ticket Chantel and Marcus said wifi is down in the east wing",
                             as_=teacher)
    ids = [b.action_id for blk in offer.blocks for b in getattr(blk, "buttons", ())]
    assert "tickets.separate" in ids, ids
    assert "Chantel" not in repr(offer.text) and offer.private
    stored = await every_row(runtime)
    assert "Chantel" not in stored and "Marcus" not in stored
    [opened] = await chat.click("tickets.separate", as_=teacher)
    stored = await every_row(runtime)
    assert "Chantel" not in stored and "Marcus" not in stored
    assert "Show \u201cChantel\u201d" in labels([opened])
    # her button shows it on her own ticket (#2), never on the neighbour's (#1)
    await chat.press(chat.button("Show \u201cChantel\u201d"), as_=teacher)
    first, second = await tickets(runtime)
    assert "Chantel" not in first.text and second.text.startswith("Chantel and [name] said")


async def test_an_escalated_question_stores_no_hidden_name_before_she_clicks(
        chat: ConsoleChat, teacher: Person, runtime: Runtime) -> None:
    await chat.say("Chantel says the smartboard pen stopped working in my room", as_=teacher)
    assert "Chantel" not in await every_row(runtime)
    replies = await chat.say("I need a ticket for that please", as_=teacher)
    assert "Chantel" not in await every_row(runtime)
    for button in show_buttons(replies):
        await chat.press(button, as_=teacher)
        assert (await tickets(runtime))[0].text.startswith("Chantel")
