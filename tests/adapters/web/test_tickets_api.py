"""Tickets end to end through the playground's API: teacher and coach personas, both ways."""

from __future__ import annotations

from datetime import UTC, datetime, time
from typing import Any

import pytest
from aiohttp import ClientSession

from adapters.runtime import Runtime
from bot.schools.service import save_school
from tests.support.clock import FakeClock

TEACHER = {"role": "teacher", "name": "Ms Rivera"}
COACH = {"role": "coach", "name": "Mr Okafor"}
ADMIN = {"role": "admin", "name": "Ada"}
NEIGHBOUR = {"role": "teacher", "name": "Mr Chen"}


@pytest.fixture
async def lincoln(http: ClientSession, runtime: Runtime) -> None:
    """Ms Rivera and Mr Chen teach at Lincoln Elementary; tickets go to the coaches' persona."""
    async with runtime.sessions() as session, session.begin():
        await save_school(session, "Lincoln Elementary", "America/New_York", time(7, 30),
                          time(15, 0))
    await send(http, ADMIN, kind="message", text="/prepbot settings route default here")
    for teacher in (TEACHER, NEIGHBOUR):
        await send(http, teacher, kind="message", text="/prepbot school Lincoln Elementary")


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


async def press(http: ClientSession, persona: dict[str, str], replies: list[dict[str, Any]],
                label: str) -> list[dict[str, Any]]:
    """Click the button that starts with `label` in some replies."""
    found = button(replies, label)
    return await send(http, persona, kind="action", action_id=found["action_id"],
                      value=found["value"])


async def test_me_too_joins_and_both_teachers_hear_the_fix(http: ClientSession,
                                                            lincoln: None) -> None:
    await send(http, TEACHER, kind="message", text="/ticket the printer in the library jams")
    offer = await send(http, NEIGHBOUR, kind="message",
                       text="/ticket printer in the library jams on every page")
    [joined] = await press(http, NEIGHBOUR, offer, "Add me to #1")
    assert "2 teachers affected" in joined["text"]

    card, note = await inbox(http, COACH)
    assert note["text"] == "#1: Mr Chen has the same problem (2 teachers affected)."
    await press(http, COACH, [card], "Resolve")
    for teacher in (TEACHER, NEIGHBOUR):
        assert (await inbox(http, teacher))[-1]["text"].endswith("marked it resolved. "
                                                                  "Still broken? Reopen it.")


async def test_waiting_gets_one_reminder_then_closes_and_reopens_on_an_answer(
        http: ClientSession, lincoln: None, runtime: Runtime, clock: FakeClock) -> None:
    clock.current = datetime(2026, 12, 4, 15, 0, tzinfo=UTC)  # Friday 10:00 in New York
    await send(http, TEACHER, kind="message", text="/ticket my gradebook will not sync")
    [card] = await inbox(http, COACH)
    await press(http, COACH, [card], "Waiting on teacher")
    clock.current = datetime(2026, 12, 8, 16, 0, tzinfo=UTC)  # two school days later
    await runtime.dispatcher.tick()
    await runtime.dispatcher.tick()
    clock.current = datetime(2026, 12, 11, 16, 0, tzinfo=UTC)  # five school days
    await runtime.dispatcher.tick()

    told = [r["text"].removeprefix("Ticket #1: ") for r in await inbox(http, TEACHER)]
    assert told == ["Mr Okafor needs something from you. Reply here to keep it moving.",
                    "it is still waiting on you. Reply here so we can keep going.",
                    "it was closed because we didn't hear back. Reply any time and it reopens."]
    [added] = await send(http, TEACHER, kind="submission", form_id="tickets.answer",
                         values={"text": "back from a sick day"}, context="1")
    assert added["text"] == "Added to ticket #1, and it's open again."
    assert (await inbox(http, COACH))[-1]["text"] == "#1: Ms Rivera wrote: back from a sick day"
