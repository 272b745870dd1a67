"""Red team KK (stop 65), over real HTTP: "show a name the masker hid"
(bot/features/tickets/unhiding.py) through the Slack and Teams adapters. No hidden name is
stored, posted in a channel or shown to anyone before the teacher clicks its own button; a
colleague's replay or a forged Action.Submit shows nothing. The console attacks are in
tests/bot/features/tickets/test_showing_attacked.py."""

from __future__ import annotations

import base64

from sqlalchemy import select

from adapters.runtime import Runtime
from bot.features.tickets.models import TicketRow
from bot.features.tickets.unhiding import SHOW
from tests.adapters.slack.conftest import CHANNEL as SLACK_CHANNEL
from tests.adapters.slack.conftest import buttons as slack_buttons
from tests.adapters.teams.conftest import CHANNEL as TEAMS_CHANNEL
from tests.adapters.teams.conftest import PERSONAL, TEACHER, Teams
from tests.adapters.teams.test_private import submits
from tests.adapters.teams.test_triage import to
from tests.reliability.conftest import Slack
from tests.support.connector_stub import ConnectorStub
from tests.support.database import every_row

WORDS = "Chantel has the install codes for the smartboard software but she is out today"


async def test_over_slack_http_no_hidden_name_is_stored_before_or_beside_her_click(
        slack: Slack, runtime: Runtime) -> None:
    text = "Chantel and Marcus both said the laptop cart in the library will not charge"
    await slack.command("/ticket", text, channel=SLACK_CHANNEL)
    [answer] = slack.stub.of("response_url")
    assert answer.params["response_type"] == "ephemeral"
    stored = await every_row(runtime)
    assert "Chantel" not in stored and "Marcus" not in stored
    public = [c.params for c in slack.stub.calls if c.method == "chat.postMessage"]
    assert "Chantel" not in repr(public) and "Marcus" not in repr(public)
    marcus = next(b for b in slack_buttons(answer.params["blocks"])
                  if "Marcus" in b["text"]["text"])
    await slack.click(marcus, channel=SLACK_CHANNEL, ephemeral=True)
    stored = await every_row(runtime)
    assert "Marcus" in stored and "Chantel" not in stored
    public = [c.params for c in slack.stub.calls if c.method == "chat.postMessage"]
    assert "Chantel" not in repr(public)


async def test_over_slack_http_a_colleague_replaying_her_value_changes_no_row(
        slack: Slack, runtime: Runtime) -> None:
    await slack.command("/ticket", WORDS, channel=SLACK_CHANNEL)
    [answer] = slack.stub.of("response_url")
    [button] = slack_buttons(answer.params["blocks"])
    async with runtime.sessions() as session:
        text = (await session.execute(select(TicketRow.text))).scalar_one()
    await slack.click(button, channel=SLACK_CHANNEL, user="UMALLORY", ephemeral=False)
    await slack.click(button, channel="DUMALLORY", user="UMALLORY")
    async with runtime.sessions() as session:
        assert (await session.execute(select(TicketRow.text))).scalar_one() == text
    assert "Chantel" not in await every_row(runtime)
    said = repr([c.params for c in slack.stub.calls[-4:]])
    assert "Chantel" not in said


async def test_over_teams_nothing_hidden_reaches_the_channel_or_the_database(
        teams: Teams, connector: ConnectorStub, runtime: Runtime) -> None:
    connector.personal[TEACHER["id"]] = PERSONAL
    await teams.post(teams.mention(
        "ticket Chantel and Marcus both said the laptop cart in the library will not charge"))
    channel = [t for c in to(connector, TEAMS_CHANNEL) for t in c.card_texts]
    assert not any("Chantel" in t or "Marcus" in t for t in channel)
    assert not any("Chantel" in repr(c.card) for c in to(connector, TEAMS_CHANNEL))
    stored = await every_row(runtime)
    assert "Chantel" not in stored and "Marcus" not in stored
    shows = [a for c in to(connector, PERSONAL) for a in submits(c.card)
             if "Show" in str(a.get("title", ""))]
    assert [a["title"] for a in shows] == ["Show \u201cChantel\u201d", "Show \u201cMarcus\u201d"]
    # her own Submit, its sealed value edited by a byte: refused
    data = dict(shows[1]["data"])
    sealed = base64.urlsafe_b64decode(str(data["value"]))
    data["value"] = base64.urlsafe_b64encode(sealed[:-1] + bytes([sealed[-1] ^ 1])).decode()
    await teams.post(teams.submit(data, "card-1", conversation=PERSONAL))
    assert "Marcus" not in await every_row(runtime)
    # her real click: Marcus only, in the 1:1 chat, nothing in the channel
    await teams.post(teams.submit(shows[1]["data"], "card-1",
                                  conversation=PERSONAL))
    stored = await every_row(runtime)
    assert "Marcus" in stored and "Chantel" not in stored
    assert not any("Chantel" in repr(c.card) for c in to(connector, TEAMS_CHANNEL))


async def test_over_teams_a_forged_submit_in_the_channel_shows_nothing(
        teams: Teams, connector: ConnectorStub, runtime: Runtime) -> None:
    connector.personal[TEACHER["id"]] = PERSONAL
    await teams.post(teams.mention(f"ticket {WORDS}"))
    [show] = [a for c in to(connector, PERSONAL) for a in submits(c.card)
              if "Show" in str(a.get("title", ""))]
    connector.calls.clear()
    mallory = {**TEACHER, "id": "29:mallory", "name": "Mallory", "aadObjectId": "aad-mallory"}
    await teams.post(teams.submit(show["data"], "card-1",
                                  conversation=TEAMS_CHANNEL, **{"from": mallory}))
    await teams.post(teams.submit({"action_id": "tickets.show", "value": SHOW},
                                  "card-1", conversation=TEAMS_CHANNEL))
    assert "Chantel" not in await every_row(runtime)
    assert not any("Chantel" in t for c in connector.sent() for t in c.card_texts)
