"""The coach's queue in the playground is a triage view, and its words agree with its filters."""

from __future__ import annotations

from datetime import time

import pytest
from aiohttp import ClientSession

from adapters.runtime import Runtime
from bot.schools.service import save_school
from tests.adapters.web.playground import (
    COACH,
    TEACHER,
    button,
    buttons,
    click,
    say,
    send,
    text_of,
)
from tests.support.clock import FakeClock

LONG = ("the projector in the science lab shows a blue screen that says no signal detected "
        "whenever the bell rings and then it flickers for ten minutes")


@pytest.fixture
async def ticket(http: ClientSession, runtime: Runtime) -> None:
    """Ms Rivera at Lincoln Elementary opens an urgent ticket for room 204."""
    async with runtime.sessions() as session, session.begin():
        await save_school(session, "Lincoln Elementary", "America/New_York", time(7, 30),
                          time(15, 0))
    await say(http, TEACHER, "/prepbot school Lincoln Elementary")
    await send(http, TEACHER, kind="submission", form_id="tickets.new", context="t1",
               values={"text": LONG, "room": "204", "urgency": "now", "category": "hardware"})


async def test_each_queue_line_says_urgency_room_school_age_and_who_has_it(
        http: ClientSession, ticket: None, clock: FakeClock) -> None:
    clock.advance(hours=3)
    queue = await say(http, COACH, "/tickets")
    shown = text_of(queue)
    assert ("#1 · urgent: a class is waiting · Room 204 · Lincoln Elementary · opened 3 h ago "
            "· new, nobody has it yet") in shown
    assert [b["label"] for b in buttons(queue)] == ["Open ticket #1", "Claim ticket #1"]


async def test_queue_lines_are_cut_between_words_not_inside_one(
        http: ClientSession, ticket: None) -> None:
    shown = text_of(await say(http, COACH, "/tickets"))
    quoted = next(line for line in shown.splitlines() if line.startswith("\u201c"))
    cut = quoted.strip("\u201c\u201d")
    assert cut.endswith("…") and len(cut) < len(LONG)
    kept = cut.removesuffix("…")
    assert LONG.startswith(kept) and LONG[len(kept)] == " "


async def test_a_teachers_own_list_has_buttons_that_say_what_they_open(
        http: ClientSession, ticket: None) -> None:
    mine = await say(http, TEACHER, "/tickets")
    assert [b["label"] for b in buttons(mine)] == ["Open ticket #1"]
    assert "…" in text_of(mine) and LONG not in text_of(mine)


async def test_a_ticket_waiting_on_the_teacher_reads_so_and_is_not_offered_to_claim_again(
        http: ClientSession, ticket: None) -> None:
    await click(http, COACH, button(await say(http, COACH, "/tickets"), "Claim ticket #1"))
    card = await click(http, COACH, {"action_id": "tickets.wait", "value": "1"})
    assert "Status: waiting on the teacher" in text_of(card)
    assert "waiting on you" not in text_of(card)
    assert "Claim" not in [b["label"] for b in buttons(card)]


async def test_the_queue_shows_the_words_its_status_filter_takes(
        http: ClientSession, ticket: None) -> None:
    await click(http, COACH, button(await say(http, COACH, "/tickets"), "Claim ticket #1"))
    assigned = text_of(await say(http, COACH, "/tickets status assigned"))
    assert "assigned, handled by Mr Okafor" in assigned
    assert "being handled" not in assigned
    assert "Nothing in the queue" in text_of(await say(http, COACH, "/tickets status new"))


async def test_a_wrong_filter_value_is_named_not_the_filter(http: ClientSession) -> None:
    said = text_of(await say(http, COACH, "/tickets category 🍕"))
    assert "I don't know the category `🍕`" in said
    assert "hardware" in said and "don't know the filter" not in said
    said = text_of(await say(http, COACH, "/tickets status pending"))
    assert "I don't know the status `pending`" in said
