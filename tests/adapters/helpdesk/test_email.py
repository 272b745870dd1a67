"""Tickets handed to a helpdesk by email: through the district's real SMTP server, masked,
with a thread reference; the helpdesk's replies come back through Mailgun's inbound post."""

from __future__ import annotations

import json

from aiohttp import ClientSession
from aiohttp.test_utils import TestServer

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.vocabulary import Person
from tests.adapters.helpdesk.conftest import (
    ADDRESS,
    configure,
    handoff_of,
    mailgun_fields,
    open_ticket,
    ticket,
)
from tests.support.clock import FakeClock
from tests.support.helpdesk_stubs import SMTP_USER, Mailbox
from tests.support.recording import RecordingMessenger

PROBLEM = ("The projector in room 204 shows no signal and Jayden Smith (student id 4482913) "
           "cannot see the board")


async def emailed_ticket(chat: ConsoleChat, runtime: Runtime, admin: Person,
                         teacher: Person) -> int:
    await configure(chat, admin, f"default email {ADDRESS}")
    number = await open_ticket(chat, teacher, PROBLEM)
    await runtime.dispatcher.tick()
    return number


async def test_a_ticket_routed_to_email_reaches_the_smtp_server_masked_with_a_thread_id(
        chat: ConsoleChat, runtime: Runtime, server: TestServer, mailbox: Mailbox,
        admin: Person, teacher: Person) -> None:
    number = await emailed_ticket(chat, runtime, admin, teacher)

    [email] = mailbox.messages
    thread = (await handoff_of(runtime, number)).thread
    assert mailbox.recipients == [[ADDRESS]] and mailbox.logins == [SMTP_USER]
    assert email["To"] == ADDRESS and email["From"] == "prepbot@district.test"
    assert thread in email["Subject"] and f"#{number}" in email["Subject"]
    assert email["Message-ID"] == f"<{thread}.1@district.test>"
    assert email["Auto-Submitted"] is None  # helpdesks suspend "auto-generated" mail
    body = email.get_content()
    assert "[name] (student id [id number])" in body and "Jayden" not in body
    assert "4482913" not in email.as_string()
    assert "Lincoln Elementary" in body and "Ms Rivera" in body and thread in body
    await runtime.dispatcher.tick()
    assert len(mailbox.messages) == 1  # sent once


async def test_identifiers_a_teacher_kept_are_still_masked_before_the_email_leaves(
        chat: ConsoleChat, runtime: Runtime, server: TestServer, mailbox: Mailbox,
        admin: Person, teacher: Person) -> None:
    await configure(chat, admin, f"default email {ADDRESS}")
    [reply] = await chat.submit("tickets.new", {"text": PROBLEM, "identifiers": "keep",
                                                "category": "hardware"}, "form-1", as_=teacher)
    number = int(reply.text.split("#")[1].split()[0])
    assert "Jayden Smith" in (await ticket(runtime, number))[0].text  # kept in prepbot

    await runtime.dispatcher.tick()

    assert "Jayden" not in mailbox.messages[0].as_string()


async def test_a_teachers_addition_follows_in_the_same_thread(
        chat: ConsoleChat, runtime: Runtime, server: TestServer, mailbox: Mailbox,
        admin: Person, teacher: Person) -> None:
    number = await emailed_ticket(chat, runtime, admin, teacher)

    await chat.submit("tickets.answer", {"text": "It also smells of burning now."},
                      str(number), as_=teacher)
    await runtime.dispatcher.tick()

    first, second = mailbox.messages
    assert second["In-Reply-To"] == first["Message-ID"] == second["References"]
    assert second["Subject"].startswith("Re: ") and "smells of burning" in second.get_content()


async def test_a_reply_to_the_thread_updates_the_ticket_and_tells_the_teacher(
        chat: ConsoleChat, runtime: Runtime, server: TestServer, http: ClientSession,
        mailbox: Mailbox, outbox: RecordingMessenger, clock: FakeClock, admin: Person,
        teacher: Person) -> None:
    number = await emailed_ticket(chat, runtime, admin, teacher)
    sent = mailbox.messages[0]
    headers = [["In-Reply-To", sent["Message-ID"]], ["Message-Id", "<zd-1@helpdesk.test>"]]

    response = await http.post("/helpdesk/email", data=mailgun_fields(
        clock.now(), subject=f"Re: {sent['Subject']}", sender="it@helpdesk.test",
        **{"stripped-text": "We'll swap the lamp at 2pm. Call Maria Lopez at 555-201-3344.",
           "body-plain": "We'll swap the lamp at 2pm.\n\n> quoted", "message-headers":
           json.dumps(headers)}))

    assert response.status == 200, await response.text()
    row, events = await ticket(runtime, number)
    assert events[-1].kind == "reply" and "swap the lamp" in events[-1].text
    assert row.first_response_at == clock.now()
    [told] = outbox.to(teacher)
    assert "helpdesk wrote: We'll swap the lamp at 2pm" in told
    assert "Maria" not in told and "555-201-3344" not in told  # masked on the way in, too


