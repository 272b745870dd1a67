"""Forms as modals, and submitted modal values back as strings by field name."""

from __future__ import annotations

import json

from adapters.slack import modals
from bot.blocks import Choice, Form, Input, Option

FORM = Form("pulse.answer", "Tell us about the new gradebook pilot", (
    Input("what", "What happened?", "textarea", placeholder="e.g. it froze"),
    Input("room", "Room", required=False, initial="12"),
    Input("when", "When?", "date", initial="2026-12-01"),
    Input("urgency", "How urgent?", "select", options=(Option("now", "Now"),
                                                      Option("today", "Today")),
          initial="today"),
    Choice("easy", "Easy to use", (Option("1", "Disagree"), Option("2", "Agree"))),
), submit_label="Send my answers please", context="survey-7")


def test_a_form_becomes_a_modal() -> None:
    view = modals.modal(FORM, ref='{"channel":"C1"}')
    assert view["type"] == "modal" and view["callback_id"] == "pulse.answer"
    assert len(view["title"]["text"]) <= 24 and len(view["submit"]["text"]) <= 24
    assert view["blocks"][0]["type"] == "section", "a cut title is said in full inside"
    inputs = {b["block_id"]: b for b in view["blocks"] if b["type"] == "input"}
    assert inputs["what"]["element"] == {"type": "plain_text_input", "action_id": "what",
                                         "multiline": True, "placeholder": {
                                             "type": "plain_text", "text": "e.g. it froze",
                                             "emoji": True}}
    assert inputs["room"]["optional"] is True and inputs["what"]["optional"] is False
    assert inputs["room"]["element"]["initial_value"] == "12"
    assert inputs["when"]["element"] == {"type": "datepicker", "action_id": "when",
                                         "initial_date": "2026-12-01"}
    assert inputs["urgency"]["element"]["type"] == "static_select"
    assert inputs["urgency"]["element"]["initial_option"]["value"] == "today"
    assert inputs["easy"]["element"]["type"] == "radio_buttons"
    assert modals.unpack(view["private_metadata"]) == ("survey-7", '{"channel":"C1"}')


def test_plain_private_metadata_is_the_context() -> None:
    assert modals.unpack("41") == ("41", "")
    assert modals.unpack("") == ("", "")
    assert modals.unpack("[1]") == ("[1]", "")


def test_submitted_values_are_flattened_to_strings() -> None:
    view = {"state": {"values": {
        "what": {"what": {"type": "plain_text_input", "value": "It froze"}},
        "room": {"room": {"type": "plain_text_input", "value": None}},
        "when": {"when": {"type": "datepicker", "selected_date": "2026-12-02"}},
        "urgency": {"urgency": {"type": "static_select", "selected_option": {"value": "now"}}},
        "easy": {"easy": {"type": "radio_buttons", "selected_option": None}},
    }}}
    assert modals.values(view) == {"what": "It froze", "room": "", "when": "2026-12-02",
                                   "urgency": "now", "easy": ""}


def test_an_overlong_context_keeps_the_context() -> None:
    form = Form("f", "T", (), context="c" * 4000)
    packed = json.loads(modals.modal(form, ref="r" * 100)["private_metadata"])
    assert packed["ref"] == "" and packed["context"].startswith("ccc")
    assert len(modals.modal(form)["private_metadata"]) <= modals.MAX_METADATA
