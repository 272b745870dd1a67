"""Rendering the core's blocks as Block Kit: escaping, markup, limits, fallbacks, choices."""

from __future__ import annotations

from adapters.slack import blockkit
from bot.blocks import Button, Buttons, Choice, Context, Fields, Option, Reply, Steps, Text

LIKERT = tuple(Option(str(n), label) for n, label in enumerate(
    ("Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree"), 1))


def test_typed_text_cannot_mention_or_link() -> None:
    typed = "<!channel> & <@U123> <https://evil.example|click>"
    rendered = blockkit.render(Reply(typed, (Text(typed, markdown=False),
                                             Fields((("Room", typed),)))))
    assert rendered["text"] == ("&lt;!channel&gt; &amp; &lt;@U123&gt; "
                                "&lt;https://evil.example|click&gt;")
    section, fields = rendered["blocks"]
    assert section["text"] == {"type": "plain_text", "text": typed, "emoji": True}
    assert fields["fields"][0] == {"type": "plain_text", "text": f"Room\n{typed}", "emoji": True}


def test_core_markup_becomes_mrkdwn() -> None:
    source = "**Reset** the `hub`, see [the guide](https://x.org/a?b=1&c=2) & <more>"
    [block] = blockkit.render_block(Text(source))
    assert block["text"]["text"] == ("*Reset* the `hub`, see "
                                     "<https://x.org/a?b=1&amp;c=2|the guide> &amp; &lt;more&gt;")


def test_a_long_text_is_split_into_sections_of_at_most_3000() -> None:
    paragraph = "\n".join(f"line {n} " + "x" * 90 for n in range(100))
    rendered = blockkit.render_block(Text(paragraph))
    assert len(rendered) > 1
    assert all(len(b["text"]["text"]) <= blockkit.MAX_SECTION for b in rendered)
    assert "".join(b["text"]["text"] for b in rendered).count("line") == 100


def test_one_unbroken_word_is_still_cut_to_the_limit() -> None:
    rendered = blockkit.render_block(Text("y" * 7000, markdown=False))
    assert [len(b["text"]["text"]) for b in rendered] == [3000, 3000, 1000]


def test_more_than_50_blocks_are_trimmed_with_a_note() -> None:
    reply = Reply("many", tuple(Text(f"part {n}") for n in range(80)))
    blocks = blockkit.render(reply)["blocks"]
    assert len(blocks) == blockkit.MAX_BLOCKS
    assert blocks[-1]["type"] == "context" and "shortened" in blocks[-1]["elements"][0]["text"]


def test_the_fallback_is_never_empty() -> None:
    assert blockkit.render(Reply("", (Context("small print"),)))["text"] == "small print"
    assert blockkit.render(Reply("", ()))["text"] == "prepbot"


def test_steps_are_numbered_and_fields_come_ten_to_a_section() -> None:
    [steps] = blockkit.render_block(Steps(("Check the cable", "Press **Source**")))
    assert steps["text"]["text"] == "1. Check the cable\n2. Press *Source*"
    fields = blockkit.render_block(Fields(tuple((f"k{n}", "v") for n in range(12))))
    assert [len(f["fields"]) for f in fields] == [10, 2]


def test_duplicate_action_ids_are_made_unique_and_read_back() -> None:
    row = Buttons((Button("A", "answers.show", "1:a"), Button("B", "answers.show", "1:b"),
                   Button("None", "answers.none", "1", style="danger")))
    [block] = blockkit.render_block(row)
    ids = [e["action_id"] for e in block["elements"]]
    assert ids == ["answers.show", "answers.show|2", "answers.none"]
    assert [blockkit.core_action_id(i) for i in ids] == ["answers.show", "answers.show",
                                                         "answers.none"]
    assert "style" not in block["elements"][0] and block["elements"][2]["style"] == "danger"


def test_a_standalone_choice_is_radio_buttons_named_by_the_choice() -> None:
    label, actions = blockkit.render_block(Choice("pulse.q1", "Easy to use", LIKERT,
                                                  selected="4"))
    assert label["text"]["text"] == "*Easy to use*"
    [radio] = actions["elements"]
    assert radio["type"] == "radio_buttons" and radio["action_id"] == "pulse.q1"
    assert [o["value"] for o in radio["options"]] == ["1", "2", "3", "4", "5"]
    assert radio["initial_option"]["value"] == "4"


def test_a_long_scale_becomes_a_static_select() -> None:
    options = tuple(Option(str(n), str(n)) for n in range(11))
    _, actions = blockkit.render_block(Choice("nps", "How likely?", options))
    assert actions["elements"][0]["type"] == "static_select"


def test_long_button_labels_and_values_are_trimmed() -> None:
    [block] = blockkit.render_block(Buttons((Button("L" * 100, "a", "v" * 3000),)))
    element = block["elements"][0]
    assert len(element["text"]["text"]) == 75 and len(element["value"]) == 2000
