"""Slack mrkdwn and Adaptive Card markup typed by a person is shown, never rendered.

A teacher with a hostile display name opens a ticket whose text is full of markup; a coach
reads the queue and a second teacher gets the me-too offer. Whatever reached the Slack stub
and the Bot Connector stub must carry the attacker's words only as literal text.
"""

from __future__ import annotations

import json
from typing import Any

from adapters.runtime import Runtime
from bot.roles import Role
from bot.vocabulary import Person
from tests.adapters.teams.conftest import TEACHER as TEAMS_TEACHER
from tests.adapters.teams.conftest import Teams
from tests.reliability.conftest import Slack, walk_texts
from tests.support.connector_stub import ConnectorStub

ATTACK = ("*PWNED* _PWNED_ ~PWNED~ `PWNED` <!channel> <!here> <@U0ADMIN> "
          "<https://evil.example|PWNED> [PWNED](https://evil.example) **PWNED** "
          "{{DATE(2017-02-14T06:08:39Z, SHORT)}} the projector in the gym shows no signal")
SLACK_MARKERS = ("*PWNED*", "_PWNED_", "~PWNED~", "`PWNED`", "<!channel>", "<!here>",
                 "<@U0ADMIN>", "<https://evil.example")


def slack_rendered(calls: list[Any]) -> list[str]:
    """Every mrkdwn text Slack would format, from every message, response and modal sent."""
    found: list[str] = []
    for call in calls:
        params = call.params
        found += walk_texts(params.get("blocks") or [], ("mrkdwn",))
        found += walk_texts(params.get("view") or {}, ("mrkdwn",))
        found += walk_texts(params.get("attachments") or [], ("mrkdwn",))
    return found


async def test_markup_in_slack_text_and_names_is_never_formatted(
        slack: Slack, runtime: Runtime) -> None:
    slack.stub.users["UEVIL"] = {"id": "UEVIL", "name": "evil", "tz": "America/Chicago",
                                 "profile": {"display_name": ATTACK[:80], "real_name": ATTACK}}
    await runtime.bot.grant(Person(platform="slack", user_id="UCOACH"), Role.ADMIN)
    await slack.command("/prepbot", "settings route default here", user="UCOACH",
                        channel="CTRIAGE")  # triage cards, with the requester's name
    await slack.dm(f"/ticket {ATTACK}", user="UEVIL")
    await slack.dm(f"/ticket {ATTACK}", user="UOTHER")  # may be offered "me too"
    await slack.command("/tickets", "", user="UCOACH")
    await slack.dm(ATTACK, user="UEVIL")  # a question, answered or deflected
    shown = json.dumps([c.params for c in slack.stub.calls])
    assert "PWNED" in shown and "Requested by" in shown  # the words reached people
    formatted = [t for t in slack_rendered(slack.stub.calls)
                 if any(marker in t for marker in SLACK_MARKERS)]
    assert not formatted, formatted[:3]
    for call in slack.stub.calls:  # notification text: no live mention or link either
        fallback = str(call.params.get("text", ""))
        assert not any(m in fallback for m in ("<!channel>", "<!here>", "<@U0ADMIN>"))


async def test_markup_in_teams_text_and_names_is_never_rendered(
        teams: Teams, connector: ConnectorStub, runtime: Runtime) -> None:
    evil = {**TEAMS_TEACHER, "id": "29:evil", "name": ATTACK[:80]}
    coach = {**TEAMS_TEACHER, "id": "29:coach", "name": "Coach"}
    await runtime.bot.grant(Person(platform="teams", user_id="29:coach"), Role.COACH)
    await teams.post(teams.message(f"/ticket {ATTACK}", **{"from": evil}))
    await teams.post(teams.message(f"/ticket {ATTACK}"))
    await teams.post(teams.message("/tickets", **{"from": coach}))
    await teams.post(teams.message(ATTACK, **{"from": evil}))
    bodies = [call.body for call in connector.sent()]
    assert "PWNED" in json.dumps(bodies)
    markdown = walk_texts(bodies, ("TextBlock",))  # TextBlocks are markdown; TextRuns are not
    assert not [t for t in markdown if "PWNED" in t], [t for t in markdown if "PWNED" in t][:3]
    literal = walk_texts(bodies, ("TextRun",)) + [str(b.get("text", "")) for b in bodies]
    assert not any("{{DATE(" in t for t in literal)  # templating broken up
    plain = [b for b in bodies if "attachments" not in b]
    assert all(b.get("textFormat") == "plain" for b in plain)
