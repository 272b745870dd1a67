"""A ticket's life in Slack: "me too", waiting on the teacher, one reminder, auto-close, reopen."""

from __future__ import annotations

from datetime import UTC, datetime, time
from typing import Any

import pytest

from adapters.runtime import Runtime
from bot.roles import Role
from bot.schools.service import save_school
from bot.vocabulary import Person
from tests.adapters.slack.conftest import TEACHER, SlackClient, texts
from tests.adapters.slack.test_commands import submitted
from tests.adapters.slack.test_triage import ADMIN, COACH, TRIAGE, button, posts_to
from tests.support.clock import FakeClock

NEIGHBOUR = "UCHEN"
FRIDAY_MORNING = datetime(2026, 12, 4, 15, 0, tzinfo=UTC)  # 10:00 in New York


@pytest.fixture
async def triage(slack: SlackClient, runtime: Runtime) -> str:
    """A coach, and every ticket routed to #triage; two teachers at Lincoln Elementary."""
    await runtime.bot.grant(Person(platform="slack", user_id=COACH), Role.COACH)
    await runtime.bot.grant(Person(platform="slack", user_id=ADMIN), Role.ADMIN)
    async with runtime.sessions() as session, session.begin():
        await save_school(session, "Lincoln Elementary", "America/New_York", time(7, 30),
                          time(15, 0))
    await slack.command("/prepbot", "settings route default here", user=ADMIN, channel=TRIAGE)
    for teacher in (TEACHER, NEIGHBOUR):
        await slack.command("/prepbot", "school Lincoln Elementary", user=teacher)
    await slack.stub.wait_for("response_url", 3)
    return TRIAGE


def last_reply(slack: SlackClient) -> dict[str, Any]:
    """What the bot answered last through a response_url."""
    return slack.stub.of("response_url")[-1].params


def dm(slack: SlackClient, user: str) -> list[str]:
    """The texts the bot sent a person in their DM."""
    return [post["text"] for post in posts_to(slack, f"D{user}")]


async def test_me_too_joins_the_open_ticket_and_everyone_on_it_hears_it_resolved(
        slack: SlackClient, triage: str) -> None:
    await slack.command("/ticket", "the projector in room 12 shows no picture")
    [card] = posts_to(slack, triage)

    await slack.command("/ticket", "projector in room 12 shows no picture at all",
                        user=NEIGHBOUR)
    offer = last_reply(slack)
    assert "Same problem?" in offer["text"]
    await slack.click(button(offer["blocks"], "Add me to #1"), user=NEIGHBOUR)
    assert "2 teachers affected" in last_reply(slack)["text"]
    [_, note] = posts_to(slack, triage)  # a note for the coaches, not a second ticket
    assert note["text"] == f"#1: Teacher {NEIGHBOUR} has the same problem (2 teachers affected)."

    await slack.click(button(card["blocks"], "Resolve"), channel=triage, user=COACH)
    resolved = texts(last_reply(slack)["blocks"])
    assert "Teachers affected\n2" in resolved and f"Handled by\nTeacher {COACH}" in resolved
    for teacher in (TEACHER, NEIGHBOUR):
        assert "marked it resolved" in dm(slack, teacher)[-1]


