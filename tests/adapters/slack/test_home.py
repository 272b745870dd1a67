"""The App Home tab: a section per feature, each only what the core answers this person."""

from __future__ import annotations

from typing import Any

from adapters.runtime import Runtime
from bot.roles import Role
from bot.vocabulary import Person
from tests.adapters.slack.conftest import DM, TEACHER, SlackClient, buttons, texts
from tests.bot.features.pulse.conftest import MONDAY_MORNING
from tests.support.clock import FakeClock

COACH = "UCOACH"


async def home_of(slack: SlackClient, user: str) -> list[dict[str, Any]]:
    """Open the Home tab as this person; the blocks Slack was asked to publish."""
    await slack.event({"type": "app_home_opened", "user": user, "channel": DM, "tab": "home"})
    published = [c for c in await slack.stub.wait_for("views.publish")
                 if c.params["user_id"] == user]
    return list(published[-1].params["view"]["blocks"])


def headers(blocks: list[dict[str, Any]]) -> list[str]:
    """The section headings, in order."""
    return [b["text"]["text"] for b in blocks if b["type"] == "header"]


async def test_a_teachers_home_has_tickets_coffee_and_help_but_no_coach_sections(
        slack: SlackClient) -> None:
    blocks = await home_of(slack, TEACHER)
    assert headers(blocks) == ["prepbot", "Knowledge base", "Coffee and Curriculum",
                               "What I can do"]
    shown = texts(blocks)
    assert "You have no tickets" in shown
    assert "not in a Coffee and Curriculum group yet" in shown
    assert "only for coaches" not in shown and "no open pulse" not in shown


async def test_a_coachs_home_shows_the_running_pulse(
        slack: SlackClient, runtime: Runtime, clock: FakeClock) -> None:
    clock.current = MONDAY_MORNING
    await runtime.bot.grant(Person(platform="slack", user_id=COACH), Role.COACH)
    blocks = await home_of(slack, COACH)
    assert "Pulse surveys" in headers(blocks)
    assert "You have no open pulse right now" in texts(blocks)

    slack.stub.members["CPILOT"] = [COACH, "UT1", "UT2"]
    await slack.command("/pulse", "start Nearpod <#CPILOT|nearpod-pilot> closes friday",
                        user=COACH)
    blocks = await home_of(slack, COACH)
    assert "Nearpod pulse, wave 1 (#nearpod-pilot): open until the end of" in texts(blocks)
    assert "2 invited, 0 answers released" in texts(blocks)
    assert headers(blocks) == ["prepbot", "Knowledge base", "Coffee and Curriculum",
                               "Pulse surveys", "What I can do"]


async def test_a_teacher_browses_the_articles_from_the_home_tab(slack: SlackClient) -> None:
    blocks = await home_of(slack, TEACHER)
    assert "The knowledge base: 36 articles" in texts(blocks).replace("*", "")
    [area] = [b for b in buttons(blocks) if b["value"] == "network"]
    assert area["text"]["text"] == "Wi-Fi and the network (2)"
    # A click on the Home tab comes from a view: no channel and no response_url.
    await slack.interact({"type": "block_actions", "user": {"id": TEACHER},
                          "team": {"id": "T1"}, "trigger_id": "trigger-home",
                          "container": {"type": "view", "view_id": "VHOME"},
                          "view": {"id": "VHOME", "type": "home"},
                          "actions": [{"type": "button", "action_id": area["action_id"],
                                       "block_id": "b1", "value": area["value"],
                                       "action_ts": "1700000200.000001"}]})
    [posted] = await slack.stub.wait_for("chat.postMessage")
    assert posted.params["channel"] == TEACHER
    titles = [b["text"]["text"] for b in buttons(posted.params["blocks"])]
    assert "Can't connect to school Wi-Fi or it keeps dropping" in titles


async def test_a_spanish_speaking_teachers_home_is_in_spanish(slack: SlackClient) -> None:
    slack.stub.users[TEACHER] = {
        "id": TEACHER, "name": "maria", "tz": "America/Chicago", "is_bot": False,
        "locale": "es-ES", "profile": {"display_name": "Maestra María"}}
    blocks = await home_of(slack, TEACHER)
    assert headers(blocks) == ["prepbot", "Base de conocimientos", "Café y Currículo",
                               "Lo que puedo hacer"]
    shown = texts(blocks).replace("*", "")
    assert "Hágame una pregunta de tecnología" in shown
    assert "La base de conocimientos: 36 artículos" in shown


async def test_the_language_a_teacher_chose_reaches_the_home_tab(slack: SlackClient) -> None:
    await slack.command("/prepbot", "language es")
    await slack.stub.wait_for("response_url")
    assert "Lo que puedo hacer" in headers(await home_of(slack, TEACHER))
