"""The masker learns colleagues from Slack itself: a teacher who writes to prepbot is looked
up with users.info, and everyone in the workspace is listed with users.list, so a colleague's
real name is kept in the next teacher's ticket before they ever write; a student named the
same way, with a student's cue, is still hidden, and so is anyone Slack marks a guest."""

from __future__ import annotations

import asyncio

import pytest

from adapters.runtime import Runtime
from bot.settings import Settings
from tests.adapters.slack.conftest import SlackClient
from tests.adapters.slack.test_commands import tickets
from tests.support.clock import FakeClock
from tests.support.slack_stub import SlackStub

TICKET = "Kayden Brooks, Marisol Vega and Dana Whitfield all saw it in room 114"


@pytest.fixture
def settings(settings: Settings, request: pytest.FixtureRequest) -> Settings:
    """Slack's settings, with what a test's parameters change."""
    return settings.model_copy(update=getattr(request, "param", {}))


async def settle(runtime: Runtime) -> None:
    """Refresh until no read of the workspace is under way: one that was due has been read
    (or refused) and what it found learnt."""
    await runtime.bot.refresh()
    while (reading := runtime.bot.staff.workspaces.reading) is not None:
        await asyncio.wait([reading])  # done, whether Slack answered or not
        await runtime.bot.refresh()


async def ticket_text(slack: SlackClient, runtime: Runtime, said: str = TICKET) -> str:
    """What a teacher's /ticket stored."""
    await slack.command("/ticket", said)
    return (await tickets(runtime))[-1].text


async def test_a_colleague_slack_knows_by_real_name_is_kept_in_a_ticket(
        slack: SlackClient, runtime: Runtime) -> None:
    slack.stub.users["UKB"] = {"id": "UKB", "name": "kbrooks", "tz": "America/Chicago",
                               "profile": {"display_name": "KB", "real_name": "Kayden Brooks"}}
    await slack.dm("hello", user="UKB")
    await runtime.bot.refresh()

    await slack.command("/ticket", "Kayden Brooks has the cart key for room 114, and my "
                                   "student Jaylen Brooks (ID 20417736) lost his charger")
    [ticket] = await tickets(runtime)
    assert ticket.text == ("Kayden Brooks has the cart key for room 114, and my student "
                           "[name] (ID [id number]) lost his charger")


async def test_a_colleague_who_never_wrote_to_prepbot_is_known_from_the_workspace(
        slack: SlackClient, runtime: Runtime, workspace: SlackStub) -> None:
    await settle(runtime)

    assert await ticket_text(slack, runtime) == (
        "Kayden Brooks, [name] and [name] all saw it in room 114")  # no guest, no one gone
    assert [call.params.get("cursor") for call in workspace.of("users.list")] == [
        None, "2", "4"]  # every page read


async def test_a_guest_who_writes_to_prepbot_is_not_taken_for_a_colleague(
        slack: SlackClient, runtime: Runtime, workspace: SlackStub, clock: FakeClock) -> None:
    workspace.refuse_next("users.list", "ratelimited")
    await slack.dm("hello", user="UMV")  # a guest: a volunteer, a student teacher, a student
    await settle(runtime)
    assert "Marisol Vega" in await ticket_text(slack, runtime)  # the table alone believes them

    clock.advance(minutes=10)
    await settle(runtime)
    assert "Marisol Vega" not in await ticket_text(slack, runtime)


async def test_a_workspace_slack_will_not_list_is_tried_again_later(
        slack: SlackClient, runtime: Runtime, workspace: SlackStub, clock: FakeClock) -> None:
    workspace.refuse_next("users.list", "missing_scope")  # an app installed before the scope
    await slack.dm("hello", user="UAW")
    await settle(runtime)
    text = await ticket_text(slack, runtime, "Amy Wong and Kayden Brooks saw it")
    assert text == "Amy Wong and [name] saw it"  # who wrote is still known; no one else

    clock.advance(minutes=10)
    await settle(runtime)
    text = await ticket_text(slack, runtime, "Amy Wong and Kayden Brooks saw it")
    assert text == "Amy Wong and Kayden Brooks saw it"


async def test_a_colleague_deactivated_since_the_last_read_is_forgotten(
        slack: SlackClient, runtime: Runtime, workspace: SlackStub, clock: FakeClock) -> None:
    await settle(runtime)
    workspace.users["UKB"]["deleted"] = True

    clock.advance(hours=5)  # not yet time to read again
    await settle(runtime)
    assert "Kayden Brooks" in await ticket_text(slack, runtime)

    clock.advance(hours=1)
    await settle(runtime)
    assert "Kayden Brooks" not in await ticket_text(slack, runtime)
    assert len(workspace.of("users.list")) == 6  # two reads of three pages


@pytest.mark.parametrize("settings", [{"staff_directory_hours": 0}], indirect=True)
async def test_a_district_can_keep_to_the_people_who_wrote(
        slack: SlackClient, runtime: Runtime, workspace: SlackStub) -> None:
    await settle(runtime)
    assert not workspace.of("users.list")
    assert "Kayden Brooks" not in await ticket_text(slack, runtime)


@pytest.mark.parametrize("settings", [{"masking_staff": "context"}], indirect=True)
async def test_in_context_a_members_first_name_is_kept_where_the_words_read_grown_up(
        slack: SlackClient, runtime: Runtime, workspace: SlackStub) -> None:
    await settle(runtime)
    said = "Kayden said the copier in the workroom is jammed again"
    assert await ticket_text(slack, runtime, said) == said


@pytest.mark.parametrize("settings", [{"masking_staff": "context"}], indirect=True)
async def test_in_context_a_counselors_ticket_hides_a_student_named_like_a_member(
        slack: SlackClient, runtime: Runtime, workspace: SlackStub) -> None:
    # A red team's (AY, stop 60): stored with the student's name at first.
    await settle(runtime)
    said = ("Counselor here, Kayden disclosed self-harm searches on her laptop, can you send "
            "me the GoGuardian alerts from last night?")
    assert await ticket_text(slack, runtime, said) == said.replace("Kayden", "[name]")
