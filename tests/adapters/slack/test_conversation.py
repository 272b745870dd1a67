"""Slack holds the same conversation: "ticket" in the DM after an answer opens a ticket with
the question; a file shared with no comment is not a question."""

from __future__ import annotations

from adapters.runtime import Runtime
from tests.adapters.slack.conftest import DM, TEACHER, SlackClient, stored_questions
from tests.adapters.slack.test_ticket_lifecycle import triage  # noqa: F401 (a fixture)
from tests.adapters.slack.test_triage import posts_to


async def test_replying_ticket_after_an_answer_opens_a_ticket_with_the_question(
        slack: SlackClient, triage: str) -> None:  # noqa: F811 (the fixture above)
    await slack.dm("the projector says no signal")
    await slack.dm("ticket")

    [card] = posts_to(slack, triage)
    assert "the projector says no signal" in card["text"]
    assert posts_to(slack, DM)[-1]["text"].startswith("Ticket #1 is open")


async def test_a_file_shared_without_a_comment_is_not_a_question(
        slack: SlackClient, runtime: Runtime) -> None:
    await slack.dm(f"<@{TEACHER}> uploaded a file: <https://files.example/x.png|x.png>",
                   subtype="file_share")
    [reply] = posts_to(slack, DM)
    assert "can't look at files" in reply["text"]
    assert await stored_questions(runtime) == 0
