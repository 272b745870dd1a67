"""The masker learns colleagues from Slack itself: a teacher who writes to prepbot is looked
up with users.info, and their real name is kept in the next teacher's ticket; a student
named the same way, with a student's cue, is still hidden."""

from __future__ import annotations

from adapters.runtime import Runtime
from tests.adapters.slack.conftest import SlackClient
from tests.adapters.slack.test_commands import tickets


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
