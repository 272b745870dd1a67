"""An operator's command (`prepbot tickets export`) never reads Slack's member list, only the
people table: who the list marked a guest is stored with the person, so the command takes no
guest who wrote to prepbot for a colleague (stop 60's note, after red team BA: the server hid a
guest's whole name, the export kept it)."""

from __future__ import annotations

from adapters.runtime import Runtime, build_runtime
from bot.masking import mask_student_data
from bot.settings import Settings
from tests.adapters.slack.conftest import SlackClient
from tests.adapters.slack.test_colleagues import TICKET, settle
from tests.support.clock import FakeClock
from tests.support.slack_stub import SlackStub

SEEN_BY_A_MEMBER = "Kayden Brooks, [name] and [name] all saw it in room 114"


async def masked_by_an_operators_command(settings: Settings) -> str:
    """TICKET masked as `prepbot tickets export` would: a runtime of its own on the same
    database, refreshed, with no platform and no member list."""
    operator = await build_runtime(settings, follow_admins=False)
    try:
        await operator.bot.refresh()
        return mask_student_data(TICKET).text
    finally:
        await operator.close()


async def test_a_guest_the_server_learnt_is_no_colleague_to_an_operators_command(
        slack: SlackClient, runtime: Runtime, workspace: SlackStub, settings: Settings) -> None:
    await slack.dm("hello", user="UMV")  # Marisol Vega, a guest
    await slack.dm("hello", user="UKB")  # Kayden Brooks, a member
    await settle(runtime)
    assert await masked_by_an_operators_command(settings) == SEEN_BY_A_MEMBER


async def test_a_guest_made_a_member_since_is_a_colleague_again(
        slack: SlackClient, runtime: Runtime, workspace: SlackStub, settings: Settings,
        clock: FakeClock) -> None:
    await slack.dm("hello", user="UMV")
    await slack.dm("hello", user="UKB")
    await settle(runtime)
    workspace.users["UMV"]["is_restricted"] = False
    clock.advance(hours=6)  # the workspace is read again
    await settle(runtime)
    assert await masked_by_an_operators_command(settings) == (
        "Kayden Brooks, Marisol Vega and [name] all saw it in room 114")
