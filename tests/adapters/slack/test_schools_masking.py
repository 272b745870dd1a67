"""A red team's (AX, stop 59) over Slack's real HTTP: a student named as one of the
district's schools, in a command in a channel, is answered to its writer alone."""

from __future__ import annotations

from adapters.runtime import Runtime
from bot.roles import Role
from bot.vocabulary import Person
from tests.adapters.slack.conftest import SlackClient


# Over Slack's real HTTP: "a command ... in a channel that names a student is
# answered to its writer alone: Slack shows a command's words, as typed, above a public
# answer" (bot/router.py kept_to_its_writer, red team stop 43). The check is the masker's: once
# an admin adds the district's Parker Hill Elementary, a teacher's `/ask` naming the student
# Parker Hill in #general is answered in_channel, so the whole channel sees the student's
# name (and the question is logged with it).
async def test_a_command_naming_a_student_like_a_school_stays_private_in_a_channel(
        slack: SlackClient, runtime: Runtime) -> None:
    await runtime.bot.grant(Person(platform="slack", user_id="UADMIN", display_name="Ada"),
                            Role.ADMIN)
    await slack.command("/prepbot", "schools add Parker Hill Elementary America/Detroit",
                        user="UADMIN")
    [added] = await slack.stub.wait_for("response_url")
    assert "Parker Hill Elementary added" in added.params["text"]

    await slack.command("/ask", "Parker Hill's wifi at home keeps dropping so he can't submit")
    answers = await slack.stub.wait_for("response_url", 2)
    assert answers[-1].params["response_type"] == "ephemeral"
