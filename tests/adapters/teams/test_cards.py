"""The Adaptive Card renderer: every block, with people's text kept inert."""

from __future__ import annotations

from typing import Any

from adapters.teams.cards import render, render_card
from bot.blocks import (
    Button,
    Buttons,
    Choice,
    Context,
    Divider,
    Fields,
    Form,
    Image,
    Input,
    Option,
    Reply,
    Text,
)

LIKERT = tuple(Option(str(n), label) for n, label in enumerate(
    ("Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree"), 1))


def body(*blocks: Any) -> list[dict[str, Any]]:
    """The card body for some blocks."""
    return list(render_card(Reply("fallback", tuple(blocks)))["body"])


def test_typed_text_is_a_text_run_that_no_markdown_or_template_reaches() -> None:
    typed = "**urgent** [click](https://evil.example) {{DATE(2026-01-01T00:00:00Z)}}"
    [element] = body(Text(typed, markdown=False))

    assert element["type"] == "RichTextBlock"
    [run] = element["inlines"]
    assert run["type"] == "TextRun" and "{{" not in run["text"]
    assert run["text"].replace("\u200b", "") == typed


def test_prepbot_text_keeps_bold_and_links_but_not_code() -> None:
    [element] = body(Text("Press **Input** then run `displayswitch`"))
    assert element == {"type": "TextBlock", "wrap": True,
                       "text": "Press **Input** then run displayswitch"}


def test_field_values_are_shown_verbatim_beside_their_labels() -> None:
    [row] = body(Fields((("Room", "*204*"),)))
    label, value = row["columns"]
    assert label["items"][0]["inlines"][0] == {"type": "TextRun", "text": "Room",
                                               "weight": "bolder"}
    assert value["items"][0]["inlines"][0]["text"] == "*204*"


def test_buttons_carry_the_action_id_and_value_with_teams_styles() -> None:
    [actions] = body(Buttons((Button("Open a ticket", "tickets.open", "7", style="primary"),
                              Button("Close", "tickets.close", "7", style="danger"))))
    first, second = actions["actions"]
    assert first == {"type": "Action.Submit", "title": "Open a ticket", "style": "positive",
                     "data": {"action_id": "tickets.open", "value": "7"}}
    assert second["style"] == "destructive"


def test_a_form_becomes_labelled_inputs_and_a_submit_with_its_id_and_context() -> None:
    form = Form("pulse.answer", "Pilot check-in", (
        Input("when", "When?", "date"),
        Input("notes", "Anything else?", "textarea", required=False, placeholder="optional"),
        Choice("easy", "The tool is easy to use", LIKERT, selected="4"),
    ), submit_label="Send answers", context="survey-3")
    title, date, notes, likert, actions = body(form)

    assert title["text"] == "**Pilot check-in**"
    assert date == {"type": "Input.Date", "id": "when", "label": "When?", "isRequired": True,
                    "errorMessage": "When? is required."}
    assert notes["isMultiline"] is True and notes["placeholder"] == "optional"
    assert likert["type"] == "Input.ChoiceSet" and likert["style"] == "expanded"
    assert likert["choices"][0]["title"] == "Strongly disagree"
    assert likert["value"] == "4"
    [submit] = actions["actions"]
    assert submit["data"] == {"form_id": "pulse.answer", "context": "survey-3"}


def test_a_choice_alone_sends_its_selected_value_back_as_an_action() -> None:
    choice_set, actions = body(Choice("pulse.q1", "Easy to use?", LIKERT))
    assert choice_set["id"] == "pulse.q1"
    assert actions["actions"][0]["data"] == {"action_id": "pulse.q1", "value_from": "pulse.q1"}


def test_images_have_alt_text_and_a_divider_separates_what_follows() -> None:
    image, context = body(Image("https://example.org/chart.png", "Answers by week"),
                          Divider(), Context("Updated Monday"))
    assert image == {"type": "Image", "url": "https://example.org/chart.png",
                     "altText": "Answers by week"}
    assert context["separator"] is True and context["isSubtle"] is True


def test_a_reply_has_a_plain_summary_speak_and_fallback_or_is_plain_text() -> None:
    card = render(Reply("Ticket #4 is open.", (Text("Ticket #4 is open."),)))
    assert card["summary"] == card["speak"] == "Ticket #4 is open."
    assert card["attachments"][0]["content"]["fallbackText"] == "Ticket #4 is open."
    assert render(Reply("**not bold**")) == {"type": "message", "text": "**not bold**",
                                             "textFormat": "plain"}
