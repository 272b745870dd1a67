"""Coffee and Curriculum in Slack: set up in a channel, invitations by DM, guests, edits."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from adapters.runtime import Runtime
from bot.features.coffee.models import CoffeeSlotRow
from bot.roles import Role
from bot.schools.service import save_school
from bot.vocabulary import Person
from tests.adapters.slack.conftest import SlackClient, state_of
from tests.adapters.slack.test_triage import COACH, button
from tests.support.clock import FakeClock

COHORT = "CLINCOLN"
TEACHERS = ["URIVERA", "UCHEN"]
GUEST = "UPARK"
TUESDAY_MORNING = datetime(2026, 12, 8, 15, tzinfo=UTC)  # 10:00 in New York, 9:00 in Chicago


@pytest.fixture
async def cohort(slack: SlackClient, runtime: Runtime) -> str:
    """#lincoln: a coach, two teachers and a single-channel guest; Lincoln Elementary exists."""
    await runtime.bot.grant(Person(platform="slack", user_id=COACH), Role.COACH)
    async with runtime.sessions() as session, session.begin():
        await save_school(session, "Lincoln Elementary", "America/New_York", time(7, 30),
                          time(15, 0))
    slack.stub.members[COHORT] = [COACH, *TEACHERS, GUEST]
    slack.stub.users[GUEST] = {"id": GUEST, "name": "park", "tz": "America/New_York",
                               "is_ultra_restricted": True,
                               "profile": {"display_name": "Ms Park"}}
    return COHORT


def submission(view: dict[str, Any], values: dict[str, str], user: str) -> dict[str, Any]:
    """The view_submission Slack sends when someone fills in a modal and presses its button."""
    state = {"values": state_of(view["blocks"], values)}
    return {"type": "view_submission", "user": {"id": user}, "team": {"id": "T1"},
            "trigger_id": "trigger-submit", "view": {**view, "id": "V1", "state": state}}


async def set_up_and_invite(slack: SlackClient, runtime: Runtime, clock: FakeClock,
                            cohort: str) -> None:
    """The coach sets up a weekly Wednesday series from the channel on Tuesday morning; the
    scheduler then sends Wednesday's invitations."""
    clock.current = TUESDAY_MORNING
    await slack.command("/coffee", "setup", user=COACH, channel=cohort)
    [setup] = await slack.stub.wait_for("views.open")
    await slack.interact(submission(setup.params["view"], {"ends": "2027-06-18"}, COACH))
    await runtime.dispatcher.tick()


def invited(slack: SlackClient, day: str) -> list[str]:
    """Whose DM got an invitation for a day such as "Wed 9 Dec" (once per invitation)."""
    return sorted(c.params["channel"].removeprefix("D") for c in slack.stub.of("chat.postMessage")
                  if c.params["text"].startswith(f"☕ Coffee and Curriculum, {day}"))


async def test_members_are_invited_and_a_guest_only_once_the_coach_adds_them(
        slack: SlackClient, runtime: Runtime, clock: FakeClock, cohort: str) -> None:
    await set_up_and_invite(slack, runtime, clock, cohort)
    assert invited(slack, "Wed 9 Dec") == sorted(TEACHERS)

    await slack.command("/coffee", user=COACH, channel=cohort)
    listing = slack.stub.of("response_url")[-1].params
    await slack.click(button(listing["blocks"], "Guests"), channel=cohort, user=COACH)
    [_, guests] = await slack.stub.wait_for("views.open", 2)
    [choice] = [b for b in guests.params["view"]["blocks"] if b["type"] == "input"]
    assert choice["label"]["text"] == "Ms Park"
    await slack.interact(submission(guests.params["view"], {choice["block_id"]: "invite"},
                                    COACH))

    clock.current = datetime(2026, 12, 15, 15, tzinfo=UTC)  # the next Tuesday
    await runtime.dispatcher.tick()
    assert invited(slack, "Wed 16 Dec") == sorted([*TEACHERS, GUEST])
    assert invited(slack, "Wed 9 Dec") == sorted(TEACHERS)  # nobody was invited twice


async def test_an_edit_after_the_invitations_tells_those_invited(
        slack: SlackClient, runtime: Runtime, clock: FakeClock, cohort: str) -> None:
    await set_up_and_invite(slack, runtime, clock, cohort)

    await slack.command("/coffee", user=COACH, channel=cohort)
    listing = slack.stub.of("response_url")[-1].params
    await slack.click(button(listing["blocks"], "Edit"), channel=cohort, user=COACH)
    [_, edit] = await slack.stub.wait_for("views.open", 2)
    await slack.interact(submission(edit.params["view"], {"time": "7:45"}, COACH))
    await runtime.dispatcher.tick()

    told = sorted(c.params["channel"] for c in slack.stub.of("chat.postMessage")
                  if "Change of plan" in c.params["text"] and "Wed 9 Dec at 7:45" in
                  c.params["text"])
    assert told == sorted(f"D{teacher}" for teacher in TEACHERS)


async def test_accept_on_a_cancelled_rotations_offer_books_nothing(
        slack: SlackClient, runtime: Runtime, clock: FakeClock, cohort: str) -> None:
    # A red team's (stop 52): after "Yes, cancel the series", the teacher's "Accept" on the
    # offer in her DM said "It's a date", stored the slot accepted and told the coach.
    clock.current = datetime(2026, 11, 30, 12, tzinfo=UTC)  # Monday 07:00 in New York
    await slack.command("/prepbot", "prep 10:15-11:00 tue,thu", user="URIVERA",
                        channel="DURIVERA")
    await slack.command("/coffee", "setup", user=COACH, channel=cohort)
    [setup] = await slack.stub.wait_for("views.open")
    await slack.interact(submission(setup.params["view"], {
        "mode": "rotation", "cadence": "4", "ends": "2027-06-18"}, COACH))
    for _ in range(6):  # the morning, every half hour: offers go out when school opens
        await runtime.dispatcher.tick()
        clock.current += timedelta(minutes=30)
    [offer] = [c.params for c in slack.stub.of("chat.postMessage")
               if c.params["channel"] == "DURIVERA" and "would love" in c.params["text"]]
    await slack.command("/coffee", user=COACH, channel=cohort)
    listing = slack.stub.of("response_url")[-1].params
    await slack.click(button(listing["blocks"], "Cancel"), channel=cohort, user=COACH)
    confirm = slack.stub.of("response_url")[-1].params
    await slack.click(button(confirm["blocks"], "Yes, cancel the series"), channel=cohort,
                      user=COACH)
    assert slack.stub.of("response_url")[-1].params["text"].startswith("Cancelled.")
    sent_before = len(slack.stub.of("chat.postMessage"))

    await slack.click(button(offer["blocks"], "Accept"), channel="DURIVERA", user="URIVERA")
    await runtime.dispatcher.tick()

    answer = slack.stub.of("response_url")[-1].params["text"]
    assert "called off these 1:1s" in answer and "It's a date" not in answer, answer
    async with runtime.sessions() as session:
        statuses = set((await session.execute(select(CoffeeSlotRow.status))).scalars())
    assert statuses == {"cancelled"}
    told = [c.params["text"] for c in slack.stub.of("chat.postMessage")[sent_before:]]
    assert not any("accepted a 1:1" in text for text in told), told
