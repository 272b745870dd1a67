"""The core's Reply rendered as Slack Block Kit, within Slack's limits, always with a fallback."""

from __future__ import annotations

import json
import logging
import re
from typing import Any

from adapters import images
from bot.blocks import (
    Block,
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
    Steps,
    Text,
)

Json = dict[str, Any]

MAX_BLOCKS = 50  # per message (a modal allows 100)
MAX_SECTION = 3000  # characters of a section's text
MAX_FIELD = 2000  # characters of one section field
MAX_FIELDS = 10  # fields per section
MAX_BUTTONS = 25  # elements per actions block
MAX_BUTTON_LABEL = 75
MAX_VALUE = 2000
MAX_FALLBACK = 3000  # the notification text; Slack allows more, nobody reads more
MAX_RADIO = 10  # radio buttons per group; longer scales become a static select
ACTION_SUFFIX = "|"  # core action ids are dotted words, so "|n" can be told apart and dropped
SUBMIT_FORM = "prepbot.submit"  # the Submit button of a form shown inside a message
TOO_LONG = ("This form can't be sent from Slack (it carries too much). Please tell your coach "
            "or use the web page.")

log = logging.getLogger(__name__)

BOLD = re.compile(r"\*\*(.+?)\*\*")
LINK = re.compile(r"\[([^\]]+)\]\(((?:https?|mailto):[^)\s]+)\)")


def escape(text: str) -> str:
    """Slack's three control characters as entities, so typed text cannot mention or link."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def to_mrkdwn(text: str) -> str:
    """prepbot's light markup (**bold**, `code`, [label](url)) as escaped Slack mrkdwn."""
    escaped = escape(text)
    escaped = LINK.sub(lambda m: f"<{m.group(2)}|{m.group(1).replace('|', '/')}>", escaped)
    return BOLD.sub(r"*\1*", escaped)


def trim(text: str, limit: int) -> str:
    """Cut text to a limit, marking the cut with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def plain(text: str, limit: int = MAX_SECTION) -> Json:
    """A plain_text object: shown literally, never parsed for mentions or formatting."""
    return {"type": "plain_text", "text": trim(text, limit) or " ", "emoji": True}


def chunks(text: str, limit: int = MAX_SECTION) -> list[str]:
    """Split long text at line (else word) boundaries into pieces of at most `limit` chars."""
    pieces: list[str] = []
    while len(text) > limit:
        cut = text.rfind("\n", 0, limit)
        if cut <= 0:
            cut = text.rfind(" ", 0, limit)
        if cut <= 0:
            cut = limit
        pieces.append(text[:cut])
        text = text[cut:].lstrip("\n ")
    return [*pieces, text] if text or not pieces else pieces


def sections(text: str, markdown: bool = True) -> list[Json]:
    """One or more section blocks for a paragraph (mrkdwn, or plain text for typed text)."""
    if not markdown:
        return [{"type": "section", "text": plain(part)} for part in chunks(text)]
    return [{"type": "section", "text": {"type": "mrkdwn", "text": part}}
            for part in chunks(to_mrkdwn(text))]


def option(choice: Option) -> Json:
    """One option of a radio group or select."""
    return {"text": plain(choice.label, MAX_BUTTON_LABEL), "value": trim(choice.value, 150)}


def choice_element(choice: Choice, action_id: str) -> Json:
    """A Likert scale: radio buttons, or a static select when the scale is long."""
    kind = "radio_buttons" if len(choice.options) <= MAX_RADIO else "static_select"
    element: Json = {"type": kind, "action_id": action_id,
                     "options": [option(o) for o in choice.options[:100]]}
    chosen = next((o for o in choice.options if o.value == choice.selected), None)
    if chosen is not None:
        element["initial_option"] = option(chosen)
    if kind == "static_select":
        element["placeholder"] = plain("Choose one", 150)
    return element


def button(item: Button, action_id: str) -> Json:
    """One button; Slack has no "default" style, only primary and danger."""
    element: Json = {"type": "button", "text": plain(item.label, MAX_BUTTON_LABEL),
                     "action_id": action_id, "value": item.value[:MAX_VALUE]}
    if item.style != "default":
        element["style"] = item.style
    return element


def unique_ids(buttons: tuple[Button, ...]) -> list[str]:
    """Action ids made unique within a block (Slack rejects duplicates): `id`, `id|2`, ..."""
    seen: dict[str, int] = {}
    ids = []
    for item in buttons:
        seen[item.action_id] = seen.get(item.action_id, 0) + 1
        count = seen[item.action_id]
        ids.append(item.action_id if count == 1 else f"{item.action_id}{ACTION_SUFFIX}{count}")
    return ids


def core_action_id(action_id: str) -> str:
    """The core's action id behind a Slack one (drops the uniqueness suffix)."""
    return action_id.split(ACTION_SUFFIX, 1)[0]


def element(field: Input) -> Json:
    """The input element for one form field."""
    if field.kind == "select":
        found: Json = {"type": "static_select", "action_id": field.name,
                       "options": [option(o) for o in field.options[:100]],
                       "placeholder": plain(field.placeholder or "Choose one", 150)}
        chosen = next((o for o in field.options if o.value == field.initial), None)
        if chosen is not None:
            found["initial_option"] = option(chosen)
        return found
    if field.kind == "date":
        picked: Json = {"type": "datepicker", "action_id": field.name}
        if field.initial:
            picked["initial_date"] = field.initial
        return picked
    typed: Json = {"type": "plain_text_input", "action_id": field.name,
                   "multiline": field.kind == "textarea"}
    if field.placeholder:
        typed["placeholder"] = plain(field.placeholder, 150)
    if field.initial:
        typed["initial_value"] = field.initial[:3000]
    return typed


