"""A fresh install in Slack: an admin sets up a school from chat, and /coffee setup then opens.

The checklist in the admin's App Home ticks each step as it is done.
"""

from __future__ import annotations

from typing import Any

import pytest

from adapters.runtime import Runtime
from bot.roles import Role
from bot.vocabulary import Person
from tests.adapters.slack.conftest import SlackClient, texts
from tests.adapters.slack.test_coffee import submission
from tests.adapters.slack.test_home import home_of

ADMIN, COACH = "UADMIN", "UCOACH"


@pytest.fixture
async def people(runtime: Runtime) -> None:
    await runtime.bot.grant(Person(platform="slack", user_id=ADMIN), Role.ADMIN)
    await runtime.bot.grant(Person(platform="slack", user_id=COACH), Role.COACH)


def said(slack: SlackClient) -> str:
    """The last reply to a slash command."""
    return str(slack.stub.of("response_url")[-1].params["text"])


def options_of(view: dict[str, Any], block_id: str) -> list[dict[str, Any]]:
    [block] = [b for b in view["blocks"] if b.get("block_id") == block_id]
    return list(block["element"]["options"])


def options(view: dict[str, Any], block_id: str) -> list[str]:
    return [o["text"]["text"] for o in options_of(view, block_id)]


async def test_an_admin_adds_a_school_in_chat_and_coffee_setup_then_opens(
        slack: SlackClient, people: None) -> None:
    await slack.command("/coffee", "setup", user=COACH)
    assert "No schools yet: an admin adds one first with `/prepbot schools add`" in said(slack)
    assert not slack.stub.of("views.open")

    await slack.command("/prepbot", "schools add Lincoln Middle America/Chicago 07:45-15:15",
                        user=ADMIN)
    assert said(slack).startswith("Lincoln Middle added: America/Chicago, 07:45-15:15, Mon-Fri")

    await slack.command("/coffee", "setup", user=COACH)
    [opened] = await slack.stub.wait_for("views.open")
    view = opened.params["view"]
    assert view["title"]["text"] == "Coffee and Curriculum"
    assert options(view, "school") == ["Lincoln Middle"]


async def test_the_school_form_and_the_checklist_in_the_app_home(
        slack: SlackClient, people: None) -> None:
    home = texts(await home_of(slack, ADMIN))
    assert "Getting started: 1 of 4 done" in home  # the coach named above
    assert "To do: 1. *Add a school*" in home
    assert home.index("Getting started") < home.index("The queue is empty"), "pinned on top"

    await slack.command("/prepbot", "schools add", user=ADMIN)
    [opened] = await slack.stub.wait_for("views.open")
    view = opened.params["view"]
    assert view["title"]["text"] == "Add a school"
    assert "America/Chicago" in [o["value"] for o in options_of(view, "tz")]
    await slack.interact(submission(view, {"name": "Hillside Elementary",
                                           "tz": "America/Denver", "opens": "08:00",
                                           "closes": "15:30", "days": "mon-fri"}, ADMIN))
    home = texts(await home_of(slack, ADMIN))
    assert "Getting started: 2 of 4 done" in home
    assert "Done: 1. *Add a school*. Hillside Elementary" in home
    assert "Getting started" not in texts(await home_of(slack, COACH))


async def test_naming_a_coach_with_an_at_mention(slack: SlackClient, people: None) -> None:
    # /prepbot is escaped in the manifest: "@Ms Diaz" arrives as <@UDIAZ|diaz>
    await slack.command("/prepbot", "role <@UDIAZ|diaz> coach", user=ADMIN)
    assert said(slack).startswith("slack:UDIAZ is now a coach")
