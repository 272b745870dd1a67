"""A ticket's life in Teams: "me too", waiting on the teacher, one reminder, auto-close, reopen."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest

from adapters.runtime import Runtime
from bot.roles import Role
from bot.schools.service import save_school
from bot.vocabulary import Person
from tests.adapters.teams.conftest import CHANNEL, PERSONAL, Teams
from tests.adapters.teams.test_triage import ADMIN, COACH, COACH_CHAT, action, to
from tests.support.clock import FakeClock
from tests.support.connector_stub import Call, ConnectorStub

NEIGHBOUR = {"id": "29:teacher-chen", "name": "Mr Chen", "aadObjectId": "aad-chen"}
NEIGHBOUR_CHAT = "a:1personal-chen"
FRIDAY_MORNING = datetime(2026, 12, 4, 15, 0, tzinfo=UTC)  # 10:00 in New York


@pytest.fixture
async def triage(teams: Teams, runtime: Runtime) -> str:
    """A coach, every ticket routed to the channel; two teachers at Lincoln Elementary."""
    await runtime.bot.grant(Person(platform="teams", user_id=COACH["id"]), Role.COACH)
    await runtime.bot.grant(Person(platform="teams", user_id=ADMIN["id"]), Role.ADMIN)
    async with runtime.sessions() as session, session.begin():
        await save_school(session, "Lincoln Elementary", "America/New_York", time(7, 30),
                          time(15, 0))
    await teams.post(teams.mention("prepbot settings route default here", user=ADMIN))
    await teams.post(teams.message("help", conversation=COACH_CHAT, user=COACH))
    await teams.post(teams.message("prepbot school Lincoln Elementary"))
    await teams.post(teams.message("prepbot school Lincoln Elementary",
                                   conversation=NEIGHBOUR_CHAT, user=NEIGHBOUR))
    return CHANNEL


def said(call: Call) -> str:
    """Everything a card or message says, in one string."""
    return " ".join(call.card_texts)


def ticket_card(connector: ConnectorStub, number: int) -> Call:
    """The triage card of one ticket, as the channel first got it."""
    found: Call = next(c for c in to(connector, CHANNEL) if f"Ticket #{number}" in said(c))
    return found


async def test_me_too_joins_the_open_ticket_and_everyone_on_it_hears_it_resolved(
        teams: Teams, connector: ConnectorStub, triage: str) -> None:
    await teams.post(teams.message("ticket the projector in room 12 shows no picture"))
    card = ticket_card(connector, 1)

    await teams.post(teams.message("ticket projector in room 12 shows no picture at all",
                                   conversation=NEIGHBOUR_CHAT, user=NEIGHBOUR))
    offer = to(connector, NEIGHBOUR_CHAT)[-1]
    assert "Same problem?" in said(offer)
    await teams.post(teams.submit(action(offer.card, "Add me to #1"), card_id="act-offer",
                                  conversation=NEIGHBOUR_CHAT, user=NEIGHBOUR))
    [joined] = connector.sent("PUT")  # the offer card turns into the answer
    assert joined.activity_id == "act-offer" and "2 teachers affected" in said(joined)
    assert not any("Ticket #2" in said(c) for c in to(connector, CHANNEL))
    assert "Mr Chen has the same problem (2 teachers affected)" in said(
        to(connector, CHANNEL)[-1])

    await teams.post(teams.submit(action(card.card, "Resolve"), card_id="act-card",
                                  conversation=CHANNEL, user=COACH))
    for chat in (PERSONAL, NEIGHBOUR_CHAT):
        assert "Mr Okafor marked it resolved" in said(to(connector, chat)[-1])


async def test_waiting_reminds_once_then_auto_closes_and_an_answer_reopens(
        teams: Teams, connector: ConnectorStub, triage: str, runtime: Runtime,
        clock: FakeClock) -> None:
    clock.current = FRIDAY_MORNING
    await teams.post(teams.message("ticket my gradebook will not sync with the SIS"))
    card = ticket_card(connector, 1)
    await teams.post(teams.submit(action(card.card, "Claim"), card_id="act-card",
                                  conversation=CHANNEL, user=COACH))
    await teams.post(teams.submit(action(card.card, "Waiting on teacher"), card_id="act-card",
                                  conversation=CHANNEL, user=COACH))
    assert "needs something from you" in said(to(connector, PERSONAL)[-1])

    def reminders() -> int:
        return sum("still waiting on you" in said(c) for c in to(connector, PERSONAL))

    clock.current = datetime(2026, 12, 7, 16, 0, tzinfo=UTC)  # Monday: one school day
    await runtime.dispatcher.tick()
    assert reminders() == 0
    clock.current = datetime(2026, 12, 8, 16, 0, tzinfo=UTC)  # Tuesday: two school days
    await runtime.dispatcher.tick()
    await runtime.dispatcher.tick()
    assert reminders() == 1

    clock.current = datetime(2026, 12, 11, 16, 0, tzinfo=UTC)  # Friday: five school days
    await runtime.dispatcher.tick()
    closed = to(connector, PERSONAL)[-1]
    assert "closed because we didn't hear back" in said(closed)

    await teams.post(teams.submit(action(closed.card, "Reply"), card_id="act-closed"))
    form = to(connector, PERSONAL)[-1].card
    await teams.post(teams.submit({**action(form, "Send"), "text": "sorry, I was out sick"},
                                  card_id="act-answer"))
    assert "open again" in said(to(connector, PERSONAL)[-1])
    assert "sorry, I was out sick" in said(to(connector, COACH_CHAT)[-1])


async def test_the_ticket_button_after_no_carries_the_question_to_the_triage_card(
        teams: Teams, connector: ConnectorStub, triage: str) -> None:
    await teams.post(teams.message("the projector says no signal"))
    answer = to(connector, PERSONAL)[-1]
    await teams.post(teams.submit(action(answer.card, "No"), card_id="act-answer"))
    [offer] = connector.sent("PUT")
    await teams.post(teams.submit(action(offer.card, "Open a ticket"), card_id="act-answer"))
    card = ticket_card(connector, 1)
    assert "the projector says no signal" in said(card)
    assert said(to(connector, PERSONAL)[-1]).startswith("Ticket #1 is open.")