async def test_mailgun_retrying_the_same_email_tells_the_teacher_once(
        chat: ConsoleChat, runtime: Runtime, server: TestServer, http: ClientSession,
        mailbox: Mailbox, outbox: RecordingMessenger, clock: FakeClock, admin: Person,
        teacher: Person) -> None:
    await emailed_ticket(chat, runtime, admin, teacher)
    subject = mailbox.messages[0]["Subject"]
    headers = json.dumps([["Message-Id", "<zd-2@helpdesk.test>"]])

    for token in ("a" * 50, "b" * 50):  # a retry is signed afresh, with a new token
        response = await http.post("/helpdesk/email", data=mailgun_fields(
            clock.now(), token, subject=f"Re: {subject}", **{
                "stripped-text": "Fixed.", "message-headers": headers}))
        assert response.status == 200

    assert len(outbox.to(teacher)) == 1
    assert (await response.json())["result"] == "duplicate"


async def test_a_forged_or_old_mailgun_post_is_refused_and_changes_nothing(
        chat: ConsoleChat, runtime: Runtime, server: TestServer, http: ClientSession,
        mailbox: Mailbox, outbox: RecordingMessenger, clock: FakeClock, admin: Person,
        teacher: Person) -> None:
    number = await emailed_ticket(chat, runtime, admin, teacher)
    message = {"subject": f"Re: {mailbox.messages[0]['Subject']}", "stripped-text": "Hi"}

    forged = mailgun_fields(clock.now(), key="not-the-key", **message)
    old = mailgun_fields(clock.now(), **message)
    clock.advance(minutes=6)
    unsigned = {k: v for k, v in old.items() if k != "signature"}

    for fields in (forged, old, unsigned):
        response = await http.post("/helpdesk/email", data=fields)
        assert response.status == 401, await response.text()
    assert outbox.to(teacher) == []
    assert [e.kind for e in (await ticket(runtime, number))[1]] == ["opened"]


async def test_an_email_with_no_reference_is_turned_away_without_a_retry(
        http: ClientSession, server: TestServer, clock: FakeClock) -> None:
    response = await http.post("/helpdesk/email", data=mailgun_fields(
        clock.now(), subject="Your invoice", **{"stripped-text": "Pay now"}))

    assert response.status == 406  # Mailgun's "rejected, do not retry"


async def test_an_addition_by_a_me_too_teacher_is_signed_with_their_name(
        chat: ConsoleChat, runtime: Runtime, server: TestServer, mailbox: Mailbox,
        admin: Person, teacher: Person) -> None:
    number = await emailed_ticket(chat, runtime, admin, teacher)
    chen = Person(platform="console", user_id="chen", display_name="Mr Chen")
    await chat.say("/prepbot school Lincoln Elementary", as_=chen)
    [offer] = await chat.say(f"/ticket {PROBLEM}", as_=chen)
    assert f"#{number}" in offer.text
    await chat.click(f"Add me to #{number}", as_=chen)

    await chat.submit("tickets.answer", {"text": "Mine too, in room 206."}, str(number),
                      as_=chen)
    await runtime.dispatcher.tick()

    assert len(mailbox.messages) == 2  # joining alone sends nothing
    assert "Mr Chen added to ticket" in mailbox.messages[1].get_content()


async def test_an_out_of_office_answer_in_the_thread_is_not_relayed(
        chat: ConsoleChat, runtime: Runtime, server: TestServer, http: ClientSession,
        mailbox: Mailbox, outbox: RecordingMessenger, clock: FakeClock, admin: Person,
        teacher: Person) -> None:
    await emailed_ticket(chat, runtime, admin, teacher)
    headers = json.dumps([["Auto-Submitted", "auto-replied"], ["Message-Id", "<ooo@x.test>"]])

    response = await http.post("/helpdesk/email", data=mailgun_fields(
        clock.now(), subject=f"Out of office: {mailbox.messages[0]['Subject']}", **{
            "stripped-text": "I am away until Monday.", "message-headers": headers}))

    assert response.status == 200 and (await response.json())["result"] == "ignored"
    assert outbox.to(teacher) == []


async def test_a_captured_mailgun_post_replayed_with_another_body_is_not_relayed(
        chat: ConsoleChat, runtime: Runtime, server: TestServer, http: ClientSession,
        mailbox: Mailbox, outbox: RecordingMessenger, clock: FakeClock, admin: Person,
        teacher: Person) -> None:
    # Mailgun's signature covers its timestamp and token only: the attacker keeps those and
    # writes their own email, with its own Message-Id, to the same thread.
    number = await emailed_ticket(chat, runtime, admin, teacher)
    subject = f"Re: {mailbox.messages[0]['Subject']}"
    genuine = mailgun_fields(clock.now(), subject=subject, **{
        "stripped-text": "Fixed.", "message-headers": json.dumps([["Message-Id", "<zd-7@x>"]])})
    replayed = {**genuine, "stripped-text": "Your account is locked: sign in at evil.example",
                "message-headers": json.dumps([["Message-Id", "<forged-1@x>"]])}

    for fields in (genuine, replayed):
        response = await http.post("/helpdesk/email", data=fields)
        assert response.status == 200
    assert (await response.json())["result"] == "duplicate"
    [told] = outbox.to(teacher)
    assert "Fixed." in told and "evil" not in told
    assert [e.kind for e in (await ticket(runtime, number))[1]] == ["opened", "reply"]
