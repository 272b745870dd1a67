"""At PREPBOT_MASKING_STAFF=context one word of a colleague's name is spared only for someone
Slack's member list vouches for, now: not a guest, not someone it does not list (a Slack
Connect user), not an account deactivated since. A third red team's (BA, stop 60): each of
these was vouched for by having written to prepbot once."""

from __future__ import annotations

from typing import Any

import pytest

from adapters.runtime import Runtime
from bot.settings import Settings
from tests.adapters.slack.conftest import SlackClient, user
from tests.adapters.slack.test_colleagues import settle, ticket_text
from tests.support.clock import FakeClock
from tests.support.slack_stub import SlackStub

SAID = "Kayden said the copier is jammed"
HIDDEN = SAID.replace("Kayden", "[name]")


@pytest.fixture
def settings(settings: Settings, request: pytest.FixtureRequest) -> Settings:
    """Slack's settings at the context level, with what a test's parameters change."""
    return settings.model_copy(update={"masking_staff": "context",
                                       **getattr(request, "param", {})})


@pytest.mark.parametrize("settings", [{"staff_directory_hours": 0}], indirect=True)
async def test_a_guest_is_not_vouched_for_where_the_workspace_is_never_read(
        slack: SlackClient, runtime: Runtime, slack_stub: SlackStub) -> None:
    slack_stub.users["UMV"] = user("UMV", "Kayden Brooks", is_restricted=True)
    await slack.dm("hello", user="UMV")
    await settle(runtime)
    assert await ticket_text(slack, runtime, SAID) == HIDDEN


async def test_someone_the_member_list_leaves_out_is_not_vouched_for(
        slack: SlackClient, runtime: Runtime, slack_stub: SlackStub,
        monkeypatch: pytest.MonkeyPatch) -> None:
    slack_stub.users["UMV"] = user("UMV", "Kayden Brooks", team_id="TPARTNER")
    listed = slack_stub._users

    def members_only(params: dict[str, Any]) -> dict[str, Any]:
        page = listed(params)
        page["members"] = [m for m in page["members"] if m["id"] != "UMV"]
        return page
    monkeypatch.setattr(slack_stub, "_users", members_only)
    await slack.dm("hello", user="UMV")
    await settle(runtime)
    assert slack_stub.of("users.list")
    assert await ticket_text(slack, runtime, SAID) == HIDDEN


async def test_a_member_deactivated_since_is_no_longer_vouched_for(
        slack: SlackClient, runtime: Runtime, slack_stub: SlackStub, clock: FakeClock) -> None:
    slack_stub.users["UKB"] = user("UKB", "Kayden Brooks")
    await slack.dm("hello", user="UKB")
    await settle(runtime)
    assert await ticket_text(slack, runtime, SAID) == SAID  # a member: spared

    slack_stub.users["UKB"]["deleted"] = True
    clock.advance(hours=6)  # the workspace is read again
    await settle(runtime)
    assert await ticket_text(slack, runtime, SAID) == HIDDEN
