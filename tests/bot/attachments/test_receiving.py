"""Files arrive as references, are fetched through their platform, and are kept, left out,
exported and erased as the core decides, whatever the platform."""

from __future__ import annotations

import base64
from dataclasses import dataclass, field

import pytest
from sqlalchemy import func, select

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.attachments import FetchFailed, TooBig
from bot.attachments.models import AttachmentRow
from bot.attachments.store import shown_name
from bot.privacy import delete_person, export_person
from bot.vocabulary import (
    Attachment,
    Conversation,
    Message,
    Person,
    incoming_from_json,
    incoming_to_json,
)
from tests.support.pictures import leaks, metadata_of, phone_photo, screenshot


@dataclass
class ShelfFetcher:
    """A platform whose files sit on a shelf by reference; records what it was asked."""

    platform: str = "console"
    shelf: dict[str, bytes | Exception] = field(default_factory=dict)
    asked: list[tuple[str, int]] = field(default_factory=list)

    async def fetch(self, attachment: Attachment, limit: int) -> bytes:
        """The bytes on the shelf, or the failure put there."""
        self.asked.append((attachment.ref, limit))
        found = self.shelf[attachment.ref]
        if isinstance(found, Exception):
            raise found
        return found


@pytest.fixture
def shelf(runtime: Runtime) -> ShelfFetcher:
    fetcher = ShelfFetcher()
    runtime.bot.attachments.add(fetcher)
    return fetcher


def shared(ref: str, name: str = "screen.png") -> Attachment:
    return Attachment(name=name, media_type="image/png", ref=ref)


async def stored(runtime: Runtime) -> list[AttachmentRow]:
    async with runtime.sessions() as session:
        return list((await session.execute(select(AttachmentRow))).scalars())


async def test_a_reference_is_fetched_through_its_platform_and_kept_clean(
        chat: ConsoleChat, teacher: Person, shelf: ShelfFetcher, runtime: Runtime) -> None:
    shelf.shelf["F1"] = phone_photo()
    replies = await chat.say("the smartboard pen is off by an inch", as_=teacher,
                             attachments=(shared("F1", "IMG_2031.jpg"),))
    assert shelf.asked == [("F1", runtime.settings.attachment_max_bytes)]
    [row] = await stored(runtime)
    assert row.owner == "" and row.media_type == "image/jpeg" and row.name == "IMG 2031.jpg"
    assert leaks(row.data) == [] and metadata_of(row.data)["exif"] == {}
    assert "keeping your picture" in replies[-1].text


@pytest.mark.parametrize(("failure", "said"), [
    (TooBig(), "is too big for me to keep"),
    (FetchFailed("403"), "I couldn't download “screen.png” just now"),
])
async def test_a_file_the_platform_will_not_give_is_left_out_with_a_reason(
        chat: ConsoleChat, teacher: Person, shelf: ShelfFetcher, runtime: Runtime,
        failure: Exception, said: str) -> None:
    shelf.shelf["F1"] = failure
    replies = await chat.say("/ticket the projector flickers", as_=teacher,
                             attachments=(shared("F1"),))
    assert replies[0].text.startswith("Ticket #") and said in replies[-1].text
    assert await stored(runtime) == []


async def test_more_than_five_files_in_one_message_keeps_the_first_five(
        chat: ConsoleChat, teacher: Person, shelf: ShelfFetcher, runtime: Runtime) -> None:
    for n in range(7):
        shelf.shelf[f"F{n}"] = screenshot()
    replies = await chat.say("/ticket the lab's screens all flicker", as_=teacher,
                             attachments=tuple(shared(f"F{n}", f"s{n}.png") for n in range(7)))
    assert len(await stored(runtime)) == 5 and len(shelf.asked) == 5
    assert "I keep up to 5 pictures from one message, so I left out “s5.png”" in replies[-1].text
    assert "I attached your 5 pictures to the ticket" in replies[-1].text


def test_the_inbox_keeps_an_arrivals_files_as_it_got_them() -> None:
    message = Message(text="see the photo", person=Person(platform="slack", user_id="U1"),
                      conversation=Conversation(platform="slack", id="D1"), event_id="E1",
                      attachments=(shared("F1"), Attachment(name="a.png", data=b"\x89PNG")))
    assert incoming_from_json(incoming_to_json(message)) == message


async def test_a_persons_pictures_are_exported_whole_and_erased_with_them(
        chat: ConsoleChat, teacher: Person, runtime: Runtime) -> None:
    picture = Attachment(name="error.png", media_type="image/png", data=screenshot())
    await chat.say("/ticket the copier says paper jam in tray 2", as_=teacher,
                   attachments=(picture,))
    rules = runtime.bot.privacy
    async with runtime.sessions() as session:
        data = await export_person(session, rules, "console", teacher.user_id)
    [row] = data["tables"]["attachments"]
    assert row["owner"].startswith("ticket:") and row["media_type"] == "image/png"
    assert metadata_of(base64.b64decode(row["data"]))["format"] == "PNG"

    async with runtime.sessions() as session, session.begin():
        changed = await delete_person(session, rules, "console", teacher.user_id)
    assert changed["attachments"] == 1
    async with runtime.sessions() as session:
        left = (await session.execute(select(func.count(AttachmentRow.id)))).scalar_one()
    assert left == 0


@pytest.mark.parametrize(("name", "shown"), [
    ("Jaden Rodriguez.png", "[name].png"),  # the surname glued to ".png" went through
    ("Jaden_Rodriguez.png", "[name].png"),  # and with "_" turned to "-", both names
    ("my student Jaden Rodriguez.png", "my student [name].png"),
    ("C:\\Users\\rivera\\Desktop\\error.png", "error.png"),
    ("HP LaserJet M404n error 0x80070005.jpeg", "HP LaserJet M404n error 0x80070005.jpeg"),
    ("Screenshot 2026-12-01 at 10.15.32.png", "Screenshot 2026-12-01 at 10.15.32.png"),
    ("notes*with|markup", "notes with markup"),
    ("Maya.Lopez", "[name]"),  # a surname is no extension (a red team's on the fix)
    ("Jaden Rodriguez(https:evil.example).png", "[name] https:evil example.png"),  # no link
])
def test_a_file_name_a_coach_sees_has_its_student_names_masked(name: str, shown: str) -> None:
    # A red team's (stop 47): the name was masked with its extension attached.
    assert shown_name(name) == shown
