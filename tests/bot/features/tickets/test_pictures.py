"""A teacher's screenshot goes with their ticket: on the triage card, in the ticket view, and
along when tickets merge or expire; what is not a picture is left out with a clear word."""

from __future__ import annotations

from sqlalchemy import func, select

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.attachments.links import opened
from bot.attachments.models import AttachmentRow
from bot.attachments.store import picture
from bot.blocks import Button, Buttons, Context, Image, Reply
from bot.features.tickets.models import TicketRow
from bot.roles import Role
from bot.vocabulary import Attachment, Person
from tests.bot.features.answers.test_ask import questions
from tests.bot.features.tickets.conftest import tickets
from tests.support.clock import FakeClock
from tests.support.pictures import PDF, leaks, phone_photo, screenshot
from tests.support.recording import RecordingMessenger


def photo(name: str = "IMG_2031.jpg", data: bytes | None = None) -> Attachment:
    """A photo as an adapter hands it over, bytes included."""
    return Attachment(name=name, media_type="image/jpeg", data=phone_photo() if data is None
                      else data)


def images(reply: Reply) -> list[Image]:
    return [block for block in reply.blocks if isinstance(block, Image)]


async def shown_bytes(runtime: Runtime, image: Image) -> bytes:
    """What prepbot's server would send for the image's link, now."""
    found = opened(runtime.bot.secret, image.url.removeprefix("/attachments/"),
                   runtime.bot.clock.now())
    assert found is not None, "the link does not open"
    async with runtime.sessions() as session:
        row = await picture(session, found[0], found[1])
    assert row is not None
    return row.data


def button(action_id: str, ticket: TicketRow) -> Button:
    """A button of a ticket's card."""
    return Button(action_id, action_id, str(ticket.id))


async def kept(runtime: Runtime) -> list[AttachmentRow]:
    async with runtime.sessions() as session:
        return list((await session.execute(select(AttachmentRow))).scalars())


async def test_a_photo_shared_with_a_question_reaches_the_triage_card_cleaned(
        chat: ConsoleChat, teacher: Person, triage: str, outbox: RecordingMessenger,
        runtime: Runtime) -> None:
    replies = await chat.say("the projector says no signal", as_=teacher,
                             attachments=(photo(),))
    assert "I'm keeping your picture for 2 hours" in replies[-1].text
    assert any(isinstance(b, Context) and "never show students" in b.text
               for b in replies[-1].blocks)
    await chat.click("No", as_=teacher)
    await chat.click("Open a ticket", as_=teacher)

    [card] = outbox.posted(triage)
    [image] = images(card)
    assert image.url.startswith("/attachments/") and "IMG 2031.jpg" in image.alt
    assert leaks(await shown_bytes(runtime, image)) == []
    [row] = await kept(runtime)
    assert row.owner == f"ticket:{(await tickets(runtime))[0].id}"


async def test_a_picture_alone_asks_what_is_wrong_and_waits_for_the_ticket(
        chat: ConsoleChat, teacher: Person, triage: str, outbox: RecordingMessenger,
        coach: Person, runtime: Runtime, clock: FakeClock) -> None:
    [reply] = await chat.say("", as_=teacher, attachments=(photo("error.png", screenshot()),))
    assert reply.text.startswith("Got your picture. What's going on?") and reply.private
    assert await questions(runtime) == []

    [opened_reply] = await chat.say("/ticket the smartboard shows a black screen", as_=teacher)
    assert "is open" in opened_reply.text
    [card] = outbox.posted(triage)
    assert len(images(card)) == 1

    [ticket] = await tickets(runtime)
    clock.advance(hours=1)
    [view] = await chat.press(button("tickets.view", ticket), as_=coach)  # opened from /tickets
    assert len(images(view)) == 1 and images(view)[0].url != images(card)[0].url  # a new link


async def test_a_file_that_is_not_a_picture_is_left_out_and_the_question_still_answered(
        chat: ConsoleChat, teacher: Person, runtime: Runtime) -> None:
    replies = await chat.say("the projector says no signal", as_=teacher,
                             attachments=(photo("screen.png", PDF),))
    assert 'says "No signal"' in replies[0].text  # the answer came, as without the file
    note = replies[-1]
    assert note.private and "I only keep pictures (PNG, JPEG, GIF, WEBP)" in note.text
    assert "“screen.png” isn't one" in note.text
    assert "Everything else you sent went through." in note.text
    assert len(await questions(runtime)) == 1 and await kept(runtime) == []


async def test_a_file_declared_too_big_is_never_downloaded(
        chat: ConsoleChat, teacher: Person, runtime: Runtime) -> None:
    huge = Attachment(name="video.mov", media_type="video/quicktime", size=400_000_000,
                      ref="https://files.example/video.mov")  # no fetcher would be asked
    replies = await chat.say("/ticket the cart's chromebooks will not charge", as_=teacher,
                             attachments=(huge,))
    assert "Ticket #" in replies[0].text
    assert "“video.mov” is too big for me to keep (the most is 10 MB)" in replies[-1].text
    assert len(await tickets(runtime)) == 1


async def test_a_teachers_reply_on_a_ticket_brings_the_picture_shared_since(
        chat: ConsoleChat, teacher: Person, triage: str, outbox: RecordingMessenger,
        runtime: Runtime) -> None:
    await chat.say("/ticket the document camera shows a grey screen", as_=teacher)
    [ticket] = await tickets(runtime)
    await chat.say("", as_=teacher, attachments=(photo(),))  # the coach asked for a photo
    await chat.submit("tickets.answer", {"text": "here is the photo you asked for"},
                      str(ticket.id), as_=teacher)

    told = outbox.posted(triage)[-1]
    assert "here is the photo" in told.text and len(images(told)) == 1
    assert [row.owner for row in await kept(runtime)] == [f"ticket:{ticket.id}"]


