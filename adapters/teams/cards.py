"""The core's Reply -> an Adaptive Card (schema 1.5, which Teams renders on desktop and mobile)."""

from __future__ import annotations

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
    Reply,
    Steps,
    Text,
)

Json = dict[str, Any]
CARD_TYPE = "application/vnd.microsoft.card.adaptive"
SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json"
VERSION = "1.5"
STYLES = {"primary": "positive", "danger": "destructive", "default": "default"}
CODE = re.compile(r"`([^`\n]+)`")
MAX_TEXT = 4000  # per element: a whole card must stay under Teams' ~28 KB
MAX_ACTIONS = 6  # Teams shows at most six buttons in one action set


def trim(text: str, limit: int = MAX_TEXT) -> str:
    """Cut text to a limit, marking the cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def core_markdown(text: str) -> str:
    """prepbot's light markup in card markdown: bold and links carry over, `code` does not."""
    return trim(CODE.sub(r"\1", text))


def inert(text: str) -> str:
    """Text shown verbatim: braces are broken so `{{DATE(...)}}` templating cannot fire."""
    return trim(text.replace("{{", "{\u200b{"))


def plain(text: str, **style: Any) -> Json:
    """A person's words: a TextRun is never read as markdown, so nothing can be injected."""
    return {"type": "RichTextBlock", "inlines": [{"type": "TextRun", "text": inert(text), **style}]}


def markdown(text: str, **style: Any) -> Json:
    """prepbot's own sentences, with its bold and links."""
    return {"type": "TextBlock", "text": core_markdown(text), "wrap": True, **style}


def choices(options: Any) -> list[Json]:
    """Options as ChoiceSet choices."""
    return [{"title": trim(o.label, 200), "value": o.value} for o in options]


def choice_input(choice: Choice) -> Json:
    """A Likert item: every point labelled in words, shown as radio buttons."""
    element: Json = {"type": "Input.ChoiceSet", "id": choice.name, "label": choice.label,
                     "style": "expanded", "isRequired": choice.required,
                     "choices": choices(choice.options)}
    if choice.required:
        element["errorMessage"] = f"Please choose an answer for: {choice.label}"
    if choice.selected is not None:
        element["value"] = choice.selected
    return element


def field_input(field: Input) -> Json:
    """One form field as a card input."""
    element: Json = {"id": field.name, "label": field.label, "isRequired": field.required}
    if field.kind == "select":
        element |= {"type": "Input.ChoiceSet", "style": "compact",
                    "choices": choices(field.options)}
    elif field.kind == "date":
        element["type"] = "Input.Date"
    else:
        element |= {"type": "Input.Text", "isMultiline": field.kind == "textarea",
                    "maxLength": MAX_TEXT}
    if field.placeholder:
        element["placeholder"] = field.placeholder
    if field.initial:
        element["value"] = field.initial
    if field.required:
        element["errorMessage"] = f"{field.label} is required."
    return element


def submit(title: str, data: Json, style: str = "default") -> Json:
    """An Action.Submit: Teams posts `data` (plus the inputs) back as the activity's value."""
    return {"type": "Action.Submit", "title": trim(title, 80), "data": data, "style": style}


def render_form(form: Form) -> list[Json]:
    """A form: its title, its inputs, and a submit button carrying the form id and context."""
    inputs = [choice_input(f) if isinstance(f, Choice) else field_input(f) for f in form.fields]
    data = {"form_id": form.form_id, "context": form.context}
    return [markdown(f"**{form.title}**", size="medium"), *inputs,
            {"type": "ActionSet", "actions": [submit(form.submit_label, data, "positive")]}]


def render_buttons(buttons: tuple[Button, ...]) -> Json:
    """A row of buttons; each sends back the core's action id and value."""
    actions = [submit(b.label, {"action_id": b.action_id, "value": b.value}, STYLES[b.style])
               for b in buttons[:MAX_ACTIONS]]
    return {"type": "ActionSet", "actions": actions}


def render_fields(fields: Fields) -> list[Json]:
    """Label and value side by side; values are shown verbatim (they may be typed by people)."""
    return [{"type": "ColumnSet", "columns": [
        {"type": "Column", "width": "auto", "items": [plain(label, weight="bolder")]},
        {"type": "Column", "width": "stretch", "items": [plain(value)]}]}
        for label, value in fields.pairs]


def render_image(block: Image, public_url: str) -> list[Json]:
    """An Image with an absolute URL, or its alt text when there is none to give."""
    url = images.absolute(block.url, public_url, "Teams")
    if url is None:  # Teams cannot fetch a relative URL: say what the chart shows instead
        return [plain(images.said(block.alt, block.url), isSubtle=True, size="small")]
    return [{"type": "Image", "url": url, "altText": trim(block.alt, 1000)}]


def render_block(block: Block, public_url: str = "") -> list[Json]:
    """One core block as card elements."""
    if isinstance(block, Text):
        return [markdown(block.text) if block.markdown else plain(block.text)]
    if isinstance(block, Steps):
        return [markdown(f"{n}. {item}", spacing="small") for n, item in enumerate(block.items, 1)]
    if isinstance(block, Fields):
        return render_fields(block)
    if isinstance(block, Buttons):
        return [render_buttons(block.buttons)]
    if isinstance(block, Choice):  # outside a form: a Send button carries the chosen value
        data = {"action_id": block.name, "value_from": block.name}
        return [choice_input(block), {"type": "ActionSet", "actions": [submit("Send", data)]}]
    if isinstance(block, Form):
        return render_form(block)
    if isinstance(block, Image):
        return render_image(block, public_url)
    if isinstance(block, Context):
        return [markdown(block.text, isSubtle=True, size="small")]
    return []


def render_body(blocks: tuple[Block, ...], public_url: str = "") -> list[Json]:
    """All blocks; a Divider becomes a separator line above whatever follows it."""
    body: list[Json] = []
    separate = False
    for block in blocks:
        if isinstance(block, Divider):
            separate = True
            continue
        elements = render_block(block, public_url)
        if elements and separate:
            elements[0] = {**elements[0], "separator": True, "spacing": "medium"}
            separate = False
        body.extend(elements)
    return body


def render_card(reply: Reply, public_url: str = "") -> Json:
    """The Adaptive Card itself; `fallbackText` and `speak` carry the plain text."""
    return {"type": "AdaptiveCard", "$schema": SCHEMA, "version": VERSION,
            "body": render_body(reply.blocks, public_url), "fallbackText": trim(reply.text),
            "speak": trim(reply.text), "msteams": {"width": "Full"}}


def render(reply: Reply, public_url: str = "") -> Json:
    """A Bot Framework message (as a dict): a card with summary and speak, or plain text."""
    if not reply.blocks:
        return {"type": "message", "text": trim(reply.text), "textFormat": "plain"}
    return {"type": "message", "summary": trim(reply.text, 300), "speak": trim(reply.text),
            "attachments": [{"contentType": CARD_TYPE,
                             "content": render_card(reply, public_url)}]}
