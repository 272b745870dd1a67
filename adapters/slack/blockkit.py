"""The core's Reply rendered as Slack Block Kit, within Slack's limits, always with a fallback."""

from __future__ import annotations

import re
from typing import Any

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


def render_block(block: Block) -> list[Json]:
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
        return [{"type": "image", "image_url": block.url, "alt_text": trim(block.alt, 2000)}]
    if isinstance(block, Divider):
        return [{"type": "divider"}]
    if isinstance(block, Context):
        return [{"type": "context", "elements": [{"type": "mrkdwn", "text": part}]}
                for part in chunks(to_mrkdwn(block.text))]
    if isinstance(block, Form):  # a form in a message is delivered as a modal, see delivery
        return sections(f"**{block.title}**")
    return []


def render_fields(block: Fields) -> list[Json]:
    """Label and value pairs as section fields, ten to a section.

    Plain text: values may be typed by people (a room, a display name), and mrkdwn has no
    escape for * _ ~ `, so a name like "*URGENT*" would otherwise render bold.
    """
    fields = [plain(f"{label}\n{value}", MAX_FIELD) for label, value in block.pairs]
    return [{"type": "section", "fields": fields[i:i + MAX_FIELDS]}
            for i in range(0, len(fields), MAX_FIELDS)]


def render_blocks(blocks: tuple[Block, ...], limit: int = MAX_BLOCKS) -> list[Json]:
    """Every block, trimmed to Slack's block limit with a visible note when cut."""
    rendered = [part for block in blocks for part in render_block(block)]
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


def render(reply: Reply) -> Json:
    """A reply as the `text` and `blocks` arguments of chat.postMessage and friends."""
    return {"text": fallback(reply), "blocks": render_blocks(reply.blocks)}


def form_of(reply: Reply) -> Form | None:
    """The form a reply carries, if any (Slack shows it as a modal)."""
    return next((b for b in reply.blocks if isinstance(b, Form)), None)
