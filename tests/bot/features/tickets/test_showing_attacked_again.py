"""Red team LL: attacks on "show a name the masker hid" (bot/features/tickets/unhiding.py)
that red team KK (test_showing_attacked.py, test_showing_attacked_over_http.py) did not try:
lists joined by words or signs the list rule does not know, runs of names short enough to
pass for one, cues the cue rule misses, a cued student's other spellings, an id number beside
a name, the "No, open a new ticket" value, logs, another replica's secret, racing tickets.
On e45eb8b 19 failed: lists joined by "+", "plus", "->", "or", "with", "con"; "Jaden Maya
Luis" as one name; four students in two runs; cues said another way ("Jaden, a 3rd grader",
"Jaden - 3rd period -", "Jaden is my student" in the next sentence); "JADEN" and "Smith"
after "my student Jaden Smith"; "Jaden Smith 2045678"; and "No, open a new ticket" carrying
the words as typed. Mended: at most two names and three words, two in one name, no list;
a child's sentence, an id beside a name and every spelling or part of such a name mark a
student (bot/masking/hidden_names.py); that button's value is sealed and hers alone."""

from __future__ import annotations

import asyncio
import base64
import json
import logging
from typing import Any

import pytest
from aiohttp import ClientSession, CookieJar
from aiohttp.test_utils import TestServer
from sqlalchemy import select

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from adapters.web.visitors import PAGE_HEADER
from bot.blocks import Button, Reply
from bot.features.tickets.models import TicketEventRow
from bot.features.tickets.unhiding import SHOW
from bot.server_secret import ServerSecret
from bot.vocabulary import Person
from tests.bot.features.tickets.conftest import labels, tickets
from tests.support.database import every_row
from tests.support.recording import RecordingMessenger

COLLEAGUE = "/ticket Chantel has the install codes for the smartboard software but she is out"
REFUSED = "nothing was shown"


def values(replies: list[Reply]) -> list[str]:
    return [b.value for r in replies for blk in r.blocks for b in getattr(blk, "buttons", ())]


# -- Promise 4: lists the list rule misses ---------------------------------------------------

@pytest.mark.parametrize("listed", [
    "Jaden + Maya + Luis",
    "Jaden plus Maya plus Luis",
    "Jaden -> Maya -> Luis",
    "Jaden or Maya or Luis",
    "Jaden with Maya with Luis",
])
async def test_three_students_joined_by_signs_or_words_are_a_list(
        chat: ConsoleChat, teacher: Person, listed: str) -> None:
    """ "Jaden, Maya and Luis" is the rule's own example of a list; the same three names
    joined by "+", "plus", "->", "or" or "with" are as much a list."""
    [reply] = await chat.say(f"/ticket {listed} cannot log in to iReady this morning",
                             as_=teacher)
    assert not labels([reply]), f"a list of three students offered: {labels([reply])}"


async def test_a_spanish_list_joined_by_con_is_a_list(
        chat: ConsoleChat, schools: None) -> None:
    maestra = Person(platform="console", user_id="gomez", display_name="Sra. Gómez", locale="es")
    await chat.say("/prepbot school Lincoln Elementary", as_=maestra)
    [reply] = await chat.say("/ticket Juan con Ana con Luis no pueden entrar a iReady",
                             as_=maestra)
    assert not labels([reply]), labels([reply])


async def test_three_first_names_in_one_run_are_three_students_not_one_colleague(
        chat: ConsoleChat, teacher: Person) -> None:
    """Six first names in one run were KK's; three are at the MOST_WORDS edge and pass."""
    [reply] = await chat.say("/ticket Jaden Maya Luis cannot log in to iReady this morning",
                             as_=teacher)
    assert not labels([reply]), f"three students behind one button: {labels([reply])}"


async def test_four_students_as_two_runs_in_two_sentences_are_not_offered(
        chat: ConsoleChat, teacher: Person) -> None:
    """Four students, but two spans of two words: under every threshold."""
    [reply] = await chat.say("/ticket Jaden Maya cannot log in to iReady. Luis Sofia cannot "
                             "either.", as_=teacher)
    assert not labels([reply]), f"four students offered: {labels([reply])}"


# -- Promise 4: cues the cue rule misses -----------------------------------------------------

@pytest.mark.parametrize("text", [
    "Jaden, my student, cannot log in to iReady",
    "Jaden, a 3rd grader, cannot log in to iReady",
    "Jaden - 3rd period - cannot log in to iReady",
    "Jaden who is in my homeroom cannot log in to iReady",
    "Jaden cannot log in to iReady. Jaden is my student.",
])
async def test_a_student_cue_said_another_way_still_marks_a_student(
        chat: ConsoleChat, teacher: Person, text: str) -> None:
    [reply] = await chat.say(f"/ticket {text}", as_=teacher)
    assert not labels([reply]), f"a student offered as a colleague: {labels([reply])}"


