"""Button clicks: "Did this help?" updates the message; unknown buttons answer kindly."""

from __future__ import annotations

from bot import texts as said
from tests.adapters.slack.conftest import SlackClient, buttons


async def test_no_replaces_the_answer_with_an_offer_of_a_ticket(slack: SlackClient) -> None:
    await slack.dm("the projector says no signal")
    [answer] = await slack.stub.wait_for("chat.postMessage")
    no = next(b for b in buttons(answer.params["blocks"]) if b["text"]["text"] == "No")
    status, _ = await slack.click(no)
    assert status == 200
    [updated] = await slack.stub.wait_for("response_url")
    assert updated.params["replace_original"] is True
    assert said.HELPFUL_NO in updated.params["text"]
    assert [b["action_id"] for b in buttons(updated.params["blocks"])] == ["answers.ticket"]


async def test_the_ticket_button_opens_a_ticket_in_the_conversation(slack: SlackClient) -> None:
    await slack.dm("the projector says no signal")
    [answer] = await slack.stub.wait_for("chat.postMessage")
    no = next(b for b in buttons(answer.params["blocks"]) if b["text"]["text"] == "No")
    await slack.click(no)
    [updated] = await slack.stub.wait_for("response_url")
    await slack.click(buttons(updated.params["blocks"])[0])
    posts = await slack.stub.wait_for("chat.postMessage", 2)
    assert "Ticket #" in posts[1].params["text"] and posts[1].params["channel"] == "DUTEACHER"


async def test_an_unknown_button_gets_a_friendly_private_reply(slack: SlackClient) -> None:
    await slack.click({"action_id": "nothing.here", "value": "1"})
    [answer] = await slack.stub.wait_for("response_url")
    assert answer.params["response_type"] == "ephemeral"
    assert answer.params["text"] == said.UNKNOWN_ACTION


async def test_a_duplicated_action_id_reaches_the_core_without_its_suffix(
        slack: SlackClient) -> None:
    await slack.click({"action_id": "answers.helpful.no|2", "value": "999999"})
    [answer] = await slack.stub.wait_for("response_url")
    assert answer.params["text"] != said.UNKNOWN_ACTION, "routed to the answers feature"
