"""A picture sent with a playground message: the page posts multipart/form-data, a `payload`
field with the JSON it otherwise sends, and a `file`. The body limit (PREPBOT_MAX_BODY_BYTES)
bounds it like every request; the core checks and cleans the picture as from any platform."""

from __future__ import annotations

import json
from typing import Any

from aiohttp import web

from bot.vocabulary import Attachment

MULTIPART = "multipart/form-data"
FIELD_ROOM = 16_384  # what the payload and the multipart framing take besides the file


async def read_send(request: web.Request) -> tuple[Any, Attachment | None]:
    """The request's JSON payload, and the file sent with it, if any; ValueError when the
    body is not what the page sends."""
    if request.content_type != MULTIPART:
        return json.loads(await request.text()), None
    form = await request.post()
    payload = form.get("payload")
    if not isinstance(payload, str):
        raise ValueError("no payload")
    file = form.get("file")
    if not isinstance(file, web.FileField):
        return json.loads(payload), None
    data = file.file.read()
    return json.loads(payload), Attachment(name=file.filename, media_type=file.content_type,
                                           size=len(data), data=data)


def most_bytes(max_body_bytes: int, attachment_max_bytes: int) -> int:
    """The largest picture the page may send: the core's limit, within the body limit."""
    return max(0, min(attachment_max_bytes, max_body_bytes - FIELD_ROOM))