@pytest.mark.parametrize("text, leaked", [
    ("my student Jaden Smith cannot log in to iReady. Jaden says the screen is black", "Jaden"),
    ("my student Jaden cannot log in to iReady and JADEN says the screen is black", "JADEN"),
    ("my student Jaden Smith cannot log in to iReady and Smith says the screen is black",
     "Smith"),
])
async def test_a_cued_student_is_not_offered_under_another_spelling_or_part(
        chat: ConsoleChat, teacher: Person, runtime: Runtime, text: str, leaked: str) -> None:
    """The cue excludes the exact string cued; the same student's first name, surname or
    shouted name elsewhere in the text is offered, one click from the coach."""
    [reply] = await chat.say(f"/ticket {text}", as_=teacher)
    assert not any(leaked in label for label in labels([reply])), labels([reply])


async def test_a_name_with_an_id_number_beside_it_is_a_student(
        chat: ConsoleChat, teacher: Person) -> None:
    """The masker hides the number because a name stands beside it: no colleague has a
    student id number."""
    [reply] = await chat.say("/ticket Jaden Smith 2045678 cannot log in to iReady",
                             as_=teacher)
    assert not labels([reply]), f"a student with his id offered: {labels([reply])}"


# -- Promise 2: values a client carries ------------------------------------------------------

async def test_no_open_a_new_ticket_carries_no_hidden_name_readable(
        chat: ConsoleChat, teacher: Person, neighbour: Person, runtime: Runtime) -> None:
    await chat.say("/ticket wifi is down in the whole east wing", as_=neighbour)
    [offer] = await chat.say("/ticket Chantel and Marcus said wifi is down in the east wing",
                             as_=teacher)
    assert "tickets.separate" in [b.action_id for blk in offer.blocks
                                  for b in getattr(blk, "buttons", ())]
    carried = repr(values([offer]))
    assert "Chantel" not in carried and "Marcus" not in carried, carried


async def test_show_values_do_not_leak_names_as_plain_text(
        chat: ConsoleChat, teacher: Person) -> None:
    [reply] = await chat.say("/ticket Chantel and Marcus both said the laptop cart will not "
                             "charge", as_=teacher)
    for value in values([reply]):
        raw = base64.urlsafe_b64decode(value)
        assert b"Chantel" not in raw and b"Marcus" not in raw


# -- Promise 3: another replica, another secret ----------------------------------------------

async def test_a_value_from_a_replica_with_another_secret_shows_nothing(
        chat: ConsoleChat, teacher: Person, runtime: Runtime,
        monkeypatch: pytest.MonkeyPatch) -> None:
    await chat.say(COLLEAGUE, as_=teacher)
    button = chat.button("Show \u201cChantel\u201d")
    before = await every_row(runtime)
    monkeypatch.setattr(runtime.bot, "secret", ServerSecret(b"another-replica-secret-32-bytes!"))
    [refused] = await chat.press(button, as_=teacher)
    assert REFUSED in refused.text and "Chantel" not in refused.text
    assert await every_row(runtime) == before


async def test_a_sealed_offer_re_sealed_for_another_person_is_only_possible_with_the_key(
        chat: ConsoleChat, teacher: Person, neighbour: Person, runtime: Runtime) -> None:
    """A value naming the neighbour's id but sealed under the wrong purpose is refused."""
    await chat.say(COLLEAGUE, as_=teacher)
    value = chat.button("Show \u201cChantel\u201d").value
    plain = runtime.bot.secret.open(SHOW, base64.urlsafe_b64decode(value))
    other = base64.urlsafe_b64encode(runtime.bot.secret.seal("tickets-separate", plain)).decode()
    before = await every_row(runtime)
    [refused] = await chat.press(Button("x", "tickets.show", other), as_=teacher)
    assert REFUSED in refused.text
    assert await every_row(runtime) == before


# -- Promise 5: logs -------------------------------------------------------------------------