def input_block(field: Input | Choice) -> Json:
    """One labelled input block; block_id and action_id are both the core's field name."""
    made = choice_element(field, field.name) if isinstance(field, Choice) else element(field)
    return {"type": "input", "block_id": field.name, "optional": not field.required,
            "label": plain(field.label, 2000), "element": made}


def submit_value(form: Form) -> str | None:
    """The Submit button's value: form id and context, or None past Slack's 2,000 characters."""
    value = json.dumps({"form_id": form.form_id, "context": form.context},
                       separators=(",", ":"))
    return value if len(value) <= MAX_VALUE else None


def inline_form(form: Form) -> list[Json]:
    """A form inside a message: its inputs, then a Submit button carrying id and context.

    Slack sends no payload when an input in a message changes (no dispatch_action); the
    Submit click's block_actions carries every input's value in `state.values`.
    """
    blocks = [*sections(f"**{form.title}**"), *(input_block(f) for f in form.fields)]
    value = submit_value(form)
    if value is None:  # cutting the context would submit the wrong thing: say so instead
        log.warning("form %s: its context is too long for a Slack button", form.form_id)
        return [*blocks, {"type": "context", "elements": [{"type": "mrkdwn",
                                                           "text": TOO_LONG}]}]
    submit = {"type": "button", "action_id": SUBMIT_FORM, "value": value, "style": "primary",
              "text": plain(form.submit_label, MAX_BUTTON_LABEL)}
    return [*blocks, {"type": "actions", "block_id": f"{SUBMIT_FORM}:{form.form_id}"[:255],
                      "elements": [submit]}]


def image(block: Image, public_url: str) -> list[Json]:
    """An image block with an absolute URL, or its alt text when there is none to give."""
    url = images.absolute(block.url, public_url, "Slack")
    if url is None:  # Slack rejects the whole message for a relative image_url
        return [{"type": "context", "elements": [plain(images.said(block.alt, block.url),
                                                        MAX_SECTION)]}]
    return [{"type": "image", "image_url": url, "alt_text": trim(block.alt, 2000)}]


def render_block(block: Block, public_url: str = "") -> list[Json]:
    """One core block as zero or more Block Kit blocks."""
    if isinstance(block, Text):
        return sections(block.text, block.markdown)
    if isinstance(block, Steps):
        lines = "\n".join(f"{n}. {item}" for n, item in enumerate(block.items, 1))
        return sections(lines)
    if isinstance(block, Fields):
        return render_fields(block)
    if isinstance(block, Buttons):
        buttons = block.buttons[:MAX_BUTTONS]
        return [{"type": "actions",
                 "elements": [button(b, i) for b, i in zip(buttons, unique_ids(buttons),
                                                           strict=True)]}]
    if isinstance(block, Choice):
        return [*sections(f"**{block.label}**"),
                {"type": "actions", "elements": [choice_element(block, block.name)]}]
    if isinstance(block, Image):
        return image(block, public_url)
    if isinstance(block, Divider):
        return [{"type": "divider"}]
    if isinstance(block, Context):
        return [{"type": "context", "elements": [{"type": "mrkdwn", "text": part}]}
                for part in chunks(to_mrkdwn(block.text))]
    if isinstance(block, Form):  # with a trigger_id, delivery opens a modal instead
        return inline_form(block)
    return []


def render_fields(block: Fields) -> list[Json]:
    """Label and value pairs as section fields, ten to a section.

    Plain text: values may be typed by people (a room, a display name), and mrkdwn has no
    escape for * _ ~ `, so a name like "*URGENT*" would otherwise render bold.
    """
    fields = [plain(f"{label}\n{value}", MAX_FIELD) for label, value in block.pairs]
    return [{"type": "section", "fields": fields[i:i + MAX_FIELDS]}
            for i in range(0, len(fields), MAX_FIELDS)]


def render_blocks(blocks: tuple[Block, ...], limit: int = MAX_BLOCKS,
                  public_url: str = "") -> list[Json]:
    """Every block, trimmed to Slack's block limit with a visible note when cut."""
    rendered = [part for block in blocks for part in render_block(block, public_url)]
    if len(rendered) <= limit:
        return rendered
    note = {"type": "context", "elements": [
        {"type": "mrkdwn", "text": "This message was too long for Slack and was shortened."}]}
    return [*rendered[: limit - 1], note]


def fallback(reply: Reply) -> str:
    """The `text` Slack shows in notifications and reads to screen readers; never empty."""
    text = reply.text.strip()
    if not text:
        text = next((b.text for b in reply.blocks if isinstance(b, Text | Context)), "prepbot")
    return trim(to_mrkdwn(text), MAX_FALLBACK)


def render(reply: Reply, public_url: str = "") -> Json:
    """A reply as the `text` and `blocks` arguments of chat.postMessage and friends."""
    return {"text": fallback(reply), "blocks": render_blocks(reply.blocks,
                                                             public_url=public_url)}


def form_of(reply: Reply) -> Form | None:
    """The form a reply carries, if any (a modal when Slack gave a trigger, else inline)."""
    return next((b for b in reply.blocks if isinstance(b, Form)), None)
