"""Speaking to the playground's JSON API as the page does: personas, sends, inbox polls."""

from __future__ import annotations

from typing import Any

from aiohttp import ClientSession

TEACHER = {"role": "teacher", "name": "Ms Rivera"}
COACH = {"role": "coach", "name": "Mr Okafor"}
ADMIN = {"role": "admin", "name": "Ada"}

Replies = list[dict[str, Any]]


async def send(http: ClientSession, persona: dict[str, str], **body: Any) -> Replies:
    """One request from the page as this persona; the replies."""
    async with http.post("/playground/send", json={"persona": persona, **body}) as response:
        assert response.status == 200, await response.text()
        return list((await response.json())["replies"])


async def say(http: ClientSession, persona: dict[str, str], text: str) -> Replies:
    """Type a line (a question or a /command)."""
    return await send(http, persona, kind="message", text=text)


async def click(http: ClientSession, persona: dict[str, str], found: dict[str, str]
                ) -> Replies:
    """Click a button the page was given."""
    return await send(http, persona, kind="action", action_id=found["action_id"],
                      value=found["value"])


async def inbox(http: ClientSession, persona: dict[str, str]) -> Replies:
    """What arrived for this persona since the last poll."""
    async with http.get("/playground/inbox", params=persona) as response:
        return list((await response.json())["replies"])


def buttons(replies: Replies) -> list[dict[str, str]]:
    """Every button in some replies."""
    return [b for r in replies for blk in r["blocks"] if blk["type"] == "buttons"
            for b in blk["buttons"]]


def button(replies: Replies, label: str) -> dict[str, str]:
    """The first button whose label starts so."""
    return next(b for b in buttons(replies) if b["label"].startswith(label))


def form_of(replies: Replies) -> dict[str, Any]:
    """The form in some replies."""
    return next(blk for r in replies for blk in r["blocks"] if blk["type"] == "form")


def text_of(replies: Replies) -> str:
    """Every text, field and context of some replies, joined."""
    found: list[str] = []
    for reply in replies:
        found.append(reply["text"])
        for block in reply["blocks"]:
            if block["type"] in ("text", "context"):
                found.append(block["text"])
            elif block["type"] == "fields":
                found.extend(f"{k}: {v}" for k, v in block["pairs"])
    return "\n".join(found)