async def test_a_coach_made_a_teacher_again_hears_no_more_of_her_tickets_the_channel_does(
        chat: ConsoleChat, teacher: Person, coach: Person, triage: str,
        outbox: RecordingMessenger, runtime: Runtime) -> None:
    # A red team's (stop 49): her claimed ticket's news and its pictures' links kept reaching
    # her in a DM after an admin took her role back.
    await chat.say("/ticket the document camera shows a grey screen", as_=teacher)
    [ticket] = await tickets(runtime)
    await chat.press(button("tickets.claim", ticket), as_=coach)
    await runtime.bot.grant(coach, Role.TEACHER)
    before = len(outbox.sent)
    await chat.say("", as_=teacher, attachments=(photo(),))
    await chat.submit("tickets.answer", {"text": "here is the photo of my class screen"},
                      str(ticket.id), as_=teacher)
    assert [who for _, who, _ in outbox.sent[before:] if who == coach.user_id] == []
    told = outbox.posted(triage)[-1]
    assert "here is the photo" in told.text and len(images(told)) == 1


async def test_pictures_follow_a_merge_and_expire_with_their_ticket(
        chat: ConsoleChat, teacher: Person, neighbour: Person, coach: Person,
        admin: Person, runtime: Runtime, clock: FakeClock) -> None:
    await chat.say("/ticket the library printer jams on every page", as_=teacher,
                   attachments=(photo(),))
    await chat.say("/ticket wifi drops in room 9 every morning", as_=neighbour)
    first, second = await tickets(runtime)
    await chat.submit("tickets.merge", {"target": str(second.id)}, str(first.id), as_=coach)
    assert [row.owner for row in await kept(runtime)] == [f"ticket:{second.id}"]

    await chat.say("/prepbot settings ticket_retention_days 30", as_=admin)
    await chat.press(button("tickets.resolve", second), as_=coach)
    async with runtime.sessions() as session, session.begin():
        for row in (await session.execute(select(TicketRow))).scalars():
            row.status, row.closed_at = "closed", clock.now()
    clock.advance(days=31)
    await runtime.dispatcher.tick()
    assert await tickets(runtime) == [] and await kept(runtime) == []


async def test_a_picture_nothing_claimed_is_deleted_after_two_hours(
        chat: ConsoleChat, teacher: Person, triage: str, outbox: RecordingMessenger,
        runtime: Runtime, clock: FakeClock) -> None:
    await chat.say("", as_=teacher, attachments=(photo(),))
    clock.advance(hours=2, minutes=1)
    await chat.say("/ticket the hallway printer says offline", as_=teacher)
    [card] = outbox.posted(triage)
    assert images(card) == []  # too old to be about this ticket
    await runtime.dispatcher.tick()
    async with runtime.sessions() as session:
        count = (await session.execute(select(func.count(AttachmentRow.id)))).scalar_one()
    assert count == 0


async def test_a_coach_deletes_a_tickets_pictures_and_their_links_stop_opening(
        chat: ConsoleChat, teacher: Person, triage: str, outbox: RecordingMessenger,
        coach: Person, runtime: Runtime) -> None:
    await chat.say("/ticket the class photo wall display is blank", as_=teacher,
                   attachments=(photo(),))
    [card] = outbox.posted(triage)
    [image] = images(card)
    [ticket] = await tickets(runtime)
    [redrawn] = await chat.press(button("tickets.unpicture", ticket), as_=coach)
    assert images(redrawn) == [] and "Delete pictures" not in [
        b.label for blk in redrawn.blocks if isinstance(blk, Buttons) for b in blk.buttons]
    assert await kept(runtime) == []
    found = opened(runtime.bot.secret, image.url.removeprefix("/attachments/"),
                   runtime.bot.clock.now())
    assert found is not None  # the link is still well signed, but what it named is gone
    async with runtime.sessions() as session:
        assert await picture(session, found[0], found[1]) is None


async def test_a_me_too_brings_the_second_teachers_picture_to_the_open_ticket(
        chat: ConsoleChat, teacher: Person, neighbour: Person, triage: str,
        outbox: RecordingMessenger, runtime: Runtime) -> None:
    await chat.say("/ticket the hallway printer jams on every page", as_=teacher)
    await chat.say("/ticket the hallway printer jams on every page", as_=neighbour,
                   attachments=(photo(),))
    await chat.click("tickets.join", as_=neighbour)
    [ticket] = await tickets(runtime)
    assert [row.owner for row in await kept(runtime)] == [f"ticket:{ticket.id}"]
    told = outbox.posted(triage)[-1]
    assert "has the same problem" in told.text and len(images(told)) == 1


async def test_a_spanish_speaking_teacher_is_told_about_their_pictures_in_spanish(
        chat: ConsoleChat, teacher: Person, triage: str, runtime: Runtime) -> None:
    await chat.say("/prepbot language es", as_=teacher)
    [alone] = await chat.say("", as_=teacher, attachments=(photo("error.png", screenshot()),))
    assert alone.text.startswith("Recibí su imagen. ¿Qué está pasando?")
    assert "la copiadora dice atasco de papel" in alone.text and "2 horas" in alone.text
    assert any(isinstance(b, Context) and "nunca muestren a estudiantes" in b.text
               for b in alone.blocks)
    replies = await chat.say("/ticket el proyector no enciende", as_=teacher,
                             attachments=(photo(), photo("screen.png", PDF)))
    assert "Solo guardo imágenes (PNG, JPEG, GIF, WEBP) y “screen.png” no lo es" in \
        replies[-1].text
    assert "Todo lo demás que envió llegó bien." in replies[-1].text
    assert "Adjunté su imagen al ticket: el coach la verá allí." in replies[-1].text
