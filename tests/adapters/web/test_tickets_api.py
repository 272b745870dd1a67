"""Tickets end to end through the playground's API: teacher and coach personas, both ways."""

from __future__ import annotations

from typing import Any

from aiohttp import ClientSession

TEACHER = {"role": "teacher", "name": "Ms Rivera"}
COACH = {"role": "coach", "name": "Mr Okafor"}
ADMIN = {"role": "admin", "name": "Ada"}


async def send(http: ClientSession, persona: dict[str, str], **body: Any) -> list[dict[str, Any]]:
    async with http.post("/playground/send", json={"persona": persona, **body}) as response:
        assert response.status == 200, await response.text()
        return list((await response.json())["replies"])


async def inbox(http: ClientSession, persona: dict[str, str]) -> list[dict[str, Any]]:
    async with http.get("/playground/inbox", params=persona) as response:
        return list((await response.json())["replies"])


def button(replies: list[dict[str, Any]], label: str) -> dict[str, str]:
    return next(b for r in replies for blk in r["blocks"] if blk["type"] == "buttons"
                for b in blk["buttons"] if b["label"].startswith(label))


async def test_a_ticket_from_an_unhelpful_answer_reaches_the_coach_and_comes_back(
        http: ClientSession) -> None:
    await send(http, ADMIN, kind="message", text="/prepbot settings route default here")
    answer = await send(http, TEACHER, kind="message", text="the projector says no signal")
    no = button(answer, "No")
    offer = await send(http, TEACHER, kind="action", action_id=no["action_id"], value=no["value"])
    open_it = button(offer, "Open a ticket")
    [opened] = await send(http, TEACHER, kind="action", action_id=open_it["action_id"],
                          value=open_it["value"])
    assert "Ticket #1 is open" in opened["text"]

    [card] = await inbox(http, COACH)
    assert "the projector says no signal" in card["text"]
    claim = button([card], "Claim")
    await send(http, COACH, kind="action", action_id=claim["action_id"], value=claim["value"])
    await send(http, COACH, kind="submission", form_id="tickets.reply",
               values={"text": "Try the HDMI 2 input"}, context="1")

    told = [r["text"] for r in await inbox(http, TEACHER)]
    assert told == ["Ticket #1: Mr Okafor is on it.",
                    "Ticket #1: Mr Okafor wrote: Try the HDMI 2 input"]


async def test_a_teacher_persona_cannot_claim(http: ClientSession) -> None:
    await send(http, TEACHER, kind="message", text="/ticket the smartboard in room 9 is dead")
    [refused] = await send(http, TEACHER, kind="action", action_id="tickets.claim", value="1")
    assert refused["text"] == "Sorry, only coaches and admins can do that."


async def test_the_ticket_form_round_trips_through_the_page_api(http: ClientSession) -> None:
    [form_reply] = await send(http, TEACHER, kind="message", text="/ticket")
    [form] = [b for b in form_reply["blocks"] if b["type"] == "form"]
    values = {"text": "wifi drops every 5 minutes in room 7", "room": "7", "urgency": "today",
              "category": "network"}
    [opened] = await send(http, TEACHER, kind="submission", form_id=form["form_id"],
                          values=values, context=form["context"])
    assert "#1 is open" in opened["text"]
    [mine] = await send(http, TEACHER, kind="message", text="/tickets")
    assert "wifi drops every 5 minutes" in mine["text"]
