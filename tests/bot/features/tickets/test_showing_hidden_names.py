"""A teacher may show a name the masker hid in her own ticket ("Chantel is a colleague"): only
she, only on that ticket, only the name it hid there, and nothing hidden is stored until she
does. Everyone else's click, a forged or edited button, or an old one for a text since
changed is refused and changes nothing."""

from __future__ import annotations

import base64
import json

import pytest

from adapters.console import ConsoleChat, render
from adapters.runtime import Runtime
from bot.blocks import Button
from bot.features.tickets.models import TicketRow
from bot.features.tickets.unhiding import offer_in, shown
from bot.vocabulary import Person
from tests.bot.features.tickets.conftest import form_in, labels, tickets
from tests.support.database import every_row
from tests.support.recording import RecordingMessenger

COLLEAGUE = "/ticket Chantel has the install codes for the smartboard software but she is out"
TWO = "/ticket Chantel and Marcus both said the laptop cart in the library will not charge"


async def test_a_hidden_name_is_offered_back_and_shown_when_she_says_so(
        chat: ConsoleChat, teacher: Person, triage: str, outbox: RecordingMessenger,
        runtime: Runtime) -> None:
    [reply] = await chat.say(COLLEAGUE, as_=teacher)
    assert "Chantel" not in (await tickets(runtime))[0].text
    assert labels([reply]) == ["Show \u201cChantel\u201d"]

    [after] = await chat.press(chat.button("Show \u201cChantel\u201d"), as_=teacher)

    [ticket] = await tickets(runtime)
    assert ticket.text == COLLEAGUE.removeprefix("/ticket ")
    assert after.replace_original and "Shown on ticket" in after.text and not labels([after])
    assert "A coach or IT will pick it up" in after.text  # it replaced the confirmation
    told = outbox.posted(triage)[-1].text
    assert "Ms Rivera says \u201cChantel\u201d is no student's name" in told
    assert ticket.text in told


async def test_nothing_hidden_is_stored_until_she_shows_it(
        chat: ConsoleChat, teacher: Person, runtime: Runtime) -> None:
    await chat.say(TWO, as_=teacher)
    stored = await every_row(runtime)
    assert "Chantel" not in stored and "Marcus" not in stored


async def test_each_name_is_shown_on_its_own_and_the_rest_stay_hidden(
        chat: ConsoleChat, teacher: Person, runtime: Runtime) -> None:
    [reply] = await chat.say(TWO, as_=teacher)
    assert labels([reply]) == ["Show \u201cChantel\u201d", "Show \u201cMarcus\u201d"]
    first = chat.button("Show \u201cMarcus\u201d")
    [after] = await chat.press(first, as_=teacher)
    assert (await tickets(runtime))[0].text.startswith("[name] and Marcus both said")
    assert labels([after]) == ["Show \u201cChantel\u201d"]  # its places counted afresh

    await chat.press(chat.button("Show \u201cChantel\u201d"), as_=teacher)
    assert (await tickets(runtime))[0].text.startswith("Chantel and Marcus both said")


async def test_a_button_for_a_text_since_changed_shows_nothing(
        chat: ConsoleChat, teacher: Person, runtime: Runtime) -> None:
    await chat.say(TWO, as_=teacher)
    chantel = chat.button("Show \u201cChantel\u201d")
    marcus = chat.button("Show \u201cMarcus\u201d")
    await chat.press(marcus, as_=teacher)
    before = (await tickets(runtime))[0].text

    [refused] = await chat.press(chantel, as_=teacher)  # the first offer's: its places moved

    assert "nothing was shown" in refused.text
    assert (await tickets(runtime))[0].text == before


@pytest.mark.parametrize("who", ["neighbour", "coach"])
async def test_someone_elses_button_shows_nothing_to_anyone(
        chat: ConsoleChat, teacher: Person, neighbour: Person, coach: Person, runtime: Runtime,
        who: str) -> None:
    await chat.say(COLLEAGUE, as_=teacher)
    button = chat.button("Show \u201cChantel\u201d")
    before = await every_row(runtime)

    [refused] = await chat.press(button, as_=neighbour if who == "neighbour" else coach)

    assert "Chantel" not in refused.text and "nothing was shown" in refused.text
    assert await every_row(runtime) == before


async def test_an_edited_or_forged_button_shows_nothing_and_reads_as_nothing(
        chat: ConsoleChat, teacher: Person, runtime: Runtime) -> None:
    await chat.say(TWO, as_=teacher)
    value = chat.button("Show \u201cChantel\u201d").value
    assert "Chantel" not in value and "Chantel" not in str(base64.urlsafe_b64decode(value))
    sealed = base64.urlsafe_b64decode(value)
    edited = base64.urlsafe_b64encode(sealed[:-1] + bytes([sealed[-1] ^ 1])).decode()
    before = await every_row(runtime)
    for forged in (edited, value[:-8], "1", value + "x", json.dumps([1, 1, "", "", 0, []])):
        [refused] = await chat.press(Button("x", "tickets.show", forged), as_=teacher)
        assert "nothing was shown" in refused.text, forged
    assert await every_row(runtime) == before
    assert offer_in(runtime.bot.secret, value)  # the real one still stands


async def test_a_list_of_names_is_no_colleague_and_is_not_offered(
        chat: ConsoleChat, teacher: Person) -> None:
    [reply] = await chat.say("/ticket Jaden, Maya, Luis, Sofia, Amir and Noah cannot open "
                             "iReady this morning", as_=teacher)
    assert "I hid" in render(reply) and not labels([reply])


async def test_nothing_is_offered_where_nothing_was_hidden_or_she_kept_her_words(
        chat: ConsoleChat, teacher: Person) -> None:
    [plain] = await chat.say("/ticket the projector in room 12 shows no signal", as_=teacher)
    form = form_in(await chat.say("/ticket", as_=teacher))
    [kept] = await chat.submit(form.form_id, {"text": COLLEAGUE, "urgency": "today",
                                              "category": "other", "identifiers": "keep"},
                               form.context, as_=teacher)
    assert not labels([plain]) and not labels([kept])


async def test_a_name_she_typed_in_brackets_offers_nothing_rather_than_the_wrong_place(
        chat: ConsoleChat, teacher: Person) -> None:
    [reply] = await chat.say("/ticket the form letter says Dear [name] but Chantel says the "
                             "merge field is broken", as_=teacher)
    assert not labels([reply])


def test_shown_puts_a_name_back_only_at_its_places() -> None:
    assert shown("[name] and [name] met [name]", {0: "Ann", 2: "ANN"}) == "Ann and [name] met ANN"


async def test_a_name_a_students_cue_stands_beside_is_not_offered(
        chat: ConsoleChat, teacher: Person) -> None:
    [reply] = await chat.say("/ticket my student Marcus Lee cannot find his charger. Chantel "
                             "has spares in the library", as_=teacher)
    assert labels([reply]) == ["Show \u201cChantel\u201d"]


async def test_a_closed_ticket_shows_nothing(
        chat: ConsoleChat, teacher: Person, runtime: Runtime) -> None:
    await chat.say(COLLEAGUE, as_=teacher)
    button = chat.button("Show \u201cChantel\u201d")
    async with runtime.sessions() as session, session.begin():
        (await session.get(TicketRow, 1)).status = "closed"  # type: ignore[union-attr]

    [refused] = await chat.press(button, as_=teacher)

    assert refused.text == "Ticket #1 is closed, so nothing was shown."
    assert (await tickets(runtime))[0].text.startswith("[name] has")
