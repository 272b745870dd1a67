"""A picture uploaded in the playground goes with the teacher's ticket to the coach persona's
triage card, served by the playground's own link; what is not a picture, or too big for the
page, is said plainly."""

from __future__ import annotations

import json
from io import BytesIO
from typing import Any

from aiohttp import ClientSession, FormData

from tests.adapters.web.test_tickets_api import ADMIN, COACH, TEACHER, inbox, send
from tests.support.pictures import PDF, leaks, metadata_of, phone_photo


async def upload(http: ClientSession, persona: dict[str, str], text: str, name: str,
                 data: bytes, kind: str = "image/jpeg") -> tuple[int, Any]:
    """What the page posts for a message with a picture."""
    form = FormData()
    form.add_field("payload", json.dumps({"persona": persona, "kind": "message", "text": text}))
    form.add_field("file", BytesIO(data), filename=name, content_type=kind)
    async with http.post("/playground/send", data=form) as response:
        body = await response.json() if response.content_type == "application/json" else None
        return response.status, body


def image_urls(replies: list[dict[str, Any]]) -> list[str]:
    return [block["url"] for reply in replies for block in reply["blocks"]
            if block["type"] == "image"]


async def test_a_picture_sent_with_a_ticket_reaches_the_coach_personas_card(
        http: ClientSession) -> None:
    await send(http, ADMIN, kind="message", text="/prepbot settings route default here")
    status, body = await upload(http, TEACHER, "/ticket the smartboard shows a black screen",
                                "IMG_2031.jpg", phone_photo())
    assert status == 200
    assert "Ticket #1 is open" in body["replies"][0]["text"]
    assert "I attached your picture to the ticket" in body["replies"][-1]["text"]

    [card] = await inbox(http, COACH)
    [url] = image_urls([card])
    assert url.startswith("/playground/attachments/")
    async with http.get(url) as response:
        assert response.status == 200 and response.content_type == "image/jpeg"
        picture = await response.read()
    assert leaks(picture) == [] and metadata_of(picture)["exif"] == {}
    async with http.get(url.replace("/playground", "", 1)[:-3] + "AAA") as forged:
        assert forged.status == 404


async def test_a_file_that_is_not_a_picture_is_left_out_and_the_question_answered(
        http: ClientSession) -> None:
    status, body = await upload(http, TEACHER, "the projector says no signal", "photo.jpg", PDF)
    assert status == 200
    texts = [reply["text"] for reply in body["replies"]]
    assert 'says "No signal"' in texts[0]
    assert "“photo.jpg” isn't one" in texts[-1]


async def test_the_page_is_told_the_largest_picture_and_a_larger_body_is_refused(
        http: ClientSession) -> None:
    async with http.get("/playground/config") as response:
        most = (await response.json())["max_upload"]
    assert 0 < most < 1_000_000  # within PREPBOT_MAX_BODY_BYTES
    status, _ = await upload(http, TEACHER, "look", "big.png", b"\x89PNG" + b"\x00" * 1_100_000)
    assert status == 413