async def test_nothing_hidden_nor_any_value_reaches_the_logs_at_debug(
        chat: ConsoleChat, teacher: Person, runtime: Runtime, triage: str,
        outbox: RecordingMessenger, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    for name in ("", "bot", "adapters", "prepbot", "sqlalchemy.engine"):
        logging.getLogger(name).setLevel(logging.DEBUG)
    await chat.say("/ticket Chantel and Marcus both said the laptop cart will not charge",
                   as_=teacher)
    logged = caplog.text + repr([r.args for r in caplog.records])
    assert "Chantel" not in logged and "Marcus" not in logged
    marcus = chat.button("Show \u201cMarcus\u201d")
    await chat.press(marcus, as_=teacher)
    logged = caplog.text + repr([r.args for r in caplog.records])
    assert "Chantel" not in logged
    assert marcus.value not in logged


# -- Promise 1: racing tickets of one teacher -------------------------------------------------

async def test_two_tickets_opened_at_once_each_keeps_its_own_names(
        chat: ConsoleChat, teacher: Person, runtime: Runtime) -> None:
    one, two = ConsoleChat(runtime.bot), ConsoleChat(runtime.bot)
    await asyncio.gather(
        one.say("/ticket Chantel has the install codes for the smartboard software", as_=teacher),
        two.say("/ticket Marcus has the install codes for the projector software", as_=teacher))
    await one.press(one.button("Show \u201cChantel\u201d"), as_=teacher)
    await two.press(two.button("Show \u201cMarcus\u201d"), as_=teacher)
    texts = sorted(t.text for t in await tickets(runtime))
    assert texts == ["Chantel has the install codes for the smartboard software",
                     "Marcus has the install codes for the projector software"]


# -- Promise 5: the coach sees only what she showed, as plain text ----------------------------

async def test_the_triage_notice_after_a_show_holds_only_that_name(
        chat: ConsoleChat, teacher: Person, coach: Person, runtime: Runtime,
        outbox: RecordingMessenger, triage: str) -> None:
    await chat.say("/ticket Chantel says Marcus has the install codes for the smartboard",
                   as_=teacher)
    await chat.press(chat.button("Show \u201cChantel\u201d"), as_=teacher)
    sent = repr(outbox.sent)
    assert "Chantel" in sent and "Marcus" not in sent
    async with runtime.sessions() as session:
        shown = list((await session.execute(select(TicketEventRow.text).where(
            TicketEventRow.kind == "name_shown"))).scalars())
    assert shown == ["Chantel"]
    assert "Marcus" not in await every_row(runtime)


# -- The web playground: another guest, another cookie ---------------------------------------

async def _send(client: Any, persona: dict[str, str], **body: Any) -> list[dict[str, Any]]:
    async with client.post("/playground/send", json={"persona": persona, **body}) as response:
        assert response.status == 200, await response.text()
        return list((await response.json())["replies"])


def _web_buttons(replies: list[dict[str, Any]]) -> list[dict[str, str]]:
    return [b for r in replies for blk in r["blocks"] if blk["type"] == "buttons"
            for b in blk["buttons"]]


async def test_a_web_guest_with_the_same_persona_cannot_use_another_guests_button(
        http: ClientSession, server: TestServer, runtime: Runtime) -> None:
    rivera = {"role": "teacher", "name": "Ms Rivera"}
    replies = await _send(http, rivera, kind="message", text=COLLEAGUE)
    shows = [b for b in _web_buttons(replies) if b["action_id"] == "tickets.show"]
    assert shows, replies
    before = [(t.id, t.text, t.updated_at) for t in await tickets(runtime)]
    async with ClientSession(base_url=str(server.make_url("/")), headers={PAGE_HEADER: "1"},
                             cookie_jar=CookieJar(unsafe=True)) as other:
        [refused] = await _send(other, rivera, kind="action", action_id="tickets.show",
                                value=shows[0]["value"])
        assert REFUSED in refused["text"] and "Chantel" not in json.dumps(refused)
        async with other.get("/playground/inbox",
                             params={"role": "coach", "name": "Mr Okafor"}) as response:
            assert "Chantel" not in await response.text()
    assert [(t.id, t.text, t.updated_at) for t in await tickets(runtime)] == before
    assert "Chantel" not in await every_row(runtime)


# -- Promise 5, end to end: a cued student's first name reaches the coach -----------------------

async def test_a_cued_students_first_name_is_one_click_from_the_coach(
        chat: ConsoleChat, teacher: Person, runtime: Runtime, triage: str,
        outbox: RecordingMessenger) -> None:
    """ "my student Jaden Smith" is cued and kept from the offer; "Jaden" alone a sentence
    later is offered as a colleague, and a click sends the student's name to triage."""
    [reply] = await chat.say("/ticket my student Jaden Smith cannot log in to iReady. Jaden "
                             "says the screen is black", as_=teacher)
    for label in labels([reply]):
        await chat.press(chat.button(label), as_=teacher)
    assert "Jaden" not in repr(outbox.sent)
    assert "Jaden" not in await every_row(runtime)
