"""One tool's year through /slack/events: a teacher's request, the checklist modal, a pilot
named with escaped @mentions, both TAM waves answered in DMs, a 3rd-period error log, the
report and an adopt decision, the first quarterly pulse, the review flag and the thirty
days' notice; and a coaching cycle from a ticket's card."""

from __future__ import annotations

import json
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml

from adapters.runtime import Runtime
from bot.roles import Role
from bot.schools.service import save_school
from bot.settings import Settings
from bot.vocabulary import Person
from tests.adapters.slack.conftest import SlackClient, buttons, state_of, texts
from tests.bot.features.conftest import NEW_YORK, advance
from tests.bot.features.pulse.conftest import likert
from tests.support.clock import FakeClock
from tests.support.slack_stub import Call, SlackStub

MANIFEST = Path(__file__).resolve().parents[3] / "deploy" / "slack" / "manifest.yml"
COACH, ADMIN = "UCOACH", "UADMIN"
TEACHERS = {"UT1": ("Ms Rivera", "10:15-11:00"), "UT2": ("Mr Chen", "12:30-13:15"),
            "UT3": ("Dr Diaz", "13:20-14:05")}
AGREE, UNSURE = ((6, 6), (6, 5), (6, 7)), ((4, 4), (4, 3), (3, 4))


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """Slack with a public base URL (the pulse's charts are images)."""
    return settings.model_copy(update={"public_url": "https://prepbot.example.org"})


def at(day: str, hour: int, minute: int = 0) -> datetime:
    """New York wall-clock time as UTC."""
    return datetime.fromisoformat(day).replace(hour=hour, minute=minute,
                                               tzinfo=NEW_YORK).astimezone(UTC)


def said(stub: SlackStub, words: str, channel: str | None = None) -> list[Call]:
    """Every message (posted, ephemeral, or through a response_url) holding some words."""
    kinds = {"chat.postMessage", "chat.postEphemeral", "response_url", "views.open"}
    return [c for c in stub.calls if c.method in kinds and words in json.dumps(c.params)
            and (channel is None or c.params.get("channel") == channel)]


def blocks(call: Call) -> list[dict[str, Any]]:
    """A message's blocks, or a modal's."""
    return list(call.params.get("blocks") or (call.params.get("view") or {}).get("blocks", []))


def pick(call: Call, label: str) -> dict[str, Any]:
    """A button of a message, by the start of its label."""
    return next(b for b in buttons(blocks(call)) if b["text"]["text"].startswith(label))


async def submit_modal(slack: SlackClient, opened: Call, values: dict[str, str],
                       user: str) -> None:
    """Fill in a modal Slack opened and submit it."""
    view = opened.params["view"]
    await slack.interact({"type": "view_submission", "user": {"id": user},
                          "team": {"id": "T1"}, "trigger_id": "t-submit", "view": {
                              **view, "id": "V1", "state": {"values": state_of(
                                  view["blocks"], values)}}})


async def answer_latest_survey(slack: SlackClient, user: str, points: Any) -> None:
    """A teacher fills in the newest survey card in their DM."""
    card = [c for c in said(slack.stub, "Send my answers", f"D{user}")][-1]
    await slack.fill_in(blocks(card), likert(*points), f"D{user}", user)


async def meet_everyone(slack: SlackClient, runtime: Runtime) -> None:
    """The school, the roles, the teachers' prep periods, a release threshold of three."""
    async with runtime.sessions() as session, session.begin():
        await save_school(session, "Lincoln Elementary", "America/New_York",
                          time(7, 30),
                          time(15, 30))
    await runtime.bot.grant(Person(platform="slack", user_id=COACH), Role.COACH)
    await runtime.bot.grant(Person(platform="slack", user_id=ADMIN), Role.ADMIN)
    slack.stub.users[COACH] = {"id": COACH, "tz": "America/New_York",
                               "profile": {"display_name": "Mr Okafor"}}
    for user, (name, prep) in TEACHERS.items():
        slack.stub.users[user] = {"id": user, "tz": "America/New_York",
                                  "profile": {"display_name": name}}
        await slack.command("/prepbot", "school Lincoln Elementary", user=user)
        await slack.command("/prepbot", f"prep {prep} mon-fri", user=user)
    await slack.command("/prepbot", "school Lincoln Elementary", user=COACH)
    await slack.command("/prepbot", "settings pulse_min_responses 3", user=ADMIN)


def test_the_manifest_declares_the_new_commands_escaped_where_people_are_named() -> None:
    commands = {c["command"]: c for c in yaml.safe_load(MANIFEST.read_text())["features"][
        "slash_commands"]}
    assert commands["/pilot"]["should_escape"] is True  # @a arrives as <@U123|a>
    assert commands["/cycle"]["should_escape"] is True
    assert {"/tools", "/portfolio"} <= set(commands)