async def test_waiting_reminds_once_then_auto_closes_and_an_answer_reopens(
        slack: SlackClient, triage: str, runtime: Runtime, clock: FakeClock) -> None:
    clock.current = FRIDAY_MORNING
    await slack.command("/ticket", "my gradebook will not sync with the SIS")
    [card] = posts_to(slack, triage)
    await slack.click(button(card["blocks"], "Claim"), channel=triage, user=COACH)
    await slack.click(button(card["blocks"], "Waiting on teacher"), channel=triage, user=COACH)
    assert "needs something from you" in dm(slack, TEACHER)[-1]

    clock.current = datetime(2026, 12, 7, 16, 0, tzinfo=UTC)  # Monday: one school day
    await runtime.dispatcher.tick()
    assert "still waiting on you" not in " ".join(dm(slack, TEACHER))
    clock.current = datetime(2026, 12, 8, 16, 0, tzinfo=UTC)  # Tuesday: two school days
    await runtime.dispatcher.tick()
    await runtime.dispatcher.tick()
    assert sum("still waiting on you" in text for text in dm(slack, TEACHER)) == 1

    clock.current = datetime(2026, 12, 11, 16, 0, tzinfo=UTC)  # Friday: five school days
    await runtime.dispatcher.tick()
    closed = posts_to(slack, f"D{TEACHER}")[-1]
    assert "closed because we didn't hear back" in closed["text"]

    await slack.click(button(closed["blocks"], "Reply"), channel=f"D{TEACHER}")
    [form] = await slack.stub.wait_for("views.open")
    await slack.interact(submitted(form.params["view"], {"text": "sorry, I was out sick"}))
    assert "open again" in dm(slack, TEACHER)[-1]
    assert "sorry, I was out sick" in posts_to(slack, f"D{COACH}")[-1]["text"]


async def test_the_ticket_button_after_no_carries_the_question_to_the_triage_card(
        slack: SlackClient, triage: str) -> None:
    await slack.dm("the projector says no signal")
    answer = posts_to(slack, "DUTEACHER")[-1]
    await slack.click(button(answer["blocks"], "No"))
    await slack.click(button(last_reply(slack)["blocks"], "Open a ticket"))
    [card] = posts_to(slack, triage)
    assert "the projector says no signal" in card["text"]
    assert "Teachers affected\n1" in texts(card["blocks"])
    assert "Ticket #1" in posts_to(slack, "DUTEACHER")[-1]["text"]


async def test_a_me_too_offer_in_a_public_channel_is_seen_by_its_asker_alone_without_the_words(
        slack: SlackClient, triage: str) -> None:
    await slack.command("/ticket", "the projector in room 12 shows no signal since my "
                        "therapist appointment reminder popped up")
    await slack.command("/ticket", "projector in room 12 shows no signal",
                        user=NEIGHBOUR, channel="CGENERAL")
    offer = last_reply(slack)
    assert "Same problem?" in offer["text"] and offer["response_type"] == "ephemeral"
    assert "therapist" not in str(offer)  # the button carries the asker's own words only
    assert not posts_to(slack, "CGENERAL")


async def test_a_coach_opening_a_ticket_from_a_list_in_a_channel_posts_nothing_there(
        slack: SlackClient, triage: str) -> None:
    await slack.command("/ticket", "my laptop shows my therapist appointment popups")
    await slack.command("/tickets", "", user=COACH, channel="CGENERAL")
    await slack.click(button(last_reply(slack)["blocks"], "Open ticket #1"), user=COACH,
                      channel="CGENERAL")
    card = last_reply(slack)
    assert "therapist" in str(card) and card["response_type"] == "ephemeral"
    assert not posts_to(slack, "CGENERAL")


async def test_merging_from_a_card_opened_in_a_channel_posts_no_card_there(
        slack: SlackClient, triage: str) -> None:
    # A second red team's (stop 43): the merge form answered with the target ticket's card,
    # which a modal's submission posted to the channel the card had been opened in.
    await slack.command("/ticket", "projector in room 4 shows no signal")
    await slack.command("/ticket", "counselor asked me to lock a laptop after the suicide note",
                        user=NEIGHBOUR)
    await slack.command("/tickets", "", user=COACH, channel="CGENERAL")
    await slack.click(button(last_reply(slack)["blocks"], "Open ticket #1"), user=COACH,
                      channel="CGENERAL")
    await slack.click(button(last_reply(slack)["blocks"], "Merge"), user=COACH,
                      channel="CGENERAL")
    form = slack.stub.of("views.open")[-1]
    await slack.interact({**submitted(form.params["view"], {"target": "2"}),
                          "user": {"id": COACH}})
    assert not posts_to(slack, "CGENERAL")
    [card] = [c.params for c in slack.stub.of("chat.postEphemeral")
              if c.params["channel"] == "CGENERAL"]
    assert "suicide" in str(card) and card["user"] == COACH
