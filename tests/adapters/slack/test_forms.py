"""Forms inside messages: inputs and a Submit button, read back as the modal's Submission."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select

from adapters.runtime import Runtime
from adapters.slack import blockkit, inbound
from bot.blocks import Choice, Form, Input, Option, Reply, Text
from bot.features.tickets.models import TicketRow
from bot.vocabulary import Person
from tests.adapters.slack.conftest import TEACHER, SlackClient, buttons, state_of

SCALE = tuple(Option(str(n), f"point {n}") for n in range(1, 8))
FORM = Form("pulse.answer", "TAM pulse: Nearpod", (
    Choice("pu1", "Nearpod improves learning", SCALE),
    Choice("nps", "How likely?", tuple(Option(str(n), str(n)) for n in range(11))),
    Input("comment", "Anything else?", "textarea", required=False),
    Input("room", "Room", initial="12"),
    Input("when", "When?", "date"),
    Input("grade", "Grade", "select", options=(Option("k", "K"), Option("1", "1st"))),
), submit_label="Send my answers", context="7:secret-secret-secret")


def test_a_form_in_a_message_is_inputs_and_a_submit_button() -> None:
    blocks = blockkit.render(Reply("Survey", (Text("Hello"), FORM)))["blocks"]
    inputs = {b["block_id"]: b for b in blocks if b["type"] == "input"}
    kinds = {name: block["element"]["type"] for name, block in inputs.items()}
    assert kinds == {"pu1": "radio_buttons", "nps": "static_select",
                     "comment": "plain_text_input", "room": "plain_text_input",
                     "when": "datepicker", "grade": "static_select"}
    assert inputs["comment"]["element"]["multiline"] is True
    assert inputs["comment"]["optional"] is True and inputs["pu1"]["optional"] is False
    assert not any(block.get("dispatch_action") for block in inputs.values())
    [submit] = buttons(blocks)
    assert submit["action_id"] == blockkit.SUBMIT_FORM
    assert submit["text"]["text"] == "Send my answers" and submit["style"] == "primary"
    assert json.loads(submit["value"]) == {"form_id": "pulse.answer",
                                           "context": "7:secret-secret-secret"}


def test_a_context_too_long_for_a_button_is_not_cut_but_said() -> None:
    form = Form("f.long", "Long", (Input("a", "A"),), context="c" * 2500)
    blocks = blockkit.render(Reply("x", (form,)))["blocks"]
    assert buttons(blocks) == [], "a cut context would submit the wrong thing"
    assert "can't be sent from Slack" in blocks[-1]["elements"][0]["text"]


def clicked(blocks: list[dict[str, Any]], values: dict[str, str]) -> dict[str, Any]:
    """A block_actions payload for the Submit of a message form."""
    [submit] = buttons(blocks)
    return {"type": "block_actions", "user": {"id": "U1"}, "channel": {"id": "D1"},
            "response_url": "https://hooks", "trigger_id": "t1",
            "message": {"ts": "1.0", "blocks": blocks},
            "state": {"values": {**state_of(blocks, values),
                                 "other": {"x": {"type": "radio_buttons",
                                                 "selected_option": {"value": "9"}}}}},
            "actions": [{"type": "button", "action_id": submit["action_id"],
                         "value": submit["value"]}]}


def test_state_values_become_the_submission_a_modal_would_give() -> None:
    blocks = blockkit.render(Reply("Survey", (FORM,)))["blocks"]
    found = inbound.form_submission(clicked(blocks, {
        "pu1": "6", "nps": "9", "when": "2026-12-01", "grade": "k"}))
    assert found is not None
    submission, where, missing = found
    assert (submission.form_id, submission.context) == ("pulse.answer", "7:secret-secret-secret")
    assert dict(submission.values) == {"pu1": "6", "nps": "9", "comment": "", "room": "12",
                                       "when": "2026-12-01", "grade": "k"}
    assert missing == [] and where.channel == "D1" and where.response_url == "https://hooks"


def test_required_fields_left_empty_are_named() -> None:
    blocks = blockkit.render(Reply("Survey", (FORM,)))["blocks"]
    found = inbound.form_submission(clicked(blocks, {"pu1": "6"}))
    assert found is not None
    assert found[2] == ["How likely?", "When?", "Grade"]


async def test_a_missing_answer_is_asked_for_and_nothing_reaches_the_core(
        slack: SlackClient, runtime: Runtime) -> None:
    await slack.dm("/ticket")
    [offer] = await slack.stub.wait_for("chat.postEphemeral")
    await slack.fill_in(offer.params["blocks"], {})
    [told] = await slack.stub.wait_for("response_url")
    assert told.params["response_type"] == "ephemeral"
    assert told.params["text"].startswith("Please fill in: ")
    async with runtime.sessions() as session:
        assert list((await session.execute(select(TicketRow))).scalars()) == []


async def test_an_expired_trigger_shows_the_form_in_the_message(slack: SlackClient) -> None:
    slack.stub.fail_next("views.open", 400)  # Slack: expired_trigger_id (over 3 s)
    await slack.command("/ticket", channel="DUTEACHER")
    await slack.stub.wait_for("views.open")
    [shown] = await slack.stub.wait_for("response_url")
    assert any(b["type"] == "input" for b in shown.params["blocks"])
    assert [b["action_id"] for b in buttons(shown.params["blocks"])] == [blockkit.SUBMIT_FORM]


async def test_a_form_in_a_proactive_dm_is_answered_from_the_message(
        slack: SlackClient, runtime: Runtime) -> None:
    form = Form("tickets.new", "Open a ticket", (Input("text", "What happened?", "textarea"),))
    teacher = Person(platform="slack", user_id=TEACHER)
    await runtime.messengers["slack"].dm(teacher, Reply("Tell us", (form,)))
    [dm] = await slack.stub.wait_for("chat.postMessage")
    assert dm.params["channel"] == f"D{TEACHER}"
    await slack.fill_in(dm.params["blocks"], {"text": "The cart is locked"},
                        channel=f"D{TEACHER}")
    async with runtime.sessions() as session:
        [ticket] = list((await session.execute(select(TicketRow))).scalars())
    assert ticket.text == "The cart is locked"
