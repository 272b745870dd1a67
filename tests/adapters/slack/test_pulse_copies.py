"""A copy of the database taken while prepbot answers a pulse form holds nothing that ties the
teacher to their answers: the replies waiting to be delivered are sealed like the arrival,
and two copies taken days apart differ only by whole releases.

A third red team's (stop 43): the "Thanks, your answers are saved" reply waited in the inbox,
plain, beside its sender, carrying the form's secret (whose hash names the teacher's answers
once released), and "Change my answers" waited there with the answers filled in.
"""

from __future__ import annotations

import re
import sqlite3
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from adapters.runtime import Runtime
from adapters.slack import delivery as slack_delivery
from bot.arrivals import InboxRow
from bot.blocks import Reply
from bot.roles import Role
from bot.vocabulary import Person
from tests.adapters.slack.conftest import SlackClient, buttons
from tests.bot.features.pulse.conftest import ANSWERS, MONDAY_MORNING, likert
from tests.support.clock import FakeClock

COACH = "UCOACH"
PILOT = ["UT1", "UT2", "UT3", "UT4", "UT5"]
LATER = ["UT6", "UT7", "UT8", "UT9", "UT10"]
# "survey:secret:tag": a form's context, a button's value
FORM_SECRET = re.compile(r'"\d+:[A-Za-z0-9_-]{16,}(?::[0-9a-f]{22})?"')


@pytest.fixture
def copies(runtime: Runtime, monkeypatch: pytest.MonkeyPatch) -> list[list[tuple[str, str]]]:
    """The inbox's waiting replies, as a backup would copy them just before each delivery."""
    taken: list[list[tuple[str, str]]] = []
    deliver = slack_delivery.Delivery.send

    async def send(self: Any, replies: list[Reply], where: Any,
                   in_response: bool = False) -> None:
        async with runtime.sessions() as session:
            rows = await session.execute(select(InboxRow.sender, InboxRow.replies)
                                         .where(InboxRow.replies != ""))
            taken.append([(sender, replies) for sender, replies in rows])
        await deliver(self, replies, where, in_response)

    monkeypatch.setattr(slack_delivery.Delivery, "send", send)
    return taken


async def test_a_copy_taken_while_answers_are_acknowledged_ties_no_one_to_them(
        slack: SlackClient, runtime: Runtime, clock: FakeClock,
        copies: list[list[tuple[str, str]]]) -> None:
    clock.current = MONDAY_MORNING
    await runtime.bot.grant(Person(platform="slack", user_id=COACH), Role.COACH)
    slack.stub.members["CPILOT"] = [COACH, *PILOT]
    await slack.command("/pulse", "start Nearpod <#CPILOT|nearpod-pilot> closes friday",
                        user=COACH)
    await runtime.dispatcher.tick()
    await slack.stub.wait_for("chat.postMessage", len(PILOT))
    invitations = {c.params["channel"]: c.params["blocks"] for c in slack.stub.of(
        "chat.postMessage") if "your coach sees only totals" in str(c.params["blocks"])}
    for user, points in zip(PILOT, ANSWERS, strict=True):
        if user == PILOT[-1]:  # before the release: the form again, her answers filled in
            thanks = next(c for c in slack.stub.of("response_url")
                          if "answers are saved" in c.params["text"])
            [change] = [b for b in buttons(thanks.params["blocks"])
                        if b["action_id"] == "pulse.change"]
            await slack.click(change, "DUT1", "UT1")
            await slack.stub.wait_for("views.open")
        await slack.fill_in(invitations[f"D{user}"],
                            {**likert(*points), "comment": f"opinion-of-{user}"},
                            f"D{user}", user)

    waiting = [replies for copy in copies for _, replies in copy]
    assert waiting  # the copies did catch replies waiting to be delivered
    assert not [r for r in waiting if FORM_SECRET.search(r) or "opinion-of-" in r]
    assert all(r.startswith("sealed:") for r in waiting)



def released_rows(runtime: Runtime) -> dict[str, tuple[str, str]]:
    """The released answer sets, as a nightly `sqlite3 .backup` copy holds them."""
    with sqlite3.connect(str(runtime.engine.url.database)) as db:
        return {key: (answers, comment) for key, answers, comment in db.execute(
            "SELECT key, answers, comment FROM pulse_responses")}


async def test_two_nightly_copies_differ_only_by_whole_releases_when_someone_tries_a_change(
        slack: SlackClient, runtime: Runtime, clock: FakeClock) -> None:
    # A red team's (stop 44): a change to released answers rewrote that one row at the next
    # release; diffing two backups found it, and the inbox showed which of the first five
    # had written to prepbot in between.
    if runtime.engine.dialect.name != "sqlite":
        pytest.skip("reads the SQLite file as a backup would")
    clock.current = MONDAY_MORNING
    await runtime.bot.grant(Person(platform="slack", user_id=COACH), Role.COACH)
    slack.stub.members["CPILOT"] = [COACH, *PILOT, *LATER]
    await slack.command("/pulse", "start Nearpod <#CPILOT|nearpod-pilot> closes friday",
                        user=COACH)
    await runtime.dispatcher.tick()
    await slack.stub.wait_for("chat.postMessage", len(PILOT) + len(LATER))
    invitations = {c.params["channel"]: c.params["blocks"] for c in slack.stub.of(
        "chat.postMessage") if "your coach sees only totals" in str(c.params["blocks"])}
    for user, points in zip(PILOT, ANSWERS, strict=True):
        await slack.fill_in(invitations[f"D{user}"], {**likert(*points), "comment": user},
                            f"D{user}", user)
    monday = released_rows(runtime)

    clock.current = MONDAY_MORNING + timedelta(days=1)  # UT3 would change her mind
    thanks = [c for c in slack.stub.of("response_url") if "answers are saved" in c.params["text"]]
    [change] = [b for b in buttons(thanks[2].params["blocks"]) if b["action_id"] == "pulse.change"]
    await slack.click(change, "DUT3", "UT3")
    await slack.fill_in(invitations["DUT3"], {**likert((1, 1), (1, 1), (1, 1)),
                                              "comment": "actually I hate it"}, "DUT3", "UT3")
    clock.current = MONDAY_MORNING + timedelta(days=2)
    for user, points in zip(LATER, ANSWERS, strict=True):
        await slack.fill_in(invitations[f"D{user}"], {**likert(*points), "comment": user},
                            f"D{user}", user)
    await runtime.bot.inbox.drain()
    wednesday = released_rows(runtime)

    assert {key: wednesday[key] for key in monday} == monday  # no released row rewritten
    assert len(wednesday) == 10 and "actually I hate it" not in str(wednesday)
    told = [c.params["text"] for c in slack.stub.of("response_url")
            if "can't change now" in c.params["text"]]
    assert len(told) == 2 and not slack.stub.of("views.open")  # the button and the old form