async def test_a_tools_year_in_slack(slack: SlackClient, runtime: Runtime,
                                     clock: FakeClock) -> None:
    stub = slack.stub
    clock.current = at("2026-11-30", 9)
    await meet_everyone(slack, runtime)

    # A teacher asks in her DM and requests it with one click; another says "me too".
    await slack.dm("can I use Blooket with my class?", user="UT1", channel="DUT1")
    [offer] = said(stub, "Request Blooket", "DUT1")
    await slack.click(pick(offer, "Request Blooket"), channel="DUT1", user="UT1")
    assert said(stub, "1 teacher has asked for it")
    await slack.dm("can I use Blooket with my class?", user="UT2", channel="DUT2")
    [review] = said(stub, "Blooket is under review", "DUT2")
    await slack.click(pick(review, "Me too"), channel="DUT2", user="UT2")
    assert said(stub, "2 teachers have asked for it")

    # The coach fills in the checklist in a modal; the pilot names teachers as mentions.
    await slack.command("/tools", "add Kahoot adopted", user=COACH)
    await slack.command("/tools", "checklist Blooket", user=COACH)
    [opened] = said(stub, "Checklist: Blooket")
    await submit_modal(slack, opened, {p: "pass" for p in ("privacy", "sso",
                                                           "accessibility", "cost", "mobile")}
                       | {"standards": "CCSS.MATH.CONTENT.3.OA.C.7"}, COACH)
    assert said(stub, "It may enter a pilot")
    await slack.command("/pilot", "start Blooket with <@UT1|rivera> <@UT2|chen> <@UT3|diaz> "
                        "for 4 weeks", user=COACH)
    assert said(stub, "The Blooket pilot runs Monday 30 November to Sunday 27 December with "
                      "Ms Rivera, Mr Chen, Dr Diaz")

    # Wave 1 on day one, in their DMs; errors in 3rd period; wave 2 in the last week.
    await advance(runtime, clock, at("2026-11-30", 15))
    for user, points in zip(TEACHERS, (AGREE, AGREE, UNSURE), strict=True):
        await answer_latest_survey(slack, user, points)
    for day in ("2026-12-07", "2026-12-08", "2026-12-09", "2026-12-10"):
        await advance(runtime, clock, at(day, 11))
        await slack.dm("Blooket froze again in 3rd period", user="UT1", channel="DUT1")
    await slack.command("/ticket", "Blooket crashes in 3rd period every day", user="UT2")
    await advance(runtime, clock, at("2026-12-21", 15))
    for user in TEACHERS:
        await answer_latest_survey(slack, user, AGREE)

    # The report reaches the coach's DM; "Adopt" confirms the recommendation.
    await advance(runtime, clock, at("2026-12-28", 9))
    [report] = said(stub, "Blooket pilot report", "DUCOACH")
    shown = texts(blocks(report))
    assert "3rd period: 5 reports on 4 different days, a pattern" in shown
    assert "100% agree they'll keep using it, meets the 85% target" in shown
    await slack.click(pick(report, "Adopt"), channel="DUCOACH", user=COACH)
    assert said(stub, "Blooket is adopted")

    # The first quarterly pulse reaches the users; a semester on, use is low.
    clock.current = at("2027-03-29", 6)
    await advance(runtime, clock, at("2027-03-29", 15))
    for user in TEACHERS:
        assert len(said(stub, "Send my answers", f"D{user}")) == 3
        await answer_latest_survey(slack, user, UNSURE)
    await slack.command("/tools", "use Blooket 20 intended", user=COACH)
    clock.current = at("2027-05-03", 5)
    await advance(runtime, clock, at("2027-05-03", 12))
    [flag] = said(stub, "Blooket is used by 3 of the 20 teachers", "DUCOACH")

    # Retiring: the modal, then the notice to each user in their DM.
    await slack.click(pick(flag, "Retire"), channel="DUCOACH", user=COACH)
    [retire] = said(stub, "Retire Blooket")
    await submit_modal(slack, retire, {"reason": "under 30% of teachers use it",
                                       "alternative": "Kahoot"}, COACH)
    await advance(runtime, clock, at("2027-05-04", 15))
    for user in TEACHERS:
        [notice] = said(stub, "Notice: Blooket will be retired on Wednesday 2 June", f"D{user}")
        assert "Kahoot" in notice.params["text"]


async def test_a_coaching_cycle_starts_from_a_tickets_card(slack: SlackClient, runtime: Runtime,
                                                           clock: FakeClock) -> None:
    clock.current = at("2026-11-30", 9)
    await meet_everyone(slack, runtime)
    await slack.command("/prepbot", "settings route coaching here", user=ADMIN)
    await slack.command("/ticket", "I'd like help planning lessons with Nearpod", user="UT1")
    [card] = [c for c in said(slack.stub, "Start a coaching cycle")]
    await slack.click(pick(card, "Claim"), channel=card.params.get("channel", "CGENERAL"),
                      user=COACH)
    await slack.click(pick(card, "Start a coaching cycle"),
                      channel=card.params.get("channel", "CGENERAL"), user=COACH)
    [planned] = said(slack.stub, "Coaching cycle with Ms Rivera (from ticket #1)")
    assert "Goal-setting conference: Tuesday 1 December at 10:15" in texts(blocks(planned))
    await advance(runtime, clock, clock.current + timedelta(hours=3))
    [prompt] = said(slack.stub, "step 1 of 4", "DUT1")
    assert [b["type"] for b in blocks(prompt)].count("input") == 3
